import cron from 'node-cron';
import { createConsoleAdapter } from '../adapters/console/index.ts';
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import type { Adapter, ChannelRef } from './adapter.ts';
import { createCommandHandler } from './commands/index.ts';
import type { Config } from './config/index.ts';
import { createDelivery } from './delivery/create-delivery.ts';
import { formatSummary } from './ingest/create-ingestor.ts';
import { createFeedRunner } from './ingest/feed-runner.ts';
import { createLogger, type Logger } from './log.ts';
import { openStore } from './open-store.ts';
import { createPipeline } from './pipeline/create-pipeline.ts';
import { createHttpServer } from './server/create-http-server.ts';
import type { Story } from './types.ts';

/** The only place that knows every adapter: Slack and Discord when their tokens are set, else the console. */
export function createAdapters(config: Config, log: Logger): Adapter[] {
  const adapters: Adapter[] = [];
  if (config.SLACK_BOT_TOKEN)
    adapters.push(
      createSlackAdapter({
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        socketMode: config.SLACK_SOCKET_MODE,
        port: config.SLACK_PORT,
        adminUserIds: config.SLACK_ADMIN_USER_IDS,
        slackApiUrl: config.SLACK_API_URL,
        log,
      }),
    );
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID)
    adapters.push(
      createDiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        guildId: config.DISCORD_GUILD_ID,
        apiUrl: config.DISCORD_API_URL,
        log,
      }),
    );
  if (adapters.length === 0) adapters.push(createConsoleAdapter({}));
  return adapters;
}

/** Runs the bot until SIGINT/SIGTERM, then shuts everything down in order. */
export async function runBot(config: Config): Promise<void> {
  const log = createLogger(config.LOG_LEVEL);
  // Listening from the first moment: a signal during start-up stops the bot once it has started,
  // cleanly, instead of killing it halfway through a write.
  const stopSignal = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log });
  const pipeline = createPipeline({ store, maxBytes: config.MAX_BODY_BYTES, log });
  await pipeline.load();
  const adapters = createAdapters(config, log);
  const delivery = createDelivery({ store, pipeline, adapters, log });
  const handleCommand = createCommandHandler({
    store,
    pipeline,
    delivery,
    log,
    config: {
      allowPrivateAddresses: config.ALLOW_PRIVATE_ADDRESSES,
      defaultTimeZone: config.DIGEST_TIMEZONE,
      feedIntervalSec: config.FEED_INTERVAL_SEC,
    },
  });
  const home: ChannelRef[] = adapters
    .filter((a) => a.name === 'console')
    .map((a) => ({ platform: a.name, channelId: 'console' }));

  async function postToHome(stories: Story[]): Promise<void> {
    const digests = await pipeline.digestsOf(stories);
    for (const digest of digests)
      for (const to of home) {
        const adapter = adapters.find((a) => a.name === to.platform);
        const result = await adapter?.postDigest(to, digest);
        if (result && !result.ok) log.warn({ to, reason: result.reason }, 'digest not posted');
      }
  }

  async function postChanges(): Promise<void> {
    const changes = pipeline.takeChanges();
    // Stories posted earlier that grew: their posts are edited or get a thread reply.
    await delivery.onStoriesChanged(changes);
    if (changes.length > 0 && home.length > 0) await postToHome(changes.map((c) => c.story));
  }

  for (const adapter of adapters) await adapter.start(handleCommand);
  // Scheduled digests: reconcile the ledger, catch up missed runs, schedule cron jobs.
  await delivery.start();
  log.info({ adapters: adapters.map((a) => a.name), store: store.dialect }, 'newsbot starting');

  if (config.INGEST_PATHS.length > 0) {
    const summary = await pipeline.batch(() => pipeline.ingestor.ingestPaths(config.INGEST_PATHS));
    log.info({ paths: config.INGEST_PATHS }, formatSummary(summary));
  }
  // The console shows what the store holds at start even when nothing in it is new.
  if (home.length > 0 && pipeline.peekChanges() === 0)
    await postToHome(await store.listStories({ limit: 5 }));
  await postChanges();

  const http = await createHttpServer({
    store,
    ingestor: pipeline.ingestor,
    ingestToken: config.INGEST_TOKEN,
    maxBodyBytes: config.MAX_BODY_BYTES,
    log,
  }).listen(config.PORT, config.HOST);
  log.info({ url: http.url }, 'http server listening (GET /healthz, POST /ingest)');

  const feeds = createFeedRunner({ store, ingestor: pipeline.ingestor, config, log });
  await feeds.start();
  const tick = cron.schedule('* * * * *', () => postChanges(), {
    name: 'post-story-changes',
    noOverlap: true,
  });

  log.info({ signal: await stopSignal }, 'shutting down');
  await tick.stop();
  await delivery.stop();
  await feeds.stop();
  await http.close();
  for (const adapter of adapters) await adapter.stop();
  await store.close();
  log.info('stopped');
}
