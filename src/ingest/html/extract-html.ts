import { Readability } from '@mozilla/readability';
import { describeError, InputError } from '../../errors.ts';
import { cleanContent } from './clean-content.ts';
import { cleanDocument } from './clean-document.ts';
import { completeSkeleton, type DomDocument, type DomElement, parseDocument, wrapInSkeleton } from './dom.ts';
import { extractMetadata } from './extract-metadata.ts';
import { filterParagraphs } from './filter-paragraphs.ts';
import { findArticleRegion } from './find-article-region.ts';
import { findDensestBlock } from './find-densest-block.ts';
import {
  type LightDocument,
  type LightElement,
  parseLightTree,
  serializeLightTree,
  serializeNodes,
} from './light-tree.ts';
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
  /**
   * Attribution kept out of the body: bylines, "Reporting by …", "… contributed to this report",
   * "Source: …". Not article text, but where the agencies behind a story are named (for cites).
   */
  credits: string[];
};

export type ExtractOptions = { url?: string | null };

export const MAX_HTML_CHARS = 5 * 1024 * 1024;
const MIN_BODY_CHARS = 80;
export const MAX_ELEMENTS = 40_000;
export const MAX_DEPTH = 400;

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

  try {
    return extractPage(html, opts.url ?? null, source);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // The DOM library and Readability fail on some malformed markup; for us that page is unreadable.
    throw new InputError(`page could not be processed as HTML: ${describeError(err)}`, source, {
      cause: err,
    });
  }
}

function extractPage(html: string, pageUrl: string | null, source: string): ExtractedPage {
  const tree = parseLightTree(completeSkeleton(html));
  const doc = tree.html?.name === 'html' ? tree : parseLightTree(wrapInSkeleton(html));
  if (!doc.html || !doc.body) throw new InputError('page has no HTML document', source);
  const { elements, depth } = doc;
  // Past these, extraction time grows out of proportion; real news pages stay far below them.
  if (elements > MAX_ELEMENTS)
    throw new InputError(`page has too many elements (${elements}, the limit is ${MAX_ELEMENTS})`, source);
  if (depth > MAX_DEPTH)
    throw new InputError(
      `page nests elements too deeply (${depth} levels, the limit is ${MAX_DEPTH})`,
      source,
    );

  const metadata = extractMetadata(doc, pageUrl);
  const { bylines } = cleanDocument(doc);
  let article = readCleanedArticle(doc, metadata.title, bylines);
  if (article.text.length < MIN_BODY_CHARS) {
    // Our cleanup can strip a page whose markup names everything like boilerplate; try it untouched.
    const raw = readArticle(parseDocument(html), metadata.title, bylines);
    if (raw.text.length > article.text.length) article = raw;
  }
  if (article.text.length < MIN_BODY_CHARS) {
    const densest = readDensestBlock(serializeLightTree(doc.root), metadata.title, bylines);
    if (densest.text.length > article.text.length) article = densest;
  }
  let text = article.text;
  if (text.length < MIN_BODY_CHARS && metadata.jsonLdBody && metadata.jsonLdBody.length > text.length)
    text = readJsonLdBody(metadata.jsonLdBody);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new InputError('page has no readable article body', source);
  const credits = [...new Set([...bylines, ...article.credits])];

  return {
    title: metadata.title,
    outlet: metadata.outlet,
    published: metadata.published,
    url: metadata.url,
    text,
    lang: metadata.lang,
    credits,
  };
}

/** Readability over the article's region when the page has a clear one, else over the whole cleaned body. */
function readCleanedArticle(doc: LightDocument, title: string | null, bylines: string[]): BodyText {
  const body = doc.body;
  const region = body && findArticleRegion(body);
  const article = readArticle(parseDocument(readabilityPage(doc, region)), title, bylines);
  if (!region || article.text.length >= MIN_BODY_CHARS) return article;
  return readArticle(parseDocument(readabilityPage(doc, null)), title, bylines);
}

/** The cleaned page as Readability gets it: the head tags it reads, and the region or the whole body. */
function readabilityPage(doc: LightDocument, region: LightElement | null): string {
  const head = `<head>${serializeNodes(readabilityHead(doc))}</head>`;
  const body = region
    ? `<body>${serializeNodes([region], isReadabilityAttribute)}</body>`
    : doc.body
      ? serializeNodes([doc.body], isReadabilityAttribute)
      : '';
  return `<!DOCTYPE html><html>${head}${body}</html>`;
}

/** The attributes Readability and our content cleanup read; the rest (data-*, handlers, aria labels…) only cost parsing. */
const READABILITY_ATTRIBUTES = new Set(
  (
    'class id style hidden aria-hidden aria-modal role itemprop rel href src srcset poster width height ' +
    'colspan rowspan datatable summary dir lang name content property type'
  ).split(' '),
);
const isReadabilityAttribute = (name: string) => READABILITY_ATTRIBUTES.has(name);

/** What of the head bears on Readability's body: the title and author tags (an author tag keeps bylines in). */
function readabilityHead(doc: LightDocument): LightElement[] {
  const head = doc.html?.children.find((kid) => kid.type === 1 && kid.name === 'head');
  if (head?.type !== 1) return [];
  return head.children.filter(
    (kid): kid is LightElement =>
      kid.type === 1 &&
      (kid.name === 'title' ||
        (kid.name === 'meta' && /author|creator|title/i.test(`${kid.attrs.name} ${kid.attrs.property}`))),
  );
}

function readArticle(doc: DomDocument, title: string | null, bylines: string[]): BodyText {
  let content: DomElement | null = null;
  try {
    const parsed = new Readability(doc as never, { serializer: (el) => el as unknown }).parse();
    content = (parsed?.content as DomElement | undefined) ?? null;
  } catch {
    // Readability gives up on some broken documents; the caller's fallbacks still get a chance.
    content = null;
  }
  return content ? readBlock(content, title, bylines) : { text: '', credits: [] };
}

type BodyText = { text: string; credits: string[] };

function readBlock(block: DomElement, title: string | null, bylines: string[]): BodyText {
  cleanContent(block);
  const { paragraphs, credits } = filterParagraphs(renderText(block).split('\n\n'), title, bylines);
  return { text: paragraphs.join('\n\n'), credits };
}

/** `cleaned` is the page after cleanDocument, serialized. */
function readDensestBlock(cleaned: string, title: string | null, bylines: string[]): BodyText {
  const doc = parseDocument(cleaned);
  const block = findDensestBlock(doc);
  return block ? readBlock(block, title, bylines) : { text: '', credits: [] };
}

/** JSON-LD articleBody is plain text on most sites, HTML on some. */
function readJsonLdBody(body: string): string {
  if (!/<[a-z][^>]*>/i.test(body)) return body.trim();
  const doc = parseDocument(body);
  return doc.body ? renderText(doc.body) : '';
}
