import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { HttpSessionError } from '../errors';
import { readTlsFile } from './readTlsFile';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The PEM certificates of a CA file; CERTIFICATE error naming the file when it holds none or a broken one. */
async function caCertificates(path: string, source: string): Promise<string[]> {
  const text = (await readTlsFile(path, 'CA file', source)).toString('utf8');
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    throw new HttpSessionError('CERTIFICATE', `The CA file ${path} (${source}) holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
  }
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new HttpSessionError('CERTIFICATE', `The CA file ${path} (${source}) holds a certificate that cannot be read: ${(error as Error).message}.`, undefined, error);
    }
  }
  return blocks;
}

/** NODE_EXTRA_CA_CERTS' certificates: Node adds them to its defaults only, which an explicit `ca` list replaces. */
async function extraCaCertificates(env: NodeJS.ProcessEnv): Promise<string[]> {
  const path = env.NODE_EXTRA_CA_CERTS;
  if (!path) return [];
  try {
    return (await readFile(path, 'utf8')).match(PEM_CERTIFICATE) ?? [];
  } catch {
    // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; so do we, by leaving it out.
    return [];
  }
}

/**
 * The CAs to trust when `files` add some: Node's bundled roots, NODE_EXTRA_CA_CERTS and every certificate
 * of `files`. undefined when `files` is empty (node:tls then uses its defaults, NODE_EXTRA_CA_CERTS included).
 */
export async function caBundle(files: readonly string[], source: string, env: NodeJS.ProcessEnv = process.env): Promise<string[] | undefined> {
  if (files.length === 0) return undefined;
  const extra = await Promise.all(files.map((file) => caCertificates(file, source)));
  return [...rootCertificates, ...(await extraCaCertificates(env)), ...extra.flat()];
}
