/** One challenge of a `WWW-Authenticate` header: its scheme (lower case) and auth-params (names lower case). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/**
 * Splits `WWW-Authenticate` values (RFC 9110 §11.6.1) into challenges: `Basic realm="a", Digest realm="b",
 * nonce="…"` gives two. Quoted strings may hold commas and escaped quotes; token68 values are skipped.
 */
export function parseChallenges(values: string[]): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  for (const value of values) {
    let rest = value;
    let current: AuthChallenge | undefined;
    while ((rest = rest.replace(/^[\s,]+/, '')).length > 0) {
      const name = TOKEN.exec(rest)?.[0];
      if (!name) break;
      const afterName = rest.slice(name.length);
      const param = /^\s*=\s*/.exec(afterName);
      if (param && current && !/^=+\s*(,|$)/.test(afterName.trimStart())) {
        const { text, length } = readValue(afterName.slice(param[0].length));
        current.params[name.toLowerCase()] = text;
        rest = afterName.slice(param[0].length + length);
        continue;
      }
      current = { scheme: name.toLowerCase(), params: {} };
      challenges.push(current);
      rest = afterName.replace(/^\s*[A-Za-z0-9\-._~+/]+=*\s*(?=,|$)/, '');
    }
  }
  return challenges;
}

function readValue(text: string): { text: string; length: number } {
  if (!text.startsWith('"')) {
    const token = /^[^\s,]*/.exec(text)?.[0] ?? '';
    return { text: token, length: token.length };
  }
  let out = '';
  for (let i = 1; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) out += text[(i += 1)];
    else if (ch === '"') return { text: out, length: i + 1 };
    else out += ch;
  }
  return { text: out, length: text.length };
}
