/** Directive names (without `@`) the engine understands; any other `# @name` comment gets a warning. */
export const KNOWN_DIRECTIVES: ReadonlySet<string> = new Set([
  'name',
  'no-redirect',
  'no-cookie-jar',
  'session',
  'session-header',
  'session-auth',
  'no-session-header',
  'timeout',
  'insecure',
  'prompt',
  'note',
  'no-log',
]);
