import * as vscode from 'vscode';
import type { PromptFn } from '../../core/runner/types';

/**
 * Asks for a `# @prompt NAME [description]` value in an input box titled with the name, the description as
 * its prompt, masked (`password`) for secret-looking names; undefined when the user cancels (nothing is sent).
 */
export const promptInput: PromptFn = (name, description, masked) =>
  Promise.resolve(vscode.window.showInputBox({ title: name, prompt: description || `Value for ${name}`, password: masked, ignoreFocusOut: true }));
