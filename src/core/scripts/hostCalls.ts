import type * as NodeCrypto from 'node:crypto';
import type * as JsonPathPlus from 'jsonpath-plus';

// Loaded on first use: most scripts need neither, and the sandbox worker starts sooner without them.
let crypto: typeof NodeCrypto | undefined;
let jsonPath: typeof JsonPathPlus | undefined;
const cryptoModule = (): typeof NodeCrypto => (crypto ??= require('node:crypto') as typeof NodeCrypto);
const jsonPathModule = (): typeof JsonPathPlus => (jsonPath ??= require('jsonpath-plus') as typeof JsonPathPlus);

type Part = [kind: 'text' | 'hex' | 'base64', value: string];

/**
 * What the sandbox's one host function does for each operation the sandbox cannot do itself (digests, UUIDs,
 * base64, JSONPath); arguments and results are plain JSON values. Globals, variables and logs stay inside the
 * sandbox until the script ends (sandboxPrelude.ts).
 */
export function hostCall(op: string, args: unknown[]): unknown {
  const s = (v: unknown): string => String(v);
  switch (op) {
    case 'crypto.digest':
      return digest(s(args[0]), args[1] as Part | null, args[2] as Part[]);
    case 'uuid':
      return cryptoModule().randomUUID();
    case 'atob':
      return Buffer.from(s(args[0]), 'base64').toString('latin1');
    case 'btoa':
      return Buffer.from(s(args[0]), 'latin1').toString('base64');
    case 'jsonPath':
      return jsonPathValue(args[0], s(args[1]));
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

function bytes([kind, value]: Part): Buffer {
  return kind === 'text' ? Buffer.from(value, 'utf8') : Buffer.from(value, kind);
}

function digest(algorithm: string, secret: Part | null, parts: Part[]): { hex: string; base64: string; base64url: string } {
  const { createHash, createHmac } = cryptoModule();
  const hash = secret === null ? createHash(algorithm) : createHmac(algorithm, bytes(secret));
  for (const part of parts) hash.update(bytes(part));
  const out = hash.digest();
  return { hex: out.toString('hex'), base64: out.toString('base64'), base64url: out.toString('base64url') };
}

/** JetBrains' `jsonPath(value, path)`: the one match, or the list when there are several, or null. */
function jsonPathValue(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') return null;
  const matches = jsonPathModule().JSONPath({ path, json: value as object, wrap: true }) as unknown[];
  if (matches.length === 0) return null;
  return matches.length === 1 ? matches[0] : matches;
}
