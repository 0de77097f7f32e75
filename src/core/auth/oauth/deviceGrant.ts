import { setTimeout as sleep } from 'node:timers/promises';
import type { Session } from '../../session/session';
import { needInteraction } from './authorizationCodeGrant';
import type { OAuthConfig } from './oauthConfig';
import { OAUTH_WAIT_MS, type DeviceCodePrompt } from './oauthInteraction';
import type { OAuthToken } from './oauthToken';
import { GRANT_TYPE, oauthError, postForm, reasonOf, tokenOf, type TokenCallOptions } from './tokenRequest';

/** RFC 8628 3.5: the poll interval when the server names none, and what `slow_down` adds, in seconds. */
const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_S = 5;

/**
 * The Device Authorization grant (RFC 8628): asks the device authorization endpoint for a user code, shows
 * it through `interaction`, then polls the token endpoint every `interval` seconds: `authorization_pending`
 * goes on, `slow_down` waits 5 s longer from then on, `expired_token` and `access_denied` end it with a
 * message that says so, as does the code's expiry (or the interaction's wait, whichever is first).
 */
export async function deviceToken(session: Session, config: OAuthConfig, options: TokenCallOptions): Promise<OAuthToken> {
  const interaction = needInteraction(config, options.interaction);
  const now = options.now ?? Date.now;
  const secondMs = interaction.pollSecondMs ?? 1000;
  const form = new URLSearchParams();
  if (config.scope) form.set('scope', config.scope);
  const deviceUrl = config.deviceAuthUrl ?? '';
  const answer = await postForm(session, config, { url: deviceUrl, label: 'device authorization endpoint' }, form, options);
  if (answer.status < 200 || answer.status > 299) {
    throw oauthError(config, 'ENVIRONMENT', `the device authorization endpoint ${deviceUrl} refused with ${answer.status} (${reasonOf(answer)})`);
  }
  const prompt = devicePrompt(config, answer.body);
  const deviceCode = String(answer.body?.device_code);
  // At least a second between polls, whatever the server says.
  let interval = Math.max(1, positiveNumber(answer.body?.interval) ?? DEFAULT_INTERVAL_S);
  const deadline = now() + Math.min(prompt.expiresInSeconds * secondMs, interaction.waitMs ?? OAUTH_WAIT_MS);
  await interaction.showDeviceCode(prompt);
  const expired = (): Error => oauthError(config, 'TIMEOUT', `the code ${prompt.userCode} expired before the sign-in at ${prompt.verificationUri} was approved; send the request again for a new code`);
  for (;;) {
    try {
      await sleep(interval * secondMs, undefined, options.signal ? { signal: options.signal } : {});
    } catch {
      throw oauthError(config, 'CANCELLED', 'the device sign-in was cancelled');
    }
    if (now() > deadline) throw expired();
    const poll = await postForm(session, config, { url: config.tokenUrl, label: 'token endpoint' }, new URLSearchParams({ grant_type: GRANT_TYPE.device_code, device_code: deviceCode }), options);
    const error = poll.status >= 400 && typeof poll.body?.error === 'string' ? poll.body.error : undefined;
    if (error === 'authorization_pending') continue;
    if (error === 'slow_down') {
      interval += SLOW_DOWN_S;
      continue;
    }
    if (error === 'expired_token') throw expired();
    if (error === 'access_denied') throw oauthError(config, 'ENVIRONMENT', `the sign-in at ${prompt.verificationUri} was denied (access_denied)`);
    return tokenOf(config, poll, 'device code grant', now());
  }
}

function devicePrompt(config: OAuthConfig, body: Record<string, unknown> | undefined): DeviceCodePrompt {
  // Some providers (Google) spell it verification_url.
  const verificationUri = body?.verification_uri ?? body?.verification_url;
  if (typeof body?.device_code !== 'string' || typeof body.user_code !== 'string' || typeof verificationUri !== 'string') {
    throw oauthError(config, 'ENVIRONMENT', `the device authorization endpoint ${config.deviceAuthUrl ?? ''} answered without device_code, user_code and verification_uri (RFC 8628 3.2)`);
  }
  const prompt: DeviceCodePrompt = { name: config.name, userCode: body.user_code, verificationUri, expiresInSeconds: positiveNumber(body.expires_in) ?? 600 };
  if (typeof body.verification_uri_complete === 'string') prompt.verificationUriComplete = body.verification_uri_complete;
  return prompt;
}

function positiveNumber(value: unknown): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isFinite(number) && number >= 0 ? number : undefined;
}
