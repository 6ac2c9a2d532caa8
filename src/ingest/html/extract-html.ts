import { Readability } from '@mozilla/readability';
import { InputError } from '../../errors.ts';
import { type DomElement, parseDocument } from './dom.ts';
import { extractMetadata } from './extract-metadata.ts';
import { renderText } from './render-text.ts';

export type ExtractedPage = {
  title: string | null;
  outlet: string | null;
  /** ISO 8601, UTC. */
  published: string | null;
  /** Canonical URL, absolute. */
  url: string | null;
  /** The article body, paragraphs separated by a blank line. */
  text: string;
  lang: string | null;
};

export type ExtractOptions = { url?: string | null };

export const MAX_HTML_CHARS = 5 * 1024 * 1024;
const MIN_BODY_CHARS = 80;

/**
 * Extracts the article from a news page: metadata from the head and JSON-LD, the body by Readability
 * over linkedom, with our own boilerplate cleanup. Throws InputError when the page holds no article.
 */
export function extractHtml(html: string, opts: ExtractOptions = {}): ExtractedPage {
  const source = opts.url ?? 'html';
  if (typeof html !== 'string') throw new InputError('page is not text', source);
  if (html.length > MAX_HTML_CHARS)
    throw new InputError(
      `page is too large (${html.length} characters, the limit is ${MAX_HTML_CHARS})`,
      source,
    );
  if (!/\S/.test(html)) throw new InputError('page is empty', source);

  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(html);
  } catch (cause) {
    throw new InputError('page could not be parsed as HTML', source, { cause });
  }
  if (!doc.documentElement) throw new InputError('page has no HTML document', source);

  const metadata = extractMetadata(doc, opts.url);
  let text = '';
  try {
    const parsed = new Readability(doc as never, { serializer: (el) => el as unknown }).parse();
    if (parsed?.content) text = renderText(parsed.content as DomElement);
  } catch {
    // Readability gives up on some broken documents; the fallbacks below still get a chance.
  }
  if (text.length < MIN_BODY_CHARS && metadata.jsonLdBody && metadata.jsonLdBody.length > text.length)
    text = metadata.jsonLdBody.trim();
  if (text.replace(/\s/g, '').length < 1) throw new InputError('page has no readable article body', source);

  return {
    title: metadata.title,
    outlet: metadata.outlet,
    published: metadata.published,
    url: metadata.url,
    text,
    lang: metadata.lang,
  };
}
