/** One directive the engine understands: a one-line documentation and the snippet inserted after `@`. */
export interface DirectiveDoc {
  name: string;
  doc: string;
  snippet: string;
}

/** Directives offered after `# @`, in the order users reach for them (see KNOWN_DIRECTIVES). */
export const DIRECTIVE_DOCS: readonly DirectiveDoc[] = [
  { name: 'name', doc: 'Names the request; its last response is kept in the session for {{NAME.response.body.$.path}}.', snippet: 'name ${1:login}' },
  { name: 'session-header', doc: 'Sets a session default header, sent with every later request of the session.', snippet: 'session-header ${1:Authorization}: ${2:Bearer {{${3:login}.response.body.\\$.${4:token}}}}' },
  { name: 'session-auth', doc: "Sets the session's Authorization default: basic USER PASS or bearer TOKEN.", snippet: 'session-auth ${1|basic,bearer|} ${2}' },
  { name: 'no-session-header', doc: 'Leaves one session default header out of this request.', snippet: 'no-session-header ${1:Authorization}' },
  { name: 'session', doc: 'Runs this request in another named session (its own cookies, defaults and responses).', snippet: 'session ${1:admin}' },
  { name: 'no-cookie-jar', doc: 'This request neither sends jar cookies nor stores the cookies it receives.', snippet: 'no-cookie-jar' },
  { name: 'no-redirect', doc: 'Shows the redirect response itself instead of following it.', snippet: 'no-redirect' },
  { name: 'timeout', doc: 'Timeout of this request in ms (0 = none), instead of httpSession.request.timeout.', snippet: 'timeout ${1:5000}' },
  { name: 'insecure', doc: 'Accepts any TLS certificate for this request (self-signed test servers only).', snippet: 'insecure' },
  { name: 'prompt', doc: 'Asks for a value before sending: # @prompt NAME [description]; masked for password-like names.', snippet: 'prompt ${1:name} ${2:description}' },
  { name: 'note', doc: 'Asks for confirmation before sending this request.', snippet: 'note ${1}' },
  { name: 'no-log', doc: 'Keeps this request and its response out of the log and the history.', snippet: 'no-log' },
];

/** The documentation of directive `name` (without `@`), if it is known. */
export function directiveDoc(name: string): DirectiveDoc | undefined {
  return DIRECTIVE_DOCS.find((d) => d.name === name);
}
