import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One REST call as the fake received it. */
export type DiscordRestCall = {
  method: string;
  path: string;
  query: string;
  body: unknown;
  auth: string | null;
};

type JsonBody = {
  content?: string;
  embeds?: unknown[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  flags?: number;
  nonce?: string | number;
  enforce_nonce?: boolean;
};

/** A message as the fake holds it now (after edits). */
export type FakeDiscordMessage = {
  id: string;
  channelId: string;
  content: string;
  embeds: unknown[];
  allowedMentions: JsonBody['allowed_mentions'] | null;
  edited: boolean;
  ephemeral: boolean;
  /** Set for interaction answers: the interaction token. */
  interactionToken: string | null;
  /** "original" for the deferred response, "followup" for a follow-up, null for channel posts. */
  interactionPart: 'original' | 'followup' | null;
  /** The nonce it was posted with, if any. */
  nonce?: string | null;
};

export type FakeDiscordInteraction = {
  id: string;
  token: string;
  channelId: string;
  /** The callback types received, e.g. [5] for a deferred response. */
  callbacks: { type: number; flags: number }[];
};

export type FakeDiscordThread = { id: string; parentId: string; starterMessageId: string; name: string };

export type FailureKind = 'unknown_channel' | 'missing_access' | 'missing_permissions';

export type FakeDiscordRest = {
  /** REST base for discord.js's `rest.api` (the version is added by discord.js). */
  apiUrl: string;
  calls: DiscordRestCall[];
  messages: FakeDiscordMessage[];
  threads: Map<string, FakeDiscordThread>;
  interactions: Map<string, FakeDiscordInteraction>;
  /** Where GET /gateway/bot sends the client. */
  setGatewayUrl(url: string): void;
  failChannel(channelId: string, kind: FailureKind): void;
  /** The next `count` calls matching `method` and a path regex answer 429 with this Retry-After. */
  rateLimitNext(method: string, path: RegExp, retryAfterSec: number, count?: number): void;
  /** Registers an interaction token so callbacks and webhook edits can find its channel. */
  expectInteraction(i: { id: string; token: string; channelId: string }): void;
  close(): Promise<void>;
};

const errors: Record<FailureKind, { status: number; code: number; message: string }> = {
  unknown_channel: { status: 404, code: 10003, message: 'Unknown Channel' },
  missing_access: { status: 403, code: 50001, message: 'Missing Access' },
  missing_permissions: { status: 403, code: 50013, message: 'Missing Permissions' },
};

let snowflake = 1_300_000_000_000_000_000n;
export function nextSnowflake(): string {
  snowflake += 1n;
  return snowflake.toString();
}

const botUser = {
  id: '1100000000000000001',
  username: 'newsbot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (!raw) return resolve(null);
      try {
        resolve(JSON.parse(raw));
      } catch {
        resolve(raw);
      }
    });
  });
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

function write(res: ServerResponse, { status, body, headers = {} }: Reply): void {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function apiMessage(m: FakeDiscordMessage) {
  return {
    id: m.id,
    channel_id: m.channelId,
    type: 0,
    author: botUser,
    content: m.content,
    embeds: m.embeds,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: m.edited ? new Date().toISOString() : null,
    flags: m.ephemeral ? 64 : 0,
    components: [],
    ...(m.nonce ? { nonce: m.nonce } : {}),
  };
}

/**
 * A local stand-in for Discord's REST API (v10) on 127.0.0.1: the routes the adapter and
 * discord.js use, every call recorded, scriptable refusals and one-off 429s.
 */
export async function createFakeDiscordRest(opts: {
  applicationId: string;
  /** When set, calls other than interaction callbacks and webhooks need "Bot <token>". */
  token?: string;
}): Promise<FakeDiscordRest> {
  const calls: DiscordRestCall[] = [];
  const messages: FakeDiscordMessage[] = [];
  const threads = new Map<string, FakeDiscordThread>();
  const interactions = new Map<string, FakeDiscordInteraction>();
  const failing = new Map<string, FailureKind>();
  const limits: { method: string; path: RegExp; retryAfterSec: number; left: number }[] = [];
  let gatewayUrl = 'ws://127.0.0.1:9';

  function newMessage(channelId: string, body: JsonBody, extra: Partial<FakeDiscordMessage> = {}) {
    const m: FakeDiscordMessage = {
      id: nextSnowflake(),
      channelId,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      allowedMentions: body.allowed_mentions ?? null,
      edited: false,
      ephemeral: false,
      interactionToken: null,
      interactionPart: null,
      nonce: body.nonce === undefined ? null : String(body.nonce),
      ...extra,
    };
    messages.push(m);
    return m;
  }

  function editMessage(m: FakeDiscordMessage, body: JsonBody) {
    if (body.content !== undefined) m.content = body.content ?? '';
    if (body.embeds !== undefined) m.embeds = body.embeds ?? [];
    m.allowedMentions = body.allowed_mentions ?? null;
    m.edited = true;
  }

  function route(method: string, path: string, body: JsonBody): Reply {
    const notFound = (code: number, message: string) => json(404, { code, message });
    let m: RegExpMatchArray | null;

    if (method === 'GET' && path === '/gateway/bot')
      return json(200, {
        url: gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 1 },
      });
    if (method === 'GET' && path === '/users/@me') return json(200, botUser);

    m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (m && (method === 'PUT' || method === 'POST')) {
      const list = (Array.isArray(body) ? body : [body]) as Record<string, unknown>[];
      const out = list.map((c) => ({
        id: nextSnowflake(),
        application_id: m![1],
        guild_id: m![2],
        version: nextSnowflake(),
        ...c,
      }));
      return json(200, method === 'PUT' ? out : out[0]);
    }

    m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (m && method === 'POST') {
      const [, channelId, messageId] = m as unknown as [string, string, string];
      if (threads.has(messageId))
        return json(400, {
          code: 160004,
          message: 'A thread has already been created for this message',
        });
      if (threads.has(channelId))
        return json(400, { code: 50024, message: 'Cannot execute action on this channel type' });
      if (!messages.some((x) => x.id === messageId && x.channelId === channelId))
        return notFound(10008, 'Unknown Message');
      const name = String((body as { name?: string }).name ?? '');
      threads.set(messageId, { id: messageId, parentId: channelId, starterMessageId: messageId, name });
      return json(201, { id: messageId, type: 11, parent_id: channelId, name, owner_id: botUser.id });
    }

    m = path.match(/^\/channels\/(\d+)\/messages$/);
    if (m && method === 'POST') {
      // enforce_nonce: a second post with the same nonce returns the first message (Discord keeps a few minutes).
      const nonce = body.nonce === undefined ? null : String(body.nonce);
      const earlier =
        body.enforce_nonce && nonce
          ? messages.find((x) => x.channelId === m![1] && x.nonce === nonce)
          : undefined;
      return json(200, apiMessage(earlier ?? newMessage(m[1]!, body)));
    }
    if (m && method === 'GET')
      return json(
        200,
        messages
          .filter((x) => x.channelId === m![1] && !x.interactionToken)
          .slice(-100)
          .reverse()
          .map(apiMessage),
      );

    m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/);
    if (m && method === 'PATCH') {
      const msg = messages.find((x) => x.id === m![2] && x.channelId === m![1]);
      if (!msg) return notFound(10008, 'Unknown Message');
      editMessage(msg, body);
      return json(200, apiMessage(msg));
    }

    m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (m && method === 'POST') {
      const interaction = interactions.get(m[2]!);
      if (!interaction || interaction.id !== m[1]) return notFound(10062, 'Unknown interaction');
      const cb = body as { type: number; data?: JsonBody };
      const flags = cb.data?.flags ?? 0;
      interaction.callbacks.push({ type: cb.type, flags });
      newMessage(interaction.channelId, cb.data ?? {}, {
        ephemeral: (flags & 64) !== 0,
        interactionToken: interaction.token,
        interactionPart: 'original',
      });
      return json(204, null);
    }

    m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/);
    if (m) {
      const interaction = interactions.get(m[2]!);
      if (m[1] !== opts.applicationId || !interaction) return notFound(10015, 'Unknown Webhook');
      const target = m[3] === '@original' ? 'original' : m[3];
      if (method === 'POST' && !m[3]) {
        const msg = newMessage(interaction.channelId, body, {
          ephemeral: ((body.flags ?? 0) & 64) !== 0,
          interactionToken: interaction.token,
          interactionPart: 'followup',
        });
        return json(200, apiMessage(msg));
      }
      const msg = messages.find(
        (x) =>
          x.interactionToken === interaction.token &&
          (target === 'original' ? x.interactionPart === 'original' : x.id === target),
      );
      if (!msg) return notFound(10008, 'Unknown Message');
      if (method === 'PATCH') {
        editMessage(msg, body);
        return json(200, apiMessage(msg));
      }
      if (method === 'GET') return json(200, apiMessage(msg));
      if (method === 'DELETE') {
        messages.splice(messages.indexOf(msg), 1);
        return json(204, null);
      }
    }
    return json(404, { code: 0, message: `404: Not Found (${method} ${path})` });
  }

  function respond(method: string, path: string, body: JsonBody, auth: string | null): Reply {
    const open = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (opts.token && !open && auth !== `Bot ${opts.token}`)
      return json(401, { code: 0, message: '401: Unauthorized' });
    const limit = limits.find((l) => l.left > 0 && l.method === method && l.path.test(path));
    if (limit) {
      limit.left -= 1;
      const after = String(limit.retryAfterSec);
      return json(
        429,
        { message: 'You are being rate limited.', retry_after: limit.retryAfterSec, global: false },
        {
          'retry-after': after,
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': after,
          'x-ratelimit-bucket': 'fakebucket',
          'x-ratelimit-scope': 'user',
        },
      );
    }
    const channel = path.match(/^\/channels\/(\d+)/)?.[1];
    const failure = channel ? failing.get(channel) : undefined;
    if (failure) {
      const e = errors[failure];
      return json(e.status, { code: e.code, message: e.message });
    }
    return route(method, path, body);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const method = req.method ?? 'GET';
    const body = (await readBody(req)) as JsonBody;
    const auth = req.headers.authorization ?? null;
    calls.push({ method, path, query: url.search, body, auth });
    write(res, respond(method, path, body, auth));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    calls,
    messages,
    threads,
    interactions,
    setGatewayUrl(url) {
      gatewayUrl = url;
    },
    failChannel(channelId, kind) {
      failing.set(channelId, kind);
    },
    rateLimitNext(method, path, retryAfterSec, count = 1) {
      limits.push({ method, path, retryAfterSec, left: count });
    },
    expectInteraction(i) {
      interactions.set(i.token, { ...i, callbacks: [] });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Who Discord would notify for a message: embeds never ping; content pings what allowed_mentions lets through. */
export function mentionsOf(m: Pick<FakeDiscordMessage, 'content' | 'allowedMentions'>): string[] {
  const allowed = m.allowedMentions ?? { parse: ['everyone', 'users', 'roles'] };
  const parse = new Set(allowed.parse ?? []);
  const out: string[] = [];
  if (parse.has('everyone')) for (const x of m.content.matchAll(/@(everyone|here)\b/g)) out.push(x[1]!);
  for (const x of m.content.matchAll(/<@!?(\d+)>/g))
    if (parse.has('users') || allowed.users?.includes(x[1]!)) out.push(`user:${x[1]}`);
  for (const x of m.content.matchAll(/<@&(\d+)>/g))
    if (parse.has('roles') || allowed.roles?.includes(x[1]!)) out.push(`role:${x[1]}`);
  return out;
}
