import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  type AppOptions,
  type Logger as BoltLogger,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
} from '@slack/bolt';
import type {
  Adapter,
  AdapterCapabilities,
  ChannelRef,
  CommandHandler,
  CommandReply,
  CommandRequest,
  MessageRef,
  PostOptions,
  PostResult,
} from '../../src/adapter.ts';
import { ConfigError, NewsbotError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import type { Digest } from '../../src/types.ts';
import { createApiRedirectAgent } from './create-api-redirect-agent.ts';
import { escapeMrkdwn, truncateMrkdwn } from './escape-mrkdwn.ts';
import { mapSlackError, type PostFailure } from './map-slack-error.ts';
import { renderDigestBlocks, renderReplyBlocks, SLACK_LIMITS, type SlackMessage } from './render-blocks.ts';

export type SlackAdapterConfig = {
  botToken: string;
  /** Required in HTTP mode. */
  signingSecret?: string;
  /** Required in Socket Mode (xapp-…). */
  appToken?: string;
  socketMode: boolean;
  /** HTTP mode: where Slack's requests arrive (path /slack/events). 0 picks a free port. */
  port: number;
  /** HTTP mode: interface to listen on; all interfaces when unset. */
  host?: string;
  /** Users treated as admins without asking Slack. */
  adminUserIds: string[];
  /** Web API base, e.g. a local fake's `http://127.0.0.1:PORT/api/`. */
  slackApiUrl?: string;
  log?: Logger;
  /** Longest Retry-After waited out (once) inside the adapter; longer ones come back as a result. */
  maxRetryWaitMs?: number;
  /** How long a users.info admin answer is trusted. */
  adminCacheMs?: number;
  /** Longest a Web API call may take before it counts as a transient failure. */
  requestTimeoutMs?: number;
};

export type SlackAdapter = Adapter & {
  readonly mode: 'http' | 'socket';
  /** The port the HTTP receiver listens on once started; null in Socket Mode or before start. */
  httpPort(): number | null;
};

const PLATFORM = 'slack';
/** Message metadata event type carrying a delivery key, so an interrupted post can be found again. */
const DELIVERY_EVENT = 'newsbot_delivery';
const FAILED_COMMAND_TEXT =
  'Sorry, that command failed on our side. The error was logged; please try again later.';

function checkConfig(config: SlackAdapterConfig): void {
  const problems: string[] = [];
  if (!config.botToken) problems.push('SLACK_BOT_TOKEN: required for the Slack adapter');
  if (config.socketMode && !config.appToken)
    problems.push('SLACK_APP_TOKEN: required when SLACK_SOCKET_MODE is true');
  if (!config.socketMode && !config.signingSecret)
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (SLACK_SOCKET_MODE false)');
  if (problems.length > 0) throw new ConfigError(problems);
}

/** Bolt's logger interface over our pino logger (or silence). */
function createBoltLogger(log: Logger | undefined): BoltLogger {
  let level = LogLevel.INFO;
  const write = (kind: 'debug' | 'info' | 'warn' | 'error', msg: unknown[]) => {
    if (!log) return;
    const err = msg.find((m) => m instanceof Error);
    const text = msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
    log[kind]({ adapter: PLATFORM, ...(err ? { err } : {}) }, text);
  };
  return {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('debug', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Slack adapter: Bolt's App over HTTP (signed requests on `port`) or Socket Mode, Block Kit
 * digests through chat.postMessage / chat.update, `/news` acknowledged at once and answered through
 * the command's response_url. Platform refusals come back as PostResults.
 */
export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  checkConfig(config);
  const log = config.log;
  const logger = createBoltLogger(log);
  const maxRetryWaitMs = config.maxRetryWaitMs ?? 10_000;
  const adminCacheMs = config.adminCacheMs ?? 10 * 60_000;
  const clientOptions: AppOptions['clientOptions'] = {
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: config.requestTimeoutMs ?? 30_000,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
  };
  const mode = config.socketMode ? 'socket' : 'http';
  const app =
    mode === 'socket'
      ? new App({
          token: config.botToken,
          socketMode: true,
          receiver: new SocketModeReceiver({
            appToken: config.appToken!,
            logger,
            ...(config.slackApiUrl ? { dispatcher: createApiRedirectAgent(config.slackApiUrl) } : {}),
          }),
          clientOptions,
          logger,
          deferInitialization: true,
        })
      : new App({
          token: config.botToken,
          receiver: new HTTPReceiver({
            signingSecret: config.signingSecret!,
            logger,
            endpoints: '/slack/events',
          }),
          clientOptions,
          logger,
          deferInitialization: true,
        });
  const adminCache = new Map<string, { isAdmin: boolean; until: number }>();
  let server: Server | null = null;
  let started = false;

  async function isAdmin(userId: string): Promise<boolean> {
    if (config.adminUserIds.includes(userId)) return true;
    const cached = adminCache.get(userId);
    if (cached && cached.until > Date.now()) return cached.isAdmin;
    try {
      const res = await app.client.users.info({ user: userId });
      const u = res.user;
      const value = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
      adminCache.set(userId, { isAdmin: value, until: Date.now() + adminCacheMs });
      return value;
    } catch (err) {
      log?.warn(
        { adapter: PLATFORM, userId, reason: mapSlackError(err).reason },
        'users.info failed; treating user as non-admin',
      );
      return false;
    }
  }

  /** Runs a Web API call; a rate limit with a short enough Retry-After is waited out and retried once. */
  async function call<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | PostFailure> {
    try {
      return { ok: true, value: await fn() };
    } catch (err) {
      const failure = mapSlackError(err);
      if (failure.permanent || failure.retryAfterMs === undefined || failure.retryAfterMs > maxRetryWaitMs)
        return failure;
      log?.info({ adapter: PLATFORM, retryAfterMs: failure.retryAfterMs }, 'Slack rate limit; retrying once');
      await sleep(failure.retryAfterMs);
      try {
        return { ok: true, value: await fn() };
      } catch (again) {
        return mapSlackError(again);
      }
    }
  }

  async function post(
    channelId: string,
    msg: SlackMessage,
    threadTs?: string,
    deliveryKey?: string,
  ): Promise<PostResult> {
    const res = await call(() =>
      app.client.chat.postMessage({
        channel: channelId,
        text: msg.text,
        blocks: msg.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(deliveryKey
          ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { key: deliveryKey } } }
          : {}),
        unfurl_links: false,
        unfurl_media: false,
        link_names: false,
      }),
    );
    if (!res.ok) return res;
    if (!res.value.ts)
      return { ok: false, reason: 'invalid_response: chat.postMessage returned no ts', permanent: false };
    return {
      ok: true,
      ref: { platform: PLATFORM, channelId: res.value.channel ?? channelId, messageId: res.value.ts },
    };
  }

  async function update(ref: MessageRef, msg: SlackMessage): Promise<PostResult> {
    const res = await call(() =>
      app.client.chat.update({
        channel: ref.channelId,
        ts: ref.messageId,
        text: msg.text,
        blocks: msg.blocks,
      }),
    );
    if (!res.ok) return res;
    return {
      ok: true,
      ref: { platform: PLATFORM, channelId: res.value.channel ?? ref.channelId, messageId: ref.messageId },
    };
  }

  function send(to: ChannelRef, msg: SlackMessage, options?: PostOptions): Promise<PostResult> {
    if (options?.replace) return update(options.replace, msg);
    return post(to.channelId, msg, options?.threadOf?.messageId, options?.deliveryKey);
  }

  /** Looks through the channel's latest top-level messages for our delivery metadata (not thread replies). */
  async function findPosted(to: ChannelRef, deliveryKey: string): Promise<MessageRef | null> {
    const res = await call(() =>
      app.client.conversations.history({ channel: to.channelId, limit: 200, include_all_metadata: true }),
    );
    if (!res.ok) throw new NewsbotError(`conversations.history failed: ${res.reason}`, 'slack_history');
    for (const m of res.value.messages ?? []) {
      const meta = m.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
      if (meta?.event_type === DELIVERY_EVENT && meta.event_payload?.key === deliveryKey && m.ts)
        return { platform: PLATFORM, channelId: to.channelId, messageId: m.ts };
    }
    return null;
  }

  async function answer(onCommand: CommandHandler, req: CommandRequest): Promise<CommandReply> {
    try {
      return await onCommand(req);
    } catch (err) {
      log?.error(
        {
          adapter: PLATFORM,
          err: new NewsbotError('command handler failed', 'command_failed', { cause: err }),
          text: req.text,
        },
        'command failed',
      );
      return { visibility: 'private', text: FAILED_COMMAND_TEXT };
    }
  }

  const capabilities: AdapterCapabilities = {
    threads: true,
    edits: true,
    ephemeral: true,
    maxChars: SLACK_LIMITS.text,
    // Slack allows about one message per second per channel.
    postIntervalMs: 1000,
  };

  return {
    name: PLATFORM,
    capabilities,
    mode,
    httpPort: () => (server ? (server.address() as AddressInfo).port : null),

    async start(onCommand) {
      app.command('/news', async ({ command, ack, respond }) => {
        await ack();
        const req: CommandRequest = {
          platform: PLATFORM,
          userId: command.user_id,
          channelId: command.channel_id,
          teamId: command.team_id || null,
          isAdmin: await isAdmin(command.user_id),
          text: (command.text ?? '').trim(),
        };
        const reply = await answer(onCommand, req);
        const msg = renderReplyBlocks(reply);
        try {
          await respond({
            response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
            text: msg.text,
            blocks: msg.blocks,
          });
        } catch (err) {
          log?.warn({ adapter: PLATFORM, err }, 'could not answer /news through response_url');
        }
      });
      app.error(async (err) => {
        log?.error({ adapter: PLATFORM, err }, 'Slack app error');
      });
      try {
        await app.init();
        if (mode === 'socket') await app.start();
        else server = await app.start({ port: config.port, ...(config.host ? { host: config.host } : {}) });
        started = true;
      } catch (err) {
        throw new NewsbotError(`Slack adapter could not start: ${mapSlackError(err).reason}`, 'slack_start', {
          cause: err,
        });
      }
    },

    postDigest: (to: ChannelRef, digest: Digest, options?: PostOptions) =>
      send(to, renderDigestBlocks(digest), options),

    updateDigest: (ref: MessageRef, digest: Digest) => update(ref, renderDigestBlocks(digest)),

    postText(to, text, options) {
      const escaped = truncateMrkdwn(escapeMrkdwn(text.trim() || ' '), SLACK_LIMITS.text);
      const msg: SlackMessage = {
        text: escaped,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escaped, verbatim: true } }],
      };
      return send(to, msg, options);
    },

    findPosted,

    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
      server = null;
    },
  };
}
