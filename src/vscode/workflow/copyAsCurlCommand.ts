import * as vscode from 'vscode';
import { HttpSessionError } from '../../core/errors';
import { curlAsSent } from '../../core/curl/requestAsSent';
import type { LogChannel } from '../logChannel';
import { reportError } from '../response/reportError';
import { requestContext, type RequestServices } from './requestContext';

/** Command id of Copy Request as cURL. */
export const COPY_AS_CURL_COMMAND = 'httpSession.copyAsCurl';

/**
 * `httpSession.copyAsCurl [uri] [line]`: copies the request under the cursor (or at `line` of `uri`) as a
 * POSIX-shell curl command, as it will be sent (variables, session cookies and default headers included, and
 * `--http2`, `--insecure` and the client certificate and CA files of an https request).
 * Resolves with the command, or undefined when nothing was copied.
 */
export function registerCopyAsCurl(services: RequestServices, log: LogChannel): vscode.Disposable {
  return vscode.commands.registerCommand(COPY_AS_CURL_COMMAND, async (uri?: unknown, line?: unknown): Promise<string | undefined> => {
    try {
      const found = await requestContext(services, uri, line);
      if (!found) return undefined;
      const command = await curlAsSent(found.ctx, found.block);
      await vscode.env.clipboard.writeText(command);
      vscode.window.setStatusBarMessage('$(check) cURL command copied', 3000);
      return command;
    } catch (error) {
      if (!(error instanceof HttpSessionError && error.code === 'CANCELLED')) void reportError(log, error);
      return undefined;
    }
  });
}
