import { isUtf8 } from 'node:buffer';

/** Media types that are bytes whatever they hold (SVG, being XML, is not among them). */
const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-tar|wasm|protobuf|x-protobuf)$/;

/** How much of a body is looked at to tell text from bytes. */
const SNIFF_BYTES = 4096;

/**
 * The one text-vs-binary rule for response bodies (CLI output, JSON results, the response view): binary when
 * the media type says bytes (image, audio, video, font, octet-stream, pdf, archives; never `+xml`), or, unless
 * `contentType` names a charset other than UTF-8 (UTF-16 holds NULs), when the first 4 KB hold a NUL byte or
 * are not UTF-8. `contentType` is a Content-Type value; its parameters may be left out.
 */
export function isBinaryBody(body: Uint8Array, contentType: string): boolean {
  const semicolon = contentType.indexOf(';');
  const media = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (BINARY_TYPES.test(media) && !media.endsWith('+xml')) return true;
  const params = semicolon < 0 ? [] : contentType.slice(semicolon + 1).toLowerCase().split(';').map((part) => part.trim());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return false;
  const head = body.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  // When the body goes on, a multi-byte character cut at the 4 KB mark is not an error.
  return !isUtf8(body.length > SNIFF_BYTES ? head.subarray(0, charBoundary(head)) : head);
}

/** The length of `bytes` without a UTF-8 sequence cut at its end (at most 3 bytes come off). */
function charBoundary(bytes: Uint8Array): number {
  let at = bytes.length;
  // Back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  while (at > 0 && bytes.length - at < 3 && (bytes[at - 1] & 0xc0) === 0x80) at--;
  const lead = at > 0 ? bytes[at - 1] : 0;
  const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  // A complete last sequence stays; a cut one (or stray continuation bytes) is left to the part not looked at.
  return needs > 1 && bytes.length - (at - 1) < needs ? at - 1 : bytes.length;
}
