import { createInterface } from 'node:readline/promises';
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
  /** Asks a question on the terminal and resolves with the answer; absent when there is no terminal to ask on. */
  ask?(question: string): Promise<string | undefined>;
  /** Writes whatever `out` still holds; resolves once it reached the stream. */
  flush?(): Promise<void>;
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
  // One write per request's worth of lines, not per line: 1,000 responses are otherwise ~10,000 syscalls.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (): Promise<void> => {
    if (pending.length === 0) return Promise.resolve();
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    return new Promise((resolve) => process.stdout.write(text, () => resolve()));
  };
  return {
    out: (text) => {
      if (pending.length === 0) setImmediate(() => void flush());
      const line = `${process.stdout.isTTY ? terminalSafe(text) : text}\n`;
      pending.push(line);
      pendingLength += line.length;
      if (pendingLength > 1024 * 1024) void flush();
    },
    flush,
    err: (text) => { void flush(); process.stderr.write(`${process.stderr.isTTY ? terminalSafe(text) : text}\n`); },
    style: (styles, text) => (colour ? styleText(styles, text) : text),
    env,
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: (question: string) => { void flush(); return askOnTerminal(question); } } : {}),
  };
}

/** One question on stderr, the answer read from stdin; undefined when stdin closes first. */
async function askOnTerminal(question: string): Promise<string | undefined> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await new Promise<string | undefined>((resolve) => {
      terminal.once('close', () => resolve(undefined));
      // The question quotes the .http file (the note, the request line), which may hold escape sequences.
      terminal.question(terminalSafe(question)).then(resolve, () => resolve(undefined));
    });
  } finally {
    terminal.close();
  }
}
