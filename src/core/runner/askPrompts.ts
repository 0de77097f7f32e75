import { HttpSessionError } from '../errors';
import type { RequestBlock } from '../parser/types';
import { looksSecret } from '../variables/redactSecrets';
import type { PromptFn } from './types';

/**
 * Asks every `# @prompt NAME [description]` of `block` through `prompt`, masked for secret-looking names.
 * Throws CANCELLED when the user cancels, UNRESOLVED_VARIABLE when there is no way to ask.
 */
export async function askPrompts(block: RequestBlock, file: string, prompt?: PromptFn): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  for (const directive of block.directives.filter((d) => d.name === 'prompt')) {
    const [name = '', ...rest] = directive.value.trim().split(/\s+/);
    if (!name) continue;
    if (!prompt) {
      throw new HttpSessionError('UNRESOLVED_VARIABLE', `@prompt ${name} needs an answer, but nothing can ask for it here.`, { file, line: directive.line });
    }
    const answer = await prompt(name, rest.join(' '), looksSecret(name));
    if (answer === undefined) throw new HttpSessionError('CANCELLED', `The prompt for ${name} was cancelled; nothing was sent.`, { file, line: directive.line });
    answers[name] = answer;
  }
  return answers;
}
