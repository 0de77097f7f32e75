// Entry of the sandbox worker thread (bundled to dist/scriptWorker.js): runs script jobs in QuickJS, so the host
// can terminate the thread when a script's long native calls outrun QuickJS's interrupt.
import { parentPort } from 'node:worker_threads';
import { preparedSandbox } from './preparedSandbox';
import { runScript } from './runScript';
import { WORKER_READY, jobEnvironment } from './scriptJob';
import type { ScriptJob, ScriptJobResult } from './scriptJob';
import type { StoreOp } from './types';
import { DEFAULT_SCRIPT_LIMITS } from './types';

parentPort?.on('message', (job: ScriptJob) => {
  const ops: StoreOp[] = [];
  void runScript(job.source, jobEnvironment(job, ops), job.limits).then((run) => {
    const result: ScriptJobResult = { id: job.id, run, ops };
    parentPort?.postMessage(result);
  });
});

// The engine of the default limits is made while the host sends the request the first script answers.
preparedSandbox(DEFAULT_SCRIPT_LIMITS.memoryMb).catch(() => undefined);
parentPort?.postMessage(WORKER_READY);
