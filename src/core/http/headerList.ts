import type { HeaderList } from './types';

/** Value of the first header named `name` (case-insensitive), or undefined. */
export function getHeader(list: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  return list.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Every value of the headers named `name` (case-insensitive), in wire order. */
export function getAll(list: HeaderList, name: string): string[] {
  const lower = name.toLowerCase();
  return list.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** True when at least one header is named `name` (case-insensitive). */
export function hasHeader(list: HeaderList, name: string): boolean {
  return getHeader(list, name) !== undefined;
}

/** A copy without any header named `name` (case-insensitive). */
export function removeHeader(list: HeaderList, name: string): HeaderList {
  const lower = name.toLowerCase();
  return list.filter(([n]) => n.toLowerCase() !== lower);
}

/**
 * A copy where every header named `name` is replaced by one `name: value` entry,
 * kept at the position of the first one it replaces (appended when absent).
 */
export function setHeader(list: HeaderList, name: string, value: string): HeaderList {
  const lower = name.toLowerCase();
  const index = list.findIndex(([n]) => n.toLowerCase() === lower);
  if (index < 0) return [...list, [name, value]];
  const result = removeHeader(list, name);
  result.splice(index, 0, [name, value]);
  return result;
}
