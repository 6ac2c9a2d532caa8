// Child process of the grouping, memory and lookup sections: one SQLite store filled with a synthetic
// corpus up to each scale in turn; at each scale a batch of new articles goes through the real ingest
// path (cites, upsert, entities, grouping) with a clock on each.
// Usage: scale-worker.ts SAMPLES_DIR SCALES(comma-separated) MEASURED_PER_SCALE LOOKUPS [reload] [KEEP_DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGrouper } from '../src/grouping/index.ts';
import { createIngestor } from '../src/ingest/create-ingestor.ts';
import { extractMentions } from '../src/nlp/index.ts';
import { createPipeline } from '../src/pipeline/create-pipeline.ts';
import { createStore } from '../src/store/index.ts';
import { toSearchDoc } from '../src/store/search-store.ts';
import type { Mention, Story } from '../src/types.ts';
import { MAX_BYTES } from './extractors.ts';
import { createBenchCommandHandler, type LookupResult, measureLookups } from './lookup.ts';
import { printResult, readPeakRssMb } from './run-child.ts';
import { summarize, type TimeSummary } from './stats.ts';
import { createSyntheticCorpus, loadTemplates } from './synthetic-corpus.ts';

export type ScalePoint = {
  stored: number;
  /** Seconds spent filling the store from the previous scale to this one (bulk path, NLP skipped). */
  fillSeconds: number;
  /** Per new article, milliseconds: the whole ingest, and its parts. */
  ingest: TimeSummary;
  /** CPU time of this process (user + system) per new article: less moved by other load on the machine. */
  ingestCpu: TimeSummary;
  groupingCpu: TimeSummary;
  entities: TimeSummary;
  grouping: TimeSummary;
  /** Building the story's digest and writing its search entry. */
  searchIndex: TimeSummary;
  storeWrites: TimeSummary;
  stories: number;
  candidatesScoredPerArticle: number;
};

export type ScaleWorkerResult = {
  perDay: number;
  seed: number;
  points: ScalePoint[];
  /** After the largest scale, after a full GC. */
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  peakRssMb: number;
  /** Rebuilding the grouping index from the store at the largest scale (what a restart costs). */
  reloadSeconds: number | null;
  /** Cross-check at the largest scale: new articles through `createPipeline` itself, ms each. */
  pipelineIngest: TimeSummary | null;
  lookup: LookupResult;
};

const [samplesDir, scalesArg, measuredArg, lookupsArg, reloadArg, keepDir] = process.argv.slice(2);
if (!samplesDir || !scalesArg) {
  console.error('usage: scale-worker.ts SAMPLES_DIR SCALES MEASURED_PER_SCALE LOOKUPS [reload] [KEEP_DIR]');
  process.exit(2);
}
const scales = scalesArg.split(',').map(Number);
const measured = Math.max(1, Number(measuredArg) || 100);
const lookups = Math.max(0, Number(lookupsArg) || 0);
const SEED = 20261125;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
// 100k articles over a year: a bot following a few dozen busy feeds.
const PER_DAY = 274;

// With KEEP_DIR the store is left there for the memory section's restart probe.
const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'newsbot-bench-'));
const store = await createStore({ sqlitePath: join(dir, 'bench.db') });
try {
  const corpus = createSyntheticCorpus(await loadTemplates(samplesDir), {
    seed: SEED,
    perDay: PER_DAY,
    start: '2025-01-01T00:00:00Z',
  });
  // Used for its digests only; articles are grouped by `grouper` below.
  const pipeline = createPipeline({ store, maxBytes: MAX_BYTES });
  const grouper = createGrouper({ store });
  await grouper.load();

  // Bulk articles carry their generated mentions; measured ones (absent here) are read by the real NLP.
  const known = new Map<string, Mention[]>();
  type Part = 'entities' | 'grouping' | 'search' | 'store';
  let clock: Record<Part | 'groupingCpu', number> | null = null;
  const time = async <T>(part: Part, fn: () => Promise<T>) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    try {
      return await fn();
    } finally {
      if (clock) clock[part] += performance.now() - t;
      if (clock && part === 'grouping') clock.groupingCpu += cpuMs(process.cpuUsage(cpu));
    }
  };
  // What `createPipeline`'s stored hook does (mentions, grouping, search entry), with a clock on each
  // part and a way around the NLP for the bulk fill.
  const ingestor = createIngestor({
    store,
    maxBytes: MAX_BYTES,
    async onStored({ article }) {
      const mentions = await time(
        'entities',
        async () => known.get(article.externalId) ?? extractMentions(article),
      );
      known.delete(article.externalId);
      await time('store', () => store.saveMentions(article.id, mentions));
      const change = await time('grouping', () => grouper.assign(article, mentions));
      // The bulk fill indexes each changed story once at the end, not once per article (same final index).
      if (!clock) {
        unindexed.set(change.story.id, change.story);
        return;
      }
      await time('search', async () => {
        const [digest] = await pipeline.digestsOf([change.story]);
        if (digest) await store.indexStory(toSearchDoc(digest));
      });
    },
  });
  const unindexed = new Map<string, Story>();
  async function indexUnindexed(): Promise<void> {
    const stories = [...unindexed.values()];
    unindexed.clear();
    for (let i = 0; i < stories.length; i += 200)
      for (const digest of await pipeline.digestsOf(stories.slice(i, i + 200)))
        await store.indexStory(toSearchDoc(digest));
  }

  let stored = 0;
  const points: ScalePoint[] = [];
  for (const scale of scales) {
    const fillStart = performance.now();
    const warmup = Math.min(50, Math.floor(scale / 10));
    while (stored < scale - warmup) {
      const { input, mentions } = corpus.next();
      known.set(input.externalId, mentions);
      await ingestor.ingestArticle(input);
      stored++;
      if (stored % 10_000 === 0) console.log(`filled ${stored}`);
    }
    await indexUnindexed();
    const fillSeconds = (performance.now() - fillStart) / 1000;
    // Untimed: the real path (NLP, per-article search entry) warmed up the same way at every scale.
    for (let i = 0; i < warmup; i++) {
      clock = { entities: 0, grouping: 0, search: 0, store: 0, groupingCpu: 0 };
      await ingestor.ingestArticle(corpus.next().input);
      clock = null;
      stored++;
    }
    const times = {
      ingest: [] as number[],
      ingestCpu: [] as number[],
      groupingCpu: [] as number[],
      entities: [] as number[],
      grouping: [] as number[],
      search: [] as number[],
      store: [] as number[],
    };
    const scoredBefore = grouper.stats.scored;
    for (let i = 0; i < measured; i++) {
      const { input } = corpus.next();
      clock = { entities: 0, grouping: 0, search: 0, store: 0, groupingCpu: 0 };
      const t = performance.now();
      const cpu = process.cpuUsage();
      await ingestor.ingestArticle(input);
      times.ingest.push(performance.now() - t);
      times.ingestCpu.push(cpuMs(process.cpuUsage(cpu)));
      times.groupingCpu.push(clock.groupingCpu);
      times.entities.push(clock.entities);
      times.grouping.push(clock.grouping);
      times.search.push(clock.search);
      times.store.push(clock.store);
      clock = null;
      stored++;
    }
    points.push({
      stored: scale,
      fillSeconds,
      ingest: summarize(times.ingest),
      ingestCpu: summarize(times.ingestCpu),
      groupingCpu: summarize(times.groupingCpu),
      entities: summarize(times.entities),
      grouping: summarize(times.grouping),
      searchIndex: summarize(times.search),
      storeWrites: summarize(times.store),
      stories: grouper.stats.stories,
      candidatesScoredPerArticle: (grouper.stats.scored - scoredBefore) / measured,
    });
    console.log(
      `scale ${scale}: filled in ${fillSeconds.toFixed(1)} s, ${points.at(-1)!.ingest.mean.toFixed(2)} ms/article`,
    );
  }

  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const peakRssMb = readPeakRssMb();

  const lookup = await measureLookups(createBenchCommandHandler(store, pipeline), {
    queries: lookups,
    seed: SEED,
  });

  let reloadSeconds: number | null = null;
  let pipelineIngest: TimeSummary | null = null;
  if (reloadArg === 'reload') {
    const real = createPipeline({ store, maxBytes: MAX_BYTES });
    const t = performance.now();
    await real.load();
    reloadSeconds = (performance.now() - t) / 1000;
    const times: number[] = [];
    for (let i = 0; i < Math.min(measured, 100); i++) {
      const { input } = corpus.next();
      const started = performance.now();
      await real.ingestor.ingestArticle(input);
      times.push(performance.now() - started);
    }
    pipelineIngest = summarize(times);
  }
  printResult({
    perDay: PER_DAY,
    seed: SEED,
    points,
    rssMb: memory.rss / 2 ** 20,
    heapUsedMb: memory.heapUsed / 2 ** 20,
    externalMb: memory.external / 2 ** 20,
    peakRssMb,
    reloadSeconds,
    pipelineIngest,
    lookup,
  } satisfies ScaleWorkerResult);
} finally {
  await store.close();
  if (!keepDir) rmSync(dir, { recursive: true, force: true });
}
