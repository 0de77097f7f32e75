import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { caseResults, declaredCases, loadedCaseFiles, measuredLines } from './hardeningCase';
import { HARDENING_DOC, listedCaseNames, renderHardeningDoc } from './hardeningDoc';

const REGENERATING = process.env.HARDENING_TABLE === '1';

/** The hardening test files that declare cases (every *.test.ts here but this one). */
function caseFiles(): string[] {
  return readdirSync(__dirname).filter((name) => name.endsWith('.test.ts') && name !== 'table.test.ts').sort();
}

describe('hardening: docs/hardening.md is kept current by the suite', () => {
  it('docs/hardening.md lists every case the suite ran (a stale table fails)', function () {
    if (REGENERATING) this.skip();
    assert.ok(existsSync(HARDENING_DOC), `missing ${HARDENING_DOC}: regenerate it (see its first lines)`);
    const listed = new Set(listedCaseNames(readFileSync(HARDENING_DOC, 'utf8')));
    const missing = declaredCases().map((c) => c.name).filter((name) => !listed.has(name));
    assert.deepEqual(missing, [], 'cases missing from docs/hardening.md: regenerate it with HARDENING_TABLE=1');
    if (caseFiles().every((file) => loadedCaseFiles().has(file))) {
      const declared = new Set(declaredCases().map((c) => c.name));
      assert.deepEqual([...listed].filter((name) => !declared.has(name)), [], 'docs/hardening.md lists cases the suite no longer has');
    }
  });
});

// A root-level hook: runs once after every suite of the run, so every case has recorded its outcome.
after(function () {
  if (!REGENERATING) return;
  const records = declaredCases().map((c) => caseResults().get(c.name));
  const complete = records.every((r) => r !== undefined) && caseFiles().every((file) => loadedCaseFiles().has(file));
  if (!complete) {
    console.log('      HARDENING_TABLE=1 but not every hardening case ran: docs/hardening.md left unchanged');
    return;
  }
  writeFileSync(HARDENING_DOC, renderHardeningDoc(records.filter((r) => r !== undefined), [...measuredLines()]));
  console.log(`      wrote ${HARDENING_DOC} (${records.length} cases)`);
});
