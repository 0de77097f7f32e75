import type { RequestBlock } from '../parser/types';
import { buildRequest } from '../variables/buildRequest';
import { askPrompts } from './askPrompts';
import type { RequestSource } from './pipelineTypes';
import { sessionNameFor } from './sessionNameFor';
import type { RunContext } from './types';
import { variableSourcesFor } from './variableSourcesFor';

/** `block` of the parsed file in `ctx` as a pipeline source: its prompts asked, its text resolved and built. */
export function fileRequestSource(ctx: RunContext, block: RequestBlock): RequestSource {
  return {
    block,
    file: ctx.file,
    filePath: ctx.filePath,
    sessionName: sessionNameFor(ctx.file, block),
    prologue: ctx.file.prologue,
    hasTests: true,
    async variables(session) {
      return variableSourcesFor(ctx, session, await askPrompts(block, ctx.filePath, ctx.prompt));
    },
    build: (resolver, sources) => buildRequest(block, resolver, sources),
  };
}
