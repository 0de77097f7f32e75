/** What the user is asked to do for an Authorization Code grant. */
export interface AuthorizationPrompt {
  /** The auth configuration's name. */
  name: string;
  /** The authorization URL to open in a browser (holds state and the PKCE challenge, no secret). */
  url: string;
  /** The loopback URL the browser is sent back to. */
  redirectUrl: string;
  /** How long the redirect is awaited, ms. */
  waitMs: number;
}

/** What the user is shown for a Device Authorization grant (RFC 8628 3.3). */
export interface DeviceCodePrompt {
  name: string;
  userCode: string;
  verificationUri: string;
  /** The verification URI with the code in it, when the server gives one. */
  verificationUriComplete?: string;
  /** Seconds until the code expires. */
  expiresInSeconds: number;
}

/**
 * How the grants that need the user reach them: the editor opens the browser and shows a notification, the
 * CLI prints. Without one, such a grant is an error that says where it works.
 */
export interface OAuthInteraction {
  /** Opens or shows the authorization URL; the loopback listener is already waiting. */
  openAuthorization(prompt: AuthorizationPrompt): void | Promise<void>;
  /** Shows the user code and where to enter it; polling has begun. */
  showDeviceCode(prompt: DeviceCodePrompt): void | Promise<void>;
  /** How long to wait for the user, ms (default OAUTH_WAIT_MS). */
  waitMs?: number;
  /** ms per second of a device code's poll interval and expiry (default 1000; a test shrinks it). */
  pollSecondMs?: number;
}

/** How long a sign-in in the browser is awaited by default: 5 minutes. */
export const OAUTH_WAIT_MS = 300_000;
