import type { ConfirmFn } from '../core/runner/types';
import type { CliIo } from './cliIo';

/**
 * How the CLI confirms `# @note` requests: `--yes` confirms them all; on a terminal each is asked
 * (only "y" or "yes" sends); elsewhere there is no way to ask, so the engine refuses them.
 */
export function noteConfirmation(yes: boolean, io: CliIo): ConfirmFn | undefined {
  if (yes) return async () => true;
  const ask = io.ask;
  if (!ask) return undefined;
  return async (note, request) => {
    const answer = await ask(`${note ? `${note}\n` : ''}Send ${request}? [y/N] `);
    return /^\s*y(es)?\s*$/i.test(answer ?? '');
  };
}
