import type { GlobalStore, ScriptEnvironment, ScriptResponseView, ScriptSource } from '../../../src/core/scripts/types';

/** A global store over a plain Map, as a session provides one. */
export function mapGlobals(map = new Map<string, string>()): GlobalStore & { map: Map<string, string> } {
  return {
    map,
    get: (n) => map.get(n),
    set: (n, v) => void map.set(n, v),
    delete: (n) => void map.delete(n),
    clear: () => map.clear(),
    size: () => map.size,
    entries: () => [...map],
  };
}

/** A handler environment for a JSON response (override any part). */
export function handlerEnv(response: Partial<ScriptResponseView> = {}, extra: Partial<ScriptEnvironment> = {}): ScriptEnvironment {
  return {
    kind: 'response',
    request: {
      method: 'POST',
      rawUrl: '{{base}}/login',
      url: 'http://127.0.0.1:1/login',
      rawBody: '{"user": "{{user}}"}',
      body: '{"user": "ann"}',
      headers: [{ name: 'Accept', rawValue: '{{accept}}', value: 'application/json' }],
    },
    response: {
      status: 200,
      headers: [['Content-Type', 'application/json; charset=utf-8'], ['Set-Cookie', 'a=1'], ['set-cookie', 'b=2']],
      body: '{"token":"t0k","user":{"id":7}}',
      mimeType: 'application/json',
      charset: 'utf-8',
      ...response,
    },
    environment: { host: 'example.test' },
    globals: mapGlobals(),
    requestVariables: new Map(),
    ...extra,
  };
}

/** An inline script starting at `line`:`column` of api.http. */
export function inline(code: string, line = 4, column = 4): ScriptSource {
  return { code, start: { file: 'api.http', line, column } };
}
