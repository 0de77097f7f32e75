import type { Hop, ResponseData } from '../../core/http/types';
import type { RunResult } from '../../core/runner/types';

/** The JSON form of a result: as RunResult, with every body's bytes replaced by their count. */
export type CompactRunResult = Omit<RunResult, 'exchange' | 'refs'> & {
  refs?: CompactRunResult[];
  exchange?: Omit<NonNullable<RunResult['exchange']>, 'response' | 'hops'> & {
    response?: Omit<ResponseData, 'body'> & { bodyBytes: number };
    hops: Array<Omit<Hop, 'request'> & { request: Omit<Hop['request'], 'body'> & { bodyBytes: number } }>;
  };
};

/**
 * Gives `result` a hidden `toJSON` that leaves the body bytes out, and returns the same object.
 *
 * Why: a command's return value crosses to the workbench as JSON when a CodeLens, keybinding or menu runs it
 * (code-server: over its websocket). A 20 MB body serialised as a Buffer is a 20-million-number array: tens of
 * seconds of stringify and parse that held up the response view (bench/vscode). Callers in the extension
 * host still get the whole object; the property is non-enumerable, so spreads and deep-equals do not see it.
 */
export function compactResult(result: RunResult): RunResult {
  Object.defineProperty(result, 'toJSON', { value: () => compactForm(result), enumerable: false, configurable: true });
  return result;
}

/** The result as it is serialised: every body's bytes replaced by their count. */
export function compactForm(result: RunResult): CompactRunResult {
  const { exchange, refs, ...own } = result;
  // The `# @ref`s sent first carry bodies too.
  const rest = refs ? { ...own, refs: refs.map(compactForm) } : own;
  if (!exchange) return rest;
  const { response, hops, ...exchangeRest } = exchange;
  return {
    ...rest,
    exchange: {
      ...exchangeRest,
      ...(response ? { response: withoutBody(response) } : {}),
      hops: hops.map((hop) => ({ ...hop, request: withoutBody(hop.request) })),
    },
  };
}

function withoutBody<T extends { body?: { length: number } }>(value: T): Omit<T, 'body'> & { bodyBytes: number } {
  const { body, ...rest } = value;
  return { ...rest, bodyBytes: body?.length ?? 0 };
}
