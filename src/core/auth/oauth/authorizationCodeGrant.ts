import { randomBytes } from 'node:crypto';
import type { Session } from '../../session/session';
import { listenForRedirect } from './loopbackRedirect';
import type { OAuthConfig } from './oauthConfig';
import { OAUTH_WAIT_MS, type OAuthInteraction } from './oauthInteraction';
import type { OAuthToken } from './oauthToken';
import { pkcePair, type PkcePair } from './pkce';
import { exchangeForToken, oauthError, type TokenCallOptions } from './tokenRequest';

/**
 * The Authorization Code grant (RFC 6749 4.1) with PKCE (RFC 7636) for a native app (RFC 8252): a loopback
 * listener waits for the redirect, the user signs in through `interaction` (the editor opens the browser,
 * the CLI prints the URL), the state is checked, the code exchanged at the token endpoint with the
 * verifier. The listener is closed whatever happens.
 */
export async function authorizationCodeToken(session: Session, config: OAuthConfig, options: TokenCallOptions): Promise<OAuthToken> {
  const interaction = needInteraction(config, options.interaction);
  const waitMs = interaction.waitMs ?? OAUTH_WAIT_MS;
  const state = randomBytes(16).toString('base64url');
  const pkce = config.pkce ? pkcePair(config.pkce) : undefined;
  const listener = await listenForRedirect(config.redirectUrl ?? '', state, {
    waitMs,
    ...(options.signal ? { signal: options.signal } : {}),
    fail: (code, what) => oauthError(config, code, what),
  });
  try {
    const url = authorizationUrl(config, listener.redirectUri, state, pkce);
    await interaction.openAuthorization({ name: config.name, url, redirectUrl: listener.redirectUri, waitMs });
    const code = await listener.code;
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: listener.redirectUri });
    if (pkce) form.set('code_verifier', pkce.verifier);
    return await exchangeForToken(session, config, options, form, 'authorization code');
  } finally {
    await listener.close();
  }
}

/** The authorization request URL (RFC 6749 4.1.1): the Auth URL with its own parameters kept. */
export function authorizationUrl(config: OAuthConfig, redirectUri: string, state: string, pkce?: PkcePair): string {
  const url = new URL(config.authUrl ?? '');
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', config.clientId);
  params.set('redirect_uri', redirectUri);
  if (config.scope) params.set('scope', config.scope);
  params.set('state', state);
  if (pkce) {
    params.set('code_challenge', pkce.challenge);
    params.set('code_challenge_method', pkce.method);
  }
  return url.toString();
}

/** The interaction, or an error saying where a grant that needs the user works. */
export function needInteraction(config: OAuthConfig, interaction: OAuthInteraction | undefined): OAuthInteraction {
  if (interaction) return interaction;
  const grant = config.grant === 'device_code' ? 'Device Authorization' : 'Authorization Code';
  throw oauthError(config, 'ENVIRONMENT', `the ${grant} grant needs the user to sign in; send the request from the editor or the http-session CLI`);
}
