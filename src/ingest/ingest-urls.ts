import type { Config } from '../config/index.ts';
import { describeError } from '../errors.ts';
import type { IngestSummary } from '../types.ts';
import type { Ingestor } from './create-ingestor.ts';
import { decodeText } from './decode-text.ts';
import { createFetcher, type Fetcher } from './fetch/index.ts';
import { htmlToInput, type ParsedItem } from './parse-input.ts';

export function createFetcherFromConfig(config: Config): Fetcher {
  return createFetcher({
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.MAX_BODY_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    allowPrivateAddresses: config.ALLOW_PRIVATE_ADDRESSES,
  });
}

/** Fetches one article page and extracts it; every failure becomes a rejected item with its reason. */
export async function fetchArticlePage(fetcher: Fetcher, url: string): Promise<ParsedItem> {
  const result = await fetcher.fetch(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  switch (result.kind) {
    case 'ok':
      try {
        const { text } = decodeText(result.bytes, { contentType: result.contentType, kind: 'html' });
        return { ok: true, input: htmlToInput(text, { source: url, externalId: url, url: result.url }) };
      } catch (err) {
        return { ok: false, source: url, reason: describeError(err), raw: result.bytes };
      }
    case 'gone':
      return { ok: false, source: url, reason: 'page is gone (HTTP 410)', raw: '' };
    case 'not-modified':
      return { ok: false, source: url, reason: 'not modified', raw: '' };
    case 'retry-later':
      return { ok: false, source: url, reason: `try again later: ${result.reason}`, raw: '' };
    case 'failed':
      return { ok: false, source: url, reason: result.reason, raw: '' };
  }
}

export async function ingestUrls(urls: string[], ingestor: Ingestor, config: Config): Promise<IngestSummary> {
  const fetcher = createFetcherFromConfig(config);
  try {
    const items = await Promise.all(urls.map((u) => fetchArticlePage(fetcher, u)));
    return await ingestor.ingestItems(items);
  } finally {
    await fetcher.close();
  }
}
