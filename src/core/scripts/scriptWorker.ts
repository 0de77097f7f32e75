// Entry of the sandbox worker thread (bundled to dist/scriptWorker.js): runs one script job at a time in
// QuickJS, so the host can terminate the thread when a script's long native calls outrun QuickJS's interrupt.
import { parentPort } from 'node:worker_threads';
import { runScript } from './runScript';
import { jobEnvironment } from './scriptJob';
import type { ScriptJob, ScriptJobResult, StoreOp } from './scriptJob';

parentPort?.on('message', (job: ScriptJob) => {
  const ops: StoreOp[] = [];
  void runScript(job.source, jobEnvironment(job, ops), job.limits).then((run) => {
    const result: ScriptJobResult = { id: job.id, run, ops };
    parentPort?.postMessage(result);
  });
});
