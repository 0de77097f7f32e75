import * as vscode from 'vscode';
import type { HeaderList } from '../core/http/types';
import type { EngineSettings } from '../core/runner/types';
import { DEFAULT_ENGINE_SETTINGS } from '../core/runner/types';

/** Section of every setting this extension contributes. */
export const CONFIG_SECTION = 'httpSession';

/** Settings read by the editor side only (not the engine). */
export interface EditorSettings {
  codeLensEnabled: boolean;
  /** Environment name; '' = `$shared` only. */
  environment: string;
  persistSessions: boolean;
  viewColumn: 'beside' | 'active';
}

/** Maps `httpSession.*` (for the resource `scope`) onto the engine's settings. */
export function readEngineSettings(scope?: vscode.Uri): EngineSettings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const headers = c.get<Record<string, unknown>>('defaultHeaders') ?? {};
  const defaultHeaders: HeaderList = Object.entries(headers)
    .filter((e): e is [string, string] => typeof e[1] === 'string');
  return {
    defaultHeaders,
    timeoutMs: nonNegative(c.get('request.timeout'), DEFAULT_ENGINE_SETTINGS.timeoutMs),
    followRedirects: c.get<boolean>('request.followRedirects') ?? DEFAULT_ENGINE_SETTINGS.followRedirects,
    maxRedirects: nonNegative(c.get('request.maxRedirects'), DEFAULT_ENGINE_SETTINGS.maxRedirects),
    maxBodyBytes: nonNegative(c.get('response.maxSize'), DEFAULT_ENGINE_SETTINGS.maxBodyBytes / 2 ** 20) * 2 ** 20,
    rejectUnauthorized: c.get<boolean>('tls.rejectUnauthorized') ?? DEFAULT_ENGINE_SETTINGS.rejectUnauthorized,
  };
}

/** The editor-only settings for the resource `scope`. */
export function readEditorSettings(scope?: vscode.Uri): EditorSettings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return {
    codeLensEnabled: c.get<boolean>('codeLens.enabled') ?? true,
    environment: (c.get<string>('environment') ?? '').trim(),
    persistSessions: c.get<boolean>('session.persist') ?? true,
    viewColumn: c.get<string>('response.viewColumn') === 'active' ? 'active' : 'beside',
  };
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
