// The Restricted Mode rules as pure functions (no 'vscode' import), so plain Node unit tests can check them.

/**
 * Settings a workspace may not set while untrusted: a cloned repository must not turn off TLS checks,
 * add headers to every request, trust its own CA, choose which client certificate goes to which host, or
 * raise the script sandbox's limits (hours of time would hang a Send or Test run). Mirrors
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`.
 */
export const RESTRICTED_SETTINGS = [
  'httpSession.tls.rejectUnauthorized',
  'httpSession.defaultHeaders',
  'httpSession.tls.certificates',
  'httpSession.tls.ca',
  'httpSession.scripts.timeout',
  'httpSession.scripts.memory',
] as const;

/** The scopes of one setting, as `WorkspaceConfiguration.inspect()` returns them (language scopes ignored). */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The value of a setting the way Restricted Mode allows it: for a trusted workspace the usual precedence
 * (folder, workspace, user, default); for an untrusted one, only user settings and the default, so
 * nothing in the workspace's `.vscode/settings.json` or `.code-workspace` file counts.
 */
export function settingValue<T>(inspected: InspectedSetting<T> | undefined, trusted: boolean): T | undefined {
  if (!inspected) return undefined;
  if (trusted) return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue ?? inspected.defaultValue;
  return inspected.globalValue ?? inspected.defaultValue;
}

/** What an untrusted workspace needs before a request goes out; `undefined` when no question is asked. */
export interface SendConfirmation {
  /** The modal's question, naming method and URL as written. */
  message: string;
  /** The modal's detail: what Restricted Mode turns off. */
  detail: string;
  /** The button that sends. */
  confirm: string;
}

/** Longest URL quoted in the confirmation, in characters (the rest is elided). */
const URL_CHARS = 200;

/** The confirmation to ask before sending `method url` from a workspace that is `trusted` or not. */
export function sendConfirmation(trusted: boolean, method: string, url: string): SendConfirmation | undefined {
  if (trusted) return undefined;
  // Bidi and other control characters would let a file make the URL read differently than it is.
  const clean = url.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  const shown = clean.length > URL_CHARS ? `${clean.slice(0, URL_CHARS)}…` : clean;
  return {
    message: `Send ${method} ${shown} from an untrusted workspace?`,
    detail: 'This workspace is in Restricted Mode: {{$processEnv}}, {{$dotenv}} and body files outside the workspace are off, '
      + 'and the workspace\'s own settings for TLS checks, default headers and script limits are ignored.',
    confirm: 'Send',
  };
}

/**
 * The confirmation to ask once before a Testing-view run of `requests` requests from `files` files: the same
 * "ask first" as sending, since the requests go out and their scripts (sandboxed, but able to change what later
 * requests send through globals) run. `undefined` in a trusted workspace.
 */
export function runConfirmation(trusted: boolean, requests: number, files: number): SendConfirmation | undefined {
  if (trusted) return undefined;
  const what = `${requests} request${requests === 1 ? '' : 's'}${files > 1 ? ` from ${files} files` : ''}`;
  return {
    message: `Send ${what} and run their scripts from an untrusted workspace?`,
    detail: 'This workspace is in Restricted Mode. The scripts run sandboxed, but what they set (client.global) is sent by later requests; '
      + '{{$processEnv}}, {{$dotenv}} and body files outside the workspace are off.',
    confirm: 'Run',
  };
}
