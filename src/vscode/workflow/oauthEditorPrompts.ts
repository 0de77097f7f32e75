import * as vscode from 'vscode';
import type { AuthorizationPrompt, DeviceCodePrompt, OAuthInteraction } from '../../core/auth/oauth/oauthInteraction';

/** What the editor showed for an OAuth2 sign-in (tests act on it as the user would). */
export type OAuthPromptShown = ({ kind: 'authorization' } & AuthorizationPrompt) | ({ kind: 'device' } & DeviceCodePrompt);

const shown = new vscode.EventEmitter<OAuthPromptShown>();

/** Fires each time the editor opens a sign-in page or shows a device code. */
export const onDidShowOAuthPrompt: vscode.Event<OAuthPromptShown> = shown.event;

/**
 * How the editor reaches the user for an OAuth2 sign-in: the authorization URL opens in the browser
 * (`vscode.env.openExternal`) with a notification that offers to copy it; a device code shows in a
 * notification with Copy Code and Open. Neither waits for a click: the request waits for the redirect
 * or the approval, and the response view's Cancel stops it.
 */
export const editorOAuthInteraction: OAuthInteraction = {
  openAuthorization(prompt) {
    shown.fire({ kind: 'authorization', ...prompt });
    void vscode.env.openExternal(vscode.Uri.parse(prompt.url, true));
    void vscode.window
      .showInformationMessage(`OAuth2 '${prompt.name}': sign in in the browser that opened; the request waits ${Math.round(prompt.waitMs / 60_000)} min for the redirect to ${prompt.redirectUrl}.`, 'Copy URL')
      .then((choice) => (choice ? vscode.env.clipboard.writeText(prompt.url) : undefined));
  },
  showDeviceCode(prompt) {
    shown.fire({ kind: 'device', ...prompt });
    void vscode.window
      .showInformationMessage(`OAuth2 '${prompt.name}': enter the code ${prompt.userCode} at ${prompt.verificationUri} (it expires in ${Math.round(prompt.expiresInSeconds / 60)} min).`, 'Copy Code', 'Open')
      .then(async (choice) => {
        if (choice === 'Copy Code') await vscode.env.clipboard.writeText(prompt.userCode);
        if (choice === 'Open') {
          await vscode.env.clipboard.writeText(prompt.userCode);
          await vscode.env.openExternal(vscode.Uri.parse(prompt.verificationUriComplete ?? prompt.verificationUri, true));
        }
      });
  },
};
