/** Help texts of the CLI, one per command. */

/** `http-session --help`. */
export const MAIN_USAGE = `Usage: http-session <command> [options]

Session-aware .http files: cookies, default headers and auth that persist between requests,
like Python's requests.Session.

Commands:
  send FILE                Send the requests of a .http file through one session
  session show             List the sessions, cookies and default headers of a session file
  session clear            Empty every session in a session file (or one, with --name)
  demo-server              Start the local demo server (httpbin-style endpoints + a login app)

Options:
  -h, --help               Show help (also: http-session <command> --help)
  -v, --version            Show the version
      --debug              Show stack traces of internal errors

Exit status: 0 every request got a response (whatever its HTTP status), 1 a request got no
response, 2 a usage error or a problem in a file (named with file:line).`;

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
      --insecure           Do not verify TLS certificates
  -y, --yes                Send requests marked # @note without asking (on a terminal the CLI asks;
                           elsewhere such a request is refused without --yes)
      --timeout MS         Timeout per request in ms (default 30000; 0 = none)
  -h, --help               Show this help`;

/** `http-session session --help`. */
export const SESSION_USAGE = `Usage: http-session session show --session PATH [--json]
       http-session session clear --session PATH [--name NAME]

  show      Lists each session of the file: cookies (domain, path, name=value, expiry, flags) and
            default headers
  clear     Empties every session in the file (cookies, default headers, named responses), or only
            the session NAME with --name`;

/** `http-session demo-server --help`. */
export const DEMO_SERVER_USAGE = `Usage: http-session demo-server [--port N] [--host ADDRESS]

Starts the demo server (default 127.0.0.1, port 0 = a free one) and keeps it up until Ctrl+C.`;
