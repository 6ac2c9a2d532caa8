import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import type { CommandReply, CommandRequest } from '../../../src/adapter.ts';
import { ConfigError, NewsbotError } from '../../../src/errors.ts';
import { startFakeSlackApi } from '../../fakes/slack-api.ts';
import { makeDigest } from '../../fixtures/digest-fixture.ts';
import {
  APP_TOKEN,
  BOT_TOKEN,
  createSlackHarness,
  NEWS_CHANNEL,
  postToReceiver,
  SIGNING_SECRET,
  type SlackHarness,
  signSlackRequest,
  slashCommandBody,
} from './slack-harness.ts';

const channel = { platform: 'slack', channelId: NEWS_CHANNEL };

describe('Slack adapter (HTTP mode against a fake Web API)', () => {
  let h: SlackHarness;
  const requests: CommandRequest[] = [];
  let nextReply: () => Promise<CommandReply> = async () => ({ visibility: 'private', text: 'ok' });
  let port: number;

  beforeAll(async () => {
    h = await createSlackHarness({ adminUserIds: ['U0BOSS'] });
    await h.adapter.start(async (req) => {
      requests.push(req);
      return nextReply();
    });
    port = h.adapter.httpPort()!;
  });
  afterAll(async () => {
    await h.adapter.stop();
    await h.close();
  });

  const command = (id: string, fields: Record<string, string> = {}) =>
    slashCommandBody({
      text: 'help',
      user_id: 'U0CALLER',
      channel_id: NEWS_CHANNEL,
      response_url: h.fake.respondUrl(id),
      ...fields,
    });

  describe('signed requests', () => {
    it('accepts a correctly signed slash command', async () => {
      const body = command('signed-ok');
      const res = await postToReceiver(port, body, signSlackRequest(SIGNING_SECRET, body));
      expect(res.status).toBe(200);
      await h.fake.waitForResponse('signed-ok');
    });

    it.each([
      ['a forged signature', (body: string) => signSlackRequest('not-the-secret', body)],
      [
        'a stale timestamp (6 minutes old)',
        (body: string) => signSlackRequest(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 360),
      ],
      ['a signature of another body', (body: string) => signSlackRequest(SIGNING_SECRET, `${body}&x=1`)],
      ['no signature headers', () => ({})],
      [
        'a timestamp but no signature',
        () => ({ 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) }),
      ],
    ])('rejects %s with 401 and never calls the handler', async (_name, sign) => {
      const before = requests.length;
      const body = command('forged');
      const res = await postToReceiver(port, body, sign(body));
      expect(res.status).toBe(401);
      expect(requests.length).toBe(before);
      expect(h.fake.responses.filter((r) => r.id === 'forged')).toHaveLength(0);
    });
  });

  describe('/news', () => {
    it('acknowledges before the handler finishes, then answers through response_url', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      nextReply = async () => {
        await gate;
        return { visibility: 'public', text: 'late answer' };
      };
      const body = command('slow', { text: 'latest' });
      const res = await postToReceiver(port, body, signSlackRequest(SIGNING_SECRET, body));
      expect(res.status).toBe(200);
      expect(h.fake.responses.some((r) => r.id === 'slow')).toBe(false);
      release();
      const answer = await h.fake.waitForResponse('slow');
      expect(answer.body).toMatchObject({ response_type: 'in_channel', text: 'late answer' });
      expect(requests.at(-1)).toEqual({
        platform: 'slack',
        userId: 'U0CALLER',
        channelId: NEWS_CHANNEL,
        teamId: 'T0FAKE',
        isAdmin: false,
        text: 'latest',
      });
      nextReply = async () => ({ visibility: 'private', text: 'ok' });
    });

    it('treats configured admins as admins without asking Slack, and caches users.info', async () => {
      h.fake.setUser('U0OWNER', { is_owner: true });
      for (const [i, user] of ['U0BOSS', 'U0OWNER', 'U0OWNER'].entries()) {
        const body = command(`admin-${i}`, { user_id: user });
        await postToReceiver(port, body, signSlackRequest(SIGNING_SECRET, body));
        await h.fake.waitForResponse(`admin-${i}`);
        expect(requests.at(-1)).toMatchObject({ userId: user, isAdmin: true });
      }
      const lookups = h.fake.callsOf('users.info').map((c) => c.body.user);
      expect(lookups.filter((u) => u === 'U0BOSS')).toHaveLength(0);
      expect(lookups.filter((u) => u === 'U0OWNER')).toHaveLength(1);
    });

    it('answers with digests as Block Kit within 50 blocks', async () => {
      const digests = Array.from({ length: 15 }, (_, i) => makeDigest({ headline: `Search hit ${i}` }));
      nextReply = async () => ({ visibility: 'private', text: '15 stories', digests });
      const body = command('digests', { text: 'search bridge' });
      await postToReceiver(port, body, signSlackRequest(SIGNING_SECRET, body));
      const answer = await h.fake.waitForResponse('digests');
      expect(answer.body.response_type).toBe('ephemeral');
      const blocks = answer.body.blocks as { type: string }[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(blocks.filter((b) => b.type === 'header').length).toBeGreaterThan(3);
      nextReply = async () => ({ visibility: 'private', text: 'ok' });
    });
  });

  describe('posting', () => {
    it('sends thread_ts for threadOf, chat.update for replace, and never unfurls', async () => {
      const parent = await h.adapter.postDigest(channel, makeDigest({ headline: 'Parent' }));
      if (!parent.ok) throw new Error(parent.reason);
      await h.adapter.postDigest(channel, makeDigest({ headline: 'Child' }), { threadOf: parent.ref });
      const post = h.fake.callsOf('chat.postMessage').at(-1)!;
      // the Web API takes form-encoded bodies: booleans arrive as strings
      expect(post.body).toMatchObject({
        channel: NEWS_CHANNEL,
        thread_ts: parent.ref.messageId,
        unfurl_links: 'false',
        unfurl_media: 'false',
      });
      const replaced = await h.adapter.postDigest(channel, makeDigest({ headline: 'Parent v2' }), {
        replace: parent.ref,
      });
      expect(replaced).toEqual({ ok: true, ref: parent.ref });
      expect(h.fake.callsOf('chat.update').at(-1)!.body).toMatchObject({
        channel: NEWS_CHANNEL,
        ts: parent.ref.messageId,
      });
    });

    it('retries a 429 once after Retry-After and posts exactly once', async () => {
      const callsBefore = h.fake.callsOf('chat.postMessage').length;
      const messagesBefore = h.fake.messages.length;
      h.fake.rateLimitOnce('chat.postMessage', 1);
      const res = await h.adapter.postDigest(channel, makeDigest({ headline: 'Rate limited once' }));
      expect(res.ok).toBe(true);
      expect(h.fake.callsOf('chat.postMessage').length - callsBefore).toBe(2);
      expect(h.fake.messages.length - messagesBefore).toBe(1);
      expect(h.fake.messages.filter((m) => m.text.startsWith('Rate limited once'))).toHaveLength(1);
    });

    it('returns a long Retry-After as a result instead of waiting', async () => {
      const callsBefore = h.fake.callsOf('chat.postMessage').length;
      h.fake.rateLimitOnce('chat.postMessage', 120);
      const res = await h.adapter.postDigest(channel, makeDigest({ headline: 'Rate limited long' }));
      expect(res).toEqual({
        ok: false,
        reason: expect.stringMatching(/^ratelimited/),
        retryAfterMs: 120_000,
        permanent: false,
      });
      expect(h.fake.callsOf('chat.postMessage').length - callsBefore).toBe(1);
      expect(h.fake.messages.some((m) => m.text.startsWith('Rate limited long'))).toBe(false);
    });

    it.each([
      ['not_in_channel', true],
      ['channel_not_found', true],
      ['is_archived', true],
      ['invalid_auth', true],
      ['account_inactive', true],
      ['msg_too_long', true],
      ['some_future_error', true],
      ['internal_error', false],
      ['service_unavailable', false],
    ])('maps %s to a result (permanent: %s)', async (error, permanent) => {
      h.fake.failNext('chat.postMessage', error);
      const res = await h.adapter.postDigest(channel, makeDigest());
      expect(res).toMatchObject({ ok: false, permanent });
      if (!res.ok) expect(res.reason.startsWith(`${error}:`)).toBe(true);
    });

    it('maps an HTTP 503 to a transient result and an unknown message to a permanent one', async () => {
      h.fake.failHttpOnce('chat.postMessage', 503);
      expect(await h.adapter.postText(channel, 'x')).toMatchObject({
        ok: false,
        permanent: false,
        reason: expect.stringMatching(/^http_503/),
      });
      const res = await h.adapter.updateDigest(
        { platform: 'slack', channelId: NEWS_CHANNEL, messageId: '1.000' },
        makeDigest(),
      );
      expect(res).toMatchObject({
        ok: false,
        permanent: true,
        reason: expect.stringMatching(/^message_not_found/),
      });
    });

    it('escapes plain text posts and keeps them verbatim', async () => {
      await h.adapter.postText(channel, 'Heads up <!channel> & <@U999>');
      const body = h.fake.callsOf('chat.postMessage').at(-1)!.body;
      expect(body.text).toBe('Heads up &lt;!channel&gt; &amp; &lt;@U999&gt;');
      expect(body.blocks).toEqual([
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'Heads up &lt;!channel&gt; &amp; &lt;@U999&gt;', verbatim: true },
        },
      ]);
    });
  });
});

describe('Slack adapter in Socket Mode (fake apps.connections.open and WebSocket)', () => {
  it('connects with the app token, acks a command envelope before answering, and disconnects on stop', async () => {
    const h = await createSlackHarness({ socketMode: true });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen: CommandRequest[] = [];
    await h.adapter.start(async (req) => {
      seen.push(req);
      await gate;
      return { visibility: 'private', text: 'socket answer' };
    });
    await h.fake.waitForSocket();
    const open = h.fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(h.adapter.httpPort()).toBeNull();

    const fields = Object.fromEntries(
      new URLSearchParams(
        slashCommandBody({
          text: 'latest',
          user_id: 'U0SOCK',
          channel_id: NEWS_CHANNEL,
          response_url: h.fake.respondUrl('sock'),
        }),
      ),
    );
    const ack = await h.fake.sendEnvelope('slash_commands', fields);
    expect(ack.envelope_id).toMatch(/^envelope-/);
    expect(h.fake.responses.some((r) => r.id === 'sock')).toBe(false);
    release();
    const answer = await h.fake.waitForResponse('sock');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', text: 'socket answer' });
    expect(seen[0]).toMatchObject({
      userId: 'U0SOCK',
      channelId: NEWS_CHANNEL,
      text: 'latest',
      isAdmin: false,
    });

    await h.adapter.stop();
    await h.close();
  });
});

describe('Slack adapter setup', () => {
  it('fails to start with a typed error when auth.test rejects the token', async () => {
    const fake = await startFakeSlackApi({ token: 'xoxb-the-right-one' });
    const adapter = createSlackAdapter({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      socketMode: false,
      port: 0,
      host: '127.0.0.1',
      adminUserIds: [],
      slackApiUrl: fake.apiUrl,
    });
    const err = await adapter
      .start(async () => ({ visibility: 'private', text: '' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewsbotError);
    expect((err as Error).message).toContain('invalid_auth');
    expect(adapter.httpPort()).toBeNull();
    await adapter.stop();
    await fake.close();
  });

  it('maps an unreachable Web API to a transient result', async () => {
    const fake = await startFakeSlackApi();
    const apiUrl = fake.apiUrl;
    await fake.close();
    const adapter = createSlackAdapter({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      socketMode: false,
      port: 0,
      adminUserIds: [],
      slackApiUrl: apiUrl,
    });
    expect(await adapter.postDigest(channel, makeDigest())).toMatchObject({
      ok: false,
      permanent: false,
      reason: expect.stringMatching(/^request_failed/),
    });
  });

  it('maps a Web API call that never answers to a transient result', async () => {
    const fake = await startFakeSlackApi();
    const adapter = createSlackAdapter({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      socketMode: false,
      port: 0,
      adminUserIds: [],
      slackApiUrl: fake.apiUrl,
      requestTimeoutMs: 200,
    });
    fake.stallNext('chat.postMessage');
    expect(await adapter.postDigest(channel, makeDigest())).toMatchObject({
      ok: false,
      permanent: false,
      reason: expect.stringMatching(/^request_failed/),
    });
    expect(fake.messages).toHaveLength(0);
    await fake.close();
  });

  it('builds a Socket Mode app from an app token, with no HTTP port', () => {
    const adapter = createSlackAdapter({
      botToken: BOT_TOKEN,
      appToken: 'xapp-1-test',
      socketMode: true,
      port: 0,
      adminUserIds: [],
    });
    expect(adapter.mode).toBe('socket');
    expect(adapter.httpPort()).toBeNull();
    expect(adapter.capabilities).toEqual({
      threads: true,
      edits: true,
      ephemeral: true,
      maxChars: 3000,
      postIntervalMs: 1000,
    });
  });

  it('rejects a configuration missing what the mode needs, naming the key', () => {
    expect(() =>
      createSlackAdapter({ botToken: BOT_TOKEN, socketMode: true, port: 0, adminUserIds: [] }),
    ).toThrow(ConfigError);
    expect(() =>
      createSlackAdapter({ botToken: BOT_TOKEN, socketMode: true, port: 0, adminUserIds: [] }),
    ).toThrow(/SLACK_APP_TOKEN/);
    expect(() =>
      createSlackAdapter({ botToken: BOT_TOKEN, socketMode: false, port: 0, adminUserIds: [] }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() =>
      createSlackAdapter({ botToken: '', signingSecret: 's', socketMode: false, port: 0, adminUserIds: [] }),
    ).toThrow(/SLACK_BOT_TOKEN/);
  });
});
