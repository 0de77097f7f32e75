import { tmpdir } from 'node:os';

/** One row of docs/hardening.md: what was sent or served, what the tool did, and whether the rule held. */
export interface CaseRecord {
  area: string;
  name: string;
  served: string;
  outcome: string;
  pass: boolean;
}

const declared: Array<Pick<CaseRecord, 'area' | 'name' | 'served'>> = [];
const results = new Map<string, CaseRecord>();
const loadedFiles = new Set<string>();

/** Every case declared by the hardening files loaded in this run, in declaration order. */
export function declaredCases(): ReadonlyArray<Pick<CaseRecord, 'area' | 'name' | 'served'>> {
  return declared;
}

/** The outcome of every case that ran, by name. */
export function caseResults(): ReadonlyMap<string, CaseRecord> {
  return results;
}

/** Base names of the hardening test files that declared cases in this run. */
export function loadedCaseFiles(): ReadonlySet<string> {
  return loadedFiles;
}

/** Ports, temp folders and timestamps vary per run; the table keeps only what is stable. */
export function stableText(text: string): string {
  return text
    .split(tmpdir()).join('<tmp>')
    .replace(/<tmp>\/[\w.-]+/g, '<tmp>/…')
    .replace(/(127\.0\.0\.\d+|localhost|\.test):\d{2,5}(?!\d)/g, '$1:PORT')
    .replace(/corrupt-[\dT-]+Z?/g, 'corrupt-<time>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Declares a hardening case as a mocha test: `run` performs it, asserts the rule, and returns one line
 * saying what the tool did. The result (or the failure) is recorded for docs/hardening.md.
 */
export function hardeningCase(file: string, area: string, name: string, served: string, run: () => Promise<string>, timeoutMs = 20_000): void {
  if (declared.some((c) => c.name === name)) throw new Error(`duplicate hardening case name: ${name}`);
  loadedFiles.add(file.replace(/^.*[\\/]/, ''));
  declared.push({ area, name, served });
  it(name, async function () {
    this.timeout(timeoutMs);
    try {
      const outcome = await run();
      results.set(name, { area, name, served, outcome: stableText(outcome), pass: true });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      results.set(name, { area, name, served, outcome: stableText(`FAILED: ${message}`), pass: false });
      throw error;
    }
  });
}

const measured: string[] = [];

/** Notes a measured number (printed now, and listed under the table when it is regenerated). */
export function recordMeasured(line: string): void {
  measured.push(line);
  console.log(`      measured: ${line}`);
}

/** Every measurement noted in this run. */
export function measuredLines(): readonly string[] {
  return measured;
}
