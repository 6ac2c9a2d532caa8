import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDelivery, type DeliveryDeps } from '../../src/delivery/create-delivery.ts';
import { silentLogger } from '../../src/log.ts';
import { createPipeline } from '../../src/pipeline/create-pipeline.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { listDialectCases } from '../store/store-dialects.ts';
import {
  createMemoryAdapter,
  createRecordingSleep,
  type MemoryAdapter,
  makeTempDir,
  seedStory,
} from './delivery-fixtures.ts';

const berlin = 'Europe/Berlin';
/** 08:00 in Berlin on 2026-05-04 (summer time). */
const at0800 = new Date('2026-05-04T06:00:00Z');

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let clock: Date;

function makeDelivery(adapters: MemoryAdapter[], extra: Partial<DeliveryDeps> = {}) {
  const pipeline = createPipeline({ store, maxBytes: 1_000_000, log: silentLogger });
  return createDelivery({
    store,
    pipeline,
    adapters,
    now: () => clock,
    sleep: createRecordingSleep().sleep,
    cronJobs: false,
    digestLimit: 3,
    ...extra,
  });
}

async function seedMany(n: number, updated: string) {
  for (let i = 1; i <= n; i++)
    await seedStory(store, {
      id: `story-${i}`,
      title: `Invented event number ${i} in Velmora`,
      outlets: ['Velm Post', 'Harbour Wire', 'Coast Daily', 'North Ledger'].slice(0, 1 + (i % 4)),
      updated,
    });
}

const texts = (a: MemoryAdapter, channelId: string) =>
  a.posts
    .filter((p) => p.channelId === channelId)
    .map((p) => (p.kind === 'digest' ? `digest:${p.storyId}` : p.text));

describe.each(listDialectCases())('delivery on $name', ({ newLocation }) => {
  beforeEach(async () => {
    temp = makeTempDir();
    store = await createStore(newLocation());
    clock = new Date('2026-05-03T12:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  it('refuses a bad time, time zone, cron expression or filter, naming it', async () => {
    const d = makeDelivery([createMemoryAdapter('chat')]);
    const base = { platform: 'chat', channelId: 'c1', createdBy: 'u1', filter: null, timeZone: berlin };
    await expect(d.subscribe({ ...base, schedule: { kind: 'daily', time: '8am' } })).rejects.toThrow(
      /time "8am"/,
    );
    await expect(
      d.subscribe({ ...base, timeZone: 'Mars/Olympus', schedule: { kind: 'daily', time: '08:00' } }),
    ).rejects.toThrow(/time zone "Mars\/Olympus"/);
    await expect(
      d.subscribe({ ...base, schedule: { kind: 'cron', expression: '0 8 * * * *' } }),
    ).rejects.toThrow(/5 fields/);
    await expect(
      d.subscribe({ ...base, filter: 'who:', schedule: { kind: 'daily', time: '08:00' } }),
    ).rejects.toThrow(/filter "who:"/);
    expect(await d.listSubscriptions('chat')).toEqual([]);
  });

  it('posts the 08:00 digest once: header, top stories by independent sources, "N more"', async () => {
    const chat = createMemoryAdapter('chat');
    const d = makeDelivery([chat]);
    await seedMany(5, '2026-05-03T18:00:00.000Z');
    const sub = await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    await d.runDue(new Date('2026-05-04T05:59:00Z'));
    expect(chat.posts).toHaveLength(0);
    await d.runDue(at0800);
    await d.runDue(at0800);
    await d.runDue(new Date('2026-05-04T06:01:00Z'));
    // story-3 has 4 outlets, story-2 and story-… fewer; ties broken by recency then id.
    expect(texts(chat, 'c1')).toEqual([
      'Daily digest — 5 stories',
      'digest:story-3',
      'digest:story-2',
      'digest:story-1',
      '2 more — /news today or /news search <words>',
    ]);
    expect(await d.lastDigestAt('chat', 'c1')).toBe(at0800.toISOString());
    expect((await store.getSubscription(sub.id))?.lastRunAt).toBe(at0800.toISOString());
    // The next day: only what changed since the last digest.
    await seedStory(store, {
      id: 'story-new',
      title: 'A later invented event',
      outlets: ['Velm Post'],
      updated: '2026-05-04T20:00:00.000Z',
    });
    await d.runDue(new Date('2026-05-05T06:00:00Z'));
    expect(texts(chat, 'c1').slice(5)).toEqual(['Daily digest — 1 story', 'digest:story-new']);
  });

  it('applies the channel filter', async () => {
    const chat = createMemoryAdapter('chat');
    const d = makeDelivery([chat]);
    await seedMany(3, '2026-05-03T18:00:00.000Z');
    await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: '"number 2"',
      createdBy: 'u1',
    });
    await d.runDue(at0800);
    expect(texts(chat, 'c1')).toEqual(['Daily digest — 1 story', 'digest:story-2']);
  });

  it('catches up a run missed while down once, at start, and not again after a restart', async () => {
    const chat = createMemoryAdapter('chat');
    await seedMany(2, '2026-05-03T18:00:00.000Z');
    const first = makeDelivery([chat]);
    await first.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    await first.stop();
    clock = new Date('2026-05-04T09:30:00Z');
    await makeDelivery([chat]).start();
    expect(texts(chat, 'c1')).toEqual(['Daily digest — 2 stories', 'digest:story-2', 'digest:story-1']);
    await makeDelivery([chat]).start();
    expect(chat.posts).toHaveLength(3);
  });

  it('retries transient failures with backoff and Retry-After, posting each once', async () => {
    const chat = createMemoryAdapter('chat');
    const rec = createRecordingSleep();
    const d = makeDelivery([chat], { sleep: rec.sleep, retry: { baseDelayMs: 100 } });
    await seedMany(1, '2026-05-03T18:00:00.000Z');
    await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    chat.failNext(3, 1500);
    await d.runDue(at0800);
    expect(texts(chat, 'c1')).toEqual(['Daily digest — 1 story', 'digest:story-1']);
    expect(rec.waits).toEqual([1500, 1500, 1500]);
    chat.failNext(2);
    const res = await d.repost('story-1', { platform: 'chat', channelId: 'c2' }, 'u1');
    expect(res.ok).toBe(true);
    expect(rec.waits.slice(3)).toEqual([100, 200]);
  });

  it('pauses the subscription on a permanent failure and leaves other channels alone', async () => {
    const chat = createMemoryAdapter('chat');
    const d = makeDelivery([chat]);
    await seedMany(1, '2026-05-03T18:00:00.000Z');
    const base = {
      platform: 'chat',
      schedule: { kind: 'daily', time: '08:00' } as const,
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    };
    const gone = await d.subscribe({ ...base, channelId: 'gone' });
    await d.subscribe({ ...base, channelId: 'ok' });
    chat.goneChannels.add('gone');
    await d.runDue(at0800);
    const paused = (await d.listSubscriptions('chat', 'gone'))[0];
    expect(paused).toMatchObject({ id: gone.id, paused: true, pausedReason: 'channel_not_found' });
    expect(texts(chat, 'ok')).toEqual(['Daily digest — 1 story', 'digest:story-1']);
    await d.runDue(new Date('2026-05-05T06:00:00Z'));
    expect(chat.posts.filter((p) => p.channelId === 'gone')).toHaveLength(0);
  });

  it('reposts on request every time, recorded as manual', async () => {
    const chat = createMemoryAdapter('chat');
    const d = makeDelivery([chat]);
    await seedMany(1, '2026-05-03T18:00:00.000Z');
    const to = { platform: 'chat', channelId: 'c9' };
    expect((await d.repost('story-1', to, 'u1')).ok).toBe(true);
    expect((await d.repost('story-1', to, 'u2')).ok).toBe(true);
    expect(texts(chat, 'c9')).toEqual(['digest:story-1', 'digest:story-1']);
    const ledger = await store.listDeliveries({ storyId: 'story-1' });
    ledger.sort((a, b) => String(a.requestedBy).localeCompare(String(b.requestedBy)));
    expect(ledger.map((e) => [e.kind, e.status, e.requestedBy])).toEqual([
      ['manual', 'posted', 'u1'],
      ['manual', 'posted', 'u2'],
    ]);
    expect(await d.repost('story-x', to, 'u1')).toMatchObject({
      ok: false,
      reason: 'story story-x not found',
    });
  });

  it('edits earlier posts of a grown story where the platform can edit, once per version', async () => {
    const chat = createMemoryAdapter('chat', { edits: true });
    const d = makeDelivery([chat]);
    await seedStory(store, {
      id: 'story-g',
      title: 'Invented bridge repair',
      outlets: ['Velm Post'],
      updated: '2026-05-03T18:00:00.000Z',
    });
    await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    await d.runDue(at0800);
    await seedStory(store, {
      id: 'story-g',
      title: 'Invented bridge repair',
      outlets: ['Velm Post', 'Harbour Wire'],
      updated: '2026-05-04T07:00:00.000Z',
      version: 2,
    });
    const story = (await store.getStory('story-g'))!;
    await d.onStoriesChanged([{ story, created: false, changed: true }]);
    await d.onStoriesChanged([{ story, created: false, changed: true }]);
    const posted = chat.posts.filter((p) => p.storyId === 'story-g');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ version: 2, edits: 1 });
  });

  it('answers in the thread where the platform cannot edit; never a fresh post', async () => {
    const chat = createMemoryAdapter('chat', { edits: false, threads: true });
    const flat = createMemoryAdapter('flat', { edits: false, threads: false });
    const d = makeDelivery([chat, flat]);
    await seedStory(store, {
      id: 'story-g',
      title: 'Invented bridge repair',
      outlets: ['Velm Post'],
      updated: '2026-05-03T18:00:00.000Z',
    });
    await d.repost('story-g', { platform: 'chat', channelId: 'c1' }, 'u1');
    await d.repost('story-g', { platform: 'flat', channelId: 'f1' }, 'u1');
    await seedStory(store, {
      id: 'story-g',
      title: 'Invented bridge repair',
      outlets: ['Velm Post', 'Harbour Wire', 'Coast Daily'],
      updated: '2026-05-04T07:00:00.000Z',
      version: 2,
    });
    const story = (await store.getStory('story-g'))!;
    await d.onStoriesChanged([{ story, created: false, changed: true }]);
    await d.onStoriesChanged([{ story, created: false, changed: true }]);
    expect(chat.posts).toHaveLength(2);
    expect(chat.posts[1]).toMatchObject({ kind: 'text', threadOf: chat.posts[0]!.id });
    expect(chat.posts[1]!.text).toMatch(
      /^Update: 2 more sources \((Coast Daily, Harbour Wire|Harbour Wire, Coast Daily)\)/,
    );
    expect(flat.posts).toHaveLength(1);
  });

  it('reconciles a post that landed before a crash without posting it again', async () => {
    const chat = createMemoryAdapter('chat');
    await seedMany(1, '2026-05-03T18:00:00.000Z');
    const d = makeDelivery([chat]);
    await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    await d.runDue(at0800);
    // Simulate a crash after the platform took the story but before the ledger said so.
    const entry = (await store.listDeliveries({ storyId: 'story-1' }))[0]!;
    await store.updateDelivery(entry.key, { status: 'pending', messageId: null });
    const [run] = await store.listDigestRuns();
    await store.finishDigestRun(run!.id, 'pending');
    clock = new Date('2026-05-04T06:05:00Z');
    await makeDelivery([chat]).start();
    expect(texts(chat, 'c1')).toEqual(['Daily digest — 1 story', 'digest:story-1']);
    expect((await store.getDelivery(entry.key))?.status).toBe('posted');
  });

  it('keeps one subscription per channel schedule, with the canonical time zone name', async () => {
    const d = makeDelivery([createMemoryAdapter('chat')]);
    const base = { platform: 'chat', channelId: 'c1', createdBy: 'u1', filter: null };
    const sub = await d.subscribe({
      ...base,
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: 'europe/berlin',
    });
    expect(sub.timeZone).toBe('Europe/Berlin');
    await expect(
      d.subscribe({ ...base, schedule: { kind: 'cron', expression: '0 8 * * *' }, timeZone: berlin }),
    ).rejects.toThrow(`already has subscription ${sub.id}`);
    await d.subscribe({ ...base, schedule: { kind: 'daily', time: '18:00' }, timeZone: berlin });
    expect(await d.listSubscriptions('chat', 'c1')).toHaveLength(2);
    expect((await d.unsubscribe('chat', 'c1', sub.id)).map((s) => s.id)).toEqual([sub.id]);
    expect(await d.listSubscriptions('chat', 'c1')).toHaveLength(1);
  });

  it('does not post a story afresh in a later digest once the channel has it', async () => {
    const chat = createMemoryAdapter('chat');
    const d = makeDelivery([chat]);
    await seedMany(1, '2026-05-03T18:00:00.000Z');
    await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    await d.runDue(at0800);
    await seedStory(store, {
      id: 'story-1',
      title: 'Invented event number 1 in Velmora',
      outlets: ['Velm Post', 'Harbour Wire', 'Coast Daily'],
      updated: '2026-05-04T12:00:00.000Z',
      version: 2,
    });
    await d.runDue(new Date('2026-05-05T06:00:00Z'));
    expect(texts(chat, 'c1')).toEqual(['Daily digest — 1 story', 'digest:story-1']);
  });

  it('leaves a run pending after too many transient failures and finishes it on the next pass', async () => {
    const chat = createMemoryAdapter('chat');
    const d = makeDelivery([chat], { retry: { maxAttempts: 2 } });
    await seedMany(2, '2026-05-03T18:00:00.000Z');
    await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    chat.failNext(3);
    await d.runDue(at0800);
    expect((await store.listDigestRuns()).map((r) => r.status)).toEqual(['pending']);
    await d.runDue(new Date('2026-05-04T06:01:00Z'));
    expect(texts(chat, 'c1')).toEqual(['Daily digest — 2 stories', 'digest:story-2', 'digest:story-1']);
    expect((await store.listDigestRuns()).map((r) => r.status)).toEqual(['done']);
  });

  it('drops a pending run whose subscription was removed', async () => {
    const chat = createMemoryAdapter('chat');
    const d = makeDelivery([chat], { retry: { maxAttempts: 1 } });
    await seedMany(1, '2026-05-03T18:00:00.000Z');
    await d.subscribe({
      platform: 'chat',
      channelId: 'c1',
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: berlin,
      filter: null,
      createdBy: 'u1',
    });
    chat.failNext(1);
    await d.runDue(at0800);
    await d.unsubscribe('chat', 'c1');
    await d.runDue(new Date('2026-05-04T06:01:00Z'));
    expect(chat.posts).toEqual([]);
    expect((await store.listDigestRuns())[0]).toMatchObject({
      status: 'failed',
      error: 'unsubscribed before delivery',
    });
  });

  it('finishes a manual repost interrupted by a crash, once', async () => {
    const chat = createMemoryAdapter('chat');
    await seedMany(1, '2026-05-03T18:00:00.000Z');
    const base = {
      runId: null,
      platform: 'chat',
      channelId: 'c1',
      storyId: 'story-1',
      storyVersion: 1,
      kind: 'manual' as const,
      part: 'digest' as const,
      pos: 0,
      body: null,
    };
    // One crashed before posting, one after the platform took it.
    await store.recordDeliveries([
      { ...base, key: 'm:before' },
      { ...base, key: 'm:after' },
    ]);
    await chat.postDigest(
      { platform: 'chat', channelId: 'c1' },
      (await createPipeline({ store, maxBytes: 1_000_000 }).digestOf('story-1'))!,
      { deliveryKey: 'm:after' },
    );
    await store.updateDelivery('m:after', { attempts: 1 });
    await makeDelivery([chat]).start();
    await makeDelivery([chat]).start();
    expect(chat.posts.map((p) => p.deliveryKey)).toEqual(['m:after', 'm:before']);
    expect((await store.listDeliveries({ status: 'posted' })).map((e) => e.key).sort()).toEqual([
      'm:after',
      'm:before',
    ]);
  });
});
