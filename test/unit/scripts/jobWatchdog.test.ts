import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobWatchdog } from '../../../src/core/scripts/jobWatchdog';

describe('one watchdog timer for the script jobs in flight', () => {
  it('reports a job past its deadline, never one forgotten before it', async () => {
    const expired: number[] = [];
    const watchdog = new JobWatchdog((id) => expired.push(id));
    watchdog.watch(1, 30);
    watchdog.watch(2, 60);
    watchdog.forget(1);
    await sleep(120);
    assert.deepEqual(expired, [2]);
  });

  it('a job with an earlier deadline than the one the timer waits for is still reported on time', async () => {
    const expired: [number, number][] = [];
    const started = performance.now();
    const watchdog = new JobWatchdog((id) => expired.push([id, performance.now() - started]));
    watchdog.watch(1, 400);
    watchdog.watch(2, 20);
    await sleep(150);
    assert.equal(expired.length, 1);
    assert.equal(expired[0]?.[0], 2);
    watchdog.forget(1);
    await sleep(350);
    assert.equal(expired.length, 1, 'the forgotten job was not reported');
  });

  it('a limit longer than a timer can wait is watched without a warning and without firing early', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    const expired: number[] = [];
    const watchdog = new JobWatchdog((id) => expired.push(id));
    watchdog.watch(1, 2 ** 33);
    await sleep(50);
    watchdog.forget(1);
    process.off('warning', onWarning);
    assert.deepEqual(expired, []);
    assert.deepEqual(warnings, []);
  });
});
