import type { CommandHandler } from '../src/adapter.ts';
import { createCommandHandler } from '../src/commands/index.ts';
import { createDelivery } from '../src/delivery/create-delivery.ts';
import type { Pipeline } from '../src/pipeline/create-pipeline.ts';
import type { Store } from '../src/store/store.ts';
import { FIRST_NAMES, LAST_NAMES } from './name-pools.ts';
import { fixed, gated, info, type Row, unavailable } from './report.ts';
import { summarize, type TimeSummary } from './stats.ts';
import { createRandom } from './synthetic-corpus.ts';

export type LookupResult =
  | { available: true; queries: number; ms: TimeSummary; withHits: number; examples: string[] }
  | { available: false; reason: string };

/** The `/news` handler the bot builds, over this store; delivery has no adapters (search never posts). */
export function createBenchCommandHandler(store: Store, pipeline: Pipeline): CommandHandler {
  const delivery = createDelivery({ store, pipeline, adapters: [], cronJobs: false });
  return createCommandHandler({
    store,
    pipeline,
    delivery,
    config: { allowPrivateAddresses: false, defaultTimeZone: 'UTC', feedIntervalSec: 900 },
  });
}

/**
 * A mix of what people type: a surname, a full name, a topic word with a name, a quoted phrase, and a
 * word nothing matches. Seeded, so every run asks the same questions.
 */
export function createSearchQueries(count: number, seed: number): string[] {
  const random = createRandom(seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const topics = ['strike', 'earthquake', 'port', 'museum', 'battery plant', 'union deal', 'minister'];
  const shapes: (() => string)[] = [
    () => pick(LAST_NAMES),
    () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
    () => `${pick(topics)} ${pick(LAST_NAMES)}`,
    () => `"${pick(topics)}"`,
    () => pick(topics),
    () => `zq${Math.floor(random() * 1e6)}`,
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}

/** `/news search …` through the command handler, one query at a time, timed end to end. */
export async function measureLookups(
  handler: CommandHandler,
  opts: { queries: number; seed: number },
): Promise<LookupResult> {
  if (opts.queries === 0) return { available: false, reason: 'no queries asked for' };
  const queries = createSearchQueries(opts.queries, opts.seed);
  const ask = (q: string) =>
    handler({
      platform: 'bench',
      userId: 'U1',
      channelId: 'C1',
      teamId: null,
      isAdmin: false,
      text: `search ${q}`,
    });
  // Warm-up: the first queries compile statements and fill caches.
  for (const q of queries.slice(0, 20)) await ask(q);
  const times: number[] = [];
  let withHits = 0;
  const examples: string[] = [];
  for (const q of queries) {
    const t = performance.now();
    const reply = await ask(q);
    times.push(performance.now() - t);
    if (!reply.text.startsWith('No stories found')) withHits++;
    if (examples.length < 2 && reply.text.includes('\n'))
      examples.push(`${q} → ${reply.text.split('\n')[1]}`);
  }
  return { available: true, queries: queries.length, ms: summarize(times), withHits, examples };
}

const P99_GOAL_MS = 50;

export function lookupRows(r: LookupResult, stored: number, fullScale: number): Row[] {
  const label = stored >= 1000 ? `${stored / 1000}k` : String(stored);
  if (!r.available) return [unavailable('lookup', '/news search', r.reason)];
  const metric = `/news search via command handler @${label} stored`;
  const value = `p50 ${fixed(r.ms.p50, 1)} ms, p99 ${fixed(r.ms.p99, 1)} ms (${r.queries} queries, ${r.withHits} with hits)`;
  return [
    stored >= fullScale
      ? gated('lookup', metric, value, `p99 ≤ ${P99_GOAL_MS} ms`, r.ms.p99 <= P99_GOAL_MS)
      : info('lookup', `${metric} (quick: no 100k)`, value),
  ];
}
