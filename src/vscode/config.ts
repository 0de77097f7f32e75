import * as vscode from 'vscode';
import type { HeaderList } from '../core/http/types';
import type { EngineSettings, HostCertificate, TlsSettings } from '../core/runner/types';
import { DEFAULT_ENGINE_SETTINGS, MAX_RETRIES } from '../core/runner/types';
import { checkScriptLimits } from '../core/scripts/scriptLimitSettings';
import type { CheckedScriptLimits } from '../core/scripts/scriptLimitSettings';
import { settingValue } from './trust/trustPolicy';

/** Section of every setting this extension contributes. */
export const CONFIG_SECTION = 'httpSession';

/** Settings read by the editor side only (not the engine). */
export interface EditorSettings {
  codeLensEnabled: boolean;
  /** Environment name; '' = `$shared` only. */
  environment: string;
  persistSessions: boolean;
  viewColumn: ViewColumnSetting;
}

/** `httpSession.response.viewColumn`: beside the editor, in the active group, or editor group 1–9. */
export type ViewColumnSetting = 'beside' | 'active' | number;

/**
 * Maps `httpSession.*` (for the resource `scope`) onto the engine's settings. In an untrusted workspace the
 * restricted settings (TLS checks, default headers) come from user settings only.
 */
export function readEngineSettings(scope?: vscode.Uri, trusted = vscode.workspace.isTrusted): EngineSettings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const headers = settingValue(c.inspect<Record<string, unknown>>('defaultHeaders'), trusted) ?? {};
  const defaultHeaders: HeaderList = Object.entries(headers)
    .filter((e): e is [string, string] => typeof e[1] === 'string');
  return {
    defaultHeaders,
    timeoutMs: nonNegative(c.get('request.timeout'), DEFAULT_ENGINE_SETTINGS.timeoutMs),
    followRedirects: c.get<boolean>('request.followRedirects') ?? DEFAULT_ENGINE_SETTINGS.followRedirects,
    maxRedirects: nonNegative(c.get('request.maxRedirects'), DEFAULT_ENGINE_SETTINGS.maxRedirects),
    maxBodyBytes: nonNegative(c.get('response.maxSize'), DEFAULT_ENGINE_SETTINGS.maxBodyBytes / 2 ** 20) * 2 ** 20,
    rejectUnauthorized: settingValue(c.inspect<boolean>('tls.rejectUnauthorized'), trusted) ?? DEFAULT_ENGINE_SETTINGS.rejectUnauthorized,
    retries: Math.min(MAX_RETRIES, nonNegative(c.get('request.retries'), DEFAULT_ENGINE_SETTINGS.retries)),
    retryBackoffMs: DEFAULT_ENGINE_SETTINGS.retryBackoffMs,
    httpVersion: c.get<string>('request.httpVersion') === '2' ? '2' : '1.1',
    tls: readTlsSettings(c, scope, trusted),
  };
}

/** `httpSession.tls.certificates` and `httpSession.tls.ca` (user settings only in Restricted Mode); paths relative to the workspace folder. */
function readTlsSettings(c: vscode.WorkspaceConfiguration, scope: vscode.Uri | undefined, trusted: boolean): TlsSettings {
  const certificates = settingValue(c.inspect<Record<string, unknown>>('tls.certificates'), trusted) ?? {};
  const ca = settingValue(c.inspect<unknown>('tls.ca'), trusted);
  const baseDir = scope ? vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath : undefined;
  return {
    certificates: Object.fromEntries(Object.entries(certificates).flatMap(([host, value]) => {
      const entry = hostCertificate(value);
      return entry ? [[host, entry]] : [];
    })),
    ca: (Array.isArray(ca) ? ca : typeof ca === 'string' ? [ca] : []).filter((file): file is string => typeof file === 'string' && file !== ''),
    ...(baseDir ? { baseDir } : {}),
  };
}

function hostCertificate(value: unknown): HostCertificate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  const entry: HostCertificate = {};
  for (const name of ['cert', 'key', 'pfx'] as const) {
    if (typeof fields[name] === 'string' && fields[name] !== '') entry[name] = fields[name];
  }
  return entry.cert || entry.pfx ? entry : undefined;
}

/**
 * `httpSession.scripts.timeout` (ms) and `.memory` (MB) for the resource `scope`, checked (bad values: a message
 * each). In an untrusted workspace they come from user settings only, so a cloned repository cannot lift them.
 */
export function readScriptLimits(scope?: vscode.Uri, trusted = vscode.workspace.isTrusted): CheckedScriptLimits {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return checkScriptLimits({
    timeout: settingValue(c.inspect<unknown>('scripts.timeout'), trusted),
    memory: settingValue(c.inspect<unknown>('scripts.memory'), trusted),
  }, `${CONFIG_SECTION}.scripts`);
}

/** The editor-only settings for the resource `scope`. */
export function readEditorSettings(scope?: vscode.Uri): EditorSettings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return {
    codeLensEnabled: c.get<boolean>('codeLens.enabled') ?? true,
    environment: (c.get<string>('environment') ?? '').trim(),
    persistSessions: c.get<boolean>('session.persist') ?? true,
    viewColumn: viewColumnSetting(c.get<unknown>('response.viewColumn')),
  };
}

/** Reads the view column setting; anything unrecognised means 'beside'. Numbers may arrive as strings ("2"). */
export function viewColumnSetting(value: unknown): ViewColumnSetting {
  if (value === 'active') return 'active';
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 9 ? n : 'beside';
}

/** The editor column for the setting (VS Code's ViewColumn: Beside = -2, Active = -1, groups 1–9). */
export function viewColumnOf(setting: ViewColumnSetting): vscode.ViewColumn {
  if (setting === 'active') return vscode.ViewColumn.Active;
  return setting === 'beside' ? vscode.ViewColumn.Beside : (setting as vscode.ViewColumn);
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
