import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { makeTempDir, seedStory } from '../delivery/delivery-fixtures.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.ts';

const workerPath = fileURLToPath(new URL('./delivery-worker.ts', import.meta.url));
const CHANNELS = 30;
const STORIES = 8;
/** Header, 5 stories, "N more". */
const POSTS_PER_CHANNEL = 7;
const KILLS = 20;
/** 08:00:30 Berlin on 2026-05-04. */
const NOW = '2026-05-04T06:00:30.000Z';

function keyOf(body: Record<string, unknown>): string | null {
  const meta = body.metadata as { event_payload?: { key?: string } } | undefined;
  return meta?.event_payload?.key ?? null;
}

/** A small deterministic generator, so every run of the test kills at the same points. */
function createRandom(seed: number) {
  let s = seed;
  return (lo: number, hi: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return lo + (s % (hi - lo + 1));
  };
}

describe('delivery survives SIGKILL mid-fan-out', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let fake: FakeSlackApi;
  let dbPath: string;

  beforeAll(async () => {
    temp = makeTempDir();
    dbPath = join(temp.dir, 'bot.db');
    fake = await startFakeSlackApi();
    const store = await createStore({ sqlitePath: dbPath });
    const outlets = ['Velm Post', 'Harbour Wire', 'Coast Daily', 'North Ledger'];
    for (let i = 1; i <= STORIES; i++)
      await seedStory(store, {
        id: `story-${i}`,
        title: `Invented harbour event ${i}`,
        outlets: outlets.slice(0, 1 + (i % 4)),
        updated: '2026-05-03T18:00:00.000Z',
      });
    for (let c = 1; c <= CHANNELS; c++)
      await store.addSubscription({
        platform: 'slack',
        channelId: `C${String(c).padStart(3, '0')}`,
        schedule: { kind: 'daily', time: '08:00' },
        timeZone: 'Europe/Berlin',
        filter: null,
        createdBy: 'U0ADMIN',
        createdAt: '2026-05-01T00:00:00.000Z',
      });
    await store.close();
  });

  afterAll(async () => {
    await fake.close();
    temp.cleanup();
  });

  function runWorker(
    killAfterPosts: number | null,
  ): Promise<{ code: number | null; signal: string | null; out: string }> {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', workerPath], {
      env: {
        ...process.env,
        WORKER_DB: dbPath,
        WORKER_SLACK_API: fake.apiUrl,
        WORKER_NOW: NOW,
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    let seen = 0;
    fake.onCall((call) => {
      if (call.method !== 'chat.postMessage' || killAfterPosts === null) return;
      // Killed while Slack is taking the post: it lands, the worker never hears back.
      if (++seen === killAfterPosts) child.kill('SIGKILL');
    });
    return new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        fake.onCall(null);
        if (code !== 0 && signal === null) out += `\n[stderr] ${err}`;
        resolve({ code, signal, out });
      });
    });
  }

  it('posts every digest exactly once across many kills and restarts', async () => {
    const random = createRandom(7);
    let kills = 0;
    let finished = false;
    for (let round = 0; round < KILLS && !finished; round++) {
      const result = await runWorker(random(2, 9));
      if (result.signal === 'SIGKILL') kills += 1;
      else {
        expect(result.out).toContain('done');
        finished = true;
      }
    }
    if (!finished) {
      const last = await runWorker(null);
      expect(last.out).toContain('done');
    }
    // One more start: nothing left to send, nothing sent again.
    const before = fake.messages.length;
    expect((await runWorker(null)).out).toContain('done');
    expect(fake.messages.length).toBe(before);

    const byKey = new Map<string, number>();
    for (const m of fake.messages) {
      const key = keyOf(m.body);
      expect(key).not.toBeNull();
      byKey.set(key!, (byKey.get(key!) ?? 0) + 1);
    }
    const duplicates = [...byKey].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
    for (let c = 1; c <= CHANNELS; c++) {
      const channel = `C${String(c).padStart(3, '0')}`;
      expect(fake.messages.filter((m) => m.channel === channel)).toHaveLength(POSTS_PER_CHANNEL);
    }
    const store = await createStore({ sqlitePath: dbPath });
    try {
      const ledger = await store.listDeliveries();
      expect(ledger).toHaveLength(CHANNELS * POSTS_PER_CHANNEL);
      expect(ledger.filter((e) => e.status !== 'posted')).toEqual([]);
      const tsOf = new Map(fake.messages.map((m) => [keyOf(m.body), m.ts]));
      for (const e of ledger) expect(e.messageId).toBe(tsOf.get(e.key));
      expect((await store.listDigestRuns()).every((r) => r.status === 'done')).toBe(true);
    } finally {
      await store.close();
    }
    // The kills happened mid-delivery, and interrupted posts were looked up rather than re-sent.
    expect(kills).toBeGreaterThanOrEqual(15);
    expect(fake.callsOf('conversations.history').length).toBeGreaterThan(0);
    console.info(
      `SIGKILL test: ${kills} kills, ${fake.messages.length} posts, ${fake.callsOf('conversations.history').length} history lookups`,
    );
  }, 240_000);
});
