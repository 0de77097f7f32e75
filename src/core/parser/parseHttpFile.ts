import { addDiagnostic } from './addDiagnostic';
import { REQUEST_NAME, directiveSpec } from './directiveTable';
import { firstNonSpace } from './firstNonSpace';
import { parseBlock } from './parseBlock';
import { splitLines } from './splitLines';
import type { BlockSink } from './blockSink';
import type { Directive, HttpFile, RequestBlock } from './types';

/** Parses a `.http`/`.rest` file. Never throws; problems become diagnostics. Linear in the text's size. */
export function parseHttpFile(text: string): HttpFile {
  try {
    return parseLines(splitLines(typeof text === 'string' ? text : String(text)));
  } catch (error) {
    // A last line of defence: the fuzz tests assert this message never appears.
    const message = `Internal parser error: ${error instanceof Error ? error.message : String(error)}`;
    return { prologue: [], variables: [], requests: [], diagnostics: [{ line: 0, column: 0, message, severity: 'error' }] };
  }
}

function parseLines(lines: readonly string[]): HttpFile {
  const sink: BlockSink = { variables: [], diagnostics: [], counts: { error: 0, warning: 0, info: 0 } };
  const file: HttpFile = { prologue: [], variables: sink.variables, requests: [], diagnostics: sink.diagnostics };
  let start = 0;
  let title: string | undefined;
  for (let i = 0; i <= lines.length; i++) {
    const separatorTitle = i < lines.length ? readSeparator(lines[i]) : undefined;
    if (i < lines.length && separatorTitle === undefined) continue;
    if (start >= i && start === 0) file.prologue = [];
    // A block holds more than one request when one is written without `###`: parse on from where it starts.
    for (let from = start, blockTitle = title; from < i; blockTitle = undefined) {
      const block = parseBlock(lines, from, i, sink);
      const until = block.next ?? i;
      if (block.request !== undefined) file.requests.push(placeRequest(block.request, lines, from, until, blockTitle));
      else if (from === 0) {
        file.prologue = block.directives;
        checkPrologue(file.prologue, sink);
      }
      from = until;
    }
    start = i + 1;
    title = separatorTitle === '' ? undefined : separatorTitle;
  }
  return file;
}

/** Fills in the request's lines [from, until) and its title; a `### NAME` title that is a plain name names it. */
function placeRequest(request: RequestBlock, lines: readonly string[], from: number, until: number, title: string | undefined): RequestBlock {
  request.range = { startLine: from, endLine: lastNonBlank(lines, from, until) };
  request.blockEndLine = until - 1;
  if (title === undefined) return request;
  request.title = title;
  if (request.name === undefined && REQUEST_NAME.test(title)) {
    request.name = title;
    request.nameLine = from - 1;
  }
  return request;
}

/** A directive that acts on one request does nothing in the prologue: say so where it stands. */
function checkPrologue(prologue: readonly Directive[], sink: BlockSink): void {
  for (const directive of prologue) {
    if (directiveSpec(directive.name)?.placement !== 'request') continue;
    const message = `@${directive.name} acts on one request: put it above a request line (in the prologue it applies to none)`;
    addDiagnostic(sink.diagnostics, sink.counts, { line: directive.line, column: 0, message, severity: 'warning' });
  }
}

/** The title of a `###` separator line ('' when it has none), or undefined for any other line. */
function readSeparator(line: string): string | undefined {
  const at = firstNonSpace(line);
  if (!line.startsWith('###', at)) return undefined;
  let i = at + 3;
  while (line.charCodeAt(i) === 35) i++;
  return line.slice(i).trim();
}

function lastNonBlank(lines: readonly string[], start: number, end: number): number {
  for (let i = end - 1; i > start; i--) {
    if (firstNonSpace(lines[i]) < lines[i].length) return i;
  }
  return start;
}
