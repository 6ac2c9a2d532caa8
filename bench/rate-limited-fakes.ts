import { fork } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * Bench-only fakes of the two platforms' message endpoints that enforce the documented rate limits
 * (a limited call gets HTTP 429 with the platform's Retry-After), and record every accepted message
 * with the delivery key it carried, so duplicates and gaps can be counted.
 *
 * Slack: chat.postMessage allows about 1 message per second per channel ("special" tier; short bursts
 * are allowed but not sized, so we allow none beyond 100 ms of network jitter).
 * Discord: 50 requests per second per bot (global), and per-route buckets announced in headers; for
 * a channel's messages we announce 5 per 5 seconds.
 */
export const SLACK_PER_CHANNEL_INTERVAL_MS = 1000;
const SLACK_JITTER_MS = 100;
export const DISCORD_GLOBAL_PER_SECOND = 50;
export const DISCORD_CHANNEL_BUCKET = { limit: 5, windowMs: 5000 };

export type AcceptedMessage = { channelId: string; key: string | null; at: number };

/** A call answered 429: when, and whether the global limit (not a channel's bucket) was hit. */
export type LimitedCall = { at: number; global: boolean };

export type RateLimitedFake = {
  /** Slack: the Web API base (ends with /api/); Discord: the REST base without the version. */
  apiUrl: string;
  accepted: AcceptedMessage[];
  /** Calls answered 429. */
  limited: number;
  limitedCalls: LimitedCall[];
  /** Arrival time (Date.now()) of every call, answered or not. */
  arrivals: number[];
  /** Discord only: posts whose nonce was already used in the channel (answered with the earlier message). */
  deduplicated: number;
  close(): Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseSlackBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

export async function startRateLimitedSlack(): Promise<RateLimitedFake> {
  const lastPost = new Map<string, number>();
  let ts = 1_700_000_000;
  const fake: RateLimitedFake = {
    apiUrl: '',
    accepted: [],
    limited: 0,
    limitedCalls: [],
    arrivals: [],
    deduplicated: 0,
    close: () => closeServer(server),
  };
  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const body = parseSlackBody(await readBody(req), req.headers['content-type']);
    if (method === 'chat.postMessage') {
      const channel = String(body.channel ?? '');
      const now = Date.now();
      fake.arrivals.push(now);
      const last = lastPost.get(channel);
      if (last !== undefined && now - last < SLACK_PER_CHANNEL_INTERVAL_MS - SLACK_JITTER_MS) {
        fake.limited++;
        fake.limitedCalls.push({ at: now, global: false });
        const wait = Math.ceil((SLACK_PER_CHANNEL_INTERVAL_MS - (now - last)) / 1000);
        json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
        return;
      }
      lastPost.set(channel, now);
      const meta = body.metadata as { event_payload?: { key?: unknown } } | undefined;
      const key = typeof meta?.event_payload?.key === 'string' ? meta.event_payload.key : null;
      fake.accepted.push({ channelId: channel, key, at: now });
      const messageTs = `${ts++}.000100`;
      json(res, 200, { ok: true, channel, ts: messageTs, message: { ts: messageTs, text: body.text } });
      return;
    }
    if (method === 'conversations.history') {
      json(res, 200, { ok: true, messages: [], has_more: false });
      return;
    }
    json(res, 200, { ok: true });
  });
  fake.apiUrl = `http://127.0.0.1:${await listen(server)}/api/`;
  return fake;
}

export async function startRateLimitedDiscord(): Promise<RateLimitedFake> {
  let globalWindow = { start: 0, count: 0 };
  const buckets = new Map<string, { start: number; count: number }>();
  const nonces = new Map<string, string>();
  let nextId = 1_200_000_000_000_000_000n;
  const fake: RateLimitedFake = {
    apiUrl: '',
    accepted: [],
    limited: 0,
    limitedCalls: [],
    arrivals: [],
    deduplicated: 0,
    close: () => closeServer(server),
  };
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const now = Date.now();
    fake.arrivals.push(now);
    if (now - globalWindow.start >= 1000) globalWindow = { start: now, count: 0 };
    if (++globalWindow.count > DISCORD_GLOBAL_PER_SECOND) {
      fake.limited++;
      fake.limitedCalls.push({ at: now, global: true });
      const after = (1000 - (now - globalWindow.start)) / 1000;
      json(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: after, global: true },
        {
          'retry-after': String(Math.ceil(after)),
          'x-ratelimit-global': 'true',
          'x-ratelimit-scope': 'global',
        },
      );
      return;
    }
    const m = /^\/api\/v\d+\/channels\/(\d+)\/messages$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) {
      json(res, 200, {});
      return;
    }
    const channelId = m[1]!;
    let bucket = buckets.get(channelId);
    if (!bucket || now - bucket.start >= DISCORD_CHANNEL_BUCKET.windowMs) {
      bucket = { start: now, count: 0 };
      buckets.set(channelId, bucket);
    }
    const resetAfter = (DISCORD_CHANNEL_BUCKET.windowMs - (now - bucket.start)) / 1000;
    const headers = (remaining: number) => ({
      'x-ratelimit-limit': String(DISCORD_CHANNEL_BUCKET.limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-reset': ((bucket.start + DISCORD_CHANNEL_BUCKET.windowMs) / 1000).toFixed(3),
      // One hash for the route, as Discord sends it; the channel id (major parameter) tells buckets apart.
      'x-ratelimit-bucket': 'channel-messages-post',
    });
    if (bucket.count >= DISCORD_CHANNEL_BUCKET.limit) {
      fake.limited++;
      fake.limitedCalls.push({ at: now, global: false });
      json(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
        { ...headers(0), 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' },
      );
      return;
    }
    bucket.count++;
    const body = JSON.parse(raw || '{}') as { nonce?: string; enforce_nonce?: boolean; content?: string };
    const nonceKey = body.nonce && body.enforce_nonce ? `${channelId}:${body.nonce}` : null;
    const earlier = nonceKey ? nonces.get(nonceKey) : undefined;
    if (earlier) {
      fake.deduplicated++;
      json(
        res,
        200,
        { id: earlier, channel_id: channelId, content: body.content ?? '' },
        headers(DISCORD_CHANNEL_BUCKET.limit - bucket.count),
      );
      return;
    }
    const id = String(nextId++);
    if (nonceKey) nonces.set(nonceKey, id);
    fake.accepted.push({ channelId, key: body.nonce ?? null, at: now });
    json(
      res,
      200,
      { id, channel_id: channelId, content: body.content ?? '', embeds: [], nonce: body.nonce },
      headers(DISCORD_CHANNEL_BUCKET.limit - bucket.count),
    );
  });
  fake.apiUrl = `http://127.0.0.1:${await listen(server)}/api`;
  return fake;
}

/** What a fake recorded, as copied out of its process. */
export type FakeRecord = Omit<RateLimitedFake, 'close'>;

export type FakesProcess = {
  slackApiUrl: string;
  discordApiUrl: string;
  /** The records so far. */
  collect(): Promise<{ slack: FakeRecord; discord: FakeRecord }>;
  close(): Promise<void>;
};

const processFlag = '--rate-limited-fakes';
const record = ({ close: _, ...rest }: RateLimitedFake): FakeRecord => rest;

/**
 * Both fakes in a child process: a platform does not share the bot's event loop, so a busy bot must
 * not delay the fake's clock (which would bunch arrivals into one rate-limit window) or its answers.
 */
export async function startFakesProcess(): Promise<FakesProcess> {
  const child = fork(fileURLToPath(import.meta.url), [processFlag], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
  });
  const reply = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`rate-limited fakes exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as T);
      });
    });
  const urls = await reply<{ slack: string; discord: string }>();
  return {
    slackApiUrl: urls.slack,
    discordApiUrl: urls.discord,
    collect() {
      const answer = reply<{ slack: FakeRecord; discord: FakeRecord }>();
      child.send('collect');
      return answer;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}

if (process.argv.includes(processFlag) && process.send) {
  const send = process.send.bind(process);
  const slack = await startRateLimitedSlack();
  const discord = await startRateLimitedDiscord();
  process.on('message', async (message: 'collect' | 'close') => {
    if (message === 'collect') send({ slack: record(slack), discord: record(discord) });
    else {
      await slack.close();
      await discord.close();
      process.disconnect();
    }
  });
  send({ slack: slack.apiUrl, discord: discord.apiUrl });
}
