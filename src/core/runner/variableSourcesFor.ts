import type { Session } from '../session/session';
import type { VariableSources } from '../variables/types';
import type { RunContext } from './types';

/** Where a request's `{{…}}` values come from when it runs in `session` with the prompts' answers. */
export function variableSourcesFor(ctx: RunContext, session: Session, prompts: Record<string, string>): VariableSources {
  return {
    filePath: ctx.filePath,
    fileVariables: ctx.file.variables,
    environment: ctx.environment,
    namedResponse: (name) => session.namedResponses.get(name),
    processEnv: process.env,
    prompts,
    globals: (name) => {
      // A script of the request before may still be about to set it (runEach then prepares this request again).
      ctx.trailing?.noteGlobalRead();
      return session.globals.get(name);
    },
    // Filled by this request's pre-request scripts (request.variables.set) before its {{…}} are resolved.
    requestVariables: new Map<string, string>(),
    ...(ctx.overrides !== undefined ? { overrides: ctx.overrides } : {}),
    ...(ctx.restricted !== undefined ? { restricted: ctx.restricted } : {}),
    ...(ctx.workspaceRoot !== undefined ? { workspaceRoot: ctx.workspaceRoot } : {}),
  };
}
