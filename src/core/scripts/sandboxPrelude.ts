/**
 * The one piece of JavaScript source the rarely used API chunks (apiChunks.ts: `request`, `crypto`, `$random`,
 * `Window`, `atob`, `btoa`, `jsonPath`) run on: a function of the host function (`host(op, argsJson) ->
 * resultJson`) and the request data (JSON), returning the chunks' `kit` (call, data, str). It is compiled
 * only when a script first touches one of those globals; `client` and `response` are built from host
 * functions (sandboxApi.ts). Evaluated under the file name `PRELUDE_FILE`, which stack parsing skips.
 */
export const PRELUDE_FILE = 'http-session-api';

/** Sentinel message of the value `client.exit()` throws; the runner treats it as a normal end. */
export const EXIT_SIGNAL = '__http_session_exit__';

export const KIT_SOURCE = String.raw`(function (host, data) {
  'use strict';
  var call = function (op, args) { var r = host(op, JSON.stringify(args === undefined ? [] : args)); return r === undefined ? undefined : JSON.parse(r); };
  return {
    call: call, data: JSON.parse(data),
    str: function (v) { return typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v); },
  };
})`;
