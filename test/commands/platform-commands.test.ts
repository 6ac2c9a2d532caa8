import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../src/adapter.ts';
import { createCommandHandler } from '../../src/commands/index.ts';
import { createDelivery } from '../../src/delivery/index.ts';
import { createPipeline, type Pipeline } from '../../src/pipeline/create-pipeline.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import type { Digest } from '../../src/types.ts';
import type { AdapterHarness } from '../adapters/contract.ts';
import { makeDiscordHarness } from '../adapters/discord/discord-harness.ts';
import { createSlackHarness } from '../adapters/slack/slack-harness.ts';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));

// Slack caches who is an admin, so each role is its own user.
const platforms: {
  name: string;
  adminId: string;
  readerId: string;
  make: () => Promise<AdapterHarness>;
  otherChannel: [mention: string, id: string];
}[] = [
  {
    name: 'Slack (signed requests)',
    adminId: 'U0ADMIN',
    readerId: 'U0READER',
    make: () => createSlackHarness(),
    otherChannel: ['<#C0OTHER|other>', 'C0OTHER'],
  },
  {
    name: 'Discord (interactions)',
    adminId: '1000000000000000201',
    readerId: '1000000000000000202',
    make: () => makeDiscordHarness(),
    otherChannel: ['<#1000000000000000777>', '1000000000000000777'],
  },
];

describe.each(platforms)('/news through $name', ({ make, otherChannel, adminId, readerId }) => {
  let h: AdapterHarness;
  let store: Store;
  let pipeline: Pipeline;
  let quake: Digest;

  beforeAll(async () => {
    store = await createStore({ sqlitePath: ':memory:' });
    pipeline = createPipeline({ store, maxBytes: 5 * 1024 * 1024 });
    await pipeline.load();
    await pipeline.ingestor.ingestPaths([samples]);
    const digests = await pipeline.digestsOf(await store.listStories());
    quake = digests.find((d) => /quake/i.test(d.headline))!;
    h = await make();
    const delivery = createDelivery({
      store,
      pipeline,
      adapters: [h.adapter],
      cronJobs: false,
      postIntervalMs: 0,
    });
    const handle: CommandHandler = createCommandHandler({
      store,
      pipeline,
      delivery,
      config: { allowPrivateAddresses: false, defaultTimeZone: 'Europe/Berlin', feedIntervalSec: 900 },
    });
    await h.adapter.start(handle);
  });

  afterAll(async () => {
    await h?.adapter.stop();
    await h?.close();
    await store?.close();
  });

  it('answers search, story and why privately', async () => {
    const search = await h.sendCommand('search quake', { admin: false, userId: readerId });
    expect(search.visibility).toBe('private');
    expect(search.text).toContain(quake.storyId);
    const story = await h.sendCommand(`story ${quake.storyId}`, { admin: false, userId: readerId });
    expect(story.visibility).toBe('private');
    expect(story.text).toContain(quake.headline);
    const why = await h.sendCommand(`why ${quake.storyId}`, { admin: false, userId: readerId });
    expect(why.visibility).toBe('private');
    expect(why.text).toMatch(/founded the story/);
  });

  it('subscribes and unsubscribes for admins only', async () => {
    expect(
      (await h.sendCommand('subscribe daily 08:00 Europe/Berlin', { admin: false, userId: readerId })).text,
    ).toMatch(/Only an admin/);
    const ok = await h.sendCommand('subscribe daily 08:00 Europe/Berlin where:chile', {
      admin: true,
      userId: adminId,
    });
    expect(ok.visibility).toBe('private');
    expect(ok.text).toMatch(
      /Subscribed this channel: daily at 08:00 Europe\/Berlin, stories matching where:chile/,
    );
    const list = await h.sendCommand('subscriptions', { admin: false, userId: readerId });
    expect(list.text).toMatch(/subscriptions \(1\)/);
    const why = await h.sendCommand(`why ${quake.storyId}`, { admin: false, userId: readerId });
    expect(why.text).toMatch(/filter where:chile: let in: where:chile matched/);
    expect((await h.sendCommand('unsubscribe', { admin: true, userId: adminId })).text).toMatch(
      /Removed 1 subscription/,
    );
    expect((await h.sendCommand('subscriptions', { admin: false, userId: readerId })).text).toMatch(
      /no subscriptions/,
    );
  });

  it('names the bad part of a command', async () => {
    expect(
      (await h.sendCommand('subscribe daily 08:00 Europe/Nowhere', { admin: true, userId: adminId })).text,
    ).toMatch(/unknown time zone "Europe\/Nowhere"/);
    expect((await h.sendCommand('frobnicate', { admin: false, userId: readerId })).text).toMatch(
      /unknown command "frobnicate"/,
    );
  });

  it('reposts a digest publicly, here or (admins) in another channel', async () => {
    const before = (await h.posts()).filter((p) => p.text.includes(quake.headline)).length;
    const here = await h.sendCommand(`repost ${quake.storyId}`, { admin: false, userId: readerId });
    expect(here.text).toMatch(/Reposted story .* in this channel/);
    const [mention, otherId] = otherChannel;
    expect(
      (await h.sendCommand(`repost ${quake.storyId} ${mention}`, { admin: false, userId: readerId })).text,
    ).toMatch(/Only an admin can repost into another channel/);
    expect(
      (await h.sendCommand(`repost ${quake.storyId} ${mention}`, { admin: true, userId: adminId })).text,
    ).toMatch(new RegExp(`Reposted story .* in channel ${otherId}`));
    const posts = (await h.posts()).filter((p) => p.text.includes(quake.headline));
    expect(posts.length).toBe(before + 2);
    expect(posts.filter((p) => p.channelId === otherId)).toHaveLength(1);
  });
});
