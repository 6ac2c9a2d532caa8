import { generateOpml, type Opml, parseOpml } from 'feedsmith';
import { describeError } from './errors.ts';
import type { FeedState } from './types.ts';

export type OpmlImport = { urls: string[]; errors: string[] };

type Outline = Opml.Outline<string>;

const MAX_OUTLINES = 10_000;

/**
 * The feed URLs of an OPML subscription list (nested folders included), deduplicated in document
 * order. Outlines without an xmlUrl are folders or links and are skipped; a non-http(s) or malformed
 * xmlUrl is an error naming the outline. Nothing is fetched: the caller validates each URL.
 */
export function importOpml(xml: string): OpmlImport {
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(xml);
  } catch (err) {
    return { urls: [], errors: [`not an OPML document: ${describeError(err)}`] };
  }
  const urls: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  let visited = 0;
  const walk = (outlines: Outline[] | undefined, path: string) => {
    for (const o of outlines ?? []) {
      if (++visited > MAX_OUTLINES) {
        if (visited === MAX_OUTLINES + 1)
          errors.push(`more than ${MAX_OUTLINES} outlines; the rest were skipped`);
        return;
      }
      const name = `${path}${o.title ?? o.text ?? '(untitled)'}`;
      if (o.xmlUrl !== undefined) {
        const url = checkFeedUrl(o.xmlUrl.trim());
        if (typeof url === 'object') errors.push(`outline "${name}": ${url.error}`);
        else if (!seen.has(url)) {
          seen.add(url);
          urls.push(url);
        }
      }
      walk(o.outlines, `${name} / `);
    }
  };
  walk(doc.body?.outlines, '');
  if (urls.length === 0 && errors.length === 0)
    errors.push('the OPML document lists no feeds (no outline has an xmlUrl)');
  return { urls, errors };
}

function checkFeedUrl(text: string): string | { error: string } {
  if (!text) return { error: 'empty xmlUrl' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `xmlUrl "${text}" is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: `xmlUrl "${text}": ${url.protocol} URLs are not supported (only http and https)` };
  url.hash = '';
  return url.href;
}

/** An OPML 2.0 subscription list of the feeds, one rss outline each (disabled feeds included, marked in the category). */
export function exportOpml(feeds: FeedState[]): string {
  return generateOpml({
    head: { title: 'newsbot feeds', dateCreated: new Date() },
    body: {
      outlines: feeds.map((f) => ({
        text: f.title ?? f.url,
        title: f.title ?? f.url,
        type: 'rss',
        xmlUrl: f.url,
        ...(f.enabled ? {} : { category: 'disabled' }),
      })),
    },
  });
}
