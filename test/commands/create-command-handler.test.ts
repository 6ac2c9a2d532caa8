import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/index.ts';
import type { CommandHandler, CommandReply, CommandRequest } from '../../src/adapter.ts';
import { createCommandHandler } from '../../src/commands/index.ts';
import { createDelivery } from '../../src/delivery/index.ts';
import { createPipeline, type Pipeline } from '../../src/pipeline/create-pipeline.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import type { Digest } from '../../src/types.ts';
import { listDialectCases } from '../store/store-dialects.ts';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
// Articles are stored on 3 March 2026 from 09:00 UTC (10:00 in Berlin), a second apart.
const storedFrom = Date.parse('2026-03-03T09:00:00.000Z');
const noonInBerlin = new Date('2026-03-03T11:00:00.000Z');

describe.each(listDialectCases())('/news handler on $name', ({ newLocation }) => {
  let store: Store;
  let pipeline: Pipeline;
  let printed: string;
  let clock: Date;
  let handle: CommandHandler;
  let digests: Digest[];

  function request(text: string, overrides: Partial<CommandRequest> = {}): CommandRequest {
    return {
      platform: 'console',
      userId: 'U-reader',
      channelId: 'newsroom',
      teamId: null,
      isAdmin: false,
      text,
      ...overrides,
    };
  }

  const ask = (text: string, overrides: Partial<CommandRequest> = {}) => handle(request(text, overrides));
  const asAdmin = (text: string, overrides: Partial<CommandRequest> = {}) =>
    ask(text, { isAdmin: true, ...overrides });

  function storyMatching(pattern: RegExp): Digest {
    const d = digests.find((x) => pattern.test(`${x.headline} ${x.what}`));
    if (!d) throw new Error(`no sample story matches ${pattern}`);
    return d;
  }

  beforeAll(async () => {
    let tick = 0;
    store = await createStore({
      ...newLocation(),
      now: () => new Date(storedFrom + 1000 * tick++).toISOString(),
    });
    pipeline = createPipeline({ store, maxBytes: 5 * 1024 * 1024 });
    await pipeline.load();
    const summary = await pipeline.ingestor.ingestPaths([samples]);
    expect(summary.ingested).toBeGreaterThan(5);
    digests = await pipeline.digestsOf(await store.listStories());
    const output = new PassThrough();
    printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    clock = noonInBerlin;
    const adapter = createConsoleAdapter({ output, input: new PassThrough(), color: false });
    const delivery = createDelivery({
      store,
      pipeline,
      adapters: [adapter],
      cronJobs: false,
      now: () => clock,
    });
    handle = createCommandHandler({
      store,
      pipeline,
      delivery,
      config: { allowPrivateAddresses: true, defaultTimeZone: 'Europe/Berlin', feedIntervalSec: 900 },
      now: () => clock,
    });
  });

  afterAll(async () => {
    await store?.close();
  });

  function expectPrivate(reply: CommandReply): string {
    expect(reply.visibility).toBe('private');
    return reply.text;
  }

  describe('createCommandHandler', () => {
    it('shows help for help, nothing, and an unknown subcommand (naming it)', async () => {
      expect(expectPrivate(await ask('help'))).toMatch(/\/news subscribe daily <HH:MM>/);
      expect(expectPrivate(await ask(''))).toMatch(/\/news search <words>/);
      const unknown = expectPrivate(await ask('weather'));
      expect(unknown).toMatch(/^unknown command "weather"/);
      expect(unknown).toMatch(/\/news search <words>/);
    });

    it('searches stories privately, with id, headline, sources and date', async () => {
      const quake = storyMatching(/quake/i);
      const text = expectPrivate(await ask('search quake'));
      expect(text).toContain(quake.storyId);
      expect(text).toContain(quake.headline.slice(0, 40));
      expect(text).toMatch(/\d+ sources? — 2026-03-03/);
      expect(expectPrivate(await ask('search zeppelin regatta'))).toMatch(
        /No stories found for “zeppelin regatta”/,
      );
    });

    it('puts the best-sourced story first among same-day hits', async () => {
      // A word that finds stories with different source counts (all stored the same day).
      const words = [...new Set(digests.flatMap((d) => d.headline.toLowerCase().match(/\p{L}{4,}/gu) ?? []))];
      let hits: Awaited<ReturnType<Store['searchStories']>> = [];
      let word = '';
      for (word of words) {
        hits = await store.searchStories(word);
        if (new Set(hits.map((h) => h.independentSources)).size > 1) break;
      }
      expect(new Set(hits.map((h) => h.independentSources)).size).toBeGreaterThan(1);
      const counts = hits.map((h) => h.independentSources);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const text = expectPrivate(await ask(`search ${word}`));
      const positions = hits.map((h) => text.indexOf(h.storyId));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it('shows one story in full, and names an unknown id', async () => {
      const quake = storyMatching(/quake/i);
      const reply = await ask(`story ${quake.storyId}`);
      expect(reply.visibility).toBe('private');
      expect(reply.digests).toEqual([quake]);
      expect(expectPrivate(await ask('story s000000'))).toMatch(/No story with id "s000000"/);
    });

    it('lists today’s stories by independent sources, then recency, with a filter when given', async () => {
      const reply = await ask('today');
      expect(reply.visibility).toBe('private');
      const shown = reply.digests ?? [];
      expect(shown.length).toBeGreaterThan(1);
      expect(shown.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < shown.length; i++) {
        const [a, b] = [shown[i - 1]!, shown[i]!];
        expect(
          a.independentSources > b.independentSources ||
            (a.independentSources === b.independentSources && a.updated >= b.updated),
        ).toBe(true);
      }
      expect(reply.text).toMatch(/Europe\/Berlin/);
      const quake = storyMatching(/quake/i);
      const filtered = await ask('today where:chile');
      expect(filtered.digests?.map((d) => d.storyId)).toEqual([quake.storyId]);
      expect(filtered.text).toMatch(/matching where:chile/);
      expect(expectPrivate(await ask('today who:'))).toMatch(/"who:" needs a value/);
    });

    it('counts "today" in the channel’s time zone', async () => {
      // 23:30 UTC on 3 March is already 4 March in Berlin: nothing stored that day yet.
      clock = new Date('2026-03-03T23:30:00.000Z');
      try {
        expect(expectPrivate(await ask('today'))).toMatch(/No stories today \(Europe\/Berlin\)/);
      } finally {
        clock = noonInBerlin;
      }
    });

    it('explains a story: its articles, what joined them, and the channel’s filter verdicts', async () => {
      const strike = [...digests].sort((a, b) => b.sources.length - a.sources.length)[0]!;
      expect(strike.sources.length).toBeGreaterThan(1);
      const none = expectPrivate(await ask(`why ${strike.storyId}`, { channelId: 'why-room' }));
      expect(none).toContain(`Story ${strike.storyId}`);
      expect(none).toMatch(/1\. .*: founded the story/);
      expect(none).toMatch(/2\. .*: joined by (names|places|terms|copy of)/);
      expect(none).toMatch(/no subscriptions/);

      const word = strike.headline.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w))!;
      await asAdmin(`subscribe daily 08:00 Europe/Berlin ${word}`, { channelId: 'why-room' });
      await asAdmin('subscribe daily 09:00 Europe/Berlin zeppelin', { channelId: 'why-room' });
      const verdicts = expectPrivate(await ask(`why ${strike.storyId}`, { channelId: 'why-room' }));
      expect(verdicts).toMatch(new RegExp(`filter ${word}: let in: ${word.toLowerCase()} matched`));
      expect(verdicts).toMatch(/filter zeppelin: kept out: no zeppelin/);
      expect(expectPrivate(await ask('why nosuchstory'))).toMatch(/No story with id "nosuchstory"/);
    });

    it('lets only admins subscribe and unsubscribe', async () => {
      const refused = expectPrivate(await ask('subscribe daily 08:00', { channelId: 'sub-room' }));
      expect(refused).toMatch(/Only an admin can subscribe/);
      expect(expectPrivate(await ask('subscriptions', { channelId: 'sub-room' }))).toMatch(
        /no subscriptions/,
      );

      const ok = expectPrivate(
        await asAdmin('subscribe daily 08:00 harbour OR quake', { channelId: 'sub-room' }),
      );
      expect(ok).toMatch(
        /Subscribed this channel: daily at 08:00 Europe\/Berlin, stories matching harbour OR quake/,
      );
      const cron = expectPrivate(
        await asAdmin('subscribe cron "30 7 * * 1-5" Asia/Tokyo', { channelId: 'sub-room' }),
      );
      expect(cron).toMatch(/cron "30 7 \* \* 1-5" Asia\/Tokyo, every story/);
      const list = expectPrivate(await ask('subscriptions', { channelId: 'sub-room' }));
      expect(list).toMatch(/subscriptions \(2\)/);
      const id = list.match(/• (\S+) — daily at 08:00/)?.[1];
      expect(id).toBeTruthy();

      expect(expectPrivate(await ask(`unsubscribe ${id}`, { channelId: 'sub-room' }))).toMatch(
        /Only an admin/,
      );
      expect(expectPrivate(await asAdmin(`unsubscribe ${id}`, { channelId: 'sub-room' }))).toMatch(
        /Removed 1 subscription/,
      );
      expect(expectPrivate(await asAdmin('unsubscribe', { channelId: 'sub-room' }))).toMatch(
        /Removed 1 subscription/,
      );
      expect(expectPrivate(await asAdmin('unsubscribe', { channelId: 'sub-room' }))).toMatch(
        /no subscriptions/,
      );
    });

    it('names the bad part of a subscription', async () => {
      expect(expectPrivate(await asAdmin('subscribe daily 08:00 Europe/Nowhere'))).toMatch(
        /unknown time zone "Europe\/Nowhere"/,
      );
      expect(expectPrivate(await asAdmin('subscribe daily 8h'))).toMatch(/time "8h"/);
      expect(expectPrivate(await asAdmin('subscribe cron "0 8 * * 8"'))).toMatch(/day of week "8"/);
    });

    it('reposts a story publicly through delivery, into another channel only for admins', async () => {
      const quake = storyMatching(/quake/i);
      const countPosts = (channel: string) => printed.split(`── #${channel} ·`).length - 1;
      const before = countPosts('newsroom');
      expect(expectPrivate(await ask(`repost ${quake.storyId}`))).toMatch(
        /Reposted story .* in this channel/,
      );
      expect(countPosts('newsroom')).toBe(before + 1);
      expect(printed).toContain(quake.headline);

      expect(expectPrivate(await ask(`repost ${quake.storyId} #elsewhere`))).toMatch(
        /Only an admin can repost into another channel/,
      );
      expect(countPosts('elsewhere')).toBe(0);
      expect(expectPrivate(await asAdmin(`repost ${quake.storyId} #elsewhere`))).toMatch(
        /Reposted story .* in #elsewhere/,
      );
      expect(countPosts('elsewhere')).toBe(1);
      // A manual repost always posts, again.
      await asAdmin(`repost ${quake.storyId} #elsewhere`);
      expect(countPosts('elsewhere')).toBe(2);
      expect(expectPrivate(await asAdmin('repost s000000'))).toMatch(/No story with id "s000000"/);
    });

    it('manages sources: anyone lists, only admins add and remove', async () => {
      expect(expectPrivate(await ask('sources list'))).toMatch(/No sources yet/);
      expect(expectPrivate(await ask('sources add http://127.0.0.1:9/feed.xml'))).toMatch(
        /Only an admin can add sources/,
      );
      const added = expectPrivate(await asAdmin('sources add http://127.0.0.1:9/feed.xml'));
      const id = added.match(/Added source (\S+):/)?.[1];
      expect(id).toBeTruthy();
      expect(expectPrivate(await asAdmin('sources add http://127.0.0.1:9/feed.xml'))).toMatch(
        /Already reading/,
      );
      expect(expectPrivate(await ask('sources'))).toContain(`${id} — http://127.0.0.1:9/feed.xml — active`);
      expect(expectPrivate(await asAdmin('sources add ftp://127.0.0.1/feed'))).toMatch(
        /Cannot add feed .*only http and https/,
      );
      expect(expectPrivate(await asAdmin('sources add not-a-url'))).toMatch(/is not a valid URL/);
      expect(expectPrivate(await ask(`sources remove ${id}`))).toMatch(/Only an admin can remove sources/);
      expect(expectPrivate(await asAdmin(`sources remove ${id}`))).toMatch(/Removed source/);
      expect(expectPrivate(await asAdmin(`sources remove ${id}`))).toMatch(/No source with id/);
    });

    it('answers every text privately without throwing', async () => {
      const before = printed.length;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('', 'search ', 'story ', 'why ', 'today ', 'subscribe daily ', 'sources '),
          fc.string({ maxLength: 30 }),
          async (prefix, rest) => {
            const reply = await ask(prefix + rest);
            expect(reply.visibility).toBe('private');
            expect(reply.text.length).toBeGreaterThan(0);
          },
        ),
        { numRuns: 60 },
      );
      expect(printed.length).toBe(before);
    });
  });
});
