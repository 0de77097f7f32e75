import type { ScriptEnvironment, ScriptLimits, ScriptRun, ScriptSource, StoreOp } from './types';

/** What the sandbox worker gets for one script: everything as plain data (structured-clone safe). */
export interface ScriptJob {
  id: number;
  source: ScriptSource;
  limits: ScriptLimits;
  kind: ScriptEnvironment['kind'];
  request: ScriptEnvironment['request'];
  response?: ScriptEnvironment['response'];
  environment: Record<string, string>;
  globals: [string, string][];
  requestVariables: [string, string][];
}

/** The worker's first message: its entry has loaded (the host then starts timing the scripts sent to it). */
export const WORKER_READY = 'ready';

/** What the worker sends back. */
export interface ScriptJobResult {
  id: number;
  run: ScriptRun;
  ops: StoreOp[];
}

/**
 * The environment a worker runs a job against: local copies of the globals and request variables, every
 * change recorded in `ops` for the host to replay.
 */
export function jobEnvironment(job: ScriptJob, ops: StoreOp[]): ScriptEnvironment {
  const globals = new Map(job.globals);
  const variables = new Map(job.requestVariables);
  const recordingVariables = new Map(variables);
  recordingVariables.set = (name: string, value: string) => {
    ops.push({ store: 'variables', op: 'set', name, value });
    return Map.prototype.set.call(recordingVariables, name, value) as Map<string, string>;
  };
  const env: ScriptEnvironment = {
    kind: job.kind,
    request: job.request,
    environment: job.environment,
    globals: {
      get: (name) => globals.get(name),
      set: (name, value) => { globals.set(name, value); ops.push({ store: 'globals', op: 'set', name, value }); },
      delete: (name) => { globals.delete(name); ops.push({ store: 'globals', op: 'delete', name }); },
      clear: () => { globals.clear(); ops.push({ store: 'globals', op: 'clear' }); },
      size: () => globals.size,
      entries: () => [...globals],
    },
    requestVariables: recordingVariables,
  };
  if (job.response !== undefined) env.response = job.response;
  return env;
}

/** Replays a script's changes onto the host's stores, in order (the sandbox's onto the worker's, the worker's onto the host's). */
export function applyOps(ops: readonly StoreOp[], env: ScriptEnvironment): void {
  for (const o of ops) {
    if (o.store === 'variables') env.requestVariables.set(o.name, o.value);
    else if (o.op === 'set') env.globals.set(o.name, o.value);
    else if (o.op === 'delete') env.globals.delete(o.name);
    else env.globals.clear();
  }
}
