import type { ClientTlsOptions } from '../http/types';

/** One TLS configuration a request's connections use: the pools of a session are kept per `key`. */
export interface TlsProfile {
  /** Identity of the configuration (a hash of the certificate, key, passphrase and CA contents). */
  key: string;
  /** What goes to node:tls. */
  options: ClientTlsOptions;
  /** Where the client certificate is configured, for messages and the tree; undefined when only CAs are set. */
  certificateSource?: string;
}

/** What a passphrase prompt is about. */
export interface PassphraseRequest {
  /** Stable identity of the certificate (its absolute path), the key a passphrase is remembered under. */
  id: string;
  /** The certificate's file name and where it is configured, for the question. */
  label: string;
}

/** Asks for a certificate's passphrase (once: the editor keeps it in its secret storage); undefined = cancelled or no way to ask. */
export type PassphraseFn = (request: PassphraseRequest) => Promise<string | undefined>;

/** Where a client certificate comes from: files and how they were configured. */
export interface CertificateSpec {
  /** Where it is configured, e.g. `httpSession.tls.certificates["api.example.com"]` or `"SSLConfiguration" of http-client.private.env.json (dev)`. */
  source: string;
  /** Absolute paths; `pfx` alone, or `cert` (with `key` unless the cert file holds the key too). */
  cert?: string;
  key?: string;
  pfx?: string;
  /** `DER` when the files are binary (JetBrains' `"format": "DER"`); PEM otherwise. */
  format?: 'PEM' | 'DER';
  /** True when the env says `hasCertificatePassphrase`; an encrypted PEM key or a PKCS#12 file that needs one is asked for too. */
  hasPassphrase?: boolean;
}

/** The files a hop's TLS configuration is made of: the client certificate (if any) and the extra CA files. */
export interface TlsFiles {
  certificate?: CertificateSpec;
  caFiles: string[];
}
