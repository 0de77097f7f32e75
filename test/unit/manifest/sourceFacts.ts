import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/** What the extension's source does with commands and settings, read from its syntax trees (no VS Code). */
export interface SourceFacts {
  /** Command ids passed to `registerCommand` / `registerTextEditorCommand`. */
  registeredCommands: Set<string>;
  /** Full setting ids read with `getConfiguration(section).get/inspect(key)` or named in `affectsConfiguration`. */
  settingsRead: Set<string>;
  /** Calls whose id the reader could not work out, as `file:line`: the check must then be taught, not skipped. */
  unresolved: string[];
}

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const isStringy = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** `const NAME = 'text'` across all files, and the string keys of object literals each function returns. */
function declarations(files: ts.SourceFile[]): { constants: Map<string, string>; returnedKeys: Map<string, string[]> } {
  const constants = new Map<string, string>();
  const returnedKeys = new Map<string, string[]>();
  for (const file of files) {
    walk(file, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isStringy(node.initializer)) {
        constants.set(node.name.text, node.initializer.text);
      }
      if (ts.isFunctionDeclaration(node) && node.name && node.body) {
        const keys: string[] = [];
        walk(node.body, (inner) => {
          if (ts.isReturnStatement(inner) && inner.expression && ts.isObjectLiteralExpression(inner.expression)) {
            for (const p of inner.expression.properties) if (p.name && isStringy(p.name)) keys.push(p.name.text);
          }
        });
        if (keys.length) returnedKeys.set(node.name.text, keys);
      }
    });
  }
  return { constants, returnedKeys };
}

/** Reads every `.ts` file under `srcDir`. */
export function readSourceFacts(srcDir: string): SourceFacts {
  const files = [...tsFiles(srcDir)].map((f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true));
  const { constants, returnedKeys } = declarations(files);
  const facts: SourceFacts = { registeredCommands: new Set(), settingsRead: new Set(), unresolved: [] };
  const valueOf = (node: ts.Expression): string | undefined =>
    isStringy(node) ? node.text : ts.isIdentifier(node) ? constants.get(node.text) : undefined;

  for (const file of files) {
    const where = (node: ts.Node): string => `${relative(srcDir, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const sections = new Map<string, string>();
    walk(file, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)
        && calleeName(node.initializer) === 'getConfiguration') {
        const section = node.initializer.arguments[0] ? valueOf(node.initializer.arguments[0]) : '';
        if (section === undefined) facts.unresolved.push(where(node));
        else sections.set(node.name.text, section);
      }
    });
    walk(file, (node) => {
      if (!ts.isCallExpression(node) || node.arguments.length === 0) return;
      const name = calleeName(node);
      const first = node.arguments[0];
      if (name === 'registerCommand' || name === 'registerTextEditorCommand') {
        const ids = commandIds(first, valueOf, returnedKeys);
        if (ids) ids.forEach((id) => facts.registeredCommands.add(id));
        else facts.unresolved.push(where(node));
      } else if (name === 'affectsConfiguration') {
        const id = valueOf(first);
        if (id === undefined) facts.unresolved.push(where(node));
        else facts.settingsRead.add(id);
      } else if ((name === 'get' || name === 'inspect') && ts.isPropertyAccessExpression(node.expression)
        && ts.isIdentifier(node.expression.expression) && sections.has(node.expression.expression.text)) {
        const key = valueOf(first);
        const section = sections.get(node.expression.expression.text);
        if (key === undefined) facts.unresolved.push(where(node));
        else facts.settingsRead.add(section ? `${section}.${key}` : key);
      }
    });
  }
  return facts;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return ts.isIdentifier(callee) ? callee.text : undefined;
}

/**
 * The id(s) a registerCommand argument stands for: a literal, a constant, or the loop variable of
 * `for (const [id] of Object.entries(handlers(...)))` where `handlers` returns an object literal.
 */
function commandIds(arg: ts.Expression, valueOf: (n: ts.Expression) => string | undefined, returnedKeys: Map<string, string[]>): string[] | undefined {
  const value = valueOf(arg);
  if (value !== undefined) return [value];
  if (!ts.isIdentifier(arg)) return undefined;
  for (let node: ts.Node | undefined = arg.parent; node; node = node.parent) {
    if (!ts.isForOfStatement(node)) continue;
    const source = node.expression;
    if (ts.isCallExpression(source) && calleeName(source) === 'entries' && source.arguments[0] && ts.isCallExpression(source.arguments[0])) {
      const fn = calleeName(source.arguments[0]);
      return fn ? returnedKeys.get(fn) : undefined;
    }
  }
  return undefined;
}
