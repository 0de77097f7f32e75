import { HttpSessionError } from '../errors';
import type { RequestBlock } from '../parser/types';
import type { ConfirmFn } from './types';

/**
 * Asks `confirm` before a request carrying `# @note [text]` is sent (REST Client's confirmation for
 * dangerous requests). Throws CANCELLED when the user says no, CONFIRMATION when nothing can ask.
 */
export async function confirmNote(block: RequestBlock, file: string, confirm?: ConfirmFn): Promise<void> {
  const note = block.directives.find((d) => d.name === 'note');
  if (!note) return;
  const request = `${block.method} ${block.url}`;
  if (!confirm) {
    throw new HttpSessionError('CONFIRMATION', `${request} carries # @note and must be confirmed before it is sent; nothing was sent.`, { file, line: note.line });
  }
  if (!(await confirm(note.value.trim(), request))) {
    throw new HttpSessionError('CANCELLED', `${request} was not confirmed; nothing was sent.`, { file, line: note.line });
  }
}
