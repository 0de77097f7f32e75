import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HttpSessionError } from '../errors';

/** Reads a certificate, key or CA file; CERTIFICATE error naming the file and where it is configured when it cannot be read. */
export async function readTlsFile(path: string, what: string, source: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new HttpSessionError('CERTIFICATE', `Cannot read the ${what} ${path} (${reason}), configured in ${source}.`, undefined, error);
  }
}

/** `cert.pem (httpSession.tls.certificates["api"])`: a file named with where it is configured. */
export function fileLabel(path: string, source: string): string {
  return `${basename(path)} (${source})`;
}
