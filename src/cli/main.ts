// The `http-session` command (bundled to dist/cli-main.js by esbuild.mjs; dist/cli.js runs it from V8's code cache).
import { createProcessIo } from './cliIo';
import { runCli } from './runCli';

const io = createProcessIo();
void runCli(process.argv.slice(2), io).then(async (code) => {
  await io.flush?.();
  process.exitCode = code;
  // Everything is closed by now; this only guards against a stray handle keeping a finished run alive.
  setTimeout(() => process.exit(code), 2000).unref();
});
