import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { JobWatchdog } from './jobWatchdog';
import { runScript } from './runScript';
import { WORKER_READY, applyOps } from './scriptJob';
import type { ScriptJob, ScriptJobResult } from './scriptJob';
import { formatDuration } from './scriptFailure';
import { DEFAULT_SCRIPT_LIMITS } from './types';
import type { ScriptEnvironment, ScriptLimits, ScriptRun, ScriptSource } from './types';

/** How long past its own limit a script may keep the worker before the host terminates the thread. */
const GRACE_MS = 1000;

let worker: Worker | undefined;
/** Resolves when the current worker has loaded its entry (a cold start must not eat into a script's time). */
let workerReady: Promise<void> = Promise.resolve();
let workerIsReady = true;
/** Set when a worker could not start (its entry failed to load): scripts then run in this thread. */
let workerUnavailable = false;
let nextId = 1;
/** Jobs in flight: their answer, or what to do when the worker died without answering. */
const pending = new Map<number, { done: (result: ScriptJobResult | 'timeout' | 'orphaned') => void }>();
/** A job past its limit (plus the grace) stops the worker: the script is held in a native call. */
const watchdog = new JobWatchdog((id) => {
  const job = pending.get(id);
  pending.delete(id);
  stopWorker();
  job?.done('timeout');
});

/**
 * Runs a script like `runScript`, but in a worker thread: QuickJS checks its time limit only between
 * bytecode steps, so a loop of long native calls (`new Array(1e6).join("x")`) could hold the host's thread
 * for minutes; here the host terminates the worker at the limit (plus a second) and the script fails with
 * "stopped after …". Values cross as data; changes to globals and request variables are replayed here.
 * Without a worker file next to the code (an unusual bundle), it runs in this thread.
 */
export async function runScriptIsolated(source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits = DEFAULT_SCRIPT_LIMITS): Promise<ScriptRun> {
  const thread = workerUnavailable ? undefined : sandboxWorker();
  if (thread === undefined) return runScript(source, env, limits);
  const id = nextId++;
  const job: ScriptJob = {
    id, source, limits, kind: env.kind, request: env.request, environment: env.environment,
    globals: env.globals.entries(), requestVariables: [...env.requestVariables],
    ...(env.response !== undefined ? { response: env.response } : {}),
  };
  const started = performance.now();
  const result = await new Promise<ScriptJobResult | 'timeout' | 'orphaned'>((resolve) => {
    pending.set(id, {
      done: (outcome) => {
        watchdog.forget(id);
        if (pending.size === 0) worker?.unref();
        resolve(outcome);
      },
    });
    // Watched once the worker has loaded: starting a worker (slow on a busy machine) is not the script's time.
    const watch = (): void => {
      if (pending.has(id)) watchdog.watch(id, limits.timeMs + GRACE_MS);
    };
    if (workerIsReady) watch();
    else void workerReady.then(watch);
    // A job in flight keeps the process alive.
    thread.ref();
    thread.postMessage(job);
  });
  if (result === 'orphaned') return runScript(source, env, limits);
  if (result === 'timeout') {
    return { tests: [], logs: [], ms: performance.now() - started, failure: { kind: 'timeout', message: `stopped after ${formatDuration(limits.timeMs)} (the script time limit)`, position: source.start } };
  }
  applyOps(result.ops, env);
  return result.run;
}

/**
 * Starts the sandbox's worker now (it makes its engine as it starts: about 50 ms), so the first script of a
 * run does not wait for it. A run calls it before its first request when any request has a script.
 */
export function warmUpSandbox(): void {
  if (!workerUnavailable) sandboxWorker();
}

function sandboxWorker(): Worker | undefined {
  if (worker !== undefined) return worker;
  const bundled = join(__dirname, 'scriptWorker.js');
  const source = join(__dirname, 'scriptWorker.ts');
  let created: Worker;
  if (existsSync(bundled)) created = new Worker(bundled);
  // From the sources (tests): the worker loads the TypeScript entry through tsx.
  else if (existsSync(source)) created = new Worker(source, { execArgv: [...process.execArgv, '--require', 'tsx/cjs'] });
  else return undefined;
  let answered = false;
  let loaded!: () => void;
  workerIsReady = false;
  workerReady = new Promise((resolve) => {
    loaded = () => {
      workerIsReady = true;
      resolve();
    };
  });
  created.on('message', (r: ScriptJobResult | typeof WORKER_READY) => {
    answered = true;
    if (r === WORKER_READY) return loaded();
    const job = pending.get(r.id);
    pending.delete(r.id);
    job?.done(r);
  });
  const orphanAll = (): void => {
    const orphans = [...pending.values()];
    pending.clear();
    for (const job of orphans) job.done('orphaned');
  };
  created.on('error', () => {
    // A worker that never answered could not load its entry: stop trying, run its jobs here.
    if (!answered) workerUnavailable = true;
    stopWorker();
    orphanAll();
  });
  created.on('exit', () => {
    if (worker === created) worker = undefined;
    // Gone before it loaded (so no job was watched): its jobs would wait for ever.
    if (!answered) {
      workerUnavailable = true;
      orphanAll();
    }
  });
  // An idle worker never keeps the process alive (a job in flight refs it). After the listeners: adding
  // a 'message' listener refs the worker again.
  created.unref();
  worker = created;
  return created;
}

function stopWorker(): void {
  const w = worker;
  worker = undefined;
  void w?.terminate();
}
