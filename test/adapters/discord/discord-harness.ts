import { PermissionFlagsBits } from 'discord.js';
import {
  createDiscordAdapter,
  type DiscordAdapterConfig,
} from '../../../adapters/discord/create-discord-adapter.ts';
import type { ChannelRef } from '../../../src/adapter.ts';
import { createFakeDiscordGateway, type FakeDiscordGateway } from '../../fakes/discord-gateway.ts';
import {
  createFakeDiscordRest,
  type FakeDiscordMessage,
  type FakeDiscordRest,
  mentionsOf,
} from '../../fakes/discord-rest.ts';
import type { AdapterHarness, RecordedPost } from '../contract.ts';

export const botToken = 'fake-bot-token';
export const applicationId = '1100000000000000002';
export const botUserId = '1100000000000000001';
export const defaultGuildId = '1000000000000000001';
export const channelId = '1000000000000000100';
export const missingChannelId = '1000000000000000404';
export const noAccessChannelId = '1000000000000000403';

export const adminPermissions = String(
  PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel,
);
export const memberPermissions = String(PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel);

/** What a reader sees: markdown escapes undone (zero-width spaces stay, they are what breaks mentions). */
export function flattenMessage(m: Pick<FakeDiscordMessage, 'content' | 'embeds'>): string {
  const parts: string[] = [m.content];
  for (const e of m.embeds as {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[]) {
    parts.push(e.title ?? '', e.description ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
    parts.push(e.footer?.text ?? '');
  }
  return parts
    .filter(Boolean)
    .join('\n')
    .replace(/\\([\\*_~`|>#\-[\]().!+])/g, '$1');
}

async function waitFor<T>(what: string, probe: () => T | undefined | null, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export type DiscordHarness = AdapterHarness & {
  rest: FakeDiscordRest;
  gateway: FakeDiscordGateway;
  /** Sends `/news …` and waits for the answer; returns the interaction token too. */
  runCommand(
    text: string,
    opts: { permissions: string; userId?: string; channelId?: string; guildId?: string | null },
  ): Promise<{ token: string; visibility: 'private' | 'public'; text: string }>;
};

export async function makeDiscordHarness(
  opts: {
    guildId?: string | null;
    adapter?: Partial<DiscordAdapterConfig>;
    heartbeatIntervalMs?: number;
  } = {},
): Promise<DiscordHarness> {
  const guildId = opts.guildId === undefined ? defaultGuildId : opts.guildId;
  const rest = await createFakeDiscordRest({ applicationId, token: botToken });
  const gateway = await createFakeDiscordGateway({
    applicationId,
    botUserId,
    guildIds: guildId ? [guildId] : [],
    heartbeatIntervalMs: opts.heartbeatIntervalMs,
    token: botToken,
  });
  rest.setGatewayUrl(gateway.url);
  rest.failChannel(missingChannelId, 'unknown_channel');
  rest.failChannel(noAccessChannelId, 'missing_access');
  const adapter = createDiscordAdapter({
    token: botToken,
    applicationId,
    guildId: guildId ?? undefined,
    apiUrl: rest.apiUrl,
    ...opts.adapter,
  });

  const posts = async (): Promise<RecordedPost[]> =>
    rest.messages
      .filter((m) => !m.ephemeral && (m.content !== '' || m.embeds.length > 0))
      .map((m) => {
        const thread = rest.threads.get(m.channelId);
        return {
          channelId: thread ? thread.parentId : m.channelId,
          text: flattenMessage(m),
          threadOf: thread ? thread.starterMessageId : null,
          edited: m.edited,
          mentions: mentionsOf(m),
        };
      });

  const runCommand: DiscordHarness['runCommand'] = async (text, o) => {
    const channel = o.channelId ?? channelId;
    const { id, token } = gateway.sendInteraction({
      text,
      userId: o.userId ?? '1000000000000000200',
      channelId: channel,
      guildId: o.guildId === undefined ? guildId : o.guildId,
      permissions: o.permissions,
    });
    rest.expectInteraction({ id, token, channelId: channel });
    const original = await waitFor(`the answer to "${text}"`, () =>
      rest.messages.find((m) => m.interactionToken === token && m.interactionPart === 'original' && m.edited),
    );
    const publicFollowUps = rest.messages.filter(
      (m) => m.interactionToken === token && m.interactionPart === 'followup' && !m.ephemeral,
    );
    if (original.ephemeral && publicFollowUps.length > 0)
      return { token, visibility: 'public', text: publicFollowUps.map(flattenMessage).join('\n') };
    return { token, visibility: original.ephemeral ? 'private' : 'public', text: flattenMessage(original) };
  };

  return {
    adapter,
    rest,
    gateway,
    channel: { platform: 'discord', channelId } satisfies ChannelRef,
    missingChannel: { platform: 'discord', channelId: missingChannelId },
    posts,
    runCommand,
    async sendCommand(text, o) {
      const { visibility, text: answer } = await runCommand(text, {
        permissions: o.admin ? adminPermissions : memberPermissions,
        userId: o.userId,
        channelId: o.channelId,
      });
      return { visibility, text: answer };
    },
    async close() {
      await gateway.close();
      await rest.close();
    },
  };
}
