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
  /** Like `ask`, but the answer is not echoed (a passphrase); absent when there is no terminal. */
  askSecret?(question: string): Promise<string | undefined>;
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
  const stdout = bufferedStdout();
  return {
    out: (text) => stdout.write(`${process.stdout.isTTY ? terminalSafe(text) : text}\n`),
    flush: stdout.flush,
    err: (text) => { void stdout.flush(); process.stderr.write(`${process.stderr.isTTY ? terminalSafe(text) : text}\n`); },
    style: (styles, text) => (colour ? styleText(styles, text) : text),
    env,
    ...(process.stdin.isTTY && process.stderr.isTTY ? {
      ask: (question: string) => { void stdout.flush(); return askOnTerminal(question); },
      askSecret: (question: string) => { void stdout.flush(); return askOnTerminal(question, true); },
    } : {}),
  };
}

/** Output is written once this much is pending, so a fast run makes a few large writes rather than one per line. */
const FLUSH_BYTES = 64 * 1024;
/** Longest a line waits before it is written, so a slow run still shows each response as it arrives. */
const FLUSH_DELAY_MS = 50;

/**
 * stdout through a buffer: written when 64 KiB are pending or 50 ms after the first pending line, whichever
 * comes first (1,000 small responses are otherwise ~1,000 write calls, each waking the reader). Once the reader
 * has gone (EPIPE, as with `| head`), output is dropped and the run finishes normally (the session is still saved).
 */
function bufferedStdout(): { write(text: string): void; flush(): Promise<void> } {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  writeBlockingToPipes();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending === '' || closed) return Promise.resolve();
    const text = pending;
    pending = '';
    return new Promise((resolve) => process.stdout.write(text, () => resolve()));
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= FLUSH_BYTES) void flush();
      else timer ??= setTimeout(() => void flush(), FLUSH_DELAY_MS);
    },
    flush,
  };
}

/**
 * Makes writes to a stdout pipe wait for the reader, as writes to a terminal or a file already do. Node writes
 * to a pipe asynchronously, queueing in memory what the reader has not taken yet: a 20 MB JSON body piped into
 * a slower reader was queued whole as its 32 MB of pretty text (peak RSS 250+ MiB, 190 MiB blocking).
 */
function writeBlockingToPipes(): void {
  const handle = (process.stdout as unknown as { _handle?: { setBlocking?(blocking: boolean): number } })._handle;
  // Only a pipe's handle has setBlocking (a TTY is blocking already, a file is written synchronously).
  if (process.platform !== 'win32' && handle?.constructor?.name === 'Pipe') handle.setBlocking?.(true);
}

/** One question on stderr, the answer read from stdin (not echoed when `hidden`); undefined when stdin closes first. */
async function askOnTerminal(question: string, hidden = false): Promise<string | undefined> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (hidden) {
    // readline echoes what is typed through _writeToOutput; past the question, nothing is written.
    const echo = terminal as unknown as { _writeToOutput(text: string): void };
    const write = echo._writeToOutput.bind(terminal);
    let asked = false;
    echo._writeToOutput = (text) => {
      if (!asked) { asked = true; write(text); } else if (text.includes('\n')) write('\n');
    };
  }
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
