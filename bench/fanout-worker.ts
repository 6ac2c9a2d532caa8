// Child process of the fanout section: N channel subscriptions (half Slack, half Discord) due at the
// same minute, delivered by the bot's own delivery service and adapters (default settings) to local
// fakes that enforce the platforms' rate limits.
// Usage: fanout-worker.ts SAMPLES_DIR CHANNELS ARTICLES
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import { createDelivery } from '../src/delivery/create-delivery.ts';
import { createPipeline } from '../src/pipeline/create-pipeline.ts';
import { createStore } from '../src/store/index.ts';
import { MAX_BYTES } from './extractors.ts';
import {
  DISCORD_CHANNEL_BUCKET,
  DISCORD_GLOBAL_PER_SECOND,
  type FakeRecord,
  SLACK_PER_CHANNEL_INTERVAL_MS,
  startFakesProcess,
} from './rate-limited-fakes.ts';
import { printResult } from './run-child.ts';
import { createSyntheticCorpus, loadTemplates } from './synthetic-corpus.ts';

export type PlatformFanout = {
  channels: number;
  messages: number;
  floorSeconds: number;
  duplicates: number;
  missing: number;
  rateLimited: number;
  /** Of those, answered for the global limit (Discord). */
  rateLimitedGlobal: number;
  deduplicatedByPlatform: number;
  /** Seconds from the start of the run to the first and the last call the fake saw. */
  firstCallSeconds: number;
  lastCallSeconds: number;
  /** Calls per whole second between the first and the last: 10th percentile and median. */
  callsPerSecondP10: number;
  callsPerSecondP50: number;
};

export type FanoutWorkerResult = {
  channels: number;
  stories: number;
  seconds: number;
  floorSeconds: number;
  slack: PlatformFanout;
  discord: PlatformFanout;
};

const [samplesDir, channelsArg, articlesArg] = process.argv.slice(2);
if (!samplesDir || !channelsArg) {
  console.error('usage: fanout-worker.ts SAMPLES_DIR CHANNELS ARTICLES');
  process.exit(2);
}
const channels = Number(channelsArg);
const articles = Number(articlesArg) || 100;

/** Calls per whole second from the first to the last arrival; seconds counted from `startedAt`. */
function describeTimeline(arrivals: number[], startedAt: number) {
  if (arrivals.length === 0) return { first: 0, last: 0, p10: 0, p50: 0, bins: [] as number[] };
  const first = Math.min(...arrivals);
  const last = Math.max(...arrivals);
  const bins = new Array<number>(Math.floor((last - first) / 1000) + 1).fill(0);
  for (const at of arrivals) bins[Math.floor((at - first) / 1000)]! += 1;
  const whole = bins.length > 1 ? bins.slice(0, -1) : bins;
  const sorted = [...whole].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    first: (first - startedAt) / 1000,
    last: (last - startedAt) / 1000,
    p10: pick(0.1),
    p50: pick(0.5),
    bins,
  };
}

/** The Discord adapter sends a delivery key as this nonce. */
const toNonce = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 25);

const dir = mkdtempSync(join(tmpdir(), 'newsbot-fanout-'));
const store = await createStore({ sqlitePath: join(dir, 'fanout.db') });
const fakes = await startFakesProcess();
try {
  const pipeline = createPipeline({ store, maxBytes: MAX_BYTES });
  await pipeline.load();
  const corpus = createSyntheticCorpus(await loadTemplates(samplesDir), {
    seed: 7,
    perDay: 274,
    start: '2026-11-24T00:00:00Z',
  });
  for (let i = 0; i < articles; i++) await pipeline.ingestor.ingestArticle(corpus.next().input);
  const stories = (await store.listStories()).length;

  const now = new Date();
  const time = now.toISOString().slice(11, 16);
  const createdAt = new Date(now.getTime() - 86_400_000).toISOString();
  for (let c = 0; c < channels; c++) {
    const slack = c % 2 === 0;
    await store.addSubscription({
      platform: slack ? 'slack' : 'discord',
      channelId: slack ? `C${String(c).padStart(6, '0')}` : String(1_000_000_000_000_000_000n + BigInt(c)),
      schedule: { kind: 'daily', time },
      timeZone: 'UTC',
      filter: null,
      createdBy: 'bench',
      createdAt,
    });
  }
  const adapters = [
    createSlackAdapter({
      botToken: 'xoxb-bench',
      signingSecret: 'bench-secret',
      socketMode: false,
      port: 0,
      adminUserIds: [],
      slackApiUrl: fakes.slackApiUrl,
    }),
    createDiscordAdapter({
      token: 'bench-token',
      applicationId: '1100000000000000002',
      apiUrl: fakes.discordApiUrl,
    }),
  ];
  const delivery = createDelivery({ store, pipeline, adapters, cronJobs: false });

  const startedAt = Date.now();
  const started = performance.now();
  await delivery.runDue(new Date());
  const seconds = (performance.now() - started) / 1000;

  const planned = await store.listDeliveries();
  const records = await fakes.collect();
  const count = (platform: 'slack' | 'discord', fake: FakeRecord): PlatformFanout => {
    const mine = planned.filter((e) => e.platform === platform);
    const perChannel = new Map<string, number>();
    for (const e of mine) perChannel.set(e.channelId, (perChannel.get(e.channelId) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const m of fake.accepted) if (m.key) seen.set(m.key, (seen.get(m.key) ?? 0) + 1);
    const keyOf = (key: string) => (platform === 'discord' ? toNonce(key) : key);
    const missing = mine.filter((e) => !seen.has(keyOf(e.key))).length;
    const duplicates =
      [...seen.values()].reduce((n, v) => n + v - 1, 0) + fake.accepted.filter((m) => !m.key).length;
    const most = Math.max(0, ...perChannel.values());
    const floorSeconds =
      platform === 'slack'
        ? ((most - 1) * SLACK_PER_CHANNEL_INTERVAL_MS) / 1000
        : Math.max(
            mine.length / DISCORD_GLOBAL_PER_SECOND,
            ((Math.ceil(most / DISCORD_CHANNEL_BUCKET.limit) - 1) * DISCORD_CHANNEL_BUCKET.windowMs) / 1000,
          );
    const timeline = describeTimeline(fake.arrivals, startedAt);
    console.log(`${platform} calls per second: ${timeline.bins.join(' ')}`);
    if (fake.limitedCalls.length > 0)
      console.log(
        `${platform} 429s at (s): ${fake.limitedCalls.map((c) => `${((c.at - startedAt) / 1000).toFixed(2)}${c.global ? 'g' : ''}`).join(' ')}`,
      );
    return {
      channels: perChannel.size,
      messages: mine.length,
      floorSeconds,
      duplicates,
      missing,
      rateLimited: fake.limited,
      rateLimitedGlobal: fake.limitedCalls.filter((c) => c.global).length,
      deduplicatedByPlatform: fake.deduplicated,
      firstCallSeconds: timeline.first,
      lastCallSeconds: timeline.last,
      callsPerSecondP10: timeline.p10,
      callsPerSecondP50: timeline.p50,
    };
  };
  const slack = count('slack', records.slack);
  const discord = count('discord', records.discord);
  for (const a of adapters) await a.stop();
  printResult({
    channels,
    stories,
    seconds,
    floorSeconds: Math.max(slack.floorSeconds, discord.floorSeconds),
    slack,
    discord,
  } satisfies FanoutWorkerResult);
} finally {
  await fakes.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
