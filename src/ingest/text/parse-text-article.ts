import { basename } from 'node:path';
import { InputError } from '../../errors.ts';
import type { ArticleInput } from '../../types.ts';
import { citesOfPage, markTextCited } from '../cites.ts';
import { classifyLine } from './line-kinds.ts';
import { type ParseScrapedTextOptions, readScrapedPage } from './parse-scraped-text.ts';

export type ParseTextArticleOptions = ParseScrapedTextOptions & {
  /** The input's own id; defaults to the source's base name (a file) or the source itself (a URL). */
  externalId?: string;
  feedId?: string | null;
  guid?: string | null;
};

/**
 * A scraped plain-text page → an ArticleInput: body cleaned of page furniture, cites read from the raw page and
 * the body's joined paragraphs (embedded posts count, photo credits do not, the page's own outlet never). Throws
 * an InputError naming the source when no article text is left.
 */
export function parseTextArticle(raw: string, opts: ParseTextArticleOptions): ArticleInput {
  const { parsed, page, joined } = readScrapedPage(raw, opts);
  if (parsed.text.trim() === '')
    throw new InputError(`${opts.source}: no article text left after removing page furniture`, opts.source);
  const isUrl = /^https?:\/\//iu.test(opts.source);
  // Read once, here: the raw page has the posts and sign-offs the body lost, and the body's hard-wrapped
  // paragraphs are read joined, as the body has them; the ingestor need not read the body again.
  const lines = [...page, ...joined.map((text) => ({ text, kind: classifyLine(text) }))];
  return markTextCited({
    externalId: opts.externalId ?? (isUrl ? opts.source : basename(opts.source)),
    source: opts.source,
    feedId: opts.feedId ?? null,
    guid: opts.guid ?? null,
    url: parsed.url,
    outlet: parsed.outlet,
    title: parsed.title,
    published: parsed.published,
    text: parsed.text,
    cites: citesOfPage(lines, { outlet: parsed.outlet }),
  });
}
