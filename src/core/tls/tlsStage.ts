import { isAbsolute, resolve } from 'node:path';
import { HttpSessionError } from '../errors';
import type { PrepareStage, RequestDraft } from '../runner/pipelineTypes';
import { need } from '../runner/prepareStages';
import type { TlsSettings } from '../runner/types';
import { loadTlsProfile } from './loadTlsProfile';
import { sslCertificateSpec, sslConfigurationOf } from './sslConfiguration';
import type { CertificateSpec, TlsFiles, TlsProfile } from './tlsProfile';

/** The entry of `httpSession.tls.certificates` for `url`: `host:port`, then `host`, then `*`. */
function hostEntry(settings: TlsSettings, url: URL): [key: string, entry: TlsSettings['certificates'][string]] | undefined {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const key of [`${url.hostname}:${port}`, url.hostname, '*']) {
    const entry = settings.certificates[key];
    if (entry) return [key, entry];
  }
  return undefined;
}

function settingPath(settings: TlsSettings, path: string | undefined): string | undefined {
  if (!path) return undefined;
  return isAbsolute(path) || !settings.baseDir ? resolve(path) : resolve(settings.baseDir, path);
}

/** The client certificate the settings name for `url`, as a CertificateSpec. */
function settingsCertificate(settings: TlsSettings, url: URL): CertificateSpec | undefined {
  const found = hostEntry(settings, url);
  if (!found) return undefined;
  const [key, entry] = found;
  const source = settings.certificatesSetting ?? `httpSession.tls.certificates[${JSON.stringify(key)}]`;
  const pfx = settingPath(settings, entry.pfx);
  if (pfx) return { source, pfx };
  const cert = settingPath(settings, entry.cert);
  if (!cert) throw new HttpSessionError('CERTIFICATE', `${source} names neither "cert" nor "pfx".`);
  const key_ = settingPath(settings, entry.key);
  return { source, cert, ...(key_ ? { key: key_ } : {}) };
}

/** `verifyHostCertificate: false` turns verification off for the request, but not in Restricted Mode. */
function applyVerifyHostCertificate(draft: RequestDraft, verify: boolean | undefined): void {
  if (verify !== false) return;
  if (draft.ctx.restricted) {
    draft.report.warnings.push('"verifyHostCertificate": false of the environment\'s SSLConfiguration is ignored in Restricted Mode: certificates are verified.');
    return;
  }
  need(draft, 'options').send.rejectUnauthorized = false;
}

/**
 * The TLS configuration of each https hop: the client certificate of `httpSession.tls.certificates` for
 * its host, else the environment's `SSLConfiguration` one, with the CA files of `httpSession.tls.ca`.
 * Read when a hop first needs it (so an http request never asks for a passphrase), once per host.
 */
export const tlsStage: PrepareStage = {
  name: 'tls',
  run(draft) {
    const options = need(draft, 'options');
    const settings = draft.ctx.settings.tls;
    const ssl = sslConfigurationOf(draft.ctx.environment);
    const fromEnv = ssl ? sslCertificateSpec(ssl) : {};
    applyVerifyHostCertificate(draft, fromEnv.verifyHostCertificate);
    const caFiles = settings.ca.map((file) => settingPath(settings, file) ?? file);
    if (Object.keys(settings.certificates).length === 0 && caFiles.length === 0 && !fromEnv.certificate) return;
    const byHost = new Map<string, Promise<TlsProfile | undefined>>();
    const { askPassphrase, forgetPassphrase } = draft.ctx;
    const filesFor = (url: URL): TlsFiles => {
      const certificate = settingsCertificate(settings, url) ?? fromEnv.certificate;
      return { ...(certificate ? { certificate } : {}), caFiles };
    };
    options.send.tlsFiles = filesFor;
    options.send.tlsFor = (url) => {
      let profile = byHost.get(url.host);
      if (!profile) {
        profile = (async () => {
          const { certificate } = filesFor(url);
          return loadTlsProfile({
            ...(certificate ? { certificate } : {}),
            caFiles,
            caSource: settings.caSetting ?? 'httpSession.tls.ca',
            ...(askPassphrase ? { askPassphrase } : {}),
            ...(forgetPassphrase ? { forgetPassphrase } : {}),
          });
        })();
        byHost.set(url.host, profile);
      }
      return profile;
    };
  },
};
