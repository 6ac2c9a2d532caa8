import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

const hour = 3_600_000;

/** node-cron jobs under fake timers: the wake-ups really come from the scheduler, at Berlin times. */
describe('cron jobs', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;

  beforeEach(async () => {
    temp = makeTempDir();
    store = await openTempStore(temp.dir);
    await seedStory(store, {
      id: 'story-1',
      title: 'Invented tram line extension',
      outlets: ['Velm Post'],
      updated: '2026-03-27T10:00:00.000Z',
    });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
    temp.cleanup();
  });

  async function runThrough(startIso: string, hours: number, time: string) {
    vi.useFakeTimers({
      now: new Date(startIso),
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    const chat = createMemoryAdapter('chat');
    const delivery = createDelivery({
      store,
      pipeline: createPipeline({ store, maxBytes: 1_000_000, log: silentLogger }),
      adapters: [chat],
      sleep: createRecordingSleep().sleep,
    });
    await delivery.start();
    await delivery.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time },
      timeZone: 'Europe/Berlin',
      filter: null,
      createdBy: 'u1',
    });
    // Only node-cron wakes delivery up here; each step lets its timers and the passes they start run.
    for (let step = 0; step < hours * 4; step++) await vi.advanceTimersByTimeAsync(hour / 4);
    await delivery.stop();
    const headersAt = chat.posts.filter((p) => p.kind === 'text').map((p) => p.at);
    return headersAt;
  }

  it('sends the 08:00 Berlin digest once a day across spring forward', async () => {
    const sent = await runThrough('2026-03-28T06:00:00Z', 49, '08:00');
    // Stories exist only for the first digest; later days are empty and post nothing.
    expect(sent).toHaveLength(1);
    expect(Date.parse(sent[0]!) - Date.parse('2026-03-28T07:00:00Z')).toBeLessThan(5000);
    expect(await store.listDigestRuns()).toHaveLength(3);
    expect((await store.listDigestRuns()).map((r) => r.scheduledFor)).toEqual([
      '2026-03-28T07:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
  });

  it('runs 02:30 once on both change days', async () => {
    await runThrough('2026-03-28T22:00:00Z', 4, '02:30');
    expect((await store.listDigestRuns()).map((r) => r.scheduledFor)).toEqual(['2026-03-29T01:00:00.000Z']);
    await store.removeSubscriptions('chat', 'c1');
    vi.useRealTimers();
    await runThrough('2026-10-24T22:00:00Z', 4, '02:30');
    expect((await store.listDigestRuns()).map((r) => r.scheduledFor)).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
    ]);
  });
});
