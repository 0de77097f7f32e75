import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import { ENVIRONMENT_FILES } from '../variables/environments';

/** Where an environment value is written. */
export interface EnvironmentValueSource {
  value: string;
  /** Absolute path of the env file. */
  file: string;
  /** `$shared` or the environment's name. */
  environment: string;
  /** 0-based line of the key in `file`. */
  line: number;
}

/** The environment files of one directory, read for the editor (hover, definition, diagnostics). */
export interface EnvironmentLayers {
  /** Environment names without `$shared`, sorted. */
  names: string[];
  /** Every variable name of any environment, `$shared` included. */
  allVariables: Set<string>;
  /** The values of environment `name` (undefined = `$shared` only) with their sources, layered as loadEnvironments does. */
  sourcesOf(name: string | undefined): Map<string, EnvironmentValueSource>;
}

/** Reads `http-client.env.json` and `http-client.private.env.json` in `dir` tolerantly (bad JSON gives no values). */
export async function environmentLayers(dir: string): Promise<EnvironmentLayers> {
  const files = await Promise.all(ENVIRONMENT_FILES.map(async (name) => {
    const path = join(dir, name);
    const text = await readFile(path, 'utf8').catch(() => '');
    return { path, envs: readEnvironments(text.replace(/^\uFEFF/, ''), path) };
  }));
  const names = [...new Set(files.flatMap((f) => [...f.envs.keys()]))].filter((n) => n !== '$shared').sort();
  const allVariables = new Set(files.flatMap((f) => [...f.envs.values()].flatMap((values) => [...values.keys()])));
  return {
    names,
    allVariables,
    sourcesOf(name) {
      const layers = ['$shared', ...(name === undefined ? [] : [name])];
      const merged = new Map<string, EnvironmentValueSource>();
      for (const layer of layers) for (const file of files) for (const [key, source] of file.envs.get(layer) ?? []) merged.set(key, source);
      return merged;
    },
  };
}

function readEnvironments(text: string, file: string): Map<string, Map<string, EnvironmentValueSource>> {
  const result = new Map<string, Map<string, EnvironmentValueSource>>();
  const root = text ? parseTree(text, [], { allowTrailingComma: true }) : undefined;
  if (root?.type !== 'object') return result;
  const lineStarts = lineStartsOf(text);
  for (const [environment, node] of properties(root)) {
    if (node.type !== 'object') continue;
    const values = new Map<string, EnvironmentValueSource>();
    for (const [key, valueNode, keyNode] of properties(node)) {
      const raw: unknown = valueNode.type === 'object' || valueNode.type === 'array' ? undefined : valueNode.value;
      const value = typeof raw === 'string' ? raw : raw === undefined ? text.slice(valueNode.offset, valueNode.offset + valueNode.length) : JSON.stringify(raw);
      values.set(key, { value, file, environment, line: lineOf(lineStarts, keyNode.offset) });
    }
    result.set(environment, values);
  }
  return result;
}

function properties(node: Node): Array<[string, Node, Node]> {
  const out: Array<[string, Node, Node]> = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode && valueNode && typeof keyNode.value === 'string') out.push([keyNode.value, valueNode, keyNode]);
  }
  return out;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
