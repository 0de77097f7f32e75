/** Turns a tough-cookie refusal into a plain sentence a user understands. */
export function rejectionReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const domain = /Cookie:(\S+) Request:(\S+)/.exec(message);
  if (domain) return `its Domain ${domain[1]} does not cover the host ${domain[2]}`;
  if (/public suffix/i.test(message)) return 'its Domain is a public suffix (such as .com), which may not hold cookies';
  if (/failed to parse/i.test(message)) return 'the Set-Cookie value could not be parsed';
  if (/secure/i.test(message)) return 'it is Secure but arrived over an insecure connection';
  if (/HttpOnly/i.test(message)) return 'it would overwrite an HttpOnly cookie';
  return message;
}
