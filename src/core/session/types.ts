import type { HeaderList } from '../http/types';

/** The response of a `# @name` request, kept in the session for `{{name.response.…}}` references. */
export interface NamedResponse {
  status: number;
  headers: HeaderList;
  /** Decoded text of the body, at most 1 MB; `truncated` says when it was cut. */
  body: string;
  truncated: boolean;
  request: { method: string; url: string; headers: HeaderList; body?: string };
  /** ISO time the response arrived. */
  receivedAt: string;
}

/** A session default header, as the tree shows it. Names compare case-insensitively. */
export interface DefaultHeader {
  name: string;
  value: string;
}
