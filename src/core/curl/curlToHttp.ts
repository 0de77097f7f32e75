import { getHeader, hasHeader, removeHeader } from '../http/headerList';
import type { HeaderList } from '../http/types';
import { formatRequestBlock } from './formatRequestBlock';
import type { CurlFormPart, CurlRequest } from './parseCurl';

/** The multipart boundary written into pasted `-F` requests. */
export const FORM_BOUNDARY = 'HttpSessionFormBoundary7MA4YWxk';

/**
 * A parsed curl command as one `.http` request block (no `###`): `-k` as `# @insecure`, `-m` as `# @timeout`,
 * `--json`, `-d` and `-F` bodies with the Content-Type curl would send, file arguments as `< path` lines,
 * and every option without an equivalent kept as a comment so nothing is lost.
 */
export function curlToHttp(request: CurlRequest): string {
  let headers: HeaderList = [...request.headers];
  let body = '';
  if (request.form.length) {
    headers = [...removeHeader(headers, 'content-type'), ['Content-Type', `multipart/form-data; boundary=${FORM_BOUNDARY}`]];
    body = multipartBody(request.form);
  } else if (request.data.length) {
    if (request.json) {
      if (!hasHeader(headers, 'content-type')) headers.push(['Content-Type', 'application/json']);
      if (!hasHeader(headers, 'accept')) headers.push(['Accept', 'application/json']);
    } else if (!hasHeader(headers, 'content-type')) {
      headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    }
    body = dataBody(request);
  }
  const directives = [...(request.insecure ? ['insecure'] : []), ...(request.maxTimeSeconds ? [`timeout ${request.maxTimeSeconds}s`] : [])];
  const comments = request.unconverted.map((option) => `curl option not converted: ${option}`);
  if (isForm(headers) && request.data.some((piece) => 'text' in piece && /[\r\n]/.test(piece.text))) {
    comments.unshift("The body's line breaks are not kept: an .http form body is sent as one line.");
  }
  return formatRequestBlock({ method: request.method, url: request.url, headers, body, directives, comments });
}

function isForm(headers: HeaderList): boolean {
  return /^\s*application\/x-www-form-urlencoded/i.test(getHeader(headers, 'content-type') ?? '');
}

function dataBody(request: CurlRequest): string {
  const lines: string[] = [];
  let text = '';
  for (const piece of request.data) {
    if ('file' in piece) {
      if (text) lines.push(text);
      text = '';
      lines.push(`< ${piece.file}`);
    } else {
      text += text && !request.json ? `&${piece.text}` : piece.text;
    }
  }
  if (text) lines.push(text);
  return lines.join('\n');
}

function multipartBody(parts: CurlFormPart[]): string {
  const lines: string[] = [];
  const quoted = (text: string): string => `"${text.replace(/"/g, '%22').replace(/[\r\n]/g, ' ')}"`;
  for (const part of parts) {
    lines.push(`--${FORM_BOUNDARY}`);
    if (part.file !== undefined && part.upload) {
      const filename = part.file.split(/[\\/]/).pop() ?? part.file;
      lines.push(`Content-Disposition: form-data; name=${quoted(part.name)}; filename=${quoted(filename)}`);
      lines.push(`Content-Type: ${part.contentType ?? 'application/octet-stream'}`, '', `< ${part.file}`);
    } else {
      lines.push(`Content-Disposition: form-data; name=${quoted(part.name)}`);
      if (part.contentType) lines.push(`Content-Type: ${part.contentType}`);
      lines.push('', part.file !== undefined ? `< ${part.file}` : part.value ?? '');
    }
  }
  lines.push(`--${FORM_BOUNDARY}--`);
  return lines.join('\n');
}
