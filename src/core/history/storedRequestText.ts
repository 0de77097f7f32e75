import { formatRequestBlock } from '../curl/formatRequestBlock';
import { REDACTED } from '../variables/redactSecrets';
import type { HistoryEntry } from './historyEntry';

/**
 * The stored request of a history entry as an `.http` block to re-send when its file or request is gone.
 * Masked headers and the Cookie header are left out (the session supplies its cookies and default headers
 * again); undefined when the entry kept no request or its body was not kept.
 */
export function storedRequestText(entry: HistoryEntry): string | undefined {
  const request = entry.request;
  if (!request || request.bodyOmitted) return undefined;
  const headers = request.headers.filter(([name, value]) => name.toLowerCase() !== 'cookie' && !value.includes(REDACTED));
  return formatRequestBlock({ method: request.method, url: request.url, headers, ...(request.body ? { body: request.body } : {}) });
}
