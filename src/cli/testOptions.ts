import type { ScriptLimits } from '../core/scripts/types';
import { parseCommandArgs, wholeNumberFlag } from './parseCommandArgs';
import { RETRIES_FLAG, retriesFrom } from './retriesFlag';
import { SCRIPT_LIMIT_FLAGS, scriptLimitsFrom } from './scriptLimitFlags';
import { TRANSPORT_FLAGS, transportFrom, type TransportSettings } from './transportFlags';
import { TEST_USAGE } from './usage';
import { UsageError } from './usageError';

/** The options of `http-session test`, checked. */
export interface TestOptions {
  paths: string[];
  env?: string;
  vars: Record<string, string>;
  sessionPath?: string;
  insecure: boolean;
  yes: boolean;
  timeoutMs?: number;
  /** `--retries N`: the retries of a request without `# @retry`; undefined = the default (0). */
  retries?: number;
  /** `--oauth-wait`: seconds an OAuth2 sign-in in the browser is awaited (default 300). */
  oauthWaitSeconds?: number;
  scriptLimits: ScriptLimits;
  /** `--http2`, `--cert`, `--key`, `--cacert`. */
  transport: TransportSettings;
  junit?: string;
  json?: string;
  html?: string;
  /** Stop after the first file with a failure. */
  bail: boolean;
  help: boolean;
}

/** Parses `test` arguments; UsageError for an unknown flag, a bad value or no PATH. */
export function parseTestOptions(args: string[]): TestOptions {
  const { values, positionals } = parseCommandArgs(args, {
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
    'report-junit': { type: 'string' },
    'report-json': { type: 'string' },
    'report-html': { type: 'string' },
    bail: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, TEST_USAGE);
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError('test needs at least one PATH (a .http file or a folder)', TEST_USAGE);
  const vars: Record<string, string> = {};
  for (const pair of (values.var as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var needs NAME=VALUE, not '${pair}'`, TEST_USAGE);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const text = (name: string): string | undefined => {
    const v = values[name];
    if (v === '') throw new UsageError(`--${name} needs a FILE`, TEST_USAGE);
    return typeof v === 'string' ? v : undefined;
  };
  const options: TestOptions = {
    paths: positionals,
    vars,
    insecure: values.insecure === true,
    yes: values.yes === true,
    scriptLimits: scriptLimitsFrom(values, TEST_USAGE),
    transport: transportFrom(values, TEST_USAGE),
    bail: values.bail === true,
    help,
  };
  const timeoutMs = wholeNumberFlag(values.timeout, '--timeout', 0, TEST_USAGE);
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  const retries = retriesFrom(values, TEST_USAGE);
  if (retries !== undefined) options.retries = retries;
  const oauthWait = wholeNumberFlag(values['oauth-wait'], '--oauth-wait', 1, TEST_USAGE);
  if (oauthWait !== undefined) options.oauthWaitSeconds = oauthWait;
  const optional: Array<[keyof TestOptions, string]> = [['env', 'env'], ['sessionPath', 'session'], ['junit', 'report-junit'], ['json', 'report-json'], ['html', 'report-html']];
  for (const [key, flag] of optional) {
    const v = text(flag);
    if (v !== undefined) (options as unknown as Record<string, unknown>)[key] = v;
  }
  return options;
}
