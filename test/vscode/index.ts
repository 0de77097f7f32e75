// Entry of the integration suite inside VS Code's extension host (both launchers call `run()`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');

/** Runs every bundled `*.test.js` beside this file with mocha; rejects when any test fails. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const filter = process.env.HTTP_SESSION_ITEST_GREP;
  if (filter) mocha.grep(filter);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
