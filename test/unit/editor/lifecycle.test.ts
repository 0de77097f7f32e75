import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Disposable, toDisposable } from '../../../src/vscode/disposable';
import { RunOnceScheduler } from '../../../src/vscode/runOnceScheduler';

const SRC = join(__dirname, '../../../src');

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

class Owner extends Disposable {
  own<T extends { dispose(): void }>(thing: T): T {
    return this._register(thing);
  }
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('editor lifecycle: one Disposable style', () => {
  it('_register disposes what it took, last first, once; after dispose it disposes at once', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.own(toDisposable(() => order.push('a')));
    owner.own(toDisposable(() => order.push('b')));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['b', 'a']);
    owner.own(toDisposable(() => order.push('late')));
    assert.deepEqual(order, ['b', 'a', 'late']);
  });

  it('toDisposable runs its function once however often it is disposed', () => {
    let runs = 0;
    const disposable = toDisposable(() => { runs += 1; });
    disposable.dispose();
    disposable.dispose();
    assert.equal(runs, 1);
  });

  it('RunOnceScheduler: a burst of schedule() calls is one run, after the last', async () => {
    let runs = 0;
    const scheduler = new RunOnceScheduler(() => { runs += 1; }, 20);
    for (let i = 0; i < 100; i++) scheduler.schedule();
    await wait(5);
    scheduler.schedule();
    assert.equal(runs, 0);
    await wait(60);
    assert.equal(runs, 1);
    scheduler.dispose();
  });

  it('RunOnceScheduler: ensureScheduled throttles (a pending run is not pushed back); dispose drops a pending run', async () => {
    let runs = 0;
    const scheduler = new RunOnceScheduler(() => { runs += 1; }, 20);
    scheduler.ensureScheduled();
    await wait(10);
    scheduler.ensureScheduled();
    await wait(25);
    assert.equal(runs, 1, 'the first call\'s run was not delayed by the second');
    scheduler.schedule();
    scheduler.dispose();
    scheduler.schedule();
    await wait(40);
    assert.equal(runs, 1);
  });

  it('src/vscode owns disposables only through Disposable._register / toDisposable (no hand-written dispose objects or methods)', () => {
    const allowed = new Set(['disposable.ts', 'runOnceScheduler.ts']);
    const offenders: string[] = [];
    for (const file of [...tsFiles(join(SRC, 'vscode')), join(SRC, 'extension.ts')]) {
      if (allowed.has(file.split('/').pop() ?? '')) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/implements vscode\.Disposable|\{ dispose: \(\) =>|^\s+(override )?dispose\(\): void \{/.test(line)) offenders.push(`${file.slice(SRC.length + 1)}:${i + 1}`);
      });
    }
    assert.deepEqual(offenders, []);
  });
});
