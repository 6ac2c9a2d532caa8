import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/index.ts';
import { createDelivery, type DeliveryService } from '../../src/delivery/create-delivery.ts';
import { silentLogger } from '../../src/log.ts';
import { createPipeline } from '../../src/pipeline/create-pipeline.ts';
import type { Store } from '../../src/store/store.ts';
import { type DiscordHarness, makeDiscordHarness } from '../adapters/discord/discord-harness.ts';
import { createSlackHarness, NEWS_CHANNEL, type SlackHarness } from '../adapters/slack/slack-harness.ts';
import {
  createRecordingSleep,
  makeTempDir,
  openTempStore,
  seedStory,
} from '../delivery/delivery-fixtures.ts';

const DISCORD_CHANNEL = '1000000000000000100';
const minute = 60_000;

/**
 * The whole path on both platforms: `/news subscribe` from a signed Slack request and a Discord
 * interaction, then an injected clock stepped minute by minute through 08:00 Berlin time.
 */
describe('scheduled digests on Slack and Discord', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let slack: SlackHarness;
  let discord: DiscordHarness;
  let delivery: DeliveryService;
  let clock = new Date('2026-05-03T20:00:00Z');

  beforeAll(async () => {
    temp = makeTempDir();
    store = await openTempStore(temp.dir);
    const outlets = ['Velm Post', 'Harbour Wire', 'Coast Daily'];
    for (let i = 1; i <= 3; i++)
      await seedStory(store, {
        id: `story-${i}`,
        title: `Invented ferry timetable change ${i}`,
        outlets: outlets.slice(0, i),
        updated: '2026-05-03T19:00:00.000Z',
      });
    const pipeline = createPipeline({ store, maxBytes: 1_000_000, log: silentLogger });
    slack = await createSlackHarness({ maxRetryWaitMs: 0 });
    discord = await makeDiscordHarness();
    delivery = createDelivery({
      store,
      pipeline,
      adapters: [slack.adapter, discord.adapter],
      now: () => clock,
      sleep: createRecordingSleep().sleep,
      cronJobs: false,
    });
    const handler = createCommandHandler({
      store,
      pipeline,
      delivery,
      config: { allowPrivateAddresses: false, defaultTimeZone: 'UTC', feedIntervalSec: 900 },
      now: () => clock,
    });
    await slack.adapter.start(handler);
    await discord.adapter.start(handler);
    await delivery.start();
  }, 30_000);

  afterAll(async () => {
    await delivery?.stop();
    await slack?.adapter.stop();
    await discord?.adapter.stop();
    await slack?.close();
    await discord?.close();
    await store?.close();
    temp?.cleanup();
  });

  const slackPosts = () => slack.fake.messages.filter((m) => m.channel === NEWS_CHANNEL);
  const discordPosts = () =>
    discord.rest.messages.filter((m) => m.channelId === DISCORD_CHANNEL && !m.interactionToken);

  it('subscribes from both platforms and posts at 08:00 Berlin time, once', async () => {
    const fromSlack = await slack.sendCommand('subscribe daily 08:00 Europe/Berlin', { admin: true });
    expect(fromSlack.visibility).toBe('private');
    expect(fromSlack.text).toMatch(/Subscribed/);
    const fromDiscord = await discord.sendCommand('subscribe daily 08:00 Europe/Berlin', { admin: true });
    expect(fromDiscord.text).toMatch(/Subscribed/);
    const refused = await slack.sendCommand('subscribe daily 08:00 Europe/Berlin', {
      admin: false,
      userId: 'U0MEMBER',
    });
    expect(refused.text).toMatch(/admin/i);
    expect(await delivery.listSubscriptions('slack', NEWS_CHANNEL)).toHaveLength(1);

    const firstSeen = new Map<string, string>();
    // 07:55 → 08:05 Berlin (summer time, UTC+2), one tick a minute.
    for (let t = Date.parse('2026-05-04T05:55:00Z'); t <= Date.parse('2026-05-04T06:05:00Z'); t += minute) {
      clock = new Date(t);
      await delivery.runDue(clock);
      if (slackPosts().length > 0 && !firstSeen.has('slack')) firstSeen.set('slack', clock.toISOString());
      if (discordPosts().length > 0 && !firstSeen.has('discord'))
        firstSeen.set('discord', clock.toISOString());
    }
    expect(Object.fromEntries(firstSeen)).toEqual({
      slack: '2026-05-04T06:00:00.000Z',
      discord: '2026-05-04T06:00:00.000Z',
    });
    // Header + 3 stories, on each platform, once.
    expect(slackPosts()).toHaveLength(4);
    expect(discordPosts()).toHaveLength(4);
    expect(slackPosts()[0]!.text).toBe('Daily digest — 3 stories');
    expect(discordPosts()[0]!.content).toBe('Daily digest — 3 stories');
  });

  it('reposts, looks up and unsubscribes through commands', async () => {
    const before = slackPosts().length;
    const repost = await slack.sendCommand('repost story-2', { admin: false });
    expect(repost).toMatchObject({ visibility: 'private' });
    expect(slackPosts()).toHaveLength(before + 1);
    const ledger = await store.listDeliveries({ storyId: 'story-2' });
    expect(ledger.filter((e) => e.kind === 'manual' && e.platform === 'slack')).toHaveLength(1);

    const story = await discord.sendCommand('story story-3', { admin: false });
    expect(story.visibility).toBe('private');
    expect(story.text).toMatch(/ferry timetable change 3/);
    const why = await slack.sendCommand('why story-3', { admin: false });
    expect(why.visibility).toBe('private');

    const subs = await discord.sendCommand('subscriptions', { admin: false });
    expect(subs.text).toMatch(/08:00/);
    await discord.sendCommand('unsubscribe', { admin: true });
    await slack.sendCommand('unsubscribe', { admin: true });
    expect(await delivery.listSubscriptions('slack')).toEqual([]);
    expect(await delivery.listSubscriptions('discord')).toEqual([]);
    clock = new Date('2026-05-05T06:00:00Z');
    await delivery.runDue(clock);
    expect(slackPosts()).toHaveLength(before + 1);
  });

  it('edits the posts of a story that grew, on both platforms', async () => {
    await seedStory(store, {
      id: 'story-1',
      title: 'Invented ferry timetable change 1',
      outlets: ['Velm Post', 'North Ledger'],
      updated: '2026-05-05T07:00:00.000Z',
      version: 2,
    });
    const story = (await store.getStory('story-1'))!;
    const slackCount = slack.fake.messages.length;
    const discordCount = discord.rest.messages.length;
    await delivery.onStoriesChanged([{ story, created: false, changed: true }]);
    expect(slack.fake.messages).toHaveLength(slackCount);
    expect(discord.rest.messages).toHaveLength(discordCount);
    expect(slack.fake.messages.filter((m) => m.edited)).toHaveLength(1);
    expect(discord.rest.messages.filter((m) => m.edited && !m.interactionToken)).toHaveLength(1);
  });
});
