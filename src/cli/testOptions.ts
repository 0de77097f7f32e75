import { parseCommandArgs } from './parseCommandArgs';
import { RUN_FLAGS, fileOrName, runOptionsFrom, type RunOptions } from './runFlags';
import { TEST_USAGE } from './usage';
import { UsageError } from './usageError';

/** The options of `http-session test`, checked. */
export interface TestOptions extends RunOptions {
  paths: string[];
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
    ...RUN_FLAGS,
    'report-junit': { type: 'string' },
    'report-json': { type: 'string' },
    'report-html': { type: 'string' },
    bail: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, TEST_USAGE);
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError('test needs at least one PATH (a .http file or a folder)', TEST_USAGE);
  const options: TestOptions = { ...runOptionsFrom(values, TEST_USAGE), paths: positionals, bail: values.bail === true, help };
  const reports: Array<['junit' | 'json' | 'html', string]> = [['junit', 'report-junit'], ['json', 'report-json'], ['html', 'report-html']];
  for (const [key, flag] of reports) {
    const file = fileOrName(values, flag, TEST_USAGE);
    if (file !== undefined) options[key] = file;
  }
  return options;
}
