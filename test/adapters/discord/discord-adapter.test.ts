import { GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandReply, CommandRequest } from '../../../src/adapter.ts';
import { mentionsOf } from '../../fakes/discord-rest.ts';
import { MENTION_INJECTION, makeDigest } from '../../fixtures/digest-fixture.ts';
import {
  adminPermissions,
  applicationId,
  channelId,
  type DiscordHarness,
  defaultGuildId,
  makeDiscordHarness,
  memberPermissions,
  missingChannelId,
  noAccessChannelId,
} from './discord-harness.ts';

const channel = { platform: 'discord', channelId };

/** Every call that carried a message body (content or embeds) to Discord. */
function messageBodies(h: DiscordHarness) {
  return h.rest.calls.filter((c) => {
    const body = c.body as {
      content?: unknown;
      embeds?: unknown;
      data?: { content?: unknown; embeds?: unknown };
    };
    if (!body || typeof body !== 'object') return false;
    return (
      'content' in body ||
      'embeds' in body ||
      (body.data && ('content' in body.data || 'embeds' in body.data))
    );
  });
}

describe('discord adapter: posts, threads, edits, refusals (guild commands)', () => {
  let h: DiscordHarness;
  const requests: CommandRequest[] = [];
  let answer: (req: CommandRequest) => Promise<CommandReply> = async (req) => ({
    visibility: 'private',
    text: `private: ${req.text}`,
  });

  beforeAll(async () => {
    h = await makeDiscordHarness();
    await h.adapter.start(async (req) => {
      requests.push(req);
      return answer(req);
    });
  });
  afterAll(async () => {
    await h?.adapter.stop();
    await h?.close();
  });

  it('connects with the Guilds intent only and registers /news in the guild', () => {
    expect(h.gateway.identifies).toHaveLength(1);
    expect(h.gateway.identifies[0]!.intents).toBe(GatewayIntentBits.Guilds);
    const puts = h.rest.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.path)).toEqual([
      `/applications/${applicationId}/guilds/${defaultGuildId}/commands`,
    ]);
    expect(puts[0]!.auth).toBe('Bot fake-bot-token');
    const [command] = puts[0]!.body as { name: string; options: { name: string; type: number }[] }[];
    expect(command!.name).toBe('news');
    expect(command!.options.map((o) => o.name)).toEqual(
      expect.arrayContaining(['help', 'today', 'search', 'story', 'repost', 'why', 'subscribe', 'sources']),
    );
    expect(command!.options.every((o) => o.type === 1)).toBe(true);
  });

  it('retries a 429 with Retry-After and posts exactly once', async () => {
    const path = `/channels/${channelId}/messages`;
    h.rest.rateLimitNext('POST', new RegExp(`^${path}$`), 0.2);
    const before = h.rest.calls.filter((c) => c.method === 'POST' && c.path === path).length;
    const res = await h.adapter.postDigest(channel, makeDigest({ headline: 'Rate limited once' }));
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const attempts = h.rest.calls.filter((c) => c.method === 'POST' && c.path === path).length - before;
    expect(attempts).toBe(2);
    const posted = (await h.posts()).filter((p) => p.text.includes('Rate limited once'));
    expect(posted).toHaveLength(1);
  });

  it('maps Unknown Channel, Missing Access and Unknown Message to permanent refusals', async () => {
    const unknown = await h.adapter.postDigest(
      { platform: 'discord', channelId: missingChannelId },
      makeDigest(),
    );
    expect(unknown).toMatchObject({
      ok: false,
      permanent: true,
      reason: expect.stringMatching(/^channel_not_found/),
    });
    const noAccess = await h.adapter.postText({ platform: 'discord', channelId: noAccessChannelId }, 'hello');
    expect(noAccess).toMatchObject({
      ok: false,
      permanent: true,
      reason: expect.stringMatching(/^missing_access/),
    });
    const gone = await h.adapter.updateDigest(
      { platform: 'discord', channelId, messageId: '1399999999999999999' },
      makeDigest(),
    );
    expect(gone).toMatchObject({
      ok: false,
      permanent: true,
      reason: expect.stringMatching(/^message_not_found/),
    });
    const elsewhere = await h.adapter.postText({ platform: 'slack', channelId: 'C1' }, 'hello');
    expect(elsewhere).toMatchObject({ ok: false, permanent: true });
  });

  it('starts a thread on the first reply and reuses it for the next; replies can be edited', async () => {
    const parent = await h.adapter.postDigest(channel, makeDigest({ headline: 'Thread parent story' }));
    if (!parent.ok) throw new Error(parent.reason);
    const first = await h.adapter.postDigest(channel, makeDigest({ headline: 'Thread update one' }), {
      threadOf: parent.ref,
    });
    const second = await h.adapter.postText(channel, 'Thread update two', { threadOf: parent.ref });
    if (!first.ok || !second.ok) throw new Error('thread replies failed');
    expect(first.ref.channelId).toBe(parent.ref.messageId);
    expect(second.ref.channelId).toBe(parent.ref.messageId);
    const threadCalls = h.rest.calls.filter((c) => c.path.endsWith('/threads'));
    expect(threadCalls).toHaveLength(2);
    expect(threadCalls[0]!.path).toBe(`/channels/${channelId}/messages/${parent.ref.messageId}/threads`);
    expect((threadCalls[0]!.body as { name: string }).name).toBe('Thread update one');

    const edited = await h.adapter.updateDigest(
      first.ref,
      makeDigest({ headline: 'Thread update one, revised' }),
    );
    expect(edited.ok).toBe(true);
    const posts = await h.posts();
    const inThread = posts.filter((p) => p.threadOf === parent.ref.messageId);
    expect(inThread.map((p) => p.text.split('\n')[0])).toEqual([
      'Thread update one, revised',
      'Thread update two',
    ]);
    expect(inThread[0]!.edited).toBe(true);
    // A reply to a message that is itself in a thread goes into that thread.
    const nested = await h.adapter.postText(channel, 'Reply to a reply', { threadOf: second.ref });
    expect(nested.ok && nested.ref.channelId).toBe(parent.ref.messageId);
  });

  it('defers privately (flags 64) and edits the original with a private reply; isAdmin from Manage Guild', async () => {
    answer = async (req) => ({ visibility: 'private', text: `private: ${req.text}` });
    const admin = await h.runCommand('search harbour bridge', {
      permissions: adminPermissions,
      userId: '1000000000000000201',
    });
    expect(requests.at(-1)).toEqual({
      platform: 'discord',
      userId: '1000000000000000201',
      channelId,
      teamId: defaultGuildId,
      isAdmin: true,
      text: 'search harbour bridge',
    });
    const interaction = [...h.rest.interactions.values()].find((i) => i.token === admin.token)!;
    expect(interaction.callbacks).toEqual([{ type: 5, flags: 64 }]);
    expect(admin).toMatchObject({ visibility: 'private', text: 'private: search harbour bridge' });
    const edit = h.rest.calls.find(
      (c) =>
        c.method === 'PATCH' && c.path === `/webhooks/${applicationId}/${admin.token}/messages/@original`,
    );
    expect(edit?.body).toMatchObject({
      content: 'private: search harbour bridge',
      allowed_mentions: { parse: [] },
    });

    await h.runCommand('feeds list', { permissions: memberPermissions });
    expect(requests.at(-1)).toMatchObject({ isAdmin: false, text: 'feeds list' });
    await h.runCommand('feeds list', { permissions: String(PermissionFlagsBits.Administrator) });
    expect(requests.at(-1)).toMatchObject({ isAdmin: true, text: 'feeds list' });
    await h.runCommand('today', { permissions: '0', guildId: null });
    expect(requests.at(-1)).toMatchObject({ isAdmin: false, teamId: null, text: 'today' });
  });

  it('defers publicly for a quick public reply and sends digests as embeds', async () => {
    answer = async () => ({
      visibility: 'public',
      text: 'Here is today',
      digests: [makeDigest({ headline: 'Reply digest' })],
    });
    const res = await h.runCommand('today', { permissions: memberPermissions });
    const interaction = [...h.rest.interactions.values()].find((i) => i.token === res.token)!;
    expect(interaction.callbacks).toEqual([{ type: 5, flags: 0 }]);
    expect(res.visibility).toBe('public');
    expect(res.text).toContain('Here is today');
    expect(res.text).toContain('Reply digest');
  });

  it('splits a long private reply into the edited original and private follow-ups', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `Line ${i}: a story title that goes on for a while`);
    answer = async () => ({ visibility: 'private', text: lines.join('\n') });
    const res = await h.runCommand('today', { permissions: memberPermissions });
    const mine = () => h.rest.messages.filter((m) => m.interactionToken === res.token);
    await expect
      .poll(() =>
        mine()
          .map((m) => m.content)
          .join('\n'),
      )
      .toBe(lines.join('\n'));
    expect(mine().length).toBeGreaterThanOrEqual(4);
    expect(mine().every((m) => m.ephemeral && m.content.length <= 2000)).toBe(true);
    expect(mine()[0]!.interactionPart).toBe('original');
  });

  it('neutralises mentions in command replies too', async () => {
    answer = async () => ({ visibility: 'public', text: `echo ${MENTION_INJECTION}` });
    const res = await h.runCommand('search x', { permissions: memberPermissions });
    const msg = h.rest.messages.find((m) => m.interactionToken === res.token)!;
    expect(mentionsOf(msg)).toEqual([]);
    expect(msg.content).not.toMatch(/@(everyone|here)|<@/);
  });

  it('sends allowed_mentions { parse: [] } with every message body', () => {
    const bodies = messageBodies(h);
    expect(bodies.length).toBeGreaterThan(8);
    for (const call of bodies) {
      const body = call.body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } };
      expect(body.allowed_mentions ?? body.data?.allowed_mentions, `${call.method} ${call.path}`).toEqual({
        parse: [],
      });
    }
  });
});

describe('discord adapter: global commands and slow handlers', () => {
  let h: DiscordHarness;
  let release: () => void = () => {};
  const handler = async (req: CommandRequest): Promise<CommandReply> => {
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return {
      visibility: req.text.startsWith('public') ? 'public' : 'private',
      text: `late answer to ${req.text}`,
    };
  };

  beforeAll(async () => {
    h = await makeDiscordHarness({
      guildId: null,
      adapter: { deferAfterMs: 0, maxRateLimitWaitMs: 1000 },
      heartbeatIntervalMs: 50,
    });
    await h.adapter.start(handler);
  });
  afterAll(async () => {
    release();
    await h?.adapter.stop();
    await h?.close();
  });

  it('heartbeats and gets ACKs without reconnecting', async () => {
    await expect.poll(() => h.gateway.received.filter((p) => p.op === 1).length).toBeGreaterThanOrEqual(3);
    expect(h.gateway.identifies).toHaveLength(1);
    expect(h.gateway.connections()).toBe(1);
  });

  it('returns a long rate limit as { ok: false, retryAfterMs } instead of waiting', async () => {
    const busy = '1000000000000000777';
    h.rest.rateLimitNext('POST', new RegExp(`^/channels/${busy}/messages$`), 30);
    const res = await h.adapter.postText({ platform: 'discord', channelId: busy }, 'Long rate limit');
    expect(res).toMatchObject({ ok: false, permanent: false, reason: expect.stringMatching(/^ratelimited/) });
    expect(res.ok === false && res.retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(h.rest.messages.filter((m) => m.channelId === busy)).toHaveLength(0);
  });

  it('registers /news globally when no guild is configured', () => {
    const puts = h.rest.calls.filter((c) => c.method === 'PUT').map((c) => c.path);
    expect(puts).toEqual([`/applications/${applicationId}/commands`]);
  });

  it('defers before the handler answers, then edits the original', async () => {
    const pending = h.runCommand('search slow', { permissions: memberPermissions, guildId: null });
    await expect.poll(() => h.rest.calls.some((c) => c.path.endsWith('/callback'))).toBe(true);
    expect(h.rest.messages.some((m) => m.interactionPart === 'original' && m.edited)).toBe(false);
    release();
    const res = await pending;
    expect(res).toMatchObject({ visibility: 'private', text: 'late answer to search slow' });
    const interaction = [...h.rest.interactions.values()].find((i) => i.token === res.token)!;
    expect(interaction.callbacks).toEqual([{ type: 5, flags: 64 }]);
  });

  it('answers a slow public reply with a public follow-up and a private note', async () => {
    const pending = h.runCommand('public slow', { permissions: memberPermissions, guildId: null });
    await expect.poll(() => h.rest.calls.filter((c) => c.path.endsWith('/callback')).length).toBe(2);
    release();
    const res = await pending;
    expect(res).toMatchObject({ visibility: 'public', text: 'late answer to public slow' });
    const mine = h.rest.messages.filter((m) => m.interactionToken === res.token);
    expect(mine.map((m) => [m.interactionPart, m.ephemeral, m.content])).toEqual([
      ['original', true, 'Posted in the channel.'],
      ['followup', false, 'late answer to public slow'],
    ]);
    expect(mine.every((m) => JSON.stringify(m.allowedMentions) === '{"parse":[]}')).toBe(true);
  });
});

describe('the fake Discord computes mentions like Discord', () => {
  it('reports @everyone and user pings when allowed_mentions is missing', () => {
    expect(mentionsOf({ content: '@everyone look <@42> <@&7>', allowedMentions: null })).toEqual([
      'everyone',
      'user:42',
      'role:7',
    ]);
    expect(mentionsOf({ content: '@everyone <@42>', allowedMentions: { parse: [] } })).toEqual([]);
  });
});
