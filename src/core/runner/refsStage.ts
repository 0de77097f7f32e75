import { basename } from 'node:path';
import { HttpSessionError } from '../errors';
import { requestErrors } from '../parser/requestErrors';
import type { Directive, HttpFile } from '../parser/types';
import { findRefTarget, type RefTarget } from './findRefTarget';
import { fileRequestSource } from './fileRequestSource';
import { HttpFileCache } from './httpFileCache';
import type { PrepareStage, RequestDraft } from './pipelineTypes';
import { need } from './prepareStages';
import type { RefLink } from './types';

/**
 * `# @ref NAME` / `# @forceRef NAME` (httpYac): the request named NAME (in this file or one it imports) is
 * sent first through the same pipeline and session; `@ref` only when the session holds no response of it
 * yet. A name that is found nowhere, a cycle or a ref that got no response stops this request: nothing is
 * sent, and the error names the directive's file and line. Copy as cURL sends nothing, so skips it.
 */
export const refsStage: PrepareStage = {
  name: 'refs',
  onlyWhenSending: true,
  async run(draft) {
    const { source } = draft;
    // A stored (history) request has no file: its refs were sent when it was.
    if (source.file === undefined) return;
    const refs = source.block.directives.filter((d) => d.name === 'ref' || d.name === 'forceRef');
    if (refs.length === 0) return;
    const cache = draft.ctx.imports ?? new HttpFileCache();
    for (const directive of refs) await sendRef(draft, source.file, directive, cache);
  },
};

async function sendRef(draft: RequestDraft, file: HttpFile, directive: Directive, cache: HttpFileCache): Promise<void> {
  const { source, ctx } = draft;
  const name = directive.value.trim();
  const where = { file: source.filePath, line: directive.line };
  if (directive.name === 'ref' && draft.session.namedResponses.has(name)) return;
  const found = await findRefTarget(name, { file, filePath: source.filePath, block: source.block }, cache);
  if (!found.target) {
    const unread = found.unreadable.map((u) => `; ${u.line.directive.value} could not be read (${u.error})`).join('');
    throw new HttpSessionError('REFERENCE', `@${directive.name} ${name}: no request named '${name}' in this file or the files it imports${unread}; nothing was sent`, where);
  }
  const target = found.target;
  const link: RefLink = { filePath: source.filePath, requestLine: source.block.requestLine, line: directive.line, directive: `@${directive.name} ${name}` };
  const chain = [...(ctx.refChain ?? []), link];
  if (chain.some((l) => l.filePath === target.filePath && l.requestLine === target.block.requestLine)) {
    const path = chain.map((l) => `${basename(l.filePath)}:${l.line + 1} ${l.directive}`).join(' → ');
    throw new HttpSessionError('REFERENCE', `@${directive.name} ${name} makes a cycle: ${path}; nothing was sent`, where);
  }
  refuseErrored(target, directive, where);
  const refCtx = { ...ctx, file: target.file, filePath: target.filePath, imports: cache, refChain: chain };
  // The ref runs in this request's session: that is where its response, cookies and globals are wanted.
  const result = await need(draft, 'runRef')({ ...fileRequestSource(refCtx, target.block), sessionName: source.sessionName }, refCtx);
  (draft.report.refs ??= []).push(result);
  if (result.exchange?.response) return;
  const failure = result.error ?? result.exchange?.error;
  const reason = failure ? failure.describe() : 'no response';
  throw new HttpSessionError(failure?.code ?? 'UNKNOWN', `@${directive.name} ${name} got no response, so this request was not sent: ${reason}`, where, failure);
}

/** A ref whose own block has an error (as the CLI would refuse it) is not sent either. */
function refuseErrored(target: RefTarget, directive: Directive, where: { file: string; line: number }): void {
  const error = requestErrors(target.file, [target.block]).get(target.block);
  if (error === undefined) return;
  const message = `@${directive.name} ${directive.value.trim()}: that request (${basename(target.filePath)}:${target.block.requestLine + 1}) has an error on line ${error.line + 1}: ${error.message}; nothing was sent`;
  throw new HttpSessionError('REFERENCE', message, where);
}
