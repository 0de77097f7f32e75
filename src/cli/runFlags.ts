import type { ScriptLimits } from '../core/scripts/types';
import type { CommandArgs } from './parseCommandArgs';
import { wholeNumberFlag } from './parseCommandArgs';
import { RETRIES_FLAG, retriesFrom } from './retriesFlag';
import { SCRIPT_LIMIT_FLAGS, scriptLimitsFrom } from './scriptLimitFlags';
import { TRANSPORT_FLAGS, transportFrom, type TransportSettings } from './transportFlags';
import { UsageError } from './usageError';

/** What `send` and `test` both take: how the requests run (environment, session, limits, transport). */
export interface RunOptions {
  env?: string;
  vars: Record<string, string>;
  sessionPath?: string;
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
}

/** The flags behind RunOptions, for parseCommandArgs. */
export const RUN_FLAGS = {
  env: { type: 'string', short: 'e' },
  var: { type: 'string', multiple: true },
  session: { type: 'string', short: 's' },
  insecure: { type: 'boolean', short: 'k' },
  yes: { type: 'boolean', short: 'y' },
  timeout: { type: 'string' },
  ...RETRIES_FLAG,
  'oauth-wait': { type: 'string' },
  ...SCRIPT_LIMIT_FLAGS,
  ...TRANSPORT_FLAGS,
} as const;

/** RunOptions from parsed `values`; UsageError (with `usage`) for a bad value. */
export function runOptionsFrom(values: CommandArgs['values'], usage: string): RunOptions {
  const vars: Record<string, string> = {};
  for (const pair of (values.var as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var needs NAME=VALUE, not '${pair}'`, usage);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const options: RunOptions = {
    vars,
    insecure: values.insecure === true,
    yes: values.yes === true,
    scriptLimits: scriptLimitsFrom(values, usage),
    transport: transportFrom(values, usage),
  };
  const env = fileOrName(values, 'env', usage);
  if (env !== undefined) options.env = env;
  const sessionPath = fileOrName(values, 'session', usage);
  if (sessionPath !== undefined) options.sessionPath = sessionPath;
  const timeoutMs = wholeNumberFlag(values.timeout, '--timeout', 0, usage);
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  const retries = retriesFrom(values, usage);
  if (retries !== undefined) options.retries = retries;
  const oauthWait = wholeNumberFlag(values['oauth-wait'], '--oauth-wait', 1, usage);
  if (oauthWait !== undefined) options.oauthWaitSeconds = oauthWait;
  return options;
}

/** A string flag's value; UsageError when it was given empty (`--session ''`). */
export function fileOrName(values: CommandArgs['values'], flag: string, usage: string): string | undefined {
  const v = values[flag];
  if (v === '') throw new UsageError(`--${flag} needs a value`, usage);
  return typeof v === 'string' ? v : undefined;
}
