import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

describe('module boundaries', () => {
  it('src/core never imports vscode', () => {
    const offenders = [...tsFiles(join(__dirname, '../../src/core'))].filter((file) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\))/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('every src/core module loads in plain Node without vscode', () => {
    for (const file of tsFiles(join(__dirname, '../../src/core'))) {
      assert.doesNotThrow(() => require(file), file);
    }
  });
});
