import { version } from '../../package.json';
import { HttpSessionError } from '../core/errors';
import type { CliIo } from './cliIo';
import { demoServerCommand } from './demoServerCommand';
import { sendCommand } from './sendCommand';
import { sessionCommand } from './sessionCommand';
import { testCommand } from './testCommand';
import { MAIN_USAGE } from './usage';
import { EXIT, UsageError } from './usageError';

/** Runs the CLI with `argv` (without node and script) and resolves the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(MAIN_USAGE);
      return command === undefined ? EXIT.input : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(version);
      return EXIT.ok;
    }
    if (command === 'send') return await sendCommand(rest, io);
    if (command === 'test') return await testCommand(rest, io);
    if (command === 'session') return await sessionCommand(rest, io);
    if (command === 'demo-server') return await demoServerCommand(rest, io);
    throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`, MAIN_USAGE);
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof UsageError) {
    io.err(io.style('red', `error: ${error.message}`));
    if (error.usage) io.err(`\n${error.usage}`);
    return EXIT.input;
  }
  if (error instanceof HttpSessionError) {
    io.err(io.style('red', `error: ${error.describe()}`));
    return error.isInputError ? EXIT.input : EXIT.noResponse;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(io.style('red', `internal error: ${message}`));
  if (debug && error instanceof Error && error.stack) io.err(error.stack);
  else io.err('(run again with --debug for the stack trace)');
  return EXIT.noResponse;
}
