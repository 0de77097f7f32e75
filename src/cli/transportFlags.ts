import type { EngineSettings, TlsSettings } from '../core/runner/types';
import type { CommandArgs } from './parseCommandArgs';
import { UsageError } from './usageError';

/** `--http2`, `--cert FILE`, `--key FILE`, `--cacert FILE`, shared by `send` and `test` (curl's names). */
export const TRANSPORT_FLAGS = {
  http2: { type: 'boolean' },
  cert: { type: 'string' },
  key: { type: 'string' },
  cacert: { type: 'string', multiple: true },
} as const;

/** Help lines for the transport flags. */
export const TRANSPORT_HELP = `      --http2              Offer HTTP/2 on every https request (HTTP/2 or HTTP/1.1 on a request line wins)
      --cert FILE          Client certificate for every https host: PEM (with --key) or .p12/.pfx;
                           a passphrase is read from HTTP_SESSION_CERT_PASSPHRASE or asked on a terminal
      --key FILE           The PEM private key of --cert
      --cacert FILE        Also trust the CA certificates in FILE (PEM); repeatable`;

/** What the transport flags set. */
export type TransportSettings = Pick<EngineSettings, 'httpVersion' | 'tls'>;

/** The settings the flags ask for; a UsageError for --key without --cert or an empty FILE. */
export function transportFrom(values: CommandArgs['values'], usage: string): TransportSettings {
  const file = (name: string): string | undefined => {
    const value = values[name];
    if (value === '') throw new UsageError(`--${name} needs a FILE`, usage);
    return typeof value === 'string' ? value : undefined;
  };
  const cert = file('cert');
  const key = file('key');
  if (key !== undefined && cert === undefined) throw new UsageError('--key needs --cert', usage);
  const ca = ((values.cacert as string[] | undefined) ?? []).map((path) => {
    if (path === '') throw new UsageError('--cacert needs a FILE', usage);
    return path;
  });
  const tls: TlsSettings = {
    certificates: cert === undefined ? {} : { '*': /\.(p12|pfx)$/i.test(cert) ? { pfx: cert } : { cert, ...(key !== undefined ? { key } : {}) } },
    ca,
    baseDir: process.cwd(),
    certificatesSetting: '--cert',
    caSetting: '--cacert',
  };
  return { httpVersion: values.http2 === true ? '2' : '1.1', tls };
}
