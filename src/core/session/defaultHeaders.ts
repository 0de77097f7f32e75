import type { HeaderList } from '../http/types';
import type { DefaultHeader } from './types';

/** Ordered, case-insensitive map of default headers; setting an existing name replaces it in place. */
export class DefaultHeaders {
  private readonly byKey = new Map<string, DefaultHeader>();

  /** Sets `name` to `value` (the last statement wins; the new spelling of the name is kept); false when it already was exactly that. */
  set(name: string, value: string): boolean {
    const key = name.toLowerCase();
    const existing = this.byKey.get(key);
    if (existing?.name === name && existing.value === value) return false;
    this.byKey.set(key, { name, value });
    return true;
  }

  /** Removes `name` (any case); true when it was there. */
  delete(name: string): boolean {
    return this.byKey.delete(name.toLowerCase());
  }

  /** The value for `name` (any case), if set. */
  get(name: string): string | undefined {
    return this.byKey.get(name.toLowerCase())?.value;
  }

  /** Removes every header. */
  clear(): void {
    this.byKey.clear();
  }

  /** The headers in the order they were first set. */
  list(): DefaultHeader[] {
    return [...this.byKey.values()].map((h) => ({ ...h }));
  }

  /** The headers as a wire-order list of pairs. */
  toList(): HeaderList {
    return [...this.byKey.values()].map((h) => [h.name, h.value]);
  }
}
