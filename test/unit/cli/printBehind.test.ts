import * as assert from 'node:assert/strict';
import type { CliIo } from '../../../src/cli/cliIo';
import { PrintBehind } from '../../../src/cli/printBehind';

/** An io that records every line with the stream it went to. */
function recordingIo(): { io: CliIo; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    io: {
      out: (text) => lines.push(`out ${text}`),
      err: (text) => lines.push(`err ${text}`),
      style: (_s, text) => text,
      env: {},
      ask: async (question) => { lines.push(`ask ${question}`); return 'y'; },
      flush: async () => { lines.push('flush'); },
    },
  };
}

const nextCheckPhase = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CLI printing behind the run: a result prints while the next request is on the wire, in order', () => {
  it('a queued result is printed at the next check phase, not at once', async () => {
    const { io, lines } = recordingIo();
    const behind = new PrintBehind(io);
    behind.later(() => io.out('result 1'));
    assert.deepEqual(lines, []);
    await nextCheckPhase();
    assert.deepEqual(lines, ['out result 1']);
  });

  it('a warning or prompt of the next request prints after every result queued before it', async () => {
    const { io, lines } = recordingIo();
    const behind = new PrintBehind(io);
    behind.later(() => io.out('result 1'));
    behind.later(() => io.out('result 2'));
    behind.io.err('warning: request 3');
    assert.equal(await behind.io.ask?.('send request 4?'), 'y');
    behind.later(() => io.out('result 4'));
    await behind.io.flush?.();
    assert.deepEqual(lines, ['out result 1', 'out result 2', 'err warning: request 3', 'ask send request 4?', 'out result 4', 'flush']);
  });

  it('drain() prints what is still queued when the run ends', () => {
    const { io, lines } = recordingIo();
    const behind = new PrintBehind(io);
    behind.later(() => io.out('last result'));
    behind.drain();
    assert.deepEqual(lines, ['out last result']);
  });

  it('a print that throws is rethrown by drain(), and the results after it still print, in order', async () => {
    const { io, lines } = recordingIo();
    const behind = new PrintBehind(io);
    behind.later(() => io.out('result 1'));
    behind.later(() => { throw new Error('broken printer'); });
    behind.later(() => io.out('result 3'));
    await nextCheckPhase();
    assert.deepEqual(lines, ['out result 1']);
    assert.throws(() => behind.drain(), /broken printer/);
    assert.deepEqual(lines, ['out result 1', 'out result 3']);
    assert.doesNotThrow(() => behind.drain());
  });
});
