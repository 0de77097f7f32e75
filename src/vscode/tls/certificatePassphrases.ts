import * as vscode from 'vscode';
import type { PassphraseRequest } from '../../core/tls/tlsProfile';

// The extension's secret storage, set once at activation; passphrases never go in a file or a setting.
let storage: vscode.SecretStorage | undefined;
const asking = new Map<string, Promise<string | undefined>>();

const secretKey = (id: string): string => `httpSession.certificatePassphrase:${id}`;

/** Keeps client certificate passphrases in `secrets` (VS Code's SecretStorage) from now on. */
export function useCertificatePassphraseStorage(secrets: vscode.SecretStorage): void {
  storage = secrets;
}

/**
 * A certificate's passphrase: the one kept in secret storage, else asked in a password input box (once, even
 * when several requests need it at the same time) and kept. undefined when the box is dismissed.
 */
export async function askCertificatePassphrase(request: PassphraseRequest): Promise<string | undefined> {
  const stored = await storage?.get(secretKey(request.id));
  if (stored !== undefined) return stored;
  let pending = asking.get(request.id);
  if (!pending) {
    pending = (async () => {
      const value = await vscode.window.showInputBox({
        title: 'Client Certificate Passphrase',
        prompt: `Passphrase for ${request.label}; kept in VS Code's secret storage.`,
        password: true,
        ignoreFocusOut: true,
      });
      if (value !== undefined) await storage?.store(secretKey(request.id), value);
      return value;
    })().finally(() => asking.delete(request.id));
    asking.set(request.id, pending);
  }
  return pending;
}

/** Forgets a kept passphrase that turned out wrong, so the next send asks again. */
export async function forgetCertificatePassphrase(id: string): Promise<void> {
  await storage?.delete(secretKey(id));
}
