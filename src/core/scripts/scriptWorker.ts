// Entry of the sandbox worker thread (bundled to dist/scriptWorker.js): runs script jobs in QuickJS, so the host
// can terminate the thread when a script's long native calls outrun QuickJS's interrupt. Between jobs it does
// the work that need not delay an answer: it disposes the last script's sandbox after replying and makes a fresh
// runtime and context for the next script (each sandbox still serves one script only).
import { parentPort } from 'node:worker_threads';
import { freshSandbox, runScriptIn, sandboxFits } from './runScript';
import type { FreshSandbox } from './runScript';
import { WORKER_READY, jobEnvironment } from './scriptJob';
import type { ScriptJob, ScriptJobResult, StoreOp } from './scriptJob';
import type { ScriptLimits } from './types';

let spare: { memoryMb: number; sandbox: Promise<FreshSandbox> } | undefined;

/** The spare sandbox when it fits `limits` (it is taken: no other job gets it), else a new one. */
async function sandboxFor(limits: ScriptLimits): Promise<FreshSandbox> {
  const taken = spare;
  spare = undefined;
  if (taken !== undefined && taken.memoryMb === limits.memoryMb) {
    const sandbox = await taken.sandbox.catch(() => undefined);
    if (sandbox !== undefined && sandboxFits(sandbox, limits)) return sandbox;
    if (sandbox !== undefined) {
      sandbox.context.dispose();
      sandbox.runtime.dispose();
    }
  }
  return freshSandbox(limits.memoryMb);
}

parentPort?.on('message', (job: ScriptJob) => {
  const ops: StoreOp[] = [];
  void runScriptIn(sandboxFor(job.limits), job.source, jobEnvironment(job, ops), job.limits).then((finished) => {
    const result: ScriptJobResult = { id: job.id, run: finished.run, ops };
    parentPort?.postMessage(result);
    setImmediate(() => {
      finished.release();
      if (spare === undefined) {
        const sandbox = freshSandbox(job.limits.memoryMb);
        sandbox.catch(() => undefined);
        spare = { memoryMb: job.limits.memoryMb, sandbox };
      }
    });
  });
});

parentPort?.postMessage(WORKER_READY);
