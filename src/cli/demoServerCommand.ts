import { startDemoServer } from '../demo/demoServer';
import type { CliIo } from './cliIo';
import { parseCommandArgs, wholeNumberFlag } from './parseCommandArgs';
import { DEMO_SERVER_USAGE } from './usage';
import { EXIT, UsageError } from './usageError';

/** `http-session demo-server [--port N]`: starts the demo server and resolves (exit status) only after Ctrl+C / SIGTERM. */
export async function demoServerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, DEMO_SERVER_USAGE);
  if (values.help) {
    io.out(DEMO_SERVER_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`demo-server takes no arguments, got '${positionals[0]}'`, DEMO_SERVER_USAGE);
  const port = wholeNumberFlag(values.port, '--port', 0, DEMO_SERVER_USAGE) ?? 0;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}`, DEMO_SERVER_USAGE);
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  let server;
  try {
    server = await startDemoServer({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${port} is already in use` : (error as Error).message;
    io.err(`error: the demo server could not start: ${reason}`);
    return EXIT.noResponse;
  }
  io.out(`Demo server listening on ${server.url}`);
  io.out(io.style('dim', 'Press Ctrl+C to stop.'));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}
