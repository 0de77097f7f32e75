/** Help texts of the CLI, one per command. */
import { RETRIES_HELP } from './retriesFlag';
import { SCRIPT_LIMIT_HELP } from './scriptLimitFlags';
import { TRANSPORT_HELP } from './transportFlags';

/** `http-session --help`. */
export const MAIN_USAGE = `Usage: http-session <command> [options]

Session-aware .http files: cookies, default headers and auth that persist between requests,
like Python's requests.Session.

Commands:
  send FILE                Send the requests of a .http file through one session
  test PATH...             Run the requests of .http files (or every .http/.rest file below folders)
                           and their tests (?? lines, client.test); reports for CI
  session show             List the sessions, cookies and default headers of a session file
  session clear            Empty every session in a session file (or one, with --name)
  demo-server              Start the local demo server (httpbin-style endpoints + a login app)

Options:
  -h, --help               Show help (also: http-session <command> --help)
  -v, --version            Show the version
      --debug              Show stack traces of internal errors

Exit status: 0 every request got a response (whatever its HTTP status) and every test passed,
1 a request got no response, 2 a usage error or a problem in a file (named with file:line),
4 a test, ?? assertion or script failed.`;

/** `http-session send --help`. */
export const SEND_USAGE = `Usage: http-session send FILE [options]

Sends the requests of FILE in order through one session and prints each response.

Options:
      --name NAME          Send only the request named NAME (# @name); repeat for several
      --line N             Send only the request at line N (1-based)
      --env NAME           Use environment NAME from http-client(.private).env.json beside FILE
      --var NAME=VALUE     Set a variable; wins over file variables and the environment; repeatable
      --session PATH       Load the session from PATH first (created if missing) and save it after
      --json               Print one JSON object per request per line
  -q, --quiet              Print one line per request: status, method, URL, time and size
      --show-secrets       Print credentials as they are (by default Authorization, Cookie and
                           secret-looking header values, cookie values and secret URL parameters are
                           masked, so a CI log does not carry them)
      --insecure           Do not verify TLS certificates
  -y, --yes                Send requests marked # @note without asking (on a terminal the CLI asks;
                           elsewhere such a request is refused without --yes)
      --timeout MS         Timeout per request in ms (default 30000; 0 = none)
${RETRIES_HELP}
      --oauth-wait S       Seconds to wait for an OAuth2 sign-in in the browser (default 300)
${SCRIPT_LIMIT_HELP}
${TRANSPORT_HELP}
  -h, --help               Show this help

Scripts (> {% %}, < {% %}) run in a sandbox; each test (?? line, client.test) is printed under its
response. Exit status: 0 all went well, 1 a request got no response, 2 a usage or file problem,
4 a test, assertion or script failed.`;

/** `http-session test --help`. */
export const TEST_USAGE = `Usage: http-session test PATH... [options]

Runs every request of each .http file (a folder: every .http/.rest file below it, in sorted order)
through one session, with its tests: ?? assertion lines, client.test in response handlers, and a
script that throws or hits its limits. Prints one line per request, each failure with its file:line:col
and source line, and a closing line "N passed, M failed".

Options:
      --env NAME           Use environment NAME from http-client(.private).env.json beside each file
      --var NAME=VALUE     Set a variable; wins over file variables and the environment; repeatable
      --session PATH       Load the session from PATH first (created if missing) and save it after
      --insecure           Do not verify TLS certificates
  -y, --yes                Send requests marked # @note without asking
      --timeout MS         Timeout per request in ms (default 30000; 0 = none)
${RETRIES_HELP}
      --oauth-wait S       Seconds to wait for an OAuth2 sign-in in the browser (default 300)
${SCRIPT_LIMIT_HELP}
${TRANSPORT_HELP}
      --report-junit FILE  Write a JUnit XML report (a testsuite per file, a testcase per test)
      --report-json FILE   Write the run as JSON
      --report-html FILE   Write one self-contained HTML page (nothing from a response runs in it)
      --bail               Stop after the first file with a failure
  -h, --help               Show this help

Exit status: 0 every test passed, 1 a request got no response, 2 a usage or file problem,
4 a test, assertion or script failed.`;

/** `http-session session --help`. */
export const SESSION_USAGE = `Usage: http-session session show --session PATH [--json] [--show-secrets]
       http-session session clear --session PATH [--name NAME]

  show      Lists each session of the file: cookies (domain, path, name=value, expiry, flags),
            default headers and script globals; cookie values, credential headers (Authorization,
            Cookie, names with token/secret/password/key…) and secret-looking globals are masked
            unless --show-secrets is given
  clear     Empties every session in the file (cookies, default headers, named responses, globals), or only
            the session NAME with --name`;

/** `http-session demo-server --help`. */
export const DEMO_SERVER_USAGE = `Usage: http-session demo-server [--port N] [--host ADDRESS]

Starts the demo server (default 127.0.0.1, port 0 = a free one) and keeps it up until Ctrl+C.`;
