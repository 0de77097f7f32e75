/** Output types of the `.http` parser. All line and column numbers are 0-based. */
import type { Assertion } from '../assertions/types';

/** A problem found in a file, never thrown: shown as an editor diagnostic or a CLI message. */
export interface Diagnostic {
  line: number;
  column: number;
  endColumn?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** A quick fix: insert `insert` at the start of 0-based line `line`. */
  fix?: { title: string; line: number; insert: string };
}

/** `# @name value` / `// @name value`: a directive comment. `value` is the trimmed rest of the line ('' when absent). */
export interface Directive {
  name: string;
  value: string;
  line: number;
}

/** `@name = value`: a file variable. The value is raw (may hold `{{…}}`). */
export interface FileVariable {
  name: string;
  value: string;
  line: number;
}

/** `Name: value` header line, raw (may hold `{{…}}`). */
export interface HeaderLine {
  name: string;
  value: string;
  line: number;
}

/** A piece of a body: literal text, or a `< ./file` / `<@ ./file` / `<@latin1 ./file` reference. */
export type BodyPart =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'file'; path: string; expandVariables: boolean; encoding?: string; line: number };

/**
 * The body as written; consecutive text lines joined with '\n' into one text part. Parts are runs of
 * consecutive lines, so the body's content is the parts' contents joined with '\n'.
 */
export interface RequestBody {
  parts: BodyPart[];
  startLine: number;
  endLine: number;
}

/**
 * A JetBrains script: inline `{% … %}` (its code and where the code starts: the column after `{%`) or a
 * `./file.js` path, relative to the `.http` file. `line`/`column` are those of the `>` or `<`.
 */
export type ScriptRef =
  | { kind: 'inline'; code: string; codeLine: number; codeColumn: number; line: number; column: number }
  | { kind: 'file'; path: string; line: number; column: number };

/** `>> ./out.json` (a new name if it exists) or `>>! ./out.json` (overwrite): save the response body. */
export interface SaveResponse {
  path: string;
  overwrite: boolean;
  line: number;
}

/** One request of a file. */
export interface RequestBlock {
  /** Text after `###` on the separator line opening this block, if any. */
  title?: string;
  /** From `# @name NAME` (the last one), else from a `### NAME` title that is a plain name. */
  name?: string;
  /** Line of what gave the name: its `# @name` line or its `###` line. */
  nameLine?: number;
  /** Upper-case method; 'GET' when the request line is a URL alone. */
  method: string;
  /** Raw URL with `?`/`&` continuation lines appended, variables unresolved. */
  url: string;
  /** 'HTTP/1.1' etc. when written. */
  httpVersion?: string;
  headers: HeaderLine[];
  body?: RequestBody;
  /** Directives of this request: comment lines in its block above the request line (and any below it). */
  directives: Directive[];
  /** `< {% … %}` / `< ./pre.js` scripts above the request line, in order. */
  preRequestScripts?: ScriptRef[];
  /** `> {% … %}` / `> ./handler.js` scripts after the request, in order. */
  responseHandlers?: ScriptRef[];
  /** `?? …` assertion lines after the request, in order. */
  assertions?: Assertion[];
  /** `>> ./file` / `>>! ./file`. */
  saveResponse?: SaveResponse;
  /** Line of the request line. */
  requestLine: number;
  /** The block's lines, inclusive: from its first line after the `###` (or file start) to its last non-blank line. */
  range: { startLine: number; endLine: number };
  /** Last line of the block (before the next `###`, or the file's last line); lines after range.endLine up to it are blank. */
  blockEndLine?: number;
}

/** A parsed `.http` file. */
export interface HttpFile {
  /** Directives of the prologue: a first block with no request line, ended by the first `###`. */
  prologue: Directive[];
  /** All `@name = value` lines of the file, in order (a later definition wins). */
  variables: FileVariable[];
  requests: RequestBlock[];
  diagnostics: Diagnostic[];
}
