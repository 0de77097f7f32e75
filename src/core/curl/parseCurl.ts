import type { HeaderList } from '../http/types';
import { shellWords } from './shellWords';

/** One `-F` part: a text field, or a file (`name=@path`) sent as its bytes, or a field read from a file (`name=<path`). */
export interface CurlFormPart {
  name: string;
  value?: string;
  file?: string;
  /** True for `name=@path` (a file upload, with a filename); false for `name=<path` (the file's text as a field). */
  upload?: boolean;
  contentType?: string;
}

/** A request read from a curl command line. */
export interface CurlRequest {
  method: string;
  url: string;
  headers: HeaderList;
  /** `-d`/`--data-*`/`--json` pieces in order, joined with `&` (`--json` pieces without). */
  data: Array<{ text: string } | { file: string }>;
  /** `--json` given: pieces joined as they are, JSON headers added. */
  json: boolean;
  form: CurlFormPart[];
  insecure: boolean;
  /** `-m`/`--max-time` in seconds. */
  maxTimeSeconds?: number;
  /** Options kept as written because they have no `.http` equivalent. */
  unconverted: string[];
  /** Why the text could not be read in full (unclosed quote, not a curl command). */
  problems: string[];
}

// Options that take a value and have no `.http` meaning: kept as a comment, value and all.
const OTHER_WITH_VALUE = new Set(['-o', '--output', '-x', '--proxy', '-w', '--write-out', '--connect-timeout', '--retry', '--cacert',
  '--cert', '-E', '--key', '--resolve', '--limit-rate', '-T', '--upload-file', '-c', '--cookie-jar', '--max-redirs', '-U', '--proxy-user',
  '--interface', '--dns-servers', '-r', '--range', '-K', '--config', '-D', '--dump-header', '--trace', '--trace-ascii', '--unix-socket']);
// Flags that change nothing here: the engine decodes compressed bodies and follows redirects by default; output flags.
const NO_EFFECT = new Set(['--compressed', '-L', '--location', '-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i',
  '--include', '-f', '--fail', '-#', '--progress-bar', '--http1.1', '-N', '--no-buffer', '--globoff', '-g', '--location-trusted']);
// Short options that take a value (for `-XPOST` and `-sSLk` groups).
const SHORT_WITH_VALUE = new Set('XHdbuFAemoxwTrcEKDU');

/**
 * Reads a curl command line (quotes, `$'…'`, line continuations) into a request. Never throws: what
 * cannot be converted is listed in `unconverted` (to keep as comments) and `problems`.
 */
export function parseCurl(text: string): CurlRequest {
  const split = shellWords(text.trim());
  const request: CurlRequest = { method: '', url: '', headers: [], data: [], json: false, form: [], insecure: false, unconverted: [], problems: [] };
  if (split.error) request.problems.push(split.error);
  if (split.rest) request.problems.push(`Ignored after the command: ${split.rest.trim().split('\n')[0]}`);
  const words = split.words;
  if (words[0] !== 'curl' && !words[0]?.endsWith('/curl')) {
    request.problems.push('The clipboard does not hold a curl command (it must start with "curl").');
    return request;
  }
  let get = false;
  for (let i = 1; i < words.length; i++) {
    const { options, positional, consumed } = optionsAt(words, i);
    i += consumed;
    if (positional !== undefined) {
      if (!request.url) request.url = positional;
      else request.unconverted.push(positional);
    }
    for (const { option, value } of options) {
      if (option === '-G' || option === '--get') get = true;
      else applyOption(request, option, value);
    }
  }
  finish(request, get);
  return request;
}

interface OptionUse {
  option: string;
  value?: string;
}

/**
 * The options at `words[i]`: one long option, or a group of short flags (`-sSLk`, `-XPOST`) where the first
 * letter that takes a value takes the rest of the word or the next word. `consumed` = extra words used.
 */
function optionsAt(words: string[], i: number): { options: OptionUse[]; positional?: string; consumed: number } {
  const word = words[i];
  if (word === '--' || !word.startsWith('-') || word === '-') return { options: [], positional: word, consumed: 0 };
  if (word.startsWith('--')) {
    return takesValue(word) ? { options: [{ option: word, value: words[i + 1] ?? '' }], consumed: 1 } : { options: [{ option: word }], consumed: 0 };
  }
  const options: OptionUse[] = [];
  for (let k = 1; k < word.length; k++) {
    const option = `-${word[k]}`;
    if (!SHORT_WITH_VALUE.has(word[k])) {
      options.push({ option });
      continue;
    }
    const attached = word.slice(k + 1);
    options.push({ option, value: attached !== '' ? attached : words[i + 1] ?? '' });
    return { options, consumed: attached !== '' ? 0 : 1 };
  }
  return { options, consumed: 0 };
}

function takesValue(option: string): boolean {
  return OTHER_WITH_VALUE.has(option) || ['--request', '--header', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode',
    '--json', '--user', '--cookie', '--form', '--form-string', '--user-agent', '--referer', '--url', '--max-time', '--oauth2-bearer'].includes(option);
}

function applyOption(request: CurlRequest, option: string, value = ''): void {
  switch (option) {
    case '-X': case '--request': request.method = value.toUpperCase(); return;
    case '-H': case '--header': return addHeader(request, value);
    case '-d': case '--data': case '--data-ascii': case '--data-binary':
      request.data.push(value.startsWith('@') ? { file: value.slice(1) } : { text: option === '--data-binary' ? value : value.replace(/[\r\n]/g, '') });
      return;
    case '--data-raw': request.data.push({ text: value }); return;
    case '--data-urlencode': request.data.push(urlencoded(value, request)); return;
    case '--json': request.json = true; request.data.push(value.startsWith('@') ? { file: value.slice(1) } : { text: value }); return;
    case '-u': case '--user': request.headers.push(['Authorization', `Basic ${Buffer.from(value.includes(':') ? value : `${value}:`, 'utf8').toString('base64')}`]); return;
    case '--oauth2-bearer': request.headers.push(['Authorization', `Bearer ${value}`]); return;
    case '-b': case '--cookie':
      if (value.includes('=')) request.headers.push(['Cookie', value]);
      else request.unconverted.push(`${option} ${value}`);
      return;
    case '-F': case '--form': case '--form-string': request.form.push(formPart(value, option === '--form-string')); return;
    case '-A': case '--user-agent': request.headers.push(['User-Agent', value]); return;
    case '-e': case '--referer': request.headers.push(['Referer', value]); return;
    case '--url': if (!request.url) request.url = value; else request.unconverted.push(`--url ${value}`); return;
    case '-m': case '--max-time': request.maxTimeSeconds = Number(value); return;
    case '-I': case '--head': request.method = request.method || 'HEAD'; return;
    case '-k': case '--insecure': request.insecure = true; return;
    default:
      if (NO_EFFECT.has(option)) return;
      request.unconverted.push(OTHER_WITH_VALUE.has(option) || SHORT_WITH_VALUE.has(option.slice(1)) ? `${option} ${value}` : option);
  }
}

function addHeader(request: CurlRequest, line: string): void {
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  // curl: "Name;" sends an empty header, "Name:" removes one; keep the first, note the second.
  if (colon < 0 && semicolon > 0 && line.trim().endsWith(';')) request.headers.push([line.trim().slice(0, -1), '']);
  else if (colon <= 0) request.unconverted.push(`-H ${line}`);
  else if (line.slice(colon + 1).trim() === '') request.unconverted.push(`-H ${line}`);
  else request.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
}

/** curl's `--data-urlencode` forms: `content`, `=content`, `name=content`, `@file`, `name@file`. */
function urlencoded(value: string, request: CurlRequest): { text: string } {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    request.unconverted.push(`--data-urlencode ${value}`);
    return { text: '' };
  }
  // curl writes a space as '+', like a browser form.
  const encode = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');
  if (eq < 0) return { text: encode(value) };
  const name = value.slice(0, eq);
  const encoded = encode(value.slice(eq + 1));
  return { text: name ? `${name}=${encoded}` : encoded };
}

function formPart(value: string, literal: boolean): CurlFormPart {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const content = eq < 0 ? '' : value.slice(eq + 1);
  if (literal || !/^[@<]/.test(content)) return { name, value: content };
  const [path, ...params] = content.slice(1).split(';');
  const type = params.map((p) => /^type=(.*)$/i.exec(p.trim())?.[1]).find(Boolean);
  return { name, file: path, upload: content.startsWith('@'), ...(type ? { contentType: type } : {}) };
}

function finish(request: CurlRequest, get: boolean): void {
  request.data = request.data.filter((piece) => !('text' in piece) || piece.text !== '' || request.json);
  if (request.url && !/^[a-z][a-z0-9+.-]*:\/\//i.test(request.url)) request.url = `http://${request.url}`;
  if (get && request.data.length) {
    const query = request.data.map((piece) => ('text' in piece ? piece.text : `@${piece.file}`)).join('&');
    request.url += (request.url.includes('?') ? '&' : '?') + query;
    request.data = [];
  }
  const hasBody = request.data.length > 0 || request.form.length > 0;
  if (!request.method) request.method = get ? 'GET' : hasBody ? 'POST' : 'GET';
  if (!request.url) request.problems.push('The curl command names no URL.');
}
