import type { RunContext } from '../core/runner/types';
import type { CliIo } from './cliIo';

/** The environment variable the CLI reads a client certificate's passphrase from. */
export const PASSPHRASE_VARIABLE = 'HTTP_SESSION_CERT_PASSPHRASE';

/**
 * How the CLI gets a client certificate's passphrase: HTTP_SESSION_CERT_PASSPHRASE when set (CI), else asked
 * on the terminal without echo, once per certificate for the run; with neither, none (the engine says so).
 */
export function certificatePassphrase(io: CliIo): Pick<RunContext, 'askPassphrase' | 'forgetPassphrase'> {
  const fromEnv = io.env[PASSPHRASE_VARIABLE];
  if (fromEnv !== undefined) return { askPassphrase: async () => fromEnv };
  const askSecret = io.askSecret;
  if (!askSecret) return {};
  const answers = new Map<string, string>();
  return {
    askPassphrase: async ({ id, label }) => {
      const known = answers.get(id);
      if (known !== undefined) return known;
      const answer = await askSecret(`Passphrase for ${label}: `);
      if (answer !== undefined) answers.set(id, answer);
      return answer;
    },
    forgetPassphrase: (id) => { answers.delete(id); },
  };
}
