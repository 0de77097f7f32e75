import { requestAtLine } from '../parser/requestAtLine';
import type { HttpFile } from '../parser/types';

/** What the text before the cursor asks to complete; `start` is the column the completed text replaces from. */
export type CompletionContext =
  | { kind: 'variable'; prefix: string; start: number }
  | { kind: 'directive'; prefix: string; start: number }
  | { kind: 'method'; prefix: string; start: number }
  | { kind: 'headerName'; prefix: string; start: number }
  | { kind: 'headerValue'; header: string; prefix: string; start: number };

const DIRECTIVE = /^(\s*(?:#+|\/\/+)\s*@)([\w-]*)$/;
const COMMENT = /^\s*(?:#|\/\/)/;
const FILE_VARIABLE = /^\s*@[^\s=]+\s*=/;
const WORD = /^(\s*)([A-Za-z-]*)$/;
const HEADER_VALUE = /^(\s*)([A-Za-z0-9!#$%&'*+.^_`|~-]+)(\s*:\s*)(.*)$/;

/**
 * Reads the completion context at `column` of 0-based `line` (`lines` = the document's lines, `file` its
 * parse): inside an unclosed `{{` → variable; after `# @` → directive; at the start of a line where a request
 * line can go → method; in a request's header section → header name or value. Undefined elsewhere (bodies, comments).
 */
export function completionContext(file: HttpFile, lines: (line: number) => string, line: number, column: number): CompletionContext | undefined {
  const before = lines(line).slice(0, column);
  const open = before.lastIndexOf('{{');
  if (open >= 0 && before.indexOf('}}', open) < 0) {
    const rest = before.slice(open + 2);
    const start = open + 2 + (rest.length - rest.trimStart().length);
    return { kind: 'variable', prefix: before.slice(start), start };
  }
  const directive = DIRECTIVE.exec(before);
  if (directive) return { kind: 'directive', prefix: directive[2], start: directive[1].length };
  if (COMMENT.test(before)) return undefined;
  const block = requestAtLine(file, line);
  if (block?.body && line >= block.body.startLine) return undefined;
  const phase = phaseAt(lines, block ? block.range.startLine : blockStart(lines, line), line);
  const word = WORD.exec(before);
  if (phase === 'pre') return word ? { kind: 'method', prefix: word[2], start: word[1].length } : undefined;
  if (phase === 'body') return undefined;
  if (word) return { kind: 'headerName', prefix: word[2], start: word[1].length };
  const value = HEADER_VALUE.exec(before);
  if (!value) return undefined;
  const start = value[1].length + value[2].length + value[3].length;
  return { kind: 'headerValue', header: value[2], prefix: value[4], start };
}

/**
 * Where `line` sits in its block, read from the text (the line being typed may not parse yet): before the
 * request line, among its headers, or in the body (after the first blank line that follows the request line).
 */
function phaseAt(lines: (line: number) => string, from: number, line: number): 'pre' | 'headers' | 'body' {
  let phase: 'pre' | 'headers' | 'body' = 'pre';
  for (let i = from; i < line && phase !== 'body'; i++) {
    const text = lines(i);
    if (text.trim() === '') {
      if (phase === 'headers') phase = 'body';
    } else if (phase === 'pre' && !COMMENT.test(text) && !FILE_VARIABLE.test(text)) {
      phase = 'headers';
    }
  }
  return phase;
}

/** The first line after the nearest `###` above `line` (looking back at most 1,000 lines). */
function blockStart(lines: (line: number) => string, line: number): number {
  for (let i = line - 1; i >= 0 && i >= line - 1000; i--) if (/^\s*###/.test(lines(i))) return i + 1;
  return Math.max(0, line - 1000);
}
