import { redactHeaderValue } from '../core/util/redactHeaders';
import { redactUrl } from '../core/util/redactUrl';
import { looksSecret, REDACTED } from '../core/variables/redactSecrets';

/**
 * How the CLI shows values that may be credentials, so a CI log never carries them: core's one rule, with its
 * one mask (REDACTED) — redactHeaderValue (Authorization and Proxy-Authorization keep their scheme word,
 * Cookie and Set-Cookie their cookie names, headers whose name looks secret are hidden whole), cookie values
 * hidden, and redactUrl (secret-looking query values and the password masked). `--show-secrets` shows everything.
 */
export interface SecretMask {
  header(name: string, value: string): string;
  /** A cookie's value (the jar's cookies, what was sent and stored). */
  cookie(value: string): string;
  url(url: string): string;
  /** A named value (a script global): hidden when its name looks secret (core looksSecret, as the hover does). */
  secretName(name: string, value: string): string;
}

const SHOWN: SecretMask = { header: (_name, value) => value, cookie: (value) => value, url: (url) => url, secretName: (_name, value) => value };
const MASKED: SecretMask = {
  header: redactHeaderValue,
  cookie: () => REDACTED,
  url: redactUrl,
  secretName: (name, value) => (looksSecret(name) ? REDACTED : value),
};

/** The mask for a run: everything shown with `--show-secrets`, credentials hidden otherwise. */
export function secretMask(showSecrets: boolean): SecretMask {
  return showSecrets ? SHOWN : MASKED;
}
