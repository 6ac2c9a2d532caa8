import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDelivery } from '../../src/delivery/create-delivery.ts';
import { silentLogger } from '../../src/log.ts';
import { createPipeline } from '../../src/pipeline/create-pipeline.ts';
import type { Store } from '../../src/store/store.ts';
import { type DiscordHarness, makeDiscordHarness } from '../adapters/discord/discord-harness.ts';
import { createSlackHarness, type SlackHarness } from '../adapters/slack/slack-harness.ts';
import {
  createRecordingSleep,
  makeTempDir,
  openTempStore,
  seedStory,
} from '../delivery/delivery-fixtures.ts';

const at0800 = new Date('2026-05-04T06:00:00Z');

async function seedAndSubscribe(store: Store, platform: string, channels: string[]) {
  for (let i = 1; i <= 3; i++)
    await seedStory(store, {
      id: `story-${i}`,
      title: `Invented canal lock repair ${i}`,
      outlets: ['Velm Post', 'Harbour Wire', 'Coast Daily'].slice(0, i),
      updated: '2026-05-03T19:00:00.000Z',
    });
  for (const channelId of channels)
    await store.addSubscription({
      platform,
      channelId,
      schedule: { kind: 'daily', time: '08:00' },
      timeZone: 'Europe/Berlin',
      filter: null,
      createdBy: 'admin',
      createdAt: '2026-05-01T00:00:00.000Z',
    });
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
}

describe('a 429 storm across many channels', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let slack: SlackHarness | undefined;
  let discord: DiscordHarness | undefined;

  beforeEach(async () => {
    temp = makeTempDir();
    store = await openTempStore(temp.dir);
  });
  afterEach(async () => {
    await slack?.close();
    await discord?.adapter.stop();
    await discord?.close();
    slack = undefined;
    discord = undefined;
    await store.close();
    temp.cleanup();
  });

  it('Slack: honours Retry-After and paces each channel; every post once, none missing', async () => {
    slack = await createSlackHarness({ maxRetryWaitMs: 0 });
    const channels = Array.from({ length: 60 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
    await seedAndSubscribe(store, 'slack', channels);
    // Of the next 400 posts, every second one is refused with HTTP 429, Retry-After 2 s.
    slack.fake.rateLimitMany('chat.postMessage', 400, 2, 2);
    const rec = createRecordingSleep();
    const delivery = createDelivery({
      store,
      pipeline: createPipeline({ store, maxBytes: 1_000_000, log: silentLogger }),
      adapters: [slack.adapter],
      now: () => at0800,
      sleep: rec.sleep,
      cronJobs: false,
      concurrency: 16,
    });
    await delivery.runDue(at0800);
    const refused = slack.fake.callsOf('chat.postMessage').length - slack.fake.messages.length;
    expect(refused).toBeGreaterThan(100);
    // Header + 3 digests per channel, each exactly once.
    const perChannel = countBy(slack.fake.messages, (m) => m.channel);
    expect([...perChannel.values()].every((n) => n === 4)).toBe(true);
    expect(perChannel.size).toBe(60);
    const perKey = countBy(slack.fake.messages, (m) => JSON.stringify(m.body.metadata));
    expect(perKey.size).toBe(240);
    expect((await store.listDeliveries({ status: 'pending' })).length).toBe(0);
    // Every refusal was waited out for at least its Retry-After; posts to one channel were spaced ≥ 1 s.
    expect(rec.waits.filter((w) => w >= 2000).length).toBeGreaterThanOrEqual(refused);
    expect(rec.waits.filter((w) => w >= 1000 && w < 2000).length).toBeGreaterThan(0);
    console.info(
      `Slack 429 storm: ${slack.fake.messages.length} posts, ${refused} refused with 429, 0 duplicates`,
    );
  });

  it('Discord: discord.js waits out 429s per route; every post once', async () => {
    discord = await makeDiscordHarness();
    const channels = Array.from({ length: 12 }, (_, i) => `10000000000000009${String(i).padStart(2, '0')}`);
    await seedAndSubscribe(store, 'discord', channels);
    discord.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 1, 12);
    const delivery = createDelivery({
      store,
      pipeline: createPipeline({ store, maxBytes: 1_000_000, log: silentLogger }),
      adapters: [discord.adapter],
      now: () => at0800,
      cronJobs: false,
    });
    await delivery.runDue(at0800);
    const posts = discord.rest.messages.filter((m) => !m.interactionToken);
    const perChannel = countBy(posts, (m) => m.channelId);
    expect(perChannel.size).toBe(12);
    expect([...perChannel.values()].every((n) => n === 4)).toBe(true);
    expect(new Set(posts.map((m) => m.nonce)).size).toBe(posts.length);
    const limited = discord.rest.calls.filter(
      (c) => c.method === 'POST' && /\/messages$/.test(c.path),
    ).length;
    expect(limited).toBe(posts.length + 12);
  }, 30_000);
});
