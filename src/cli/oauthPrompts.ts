import type { OAuthInteraction } from '../core/auth/oauth/oauthInteraction';
import { OAUTH_WAIT_MS } from '../core/auth/oauth/oauthInteraction';
import type { CliIo } from './cliIo';

/**
 * How the CLI reaches the user for an OAuth2 sign-in: the authorization URL or the device code is printed
 * on stderr (stdout stays the responses'), and the run waits `waitSeconds` (the `--oauth-wait` flag) for
 * the browser. The URLs carry no secret: a state and a PKCE challenge.
 */
export function cliOAuthInteraction(io: CliIo, waitSeconds?: number): OAuthInteraction {
  const waitMs = waitSeconds === undefined ? OAUTH_WAIT_MS : waitSeconds * 1000;
  return {
    waitMs,
    openAuthorization(prompt) {
      io.err(io.style('cyan', `OAuth2 '${prompt.name}': open this URL in a browser to sign in (waiting ${Math.round(prompt.waitMs / 1000)} s for the redirect to ${prompt.redirectUrl}):`));
      io.err(`  ${prompt.url}`);
    },
    showDeviceCode(prompt) {
      io.err(io.style('cyan', `OAuth2 '${prompt.name}': open ${prompt.verificationUri} and enter the code ${prompt.userCode} (it expires in ${prompt.expiresInSeconds} s)`));
      if (prompt.verificationUriComplete) io.err(`  or open ${prompt.verificationUriComplete}`);
    },
  };
}
