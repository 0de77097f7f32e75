import type { CommandArgs } from './parseCommandArgs';
import { parseCommandArgs, wholeNumberFlag } from './parseCommandArgs';
import { RUN_FLAGS, runOptionsFrom, type RunOptions } from './runFlags';
import { SEND_USAGE } from './usage';
import { UsageError } from './usageError';

/** The options of `http-session send`, checked. */
export interface SendOptions extends RunOptions {
  file: string;
  names: string[];
  /** 1-based. */
  line?: number;
  json: boolean;
  /** `-q`: one line per request. */
  quiet: boolean;
  /** `--show-secrets`: credentials in headers, cookies and URLs printed as they are. */
  showSecrets: boolean;
  help: boolean;
}

/** Parses `send` arguments; UsageError for an unknown flag, a bad value, or a missing or extra FILE. */
export function parseSendOptions(args: string[]): SendOptions {
  const { values, positionals }: CommandArgs = parseCommandArgs(args, {
    name: { type: 'string', multiple: true },
    line: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    'show-secrets': { type: 'boolean' },
    ...RUN_FLAGS,
    help: { type: 'boolean', short: 'h' },
  }, SEND_USAGE);
  const help = values.help === true;
  if (!help && positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'send needs a FILE' : `send takes one FILE, got ${positionals.length}`, SEND_USAGE);
  }
  if (values.json === true && values.quiet === true) throw new UsageError('--json and -q each choose the output: give one', SEND_USAGE);
  return {
    ...runOptionsFrom(values, SEND_USAGE),
    file: positionals[0] ?? '',
    names: (values.name as string[] | undefined) ?? [],
    line: wholeNumberFlag(values.line, '--line', 1, SEND_USAGE),
    json: values.json === true,
    quiet: values.quiet === true,
    showSecrets: values['show-secrets'] === true,
    help,
  };
}
