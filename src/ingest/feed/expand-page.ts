import { decodeText, looksBinary } from '../decode-text.ts';
import type { Fetcher } from '../fetch/create-fetcher.ts';
import { describeFetchFailure } from '../fetch/describe-fetch-failure.ts';

export type ExpandPage = (url: string) => Promise<{ html: string; finalUrl: string } | { error: string }>;

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Fetches an article page for a summary-only feed item: its HTML as text and the URL it ended at. */
export function createPageExpander(fetcher: Pick<Fetcher, 'fetch'>): ExpandPage {
  return async (url) => {
    const result = await fetcher.fetch(url, { accept: HTML_ACCEPT });
    if (result.kind !== 'ok') return { error: describeFetchFailure(result) };
    const type = result.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type && !/html|xml/.test(type)) return { error: `${result.url} is not an HTML page (${type})` };
    if (looksBinary(result.bytes)) return { error: `${result.url} is binary, not an HTML page` };
    const { text } = decodeText(result.bytes, { contentType: result.contentType, kind: 'html' });
    return { html: text, finalUrl: result.url };
  };
}
