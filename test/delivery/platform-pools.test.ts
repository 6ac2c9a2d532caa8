import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter.ts';
import { createDelivery } from '../../src/delivery/create-delivery.ts';
import { silentLogger } from '../../src/log.ts';
import { createPipeline } from '../../src/pipeline/create-pipeline.ts';
import type { Store } from '../../src/store/store.ts';
import {
  createMemoryAdapter,
  createRecordingSleep,
  makeTempDir,
  openTempStore,
  seedStory,
} from './delivery-fixtures.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;

beforeEach(async () => {
  temp = makeTempDir();
  store = await openTempStore(temp.dir);
});
afterEach(async () => {
  await store.close();
  temp.cleanup();
});

/** An adapter whose posts wait until `open()`. */
function gated(adapter: Adapter): Adapter & { open(): void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    ...adapter,
    open,
    async postText(...args) {
      await gate;
      return adapter.postText(...args);
    },
    async postDigest(...args) {
      await gate;
      return adapter.postDigest(...args);
    },
  };
}

it("delivers each platform's channels in its own pool: a stuck platform holds none of another's", async () => {
  await seedStory(store, {
    id: 'story-1',
    title: 'Invented harbour closure in Velmora',
    outlets: ['Velm Post', 'Harbour Wire'],
    updated: '2026-05-04T05:00:00.000Z',
  });
  const slow = gated(createMemoryAdapter('slow'));
  const fast = createMemoryAdapter('fast');
  const clock = new Date('2026-05-03T12:00:00Z');
  const delivery = createDelivery({
    store,
    pipeline: createPipeline({ store, maxBytes: 1_000_000, log: silentLogger }),
    adapters: [slow, fast],
    now: () => clock,
    sleep: createRecordingSleep().sleep,
    cronJobs: false,
    concurrency: 1,
  });
  for (const platform of ['slow', 'fast'])
    for (const channelId of ['c1', 'c2'])
      await delivery.subscribe({
        platform,
        channelId,
        schedule: { kind: 'daily', time: '08:00' },
        timeZone: 'UTC',
        filter: null,
        createdBy: 'u1',
      });
  const run = delivery.runDue(new Date('2026-05-04T08:00:00Z'));
  for (let i = 0; i < 2000 && new Set(fast.posts.map((p) => p.channelId)).size < 2; i++)
    await new Promise((resolve) => setTimeout(resolve, 1));
  // Both fast channels got their digest while the slow platform's first post is still waiting.
  expect(new Set(fast.posts.map((p) => p.channelId))).toEqual(new Set(['c1', 'c2']));
  slow.open();
  await run;
  expect(fast.posts.filter((p) => p.kind === 'digest')).toHaveLength(2);
  expect((await store.listDeliveries({ status: 'pending' })).length).toBe(0);
});
