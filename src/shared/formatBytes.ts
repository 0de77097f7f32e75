// Imports nothing: the CLI, the extension host and the response view all show sizes with it.

/** A byte count for people, the same everywhere: 345 B, 1.5 KB, 3.0 MB (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
