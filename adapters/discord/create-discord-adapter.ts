import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { APIChannel, APIEmbed, APIMessage, Interaction } from 'discord.js';
import {
  Client,
  DefaultRestOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  RESTJSONErrorCodes,
  Routes,
} from 'discord.js';
import type {
  Adapter,
  AdapterCapabilities,
  ChannelRef,
  CommandHandler,
  MessageRef,
  PostOptions,
  PostResult,
} from '../../src/adapter.ts';
import { NewsbotError } from '../../src/errors.ts';
import type { Digest } from '../../src/types.ts';
import { createRequestPacer } from './create-request-pacer.ts';
import { neutraliseMentions, truncateText } from './escape-discord-text.ts';
import { type DiscordLog, handleNewsInteraction } from './handle-news-interaction.ts';
import { mapDiscordError } from './map-discord-error.ts';
import { buildNewsCommand, newsCommandName } from './news-command.ts';
import { renderDigestEmbeds } from './render-embeds.ts';

export type { DiscordLog } from './handle-news-interaction.ts';

export type DiscordAdapterConfig = {
  token: string;
  applicationId: string;
  /** Register `/news` in this guild only (instant); otherwise globally. */
  guildId?: string;
  /** REST base without the version, e.g. "http://127.0.0.1:PORT/api" for a local fake. */
  apiUrl?: string;
  log?: DiscordLog;
  /** How long a command's handler may run before the interaction is deferred; Discord allows 3 s in all. */
  deferAfterMs?: number;
  /** How long start() waits for the gateway to become ready. */
  readyTimeoutMs?: number;
  /**
   * Rate limits up to this long are waited out by discord.js; a longer one comes back at once as
   * `{ ok: false, retryAfterMs }` so delivery can reschedule instead of blocking.
   */
  maxRateLimitWaitMs?: number;
  /**
   * Our REST requests leave evenly spaced at this rate (default 49): Discord allows 50 per second per bot,
   * and the spare call absorbs network jitter (a global 429 stops every route for a second).
   */
  requestsPerSecond?: number;
};

const platform = 'discord';
const noMentions = { parse: [] as never[] };
const messageMax = 2000;
const threadNameMax = 100;
/** Interaction callbacks and follow-ups (webhooks), which Discord exempts from the global limit. */
const interactionRoute = /\/(interactions|webhooks)\//;

/** How long stop() lets running commands finish. */
const stopGraceMs = 5000;

const silentLog: DiscordLog = { info() {}, warn() {}, error() {} };

type Body = { content?: string; embeds?: APIEmbed[] };

function refusal(reason: string): PostResult {
  return { ok: false, reason, permanent: true };
}

/** discord.js adds the API version itself: accept ".../api", ".../api/", ".../api/v10". */
function restBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

function isDiscordCode(err: unknown, code: number): boolean {
  return err instanceof DiscordAPIError && Number(err.code) === code;
}

/**
 * The Discord adapter: a Gateway client with the Guilds intent only, `/news` registered on start,
 * digests as embeds, thread replies and edits over REST. Refusals come back as PostResults; rate
 * limits are waited out by discord.js's REST client.
 */
/** A delivery key as a Discord nonce (at most 25 characters): a hash of it. */
function toNonce(deliveryKey: string): string {
  return createHash('sha256').update(deliveryKey).digest('base64url').slice(0, 25);
}

export function createDiscordAdapter(config: DiscordAdapterConfig): Adapter {
  const log = config.log ?? silentLog;
  const deferAfterMs = config.deferAfterMs ?? 1000;
  const pace = createRequestPacer(config.requestsPerSecond ?? 49);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noMentions,
    rest: {
      ...(config.apiUrl ? { api: restBase(config.apiUrl) } : {}),
      // Paced where requests leave, after discord.js's own queues, so a request it held back for a
      // channel's bucket cannot go out beside the paced ones. Interaction answers are outside the
      // global limit and must not wait (Discord gives 3 s).
      async makeRequest(url, init) {
        if (!interactionRoute.test(new URL(url).pathname)) await pace();
        return DefaultRestOptions.makeRequest(url, init);
      },
      rejectOnRateLimit: (info) =>
        Math.max(info.timeToReset, info.retryAfter) > (config.maxRateLimitWaitMs ?? 30_000),
    },
  });
  client.rest.setToken(config.token);
  // A fan-out posts the same digest object to many channels: rendered once.
  const rendered = new WeakMap<Digest, APIEmbed[]>();
  const embedsOf = (digest: Digest) => {
    let embeds = rendered.get(digest);
    if (!embeds) {
      embeds = renderDigestEmbeds(digest);
      rendered.set(digest, embeds);
    }
    return embeds;
  };
  const pending = new Set<Promise<void>>();
  let started = false;
  let stopped = false;

  client.on(Events.Error, (err) => log.error({ err }, 'discord: client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord: warning'));
  client.on(Events.ShardError, (err, shardId) => log.warn({ err, shardId }, 'discord: gateway error'));
  client.rest.on('rateLimited', (info) =>
    log.warn(
      { route: info.route, retryAfter: info.retryAfter, global: info.global },
      'discord: rate limited',
    ),
  );

  const capabilities: AdapterCapabilities = {
    threads: true,
    edits: true,
    ephemeral: true,
    maxChars: messageMax,
    // A channel takes about 5 messages per 5 s; pacing spares discord.js a 429 per channel on a fan-out.
    postIntervalMs: 1000,
  };

  async function registerCommands(): Promise<void> {
    const route = config.guildId
      ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
      : Routes.applicationCommands(config.applicationId);
    try {
      await client.rest.put(route, { body: [buildNewsCommand()] });
    } catch (err) {
      const where = config.guildId ? `guild ${config.guildId}` : 'globally';
      throw new NewsbotError(`discord: could not register /${newsCommandName} ${where}`, 'discord_register', {
        cause: err,
      });
    }
  }

  async function send(channelId: string, body: Body, action: string): Promise<PostResult> {
    try {
      const msg = (await client.rest.post(Routes.channelMessages(channelId), {
        body: { ...body, allowed_mentions: noMentions },
      })) as APIMessage;
      return { ok: true, ref: { platform, channelId, messageId: msg.id } };
    } catch (err) {
      return mapDiscordError(err, action);
    }
  }

  async function edit(ref: MessageRef, body: Body): Promise<PostResult> {
    if (ref.platform !== platform) return refusal(`not a ${platform} message: ${ref.platform}`);
    try {
      await client.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), {
        body: { content: '', embeds: [], ...body, allowed_mentions: noMentions },
      });
      return { ok: true, ref };
    } catch (err) {
      return mapDiscordError(err, `edit message ${ref.messageId} in channel ${ref.channelId}`);
    }
  }

  /** The thread under `parent`: started now, or the one already there (its id is the message's). */
  async function threadOf(parent: MessageRef, name: string): Promise<string | PostResult> {
    try {
      const thread = (await client.rest.post(Routes.threads(parent.channelId, parent.messageId), {
        body: { name: truncateText(name, threadNameMax), auto_archive_duration: 1440 },
      })) as APIChannel;
      return thread.id;
    } catch (err) {
      if (isDiscordCode(err, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)) return parent.messageId;
      // The parent was itself posted in a thread: reply beside it.
      if (isDiscordCode(err, RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType))
        return parent.channelId;
      return mapDiscordError(err, `start a thread on message ${parent.messageId} in ${parent.channelId}`);
    }
  }

  async function deliver(to: ChannelRef, body: Body, threadName: string, options: PostOptions = {}) {
    if (stopped) return { ok: false, reason: 'discord adapter stopped', permanent: false } as const;
    if (options.replace) return edit(options.replace, body);
    if (options.threadOf) {
      if (options.threadOf.platform !== platform) return refusal(`not a ${platform} message`);
      const thread = await threadOf(options.threadOf, threadName);
      if (typeof thread !== 'string') return thread;
      return send(thread, body, `post in thread ${thread}`);
    }
    if (to.platform !== platform) return refusal(`not a ${platform} channel: ${to.platform}`);
    const nonce = options.deliveryKey ? { nonce: toNonce(options.deliveryKey), enforce_nonce: true } : {};
    return send(to.channelId, { ...body, ...nonce }, `post to channel ${to.channelId}`);
  }

  function onInteraction(onCommand: CommandHandler, interaction: Interaction): void {
    if (!interaction.isChatInputCommand() || interaction.commandName !== newsCommandName) return;
    const run = handleNewsInteraction(interaction, onCommand, { deferAfterMs, log })
      .catch((err: unknown) => log.error({ err }, 'discord: /news interaction failed'))
      .finally(() => pending.delete(run));
    pending.add(run);
  }

  return {
    name: platform,
    capabilities,

    async start(onCommand) {
      if (started) throw new NewsbotError('discord adapter already started', 'discord_started');
      started = true;
      client.on(Events.InteractionCreate, (interaction) => onInteraction(onCommand, interaction));
      await registerCommands();
      const ready = once(client, Events.ClientReady, {
        signal: AbortSignal.timeout(config.readyTimeoutMs ?? 60_000),
      });
      ready.catch(() => {});
      try {
        await client.login(config.token);
        await ready;
      } catch (err) {
        await client.destroy().catch(() => {});
        throw new NewsbotError('discord: could not connect to the gateway', 'discord_login', { cause: err });
      }
      log.info({ user: client.user?.tag, guildId: config.guildId ?? null }, 'discord: ready');
    },

    async postDigest(to, digest, options) {
      const threadName = digest.headline.trim() || 'Story updates';
      return deliver(to, { embeds: embedsOf(digest) }, threadName, options);
    },

    async updateDigest(ref, digest) {
      if (stopped) return { ok: false, reason: 'discord adapter stopped', permanent: false };
      return edit(ref, { embeds: embedsOf(digest) });
    },

    async postText(to, text, options) {
      if (text.trim() === '') return refusal('empty text: Discord does not post empty messages');
      const content = truncateText(neutraliseMentions(text), messageMax);
      return deliver(to, { content }, text.trim().split('\n', 1)[0]!, options);
    },

    /**
     * The channel's latest messages with this key's nonce. Discord may leave nonces out of fetched
     * messages; then this finds nothing, and the re-post is still deduplicated by enforce_nonce when
     * it comes within Discord's nonce window (a few minutes).
     */
    async findPosted(to, deliveryKey) {
      if (stopped) throw new NewsbotError('discord adapter stopped', 'discord_stopped');
      const nonce = toNonce(deliveryKey);
      const list = (await client.rest.get(Routes.channelMessages(to.channelId), {
        query: new URLSearchParams({ limit: '100' }),
      })) as (APIMessage & { nonce?: string | number })[];
      const found = list.find((m) => m.nonce !== undefined && String(m.nonce) === nonce);
      return found ? { platform, channelId: to.channelId, messageId: found.id } : null;
    },

    async stop() {
      stopped = true;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => {
        timer = setTimeout(resolve, stopGraceMs);
      });
      await Promise.race([Promise.allSettled([...pending]), grace]);
      clearTimeout(timer);
      await client.destroy();
    },
  };
}
