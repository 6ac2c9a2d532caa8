import type { FetchResult } from './create-fetcher.ts';

/** One line saying why a fetch gave no body; empty for an 'ok' result. */
export function describeFetchFailure(result: FetchResult): string {
  switch (result.kind) {
    case 'ok':
      return '';
    case 'not-modified':
      return 'not modified (HTTP 304)';
    case 'gone':
      return 'gone (HTTP 410)';
    case 'retry-later':
      return result.retryAfterMs === null
        ? result.reason
        : `${result.reason} (retry after ${Math.ceil(result.retryAfterMs / 1000)} s)`;
    case 'failed':
      return result.reason;
  }
}
