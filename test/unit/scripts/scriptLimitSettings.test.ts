import * as assert from 'node:assert/strict';
import { checkScriptLimits } from '../../../src/core/scripts/scriptLimitSettings';
import { DEFAULT_SCRIPT_LIMITS } from '../../../src/core/scripts/types';

describe('script limit settings (httpSession.scripts.timeout / .memory)', () => {
  it('unset settings keep the defaults (5 s, 64 MB) without a message', () => {
    assert.deepEqual(checkScriptLimits({ timeout: undefined, memory: undefined }, 'httpSession.scripts'), { limits: DEFAULT_SCRIPT_LIMITS, problems: [] });
  });

  it('whole numbers in range are taken as ms and MB; the stack keeps its default', () => {
    assert.deepEqual(checkScriptLimits({ timeout: 250, memory: 32 }, 'httpSession.scripts'), { limits: { ...DEFAULT_SCRIPT_LIMITS, timeMs: 250, memoryMb: 32 }, problems: [] });
  });

  it('a bad value keeps that limit\'s default and gives a message naming the setting, its value and what it takes', () => {
    const checked = checkScriptLimits({ timeout: -5, memory: '64MB' }, 'httpSession.scripts');
    assert.deepEqual(checked.limits, DEFAULT_SCRIPT_LIMITS);
    assert.deepEqual(checked.problems, [
      'The setting httpSession.scripts.timeout must be a whole number of milliseconds, at least 1; it is -5. The default 5000 is used.',
      'The setting httpSession.scripts.memory must be a whole number of MB, from 8 to 2048; it is "64MB". The default 64 is used.',
    ]);
  });

  it('refuses fractions, too little memory and more than a WebAssembly memory holds', () => {
    for (const [timeout, memory] of [[1.5, 4], [0, 4096]] as const) {
      const checked = checkScriptLimits({ timeout, memory }, 'httpSession.scripts');
      assert.equal(checked.problems.length, 2, JSON.stringify(checked.problems));
      assert.deepEqual(checked.limits, DEFAULT_SCRIPT_LIMITS);
    }
  });
});
