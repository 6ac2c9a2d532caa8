// `npx tsx scripts/eval-stories.ts [--scale N] [--no-seeds] [--bench]`: grouping and digest quality on
// ../shared/seeds (parse → cites → store → mentions → grouper → buildDigest → export → score-digest.mjs);
// with --bench, the time per article of extraction, entities and grouping on the 181 benchmark pages; then
// the cost of grouping per article as an in-memory store grows to N synthetic articles (default 20000).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toDigestExport } from '../digests/export-digest.ts';
import { createGrouper } from '../src/grouping/index.ts';
import type { Store } from '../src/store/index.ts';
import { createStore } from '../src/store/index.ts';
import type { ArticleInput, Mention, Story } from '../src/types.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '20000' },
    'no-seeds': { type: 'boolean' },
    bench: { type: 'boolean' },
  },
});
const shared = resolve(process.env.NEWSBOT_SHARED ?? '../shared');

async function evalSeeds() {
  // Loaded here so that the scale run does not need the NLP stage.
  const { extractMentions } = await import('../src/nlp/index.ts');
  const { buildDigest } = await import('../digests/build-digest.ts');
  const { renderDigestText } = await import('../digests/render-text.ts');
  const { createIngestor } = await import('../src/ingest/create-ingestor.ts');
  const seedsDir = join(shared, 'seeds');
  if (!existsSync(seedsDir)) {
    console.error(`no seeds at ${seedsDir} (set NEWSBOT_SHARED)`);
    return;
  }
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(seedsDir, f));
  const store = await createStore({ sqlitePath: ':memory:' });
  const ingestor = createIngestor({ store, maxBytes: 5 * 1024 * 1024 });
  const summary = await ingestor.ingestPaths(files);
  const articles = await store.getArticles(summary.articleIds);
  const started = performance.now();
  const items = [];
  for (const article of articles) {
    const mentions = extractMentions(article);
    await store.saveMentions(article.id, mentions);
    items.push({ article, mentions });
  }
  const mentionsMs = performance.now() - started;
  const grouper = createGrouper({ store });
  await grouper.load();
  await grouper.assignMany(items);
  const stories = (await store.listStories()).sort((a, b) => a.id.localeCompare(b.id));
  const mentions = await store.getMentions(articles.map((a) => a.id));
  const digests = stories.map((s) => buildDigest(s, articles, mentions));
  const work = mkdtempSync(join(tmpdir(), 'newsbot-stories-'));
  const file = join(work, 'seeds.json');
  writeFileSync(file, JSON.stringify(toDigestExport(articles, stories, digests), null, 2));
  console.log(
    `== seeds: ${articles.length} articles → ${stories.length} stories (mentions ${mentionsMs.toFixed(0)} ms)`,
  );
  for (const s of stories) {
    console.log(`   story ${s.id}: ${s.articleIds.length} articles, related [${s.related.join(', ')}]`);
    const why = await grouper.explain(s.id);
    for (const a of why?.articles ?? [])
      console.log(
        `   ${s.id} ${a.founder ? 'founder' : `sim ${a.similarity}`} ${a.title?.slice(0, 60)} | names ${a.sharedNames.join(', ')}`,
      );
  }
  for (const d of digests) console.log(`\n${renderDigestText(d)}`);
  console.log('');
  console.log(
    execFileSync(
      process.execPath,
      [join(shared, 'tools', 'score-digest.mjs'), join(seedsDir, 'gold.json'), file],
      {
        encoding: 'utf8',
      },
    ),
  );
  console.log(`export: ${file}`);
  await store.close();
}

async function evalBench() {
  const { extractMentions } = await import('../src/nlp/index.ts');
  const { buildDigest } = await import('../digests/build-digest.ts');
  const { createIngestor } = await import('../src/ingest/create-ingestor.ts');
  const dir = join(shared, 'article-extraction-benchmark', 'html');
  if (!existsSync(dir)) return console.error(`no benchmark pages at ${dir}`);
  const store = await createStore({ sqlitePath: ':memory:' });
  let t = performance.now();
  const summary = await createIngestor({ store, maxBytes: 5 * 1024 * 1024 }).ingestPaths([dir]);
  const extractMs = performance.now() - t;
  const articles = await store.getArticles(summary.articleIds);
  t = performance.now();
  const items = articles.map((article) => ({ article, mentions: extractMentions(article) }));
  const mentionsMs = performance.now() - t;
  const grouper = createGrouper({ store });
  t = performance.now();
  await grouper.assignMany(items);
  const groupMs = performance.now() - t;
  const stories = await store.listStories();
  const byId = new Map(items.map((i) => [i.article.id, i.mentions]));
  t = performance.now();
  for (const s of stories) buildDigest(s, articles, byId);
  const digestMs = performance.now() - t;
  const n = articles.length;
  console.log(`== bench: ${n} pages → ${stories.length} stories; ms per article:`);
  console.log(
    `   extract+cites+store ${(extractMs / n).toFixed(1)}, entities ${(mentionsMs / n).toFixed(1)}, grouping ${(groupMs / n).toFixed(2)}, digest ${(digestMs / n).toFixed(2)}`,
  );
  await store.close();
}

/** A seeded pseudo-random generator, so every run measures the same input. */
function createRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Synthetic news: events of 1–6 articles, Zipf-like common words, event-specific names and words. */
function syntheticArticle(i: number, random: () => number): { input: ArticleInput; mentions: Mention[] } {
  const event = Math.floor(i / 3.5);
  const er = createRandom(event * 7919 + 17);
  const eventWords = Array.from({ length: 12 }, () => `w${Math.floor(er() * 200_000)}`);
  const names = Array.from(
    { length: 3 },
    () => `Person${Math.floor(er() * 300_000)} Family${Math.floor(er() * 90_000)}`,
  );
  const placeName = `Town${Math.floor(er() * 40_000)}`;
  const common = () => `c${Math.floor(random() ** 3 * 3000)}`;
  const pick = () => (random() < 0.45 ? eventWords[Math.floor(random() * eventWords.length)]! : common());
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
  const day = Math.floor(event / 400);
  const published = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000 + (i % 24) * 3_600_000).toISOString();
  return {
    input: {
      externalId: `syn-${i}`,
      source: `synthetic/${i}`,
      feedId: null,
      guid: null,
      url: `https://synthetic.example.com/${i}`,
      outlet: `Outlet ${i % 50}`,
      title: sentence(9),
      published,
      text: `${sentence(30)}.\n\n${sentence(40)}.\n\n${sentence(40)}.`,
      cites: [],
    },
    mentions: [
      ...names.slice(0, 1 + Math.floor(random() * 3)).map(
        (name): Mention => ({
          name,
          kind: 'person',
          role: null,
          country: null,
          count: 1 + Math.floor(random() * 3),
        }),
      ),
      { name: placeName, kind: 'place', role: null, country: 'Norland', count: 2 },
      { name: 'Norland', kind: 'place', role: null, country: 'Norland', count: 3 },
    ],
  };
}

async function evalScale(total: number) {
  const store = await createStore({ sqlitePath: ':memory:' });
  let storeMs = 0;
  const timedStore: Store = Object.assign(Object.create(store) as Store, {
    saveStory: async (story: Story) => {
      const t = performance.now();
      await store.saveStory(story);
      storeMs += performance.now() - t;
    },
  });
  const grouper = createGrouper({ store: timedStore });
  await grouper.load();
  const random = createRandom(42);
  const window = Math.min(5000, total);
  let windowMs = 0;
  let last = { scanned: 0, scored: 0 };
  console.log(`== scale: grouping ${total} synthetic articles; per ${window} articles, per article:`);
  console.log(
    '   articles   assign ms (of it saveStory ms)   postings scanned   candidates scored   stories   heap',
  );
  const baseHeap = process.memoryUsage().heapUsed;
  for (let i = 0; i < total; i++) {
    const { input, mentions } = syntheticArticle(i, random);
    const { article } = await store.upsertArticle(input);
    const t = performance.now();
    await grouper.assign(article, mentions);
    windowMs += performance.now() - t;
    if ((i + 1) % window === 0) {
      const { stories, scanned, scored } = grouper.stats;
      const heap = (process.memoryUsage().heapUsed - baseHeap) / 2 ** 20;
      console.log(
        `   ${String(i + 1).padStart(8)}   ${(windowMs / window).toFixed(2).padStart(9)} (${(storeMs / window).toFixed(2)})${''.padStart(20)}${((scanned - last.scanned) / window).toFixed(0).padStart(6)}${((scored - last.scored) / window).toFixed(1).padStart(20)}${String(stories).padStart(10)}   +${heap.toFixed(0)} MB`,
      );
      windowMs = 0;
      storeMs = 0;
      last = { scanned, scored };
    }
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t = performance.now();
  const reloaded = createGrouper({ store });
  await reloaded.load();
  const seconds = (performance.now() - t) / 1000;
  gc?.();
  const indexMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  console.log(
    `   reload from store: ${seconds.toFixed(1)} s for ${reloaded.stats.stories} stories, vocabulary ${reloaded.stats.vocabulary}, index heap ${gc ? `${indexMb.toFixed(0)} MB` : 'n/a (run with --expose-gc)'}`,
  );
  console.log(
    `   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (store in memory, two groupers)`,
  );
  await store.close();
}

if (!values['no-seeds']) await evalSeeds();
if (values.bench) await evalBench();
const scale = Number(values.scale);
if (scale > 0) await evalScale(scale);
