import * as vscode from 'vscode';
import { membersOf, scriptApiMember } from '../../core/editor/scriptApiMembers';
import type { ScriptApiMember } from '../../core/editor/scriptApiMembers';
import { memberAccessBefore, memberPathAt, scriptKindAt } from '../../core/editor/scriptAt';

const ITEM_KIND: Record<ScriptApiMember['kind'], vscode.CompletionItemKind> = {
  object: vscode.CompletionItemKind.Module,
  method: vscode.CompletionItemKind.Method,
  property: vscode.CompletionItemKind.Property,
};

function lineReader(document: vscode.TextDocument): (line: number) => string {
  return (line) => document.lineAt(line).text;
}

/** The member's documentation as hover or completion markdown (our own text only). */
function memberDoc(member: ScriptApiMember): vscode.MarkdownString {
  const doc = new vscode.MarkdownString();
  doc.appendCodeblock(member.signature, 'typescript');
  doc.appendMarkdown(member.doc);
  return doc;
}

/**
 * Completion of the script API inside `{% %}`: the members of `client.`, `response.`, `request.`, `crypto.`,
 * `$random.` … for the script's kind, or the globals for a bare word. Undefined outside a script (other
 * completions apply) and `[]` inside one where no API member fits (so `.http` completions stay out of JS).
 */
export function scriptApiCompletions(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
  const kind = scriptKindAt(lineReader(document), position.line, position.character);
  if (!kind) return undefined;
  const access = memberAccessBefore(document.lineAt(position.line).text.slice(0, position.character));
  if (!access) return [];
  const range = new vscode.Range(position.line, access.start, position.line, position.character);
  return membersOf(access.object, kind).map((member) => {
    const name = member.path.slice(member.path.lastIndexOf('.') + 1);
    const item = new vscode.CompletionItem(name, ITEM_KIND[member.kind]);
    item.detail = member.signature;
    item.documentation = memberDoc(member);
    item.range = range;
    return item;
  });
}

/** Hover on a script API member inside `{% %}`: its signature and what it does. */
export function scriptApiHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const kind = scriptKindAt(lineReader(document), position.line, position.character);
  if (!kind) return undefined;
  const at = memberPathAt(document.lineAt(position.line).text, position.character);
  const member = at && scriptApiMember(at.path, kind);
  if (!at || !member) return undefined;
  return new vscode.Hover(memberDoc(member), new vscode.Range(position.line, at.start, position.line, at.end));
}
