import type { RunResult } from '../core/runner/types';
import type { SecretMask } from './outputSecrets';

/** The result's warnings with the Set-Cookie text of rejected cookies (which the engine quotes) masked. */
export function maskedWarnings(result: RunResult, mask: SecretMask): string[] {
  const rejected = result.exchange?.cookies.rejected ?? [];
  if (rejected.length === 0) return result.warnings;
  return result.warnings.map((warning) => rejected.reduce(
    (text, r) => text.split(r.header).join(mask.header('set-cookie', r.header)),
    warning,
  ));
}
