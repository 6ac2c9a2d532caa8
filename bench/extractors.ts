import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { mergeCites } from '../src/ingest/create-ingestor.ts';
import { parseInput } from '../src/ingest/parse-input.ts';
import { createPipeline } from '../src/pipeline/create-pipeline.ts';
import { createStore } from '../src/store/index.ts';
import type { Store } from '../src/store/store.ts';

/** One benchmark page as read from disk: still gzipped, so every tool pays for gunzip and decoding. */
export type Page = { key: string; source: string; gz: Uint8Array };

export type ToolName = 'ours' | 'readability-linkedom' | 'readability-jsdom' | 'article-extractor';
export const TOOL_NAMES: ToolName[] = [
  'ours',
  'readability-linkedom',
  'readability-jsdom',
  'article-extractor',
];

/** A tool's run over a set of pages: the body it found for each page key. */
export type ExtractRun = (pages: Page[]) => Promise<Map<string, string>>;

export const MAX_BYTES = 5 * 1024 * 1024;

const decodeUtf8 = (gz: Uint8Array) => gunzipSync(gz).toString('utf8');

function runReadabilityLinkedom(pages: Page[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of pages) {
    const { document } = parseHTML(decodeUtf8(p.gz));
    // linkedom's Document is close enough to the DOM Readability walks.
    const article = new Readability(document as unknown as Document).parse();
    out.set(p.key, article?.textContent ?? '');
  }
  return Promise.resolve(out);
}

async function createJsdomRun(): Promise<ExtractRun> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const quiet = new VirtualConsole();
  return async (pages) => {
    const out = new Map<string, string>();
    for (const p of pages) {
      const dom = new JSDOM(decodeUtf8(p.gz), { virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      out.set(p.key, article?.textContent ?? '');
      dom.window.close();
    }
    return out;
  };
}

async function createArticleExtractorRun(): Promise<ExtractRun> {
  const { extractFromHtml } = await import('@extractus/article-extractor');
  return async (pages) => {
    const out = new Map<string, string>();
    for (const p of pages) {
      const article = await extractFromHtml(decodeUtf8(p.gz)).catch(() => null);
      // Kept as HTML here; turned into text after the clock stops (see `htmlToPlainText`).
      out.set(p.key, article?.content ?? '');
    }
    return out;
  };
}

/** Paragraph text of an HTML fragment, for scoring only (never timed). */
export function htmlToPlainText(html: string): string {
  if (!html) return '';
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td')];
  if (blocks.length === 0) return document.body.textContent ?? '';
  return blocks.map((b) => b.textContent?.trim() ?? '').join('\n\n');
}

/** Ours: the whole pipeline (decode, extract, cites, entities, grouping) into a fresh in-memory store. */
async function runOurs(pages: Page[]): Promise<Map<string, string>> {
  const store = await createStore({ sqlitePath: ':memory:' });
  try {
    const pipeline = createPipeline({ store, maxBytes: MAX_BYTES });
    await pipeline.load();
    const idOf = new Map<string, string>();
    for (const p of pages) {
      const items = parseInput(
        { source: p.source, kind: 'html', gzipped: true, bytes: p.gz },
        { maxBytes: MAX_BYTES },
      );
      const summary = await pipeline.ingestor.ingestItems(items);
      const id = summary.articleIds[0];
      if (id) idOf.set(p.key, id);
    }
    const articles = await store.getArticles([...idOf.values()]);
    const textOf = new Map(articles.map((a) => [a.id, a.text]));
    return new Map([...idOf].map(([key, id]) => [key, textOf.get(id) ?? '']));
  } finally {
    await store.close();
  }
}

export async function createExtractRun(tool: ToolName): Promise<ExtractRun> {
  switch (tool) {
    case 'ours':
      return runOurs;
    case 'readability-linkedom':
      return runReadabilityLinkedom;
    case 'readability-jsdom':
      return createJsdomRun();
    case 'article-extractor':
      return createArticleExtractorRun();
  }
}

export type StageTimes = {
  extract: number;
  cites: number;
  entities: number;
  grouping: number;
  /** The story's digest rebuilt and written to the search index. */
  search: number;
  store: number;
};

/**
 * Our pipeline once more, with a clock on each stage: the same pieces `createPipeline` wires together
 * (parse → cites + upsert → mentions → grouping → search entry), timed through a store wrapper and the
 * stored hook. Store time is the article, mention and story writes; search is digest plus index write.
 */
export async function timeOurStages(pages: Page[]): Promise<StageTimes> {
  const { createGrouper } = await import('../src/grouping/index.ts');
  const { createIngestor } = await import('../src/ingest/create-ingestor.ts');
  const { extractMentions } = await import('../src/nlp/index.ts');
  const { toSearchDoc } = await import('../src/store/search-store.ts');
  const times: StageTimes = { extract: 0, cites: 0, entities: 0, grouping: 0, search: 0, store: 0 };
  let storyWrites = 0;
  const real = await createStore({ sqlitePath: ':memory:' });
  const timed = ['upsertArticle', 'saveMentions', 'saveStory'] as const;
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (!timed.includes(prop as (typeof timed)[number]) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          const took = performance.now() - t;
          times.store += took;
          if (prop === 'saveStory') storyWrites += took;
        }
      };
    },
  }) as Store;
  try {
    const grouper = createGrouper({ store });
    await grouper.load();
    // Used for its digests only (what the pipeline indexes for search).
    const digests = createPipeline({ store: real, maxBytes: MAX_BYTES });
    const ingestor = createIngestor({
      store,
      maxBytes: MAX_BYTES,
      async onStored({ article }) {
        let t = performance.now();
        const mentions = extractMentions(article);
        times.entities += performance.now() - t;
        await store.saveMentions(article.id, mentions);
        t = performance.now();
        const change = await grouper.assign(article, mentions);
        times.grouping += performance.now() - t;
        t = performance.now();
        const [digest] = await digests.digestsOf([change.story]);
        if (digest) await real.indexStory(toSearchDoc(digest));
        times.search += performance.now() - t;
      },
    });
    for (const p of pages) {
      let t = performance.now();
      const items = parseInput(
        { source: p.source, kind: 'html', gzipped: true, bytes: p.gz },
        { maxBytes: MAX_BYTES },
      );
      times.extract += performance.now() - t;
      for (const item of items) {
        if (!item.ok) continue;
        t = performance.now();
        mergeCites(item.input);
        times.cites += performance.now() - t;
        await ingestor.ingestArticle(item.input);
      }
    }
    // saveStory ran inside assign: it is store time, not grouping.
    times.grouping = Math.max(0, times.grouping - storyWrites);
    return times;
  } finally {
    await real.close();
  }
}
