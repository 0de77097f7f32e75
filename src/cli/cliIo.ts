import { styleText } from 'node:util';
import { terminalSafe } from './terminalSafe';

/** Text styles the CLI uses (a subset of node:util styleText's). */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta';

/** Where the CLI writes, and whether it may colour: tests and the entry point pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Wraps `text` in ANSI styles when colour is on; returns it unchanged otherwise. */
  style(styles: Style | Style[], text: string): string;
  /** Process environment (for NO_COLOR and friends). */
  env: NodeJS.ProcessEnv;
}

/**
 * The real terminal: colour only when stdout is a TTY and NO_COLOR is unset (https://no-color.org);
 * FORCE_COLOR=1 turns it on anyway (handy for `npm run demo` piping through a child process). On a terminal,
 * control characters a server sent are shown escaped, never interpreted.
 */
export function createProcessIo(): CliIo {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const colour = env.NO_COLOR === undefined && (forced || process.stdout.isTTY === true);
  return {
    out: (text) => { process.stdout.write(`${process.stdout.isTTY ? terminalSafe(text) : text}\n`); },
    err: (text) => { process.stderr.write(`${process.stderr.isTTY ? terminalSafe(text) : text}\n`); },
    style: (styles, text) => (colour ? styleText(styles, text) : text),
    env,
  };
}
