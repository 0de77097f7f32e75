/** Shortens user text quoted in a diagnostic to 40 characters, so messages stay one short line. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
