import type { CommandArgs } from './parseCommandArgs';
import { parseCommandArgs, wholeNumberFlag } from './parseCommandArgs';
import type { ScriptLimits } from '../core/scripts/types';
import { RETRIES_FLAG, retriesFrom } from './retriesFlag';
import { SCRIPT_LIMIT_FLAGS, scriptLimitsFrom } from './scriptLimitFlags';
import { TRANSPORT_FLAGS, transportFrom, type TransportSettings } from './transportFlags';
import { SEND_USAGE } from './usage';
import { UsageError } from './usageError';

/** The options of `http-session send`, checked. */
export interface SendOptions {
  file: string;
  names: string[];
  /** 1-based. */
  line?: number;
  env?: string;
  vars: Record<string, string>;
  sessionPath?: string;
  json: boolean;
  /** `-q`: one line per request. */
  quiet: boolean;
  /** `--show-secrets`: credentials in headers, cookies and URLs printed as they are. */
  showSecrets: boolean;
  insecure: boolean;
  /** Send `# @note` requests without asking. */
  yes: boolean;
  /** ms; 0 = none. */
  timeoutMs?: number;
  /** `--retries N`: the retries of a request without `# @retry`; undefined = the default (0). */
  retries?: number;
  /** `--oauth-wait`: seconds an OAuth2 sign-in in the browser is awaited (default 300). */
  oauthWaitSeconds?: number;
  /** `--script-timeout`, `--script-memory`. */
  scriptLimits: ScriptLimits;
  /** `--http2`, `--cert`, `--key`, `--cacert`. */
  transport: TransportSettings;
  help: boolean;
}

/** Parses `send` arguments; UsageError for an unknown flag, a bad value, or a missing or extra FILE. */
export function parseSendOptions(args: string[]): SendOptions {
  const { values, positionals }: CommandArgs = parseCommandArgs(args, {
    name: { type: 'string', multiple: true },
    line: { type: 'string' },
    env: { type: 'string', short: 'e' },
    var: { type: 'string', multiple: true },
    session: { type: 'string', short: 's' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    'show-secrets': { type: 'boolean' },
    insecure: { type: 'boolean', short: 'k' },
    yes: { type: 'boolean', short: 'y' },
    timeout: { type: 'string' },
    ...RETRIES_FLAG,
    'oauth-wait': { type: 'string' },
    ...SCRIPT_LIMIT_FLAGS,
    ...TRANSPORT_FLAGS,
    help: { type: 'boolean', short: 'h' },
  }, SEND_USAGE);
  const help = values.help === true;
  if (!help && positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'send needs a FILE' : `send takes one FILE, got ${positionals.length}`, SEND_USAGE);
  }
  if (values.json === true && values.quiet === true) throw new UsageError('--json and -q each choose the output: give one', SEND_USAGE);
  const vars: Record<string, string> = {};
  for (const pair of (values.var as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var needs NAME=VALUE, not '${pair}'`, SEND_USAGE);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    file: positionals[0] ?? '',
    names: (values.name as string[] | undefined) ?? [],
    line: wholeNumberFlag(values.line, '--line', 1, SEND_USAGE),
    env: values.env as string | undefined,
    vars,
    sessionPath: values.session as string | undefined,
    json: values.json === true,
    quiet: values.quiet === true,
    showSecrets: values['show-secrets'] === true,
    insecure: values.insecure === true,
    yes: values.yes === true,
    timeoutMs: wholeNumberFlag(values.timeout, '--timeout', 0, SEND_USAGE),
    retries: retriesFrom(values, SEND_USAGE),
    oauthWaitSeconds: wholeNumberFlag(values['oauth-wait'], '--oauth-wait', 1, SEND_USAGE),
    scriptLimits: scriptLimitsFrom(values, SEND_USAGE),
    transport: transportFrom(values, SEND_USAGE),
    help,
  };
}
