const SECRET_NAME = /pass(word|phrase)?|pwd|secret|token|key|auth|credential|cookie|session|signature|private/i;

/** The mask shown in place of a secret value. */
export const REDACTED = '••••••';

/** True when a variable or header name suggests its value is a secret (password, token, API key, auth …). */
export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of `values` with the values of secret-looking names masked, for logs, hovers and prompt echoes. */
export function redactSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, looksSecret(name) ? REDACTED : value]));
}
