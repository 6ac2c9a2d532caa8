import { createHash } from 'node:crypto';
import { describeError } from '../../errors.ts';
import type { ArticleInput } from '../../types.ts';
import type { HostLimiter } from '../fetch/create-host-limiter.ts';
import { type ExtractedPage, extractHtml } from '../html/index.ts';
import type { ExpandPage } from './expand-page.ts';
import { htmlToText } from './html-to-text.ts';
import type { FeedItem } from './parse-feed.ts';

export type FeedContext = {
  feedId: string;
  feedUrl: string;
  feedTitle: string | null;
  expandPage: ExpandPage;
  limiter: HostLimiter;
  outletOf: (url: string) => string | null;
};

export type BuiltArticle =
  | { ok: true; input: ArticleInput; expanded: boolean; expandError: string | null }
  | { ok: false; reason: string };

/** Text of the item's own content: the extractor's reading of it, unless that drops most of the text. */
function readItemText(item: FeedItem): string {
  if (!item.html) return item.text?.trim() ?? '';
  const plain = htmlToText(item.html);
  try {
    const extracted = extractHtml(item.html, { url: item.url }).text;
    if (extracted.length >= plain.length * 0.6) return extracted;
  } catch {
    // a fragment with no article body for the extractor: plain text of the markup is all there is
  }
  return plain || item.text?.trim() || '';
}

function sameSite(a: string, b: string): boolean {
  const host = (u: string) => new URL(u).hostname.replace(/^www\./, '');
  try {
    return host(a) === host(b);
  } catch {
    return false;
  }
}

/** The page's canonical URL when it is a page on the site we landed on, else where we landed. */
function pickPageUrl(finalUrl: string, canonical: string | null): string {
  if (!canonical || !sameSite(finalUrl, canonical)) return finalUrl;
  return new URL(canonical).pathname.length > 1 ? canonical : finalUrl;
}

type Expansion = { page: ExtractedPage; finalUrl: string } | { error: string };

async function expandItem(item: FeedItem & { url: string }, ctx: FeedContext): Promise<Expansion> {
  try {
    const fetched = await ctx.limiter.run(item.url, () => ctx.expandPage(item.url));
    if ('error' in fetched) return { error: fetched.error };
    return { page: extractHtml(fetched.html, { url: fetched.finalUrl }), finalUrl: fetched.finalUrl };
  } catch (err) {
    return { error: describeError(err) };
  }
}

/** Turns a feed item into an article input, fetching the linked page when the feed carries only a summary. */
export async function buildFeedArticle(item: FeedItem, ctx: FeedContext): Promise<BuiltArticle> {
  let text = readItemText(item);
  let url = item.url;
  let page: ExtractedPage | null = null;
  let expandError: string | null = null;
  if (item.summaryOnly && item.url) {
    const expansion = await expandItem({ ...item, url: item.url }, ctx);
    if ('error' in expansion) expandError = expansion.error;
    else if (expansion.page.text.length > text.length) {
      page = expansion.page;
      text = page.text;
      url = pickPageUrl(expansion.finalUrl, page.url);
    } else expandError = 'the linked page held less text than the feed summary';
  }
  if (!text) {
    const why = expandError ? `; the linked page gave nothing: ${expandError}` : '';
    return { ok: false, reason: `the item has no text${why}` };
  }
  const title = item.title ?? page?.title ?? null;
  const externalId =
    item.guid ??
    url ??
    `${ctx.feedUrl}#${createHash('sha256')
      .update(`${title ?? ''}\n${text}`)
      .digest('hex')
      .slice(0, 16)}`;
  const outlet =
    (url ? ctx.outletOf(url) : null) ?? page?.outlet ?? ctx.feedTitle ?? ctx.outletOf(ctx.feedUrl) ?? null;
  return {
    ok: true,
    expanded: page !== null,
    expandError,
    input: {
      externalId,
      source: item.url ?? ctx.feedUrl,
      feedId: ctx.feedId,
      guid: item.guid,
      url,
      outlet,
      title,
      published: item.published ?? page?.published ?? null,
      text,
      cites: [],
    },
  };
}
