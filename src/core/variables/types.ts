import type { FileVariable } from '../parser/types';
import type { OAuthToken } from '../auth/oauth/oauthToken';
import type { NamedResponse } from '../session/types';

/** Where `{{…}}` values come from when a request is resolved. */
export interface VariableSources {
  /** Absolute path of the `.http` file (for `$dotenv` and relative body files). */
  filePath: string;
  fileVariables: FileVariable[];
  /** The selected environment, `$shared` and private values already merged. */
  environment: Record<string, string>;
  /** Responses of named requests, read from the session. */
  namedResponse: (name: string) => NamedResponse | undefined;
  processEnv: Record<string, string | undefined>;
  /** Values that win over file variables and the environment (the CLI's `--var`). */
  overrides?: Record<string, string>;
  /** Script globals of the session (`client.global.set`): used when neither a file variable nor the environment has the name. */
  globals?: (name: string) => string | undefined;
  /** `request.variables.set` of this request's pre-request scripts: they outrank file variables. */
  requestVariables?: ReadonlyMap<string, string>;
  /** Answers to `# @prompt` variables, by name. */
  prompts?: Record<string, string>;
  /** Restricted Mode: no `$processEnv`, no `$dotenv`, no body files outside `workspaceRoot`. */
  restricted?: boolean;
  /** OAuth2 tokens for `{{$auth.token("NAME")}}` / `{{$auth.idToken("NAME")}}`, set by the pipeline's `oauth` stage. */
  authTokens?: ReadonlyMap<string, OAuthToken>;
  workspaceRoot?: string;
}

/** Expands `{{…}}` in a template; throws HttpSessionError (UNRESOLVED_VARIABLE, REFERENCE) naming the variable and line. */
export interface Resolver {
  expand(template: string, line: number): string;
}
