/**
 * A bot process for the SIGKILL test: opens the store, starts delivery (reconcile, catch up, deliver)
 * against a fake Slack API, prints "done" and exits. Run with tsx; settings from the environment.
 */
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { createDelivery } from '../../src/delivery/create-delivery.ts';
import { createStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { Digest, Story } from '../../src/types.ts';

const { WORKER_DB, WORKER_SLACK_API, WORKER_NOW } = process.env;
if (!WORKER_DB || !WORKER_SLACK_API || !WORKER_NOW)
  throw new Error('WORKER_DB, WORKER_SLACK_API and WORKER_NOW are required');

const store = await createStore({ sqlitePath: WORKER_DB });
/**
 * Digests from stored stories without the NLP pipeline (whose start-up takes seconds): this test is
 * about delivery, and every restart pays the import cost.
 */
function createLightDigests(store: Store) {
  async function digestsOf(stories: Story[]): Promise<Digest[]> {
    const articles = await store.getArticles(stories.flatMap((s) => s.articleIds));
    const byId = new Map(articles.map((a) => [a.id, a]));
    return stories.map((s) => {
      const own = s.articleIds.map((id) => byId.get(id)).filter((a) => a !== undefined);
      return {
        storyId: s.id,
        version: s.version,
        headline: own[0]?.title ?? s.id,
        what: own[0]?.text.slice(0, 200) ?? '',
        who: [],
        where: [],
        sources: own.map((a) => ({ outlet: a.outlet, articleId: a.id, url: a.url, cites: a.cites })),
        independentSources: new Set(own.map((a) => a.outlet)).size,
        related: s.related,
        firstSeen: s.firstSeen,
        updated: s.updated,
      };
    });
  }
  return {
    digestsOf,
    async digestOf(id: string) {
      const story = await store.getStory(id);
      return story ? ((await digestsOf([story]))[0] ?? null) : null;
    },
  };
}
const pipeline = createLightDigests(store);
const slack = createSlackAdapter({
  botToken: 'xoxb-worker',
  signingSecret: 'worker-secret',
  socketMode: false,
  port: 0,
  adminUserIds: [],
  slackApiUrl: WORKER_SLACK_API,
  maxRetryWaitMs: 0,
});
const now = new Date(WORKER_NOW);
const delivery = createDelivery({
  store,
  pipeline,
  adapters: [slack],
  now: () => now,
  cronJobs: false,
  postIntervalMs: 0,
  concurrency: 6,
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
});
await delivery.start();
await store.close();
process.stdout.write('done\n');
process.exit(0);
