import { requestAtLine } from '../parser/requestAtLine';
import type { HttpFile } from '../parser/types';

/** What the text before the cursor asks to complete; `start` is the column the completed text replaces from. */
export type CompletionContext =
  | { kind: 'variable'; prefix: string; start: number }
  /** `inPrologue`: above the first `###` with no request in that block, where only file-wide directives act. */
  | { kind: 'directive'; prefix: string; start: number; inPrologue: boolean }
  /** The name after `# @ref ` / `# @forceRef `; `line` is the directive's. */
  | { kind: 'requestName'; prefix: string; start: number }
  | { kind: 'method'; prefix: string; start: number }
  | { kind: 'headerName'; prefix: string; start: number }
  | { kind: 'headerValue'; header: string; prefix: string; start: number };

const DIRECTIVE = /^(\s*(?:#+|\/\/+)\s*@)([\w-]*)$/;
const SEPARATOR = /^\s*###/;
const REF_NAME = /^(\s*(?:#+|\/\/+)\s*@(?:ref|forceRef)\s+)([\w-]*)$/;
const COMMENT = /^\s*(?:#|\/\/)/;
const FILE_VARIABLE = /^\s*@[^\s=]+\s*=/;
const WORD = /^(\s*)([A-Za-z-]*)$/;
const HEADER_VALUE = /^(\s*)([A-Za-z0-9!#$%&'*+.^_`|~-]+)(\s*:\s*)(.*)$/;

/**
 * Reads the completion context at `column` of 0-based `line` (`lines` = the document's lines, `file` its
 * parse; `lineCount` its number of lines): inside an unclosed `{{` → variable; after `# @` → directive; at the start of a line where a request
 * line can go → method; in a request's header section → header name or value. Undefined elsewhere (bodies, comments).
 */
export function completionContext(file: HttpFile, lines: (line: number) => string, line: number, column: number, lineCount = line + 1): CompletionContext | undefined {
  const before = lines(line).slice(0, column);
  const open = before.lastIndexOf('{{');
  if (open >= 0 && before.indexOf('}}', open) < 0) {
    const rest = before.slice(open + 2);
    const start = open + 2 + (rest.length - rest.trimStart().length);
    return { kind: 'variable', prefix: before.slice(start), start };
  }
  const directive = DIRECTIVE.exec(before);
  if (directive) return { kind: 'directive', prefix: directive[2], start: directive[1].length, inPrologue: inPrologue(file, lines, line, lineCount) };
  const ref = REF_NAME.exec(before);
  if (ref) return { kind: 'requestName', prefix: ref[2], start: ref[1].length };
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
 * True when `line` is in the file's prologue: a block with no request line, ended by the first `###`. So:
 * no request's block holds it, no `###` is above it, and one is below it (the first of a new file, with no
 * `###` yet, is the first request's block).
 */
function inPrologue(file: HttpFile, lines: (line: number) => string, line: number, lineCount: number): boolean {
  if (requestAtLine(file, line) !== undefined) return false;
  const first = file.requests[0];
  if (first !== undefined && first.range.startLine <= line) return false;
  for (let i = 0; i < line; i++) if (SEPARATOR.test(lines(i))) return false;
  const end = Math.min(first?.range.startLine ?? lineCount, lineCount, line + 1000);
  for (let i = line + 1; i < end; i++) if (SEPARATOR.test(lines(i))) return true;
  return first !== undefined && first.range.startLine > 0 && SEPARATOR.test(lines(first.range.startLine - 1));
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
