import { splitArguments } from '../variables/dynamicVariable';
import { parseNamedReference, type NamedReferenceExpression } from '../variables/namedReference';

/** What a `{{…}}` expression refers to. */
export type ExpressionKind =
  | { kind: 'builtin'; name: string; args: string[] }
  | { kind: 'named'; name: string; reference: NamedReferenceExpression }
  | { kind: 'plain'; name: string; encoded: boolean };

/**
 * Classifies an expression as the resolver does: `$…` built-ins, `%name` (percent-encoded) and plain names,
 * and `name.(request|response).(body|headers)…` named-request references.
 */
export function expressionKind(expression: string): ExpressionKind {
  if (expression.startsWith('$')) {
    const [name = '$', ...args] = splitArguments(expression);
    return { kind: 'builtin', name, args };
  }
  if (expression.startsWith('%')) return { kind: 'plain', name: expression.slice(1).trim(), encoded: true };
  const reference = parseNamedReference(expression);
  if (reference) return { kind: 'named', name: reference.name, reference };
  return { kind: 'plain', name: expression, encoded: false };
}
