// Child process of the memory section: the bot's state after a restart with the scale section's store,
// i.e. a fresh process that opens the store and loads the grouping index, then a full GC.
// Usage: memory-worker.ts SQLITE_PATH
import { MAX_BYTES } from './extractors.ts';
import { printResult, readPeakRssMb } from './run-child.ts';

export type MemoryWorkerResult = {
  articles: number;
  loadSeconds: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  peakRssMb: number;
};

const [sqlitePath] = process.argv.slice(2);
if (!sqlitePath) {
  console.error('usage: memory-worker.ts SQLITE_PATH');
  process.exit(2);
}
const { createStore } = await import('../src/store/index.ts');
const { createPipeline } = await import('../src/pipeline/create-pipeline.ts');
const store = await createStore({ sqlitePath });
try {
  const pipeline = createPipeline({ store, maxBytes: MAX_BYTES });
  const t = performance.now();
  await pipeline.load();
  const loadSeconds = (performance.now() - t) / 1000;
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  printResult({
    articles: await store.countArticles(),
    loadSeconds,
    rssMb: m.rss / 2 ** 20,
    heapUsedMb: m.heapUsed / 2 ** 20,
    externalMb: m.external / 2 ** 20,
    peakRssMb: readPeakRssMb(),
  } satisfies MemoryWorkerResult);
} finally {
  await store.close();
}
