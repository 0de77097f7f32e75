/** A `{{$…}}` built-in: its one-line description and a snippet for its arguments (VS Code snippet syntax). */
export interface BuiltinVariable {
  name: string;
  description: string;
  /** Inserted after `{{`, e.g. `\$randomInt ${1:0} ${2:1000}`. */
  snippet: string;
}

/** Every built-in the resolver understands (createResolver, dynamicVariable). */
export const BUILTIN_VARIABLES: readonly BuiltinVariable[] = [
  { name: '$guid', description: 'A new random UUID (v4) on every send.', snippet: '\\$guid' },
  { name: '$uuid', description: 'A new random UUID (v4) on every send.', snippet: '\\$uuid' },
  { name: '$randomUUID', description: 'A new random UUID (v4) on every send.', snippet: '\\$randomUUID' },
  { name: '$timestamp', description: 'Seconds since the Unix epoch (UTC), optionally shifted: `$timestamp -1 d`.', snippet: '\\$timestamp${1: ${2:-1} ${3|d,h,m,s,ms,w,M,y|}}' },
  { name: '$isoTimestamp', description: 'The current time as ISO 8601 (UTC).', snippet: '\\$isoTimestamp' },
  { name: '$randomInt', description: 'A random whole number from MIN (included) to MAX (excluded); 0–1000 without arguments.', snippet: '\\$randomInt ${1:0} ${2:1000}' },
  { name: '$datetime', description: 'The current UTC time as iso8601, rfc1123 or a pattern ("YYYY-MM-DD"), optionally shifted.', snippet: '\\$datetime ${1|iso8601,rfc1123,"YYYY-MM-DD"|}' },
  { name: '$localDatetime', description: 'The current local time as iso8601, rfc1123 or a pattern, optionally shifted.', snippet: '\\$localDatetime ${1|iso8601,rfc1123,"YYYY-MM-DD"|}' },
  { name: '$processEnv', description: 'A process environment variable of the editor (blocked in Restricted Mode).', snippet: '\\$processEnv ${1:NAME}' },
  { name: '$dotenv', description: 'A value from the .env file beside the .http file (blocked in Restricted Mode).', snippet: '\\$dotenv ${1:NAME}' },
];

/** The built-in called `name` (with `$`), if any. */
export function builtinVariable(name: string): BuiltinVariable | undefined {
  return BUILTIN_VARIABLES.find((b) => b.name === name);
}
