import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call as the fake received it. */
export type FakeSlackCall = { method: string; body: Record<string, unknown>; headers: IncomingHttpHeaders };

/** A message as the fake holds it now. */
export type FakeSlackMessage = {
  channel: string;
  ts: string;
  threadTs: string | null;
  text: string;
  blocks: unknown[];
  edited: boolean;
  /** The last chat.postMessage / chat.update body for it. */
  body: Record<string, unknown>;
};

/** A POST to a slash command's response_url. */
export type FakeSlackResponse = { id: string; body: Record<string, unknown> };

export type FakeSlackUser = { is_admin?: boolean; is_owner?: boolean };

export type FakeSlackApi = {
  /** Base of the fake, e.g. http://127.0.0.1:PORT */
  url: string;
  /** What to pass as slackApiUrl (ends with /api/). */
  apiUrl: string;
  calls: FakeSlackCall[];
  messages: FakeSlackMessage[];
  responses: FakeSlackResponse[];
  /** A response_url for a slash command; what is posted there lands in `responses`. */
  respondUrl(id: string): string;
  waitForResponse(id: string, timeoutMs?: number): Promise<FakeSlackResponse>;
  /** Calls to this method are answered ok:false with `error`. */
  failChannel(channelId: string, error?: string): void;
  /** The next call to `method` gets HTTP 429 with Retry-After. */
  rateLimitOnce(method: string, retryAfterSec: number): void;
  /** Of the next `count` calls to `method`, every `every`-th one (1: all) gets HTTP 429 with Retry-After. */
  rateLimitMany(method: string, count: number, retryAfterSec: number, every?: number): void;
  /** The next call to `method` gets ok:false with `error`. */
  failNext(method: string, error: string): void;
  /** The next call to `method` is never answered (until close). */
  stallNext(method: string): void;
  /** The next call to `method` gets this HTTP status with no Slack body. */
  failHttpOnce(method: string, status: number): void;
  setUser(userId: string, user: FakeSlackUser): void;
  /** Socket Mode: resolves once a client is connected (after apps.connections.open and the hello). */
  waitForSocket(timeoutMs?: number): Promise<void>;
  /** Socket Mode: sends an envelope to the connected client; resolves with the client's ack. */
  sendEnvelope(
    type: string,
    payload: Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  callsOf(method: string): FakeSlackCall[];
  /** Called with each Web API call as it arrives, before it is answered. */
  onCall(listener: ((call: FakeSlackCall) => void) | null): void;
  close(): Promise<void>;
};

export type FakeSlackOptions = {
  /** When set, calls with another bearer token get invalid_auth. */
  token?: string;
  teamId?: string;
  botUserId?: string;
};

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // a plain string that starts with a bracket
      }
    }
    out[k] = v;
  }
  return out;
}

/** A local stand-in for Slack's Web API and response_url endpoints, recording every call. */
export async function startFakeSlackApi(opts: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const calls: FakeSlackCall[] = [];
  const messages: FakeSlackMessage[] = [];
  const responses: FakeSlackResponse[] = [];
  const failingChannels = new Map<string, string>();
  const rateLimits = new Map<string, number>();
  const storms = new Map<string, { left: number; sec: number; every: number; seen: number }>();
  const failures = new Map<string, string>();
  const httpFailures = new Map<string, number>();
  const stalls = new Set<string>();
  const users = new Map<string, FakeSlackUser>();
  const waiters = new Map<string, (r: FakeSlackResponse) => void>();
  const wss = new WebSocketServer({ noServer: true });
  let socket: WebSocket | null = null;
  const socketWaiters: (() => void)[] = [];
  const ackWaiters = new Map<string, (ack: Record<string, unknown>) => void>();
  let envelopeCounter = 0;
  let callListener: ((call: FakeSlackCall) => void) | null = null;
  let tsCounter = 0;
  const nextTs = () => `1700000000.${String(++tsCounter).padStart(6, '0')}`;

  function handleMethod(method: string, body: Record<string, unknown>, headers: IncomingHttpHeaders) {
    const token = headers.authorization?.replace(/^Bearer /, '') ?? body.token;
    if (method === 'apps.connections.open') {
      if (typeof token !== 'string' || !token.startsWith('xapp-'))
        return { ok: false, error: 'not_allowed_token_type' };
      return { ok: true, url: `${url.replace(/^http/, 'ws')}/socket` };
    }
    if (opts.token && token !== opts.token) return { ok: false, error: 'invalid_auth' };
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    if (channel && failingChannels.has(channel)) return { ok: false, error: failingChannels.get(channel) };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'newsbot',
          team_id: opts.teamId ?? 'T0FAKE',
          user_id: opts.botUserId ?? 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!body.text && !body.blocks) return { ok: false, error: 'no_text' };
        const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : null;
        if (threadTs && !messages.some((m) => m.channel === channel && m.ts === threadTs))
          return { ok: false, error: 'thread_not_found' };
        const msg: FakeSlackMessage = {
          channel,
          ts: nextTs(),
          threadTs,
          text: String(body.text ?? ''),
          blocks: Array.isArray(body.blocks) ? body.blocks : [],
          edited: false,
          body,
        };
        messages.push(msg);
        return { ok: true, channel, ts: msg.ts, message: { text: msg.text } };
      }
      case 'chat.update': {
        const msg = messages.find((m) => m.channel === channel && m.ts === body.ts);
        if (!msg) return { ok: false, error: 'message_not_found' };
        msg.text = String(body.text ?? '');
        msg.blocks = Array.isArray(body.blocks) ? body.blocks : [];
        msg.edited = true;
        msg.body = body;
        return { ok: true, channel, ts: msg.ts, text: msg.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'users.info': {
        const id = String(body.user ?? '');
        const u = users.get(id) ?? {};
        return {
          ok: true,
          user: { id, name: id.toLowerCase(), is_admin: Boolean(u.is_admin), is_owner: Boolean(u.is_owner) },
        };
      }
      case 'conversations.history': {
        // Newest first, top-level messages only, metadata only when asked for (as Slack does).
        const withMeta = body.include_all_metadata === true || body.include_all_metadata === 'true';
        const limit = Math.min(Number(body.limit ?? 100) || 100, 999);
        const list = messages
          .filter((m) => m.channel === channel && m.threadTs === null)
          .slice()
          .reverse()
          .slice(0, limit)
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            ...(withMeta && m.body.metadata ? { metadata: m.body.metadata } : {}),
          }));
        return { ok: true, messages: list, has_more: false };
      }
      case 'conversations.info':
        return { ok: true, channel: { id: channel, name: `channel-${channel}`, is_member: true } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = parseBody(raw, req.headers['content-type']);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const respond = path.match(/^\/respond\/([^/]+)$/);
      if (respond) {
        const r = { id: respond[1]!, body };
        responses.push(r);
        waiters.get(r.id)?.(r);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const api = path.match(/^\/api\/([\w.]+)$/);
      if (!api) {
        res.writeHead(404).end();
        return;
      }
      const method = api[1]!;
      const call = { method, body, headers: req.headers };
      calls.push(call);
      callListener?.(call);
      if (stalls.delete(method)) return;
      const status = httpFailures.get(method);
      if (status !== undefined) {
        httpFailures.delete(method);
        res.writeHead(status, { 'content-type': 'text/plain' }).end('fake failure');
        return;
      }
      const storm = storms.get(method);
      let stormed = false;
      if (storm && storm.left > 0) {
        storm.left -= 1;
        storm.seen += 1;
        stormed = storm.seen % storm.every === 0;
      }
      const retryAfter = stormed ? storm!.sec : rateLimits.get(method);
      if (retryAfter !== undefined) {
        if (!stormed) rateLimits.delete(method);
        res.writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' });
        res.end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(handleMethod(method, body, req.headers)));
    });
  });
  server.on('upgrade', (req, sock, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/socket') {
      sock.destroy();
      return;
    }
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as Record<string, unknown>;
        if (typeof msg.envelope_id === 'string') ackWaiters.get(msg.envelope_id)?.(msg);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
      for (const w of socketWaiters.splice(0)) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    messages,
    responses,
    respondUrl: (id) => `${url}/respond/${id}`,
    waitForResponse(id, timeoutMs = 5000) {
      const found = responses.find((r) => r.id === id);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no response_url post for ${id}`)), timeoutMs);
        waiters.set(id, (r) => {
          clearTimeout(timer);
          waiters.delete(id);
          resolve(r);
        });
      });
    },
    failChannel: (channelId, error = 'channel_not_found') => failingChannels.set(channelId, error),
    rateLimitOnce: (method, sec) => rateLimits.set(method, sec),
    rateLimitMany: (method, count, sec, every = 1) =>
      storms.set(method, { left: count, sec, every, seen: 0 }),
    failNext: (method, error) => failures.set(method, error),
    failHttpOnce: (method, status) => httpFailures.set(method, status),
    stallNext: (method) => stalls.add(method),
    setUser: (userId, user) => users.set(userId, user),
    waitForSocket(timeoutMs = 5000) {
      if (socket) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no Socket Mode client connected')), timeoutMs);
        socketWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    sendEnvelope(type, payload, timeoutMs = 5000) {
      const ws = socket;
      if (!ws) return Promise.reject(new Error('no Socket Mode client connected'));
      const id = `envelope-${++envelopeCounter}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${id}`)), timeoutMs);
        ackWaiters.set(id, (ack) => {
          clearTimeout(timer);
          ackWaiters.delete(id);
          resolve(ack);
        });
        ws.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: true }));
      });
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    onCall: (listener) => {
      callListener = listener;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const LINK_OR_MENTION = /<([^<>]*)>/g;

function scanMrkdwn(text: string, parseBare: boolean, out: { mentions: Set<string>; links: Set<string> }) {
  for (const m of text.matchAll(LINK_OR_MENTION)) {
    const inner = (m[1] ?? '').split('|')[0] ?? '';
    if (/^!(channel|here|everyone)$/.test(inner)) out.mentions.add(inner.slice(1));
    else if (inner.startsWith('!subteam^')) out.mentions.add(`group:${inner.slice(9)}`);
    else if (/^@[UW]/.test(inner)) out.mentions.add(`user:${inner.slice(1)}`);
    else if (inner.startsWith('#')) out.links.add(`channel:${inner.slice(1)}`);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(inner)) out.links.add(inner);
  }
  if (parseBare) for (const m of text.matchAll(/@(channel|here|everyone)\b/g)) out.mentions.add(m[1]!);
}

/**
 * What Slack would turn into pings and links in a message body: `<!channel>`-style and `<@U…>`
 * markup in mrkdwn texts and the top-level text; bare @channel/@here/@everyone where Slack parses
 * text automatically (mrkdwn without verbatim, or link_names / parse=full on the message).
 */
export function findSlackMarkup(body: Record<string, unknown>): { mentions: string[]; links: string[] } {
  const out = { mentions: new Set<string>(), links: new Set<string>() };
  const bareTop = body.link_names === true || body.link_names === 'true' || body.parse === 'full';
  if (typeof body.text === 'string') scanMrkdwn(body.text, bareTop, out);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string')
      scanMrkdwn(o.text, o.verbatim !== true || bareTop, out);
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(body.blocks);
  return { mentions: [...out.mentions], links: [...out.links] };
}

/** Every text of a Block Kit message, in order, unescaped; links shown as "label (url)". */
export function flattenSlackBlocks(blocks: unknown[], fallback = ''): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') {
      const text = o.type === 'mrkdwn' ? readMrkdwn(o.text) : o.text;
      texts.push(text);
      return;
    }
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(blocks);
  return texts.length > 0 ? texts.join('\n') : readMrkdwn(fallback);
}

function readMrkdwn(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, '$2 ($1)')
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
