import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { nextSnowflake } from './discord-rest.ts';

type GatewayPayload = { op: number; d?: unknown; s?: number | null; t?: string | null };

/** What a test says about the slash command it sends. */
export type FakeInteraction = {
  /** First word: the subcommand; the rest: its one string option (named by `optionName`). */
  text: string;
  optionName?: string;
  userId: string;
  channelId: string;
  guildId: string | null;
  /** The member's permissions bitfield in the channel, as Discord sends it (a decimal string). */
  permissions: string;
};

export type FakeDiscordGateway = {
  url: string;
  /** Every payload the client sent (IDENTIFY, heartbeats …). */
  received: GatewayPayload[];
  /** The IDENTIFY payloads' `d`. */
  identifies: Record<string, unknown>[];
  /** How many connections the client has opened (1 unless it reconnected). */
  connections(): number;
  /** Sends INTERACTION_CREATE for `/news …`; returns the interaction's id and token. */
  sendInteraction(i: FakeInteraction): { id: string; token: string };
  close(): Promise<void>;
};

/**
 * A local Discord gateway (v10, JSON, no compression) on 127.0.0.1: HELLO, IDENTIFY → READY and
 * GUILD_CREATE for each guild, heartbeat ACKs, and INTERACTION_CREATE on demand.
 */
export async function createFakeDiscordGateway(opts: {
  applicationId: string;
  botUserId: string;
  guildIds: string[];
  heartbeatIntervalMs?: number;
  /** When set, an IDENTIFY with another token is closed with 4004 Authentication failed. */
  token?: string;
}): Promise<FakeDiscordGateway> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}`;
  const received: GatewayPayload[] = [];
  const identifies: Record<string, unknown>[] = [];
  let current: { ws: WebSocket; seq: number } | null = null;
  let connections = 0;

  const user = {
    id: opts.botUserId,
    username: 'newsbot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };

  function dispatch(conn: { ws: WebSocket; seq: number }, t: string, d: unknown): void {
    conn.seq += 1;
    conn.ws.send(JSON.stringify({ op: 0, t, s: conn.seq, d }));
  }

  function guild(id: string) {
    return {
      id,
      name: `Guild ${id}`,
      icon: null,
      owner_id: '1100000000000000999',
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: new Date(0).toISOString(),
      features: [],
      roles: [],
      emojis: [],
      stickers: [],
      channels: [],
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      premium_tier: 0,
      preferred_locale: 'en-US',
      verification_level: 0,
      nsfw_level: 0,
      system_channel_flags: 0,
      explicit_content_filter: 0,
      default_message_notifications: 0,
      mfa_level: 0,
    };
  }

  wss.on('connection', (ws, req) => {
    const query = new URL(req.url ?? '/', url).searchParams;
    if (query.get('v') !== '10' || query.get('encoding') !== 'json') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    connections += 1;
    const conn = { ws, seq: 0 };
    current = conn;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: opts.heartbeatIntervalMs ?? 45_000 } }));
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as GatewayPayload;
      received.push(payload);
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) {
        const d = payload.d as Record<string, unknown>;
        identifies.push(d);
        if (opts.token && d.token !== opts.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        dispatch(conn, 'READY', {
          v: 10,
          user,
          guilds: opts.guildIds.map((id) => ({ id, unavailable: true })),
          session_id: `session-${nextSnowflake()}`,
          resume_gateway_url: url,
          shard: d.shard ?? [0, 1],
          application: { id: opts.applicationId, flags: 0 },
        });
        for (const id of opts.guildIds) dispatch(conn, 'GUILD_CREATE', guild(id));
      }
    });
  });

  return {
    url,
    received,
    identifies,
    connections: () => connections,
    sendInteraction(i) {
      if (!current) throw new Error('fake gateway: no client connected');
      const id = nextSnowflake();
      const token = `token-${id}`;
      const [sub = 'help', ...rest] = i.text.trim().split(/\s+/);
      const value = rest.join(' ');
      const invoker = {
        id: i.userId,
        username: `user${i.userId}`,
        discriminator: '0',
        global_name: null,
        avatar: null,
      };
      const base = {
        id,
        application_id: opts.applicationId,
        type: 2,
        token,
        version: 1,
        channel_id: i.channelId,
        channel: { id: i.channelId, type: 0, guild_id: i.guildId ?? undefined, name: 'news' },
        app_permissions: '2248473465835073',
        locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: i.guildId ? { '0': i.guildId } : { '1': i.userId },
        context: i.guildId ? 0 : 1,
        attachment_size_limit: 10_485_760,
        data: {
          id: '1200000000000000001',
          name: 'news',
          type: 1,
          guild_id: i.guildId ?? undefined,
          options: [
            {
              type: 1,
              name: sub,
              options: value ? [{ type: 3, name: i.optionName ?? 'args', value }] : [],
            },
          ],
        },
      };
      const who = i.guildId
        ? {
            guild_id: i.guildId,
            guild_locale: 'en-US',
            member: {
              user: invoker,
              roles: [],
              permissions: i.permissions,
              joined_at: new Date(0).toISOString(),
              deaf: false,
              mute: false,
              flags: 0,
            },
          }
        : { user: invoker };
      dispatch(current, 'INTERACTION_CREATE', { ...base, ...who });
      return { id, token };
    },
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
