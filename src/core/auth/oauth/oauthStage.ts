import { HttpSessionError } from '../../errors';
import type { PrepareStage } from '../../runner/pipelineTypes';
import { need } from '../../runner/prepareStages';
import { authConfigsOf } from './authConfigs';
import { authNamesOfPart } from './authReferences';
import { oauthConfig } from './oauthConfig';
import type { OAuthToken } from './oauthToken';
import { sessionToken } from './sessionToken';

/**
 * The OAuth2 tokens the request names with `{{$auth.token("NAME")}}` (in its URL, headers, body, the file's
 * variables or prologue), from the session or its token endpoint, for the resolver. It runs for Copy as
 * cURL too (the copied command carries a working token), so a token fetched here is kept in the session.
 */
export const oauthStage: PrepareStage = {
  name: 'oauth',
  async run(draft) {
    const sources = need(draft, 'sources');
    const names = new Set([...authNamesOfPart(draft.source.block), ...authNamesOfPart(draft.source.prologue), ...authNamesOfPart(sources.fileVariables)]);
    if (names.size === 0) return;
    const configs = authConfigsOf(draft.ctx.environment);
    const resolver = need(draft, 'resolver');
    const tokens = new Map<string, OAuthToken>();
    for (const name of names) {
      const raw = configs.get(name);
      if (!raw) throw unknownConfig(name, [...configs.keys()], draft.source.filePath);
      const config = oauthConfig(name, raw, (text) => resolver.expand(text, 0));
      tokens.set(name, await sessionToken(draft.session, config, {
        timeoutMs: draft.ctx.settings.timeoutMs,
        ...(draft.ctx.signal ? { signal: draft.ctx.signal } : {}),
        ...(draft.ctx.oauth ? { interaction: draft.ctx.oauth } : {}),
      }));
    }
    sources.authTokens = tokens;
  },
};

function unknownConfig(name: string, known: string[], file: string): HttpSessionError {
  const hint = known.length
    ? `the selected environment defines ${known.map((k) => `'${k}'`).join(', ')}`
    : 'the selected environment has no "Security": { "Auth": { … } } entry in http-client.env.json or http-client.private.env.json';
  return new HttpSessionError('ENVIRONMENT', `No auth configuration '${name}' for {{$auth.token("${name}")}}: ${hint}`, { file, line: 0 });
}
