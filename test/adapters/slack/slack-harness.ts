import { createHmac } from 'node:crypto';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackAdapterConfig,
} from '../../../adapters/slack/index.ts';
import {
  type FakeSlackApi,
  findSlackMarkup,
  flattenSlackBlocks,
  startFakeSlackApi,
} from '../../fakes/slack-api.ts';
import type { AdapterHarness } from '../contract.ts';

export const BOT_TOKEN = 'xoxb-test-token';
export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const NEWS_CHANNEL = 'C0NEWS';
export const MISSING_CHANNEL = 'C0MISSING';

/** Slack's v0 request signature: HMAC-SHA256 of `v0:timestamp:body`. */
export function signSlackRequest(secret: string, body: string, timestampSec = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestampSec) };
}

export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_name: 'news',
    user_name: 'someone',
    command: '/news',
    api_app_id: 'A0APP',
    trigger_id: '1.2.3',
    ...fields,
  }).toString();
}

export async function postToReceiver(port: number, body: string, headers: Record<string, string>) {
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

export const APP_TOKEN = 'xapp-1-test-app-token';

export type SlackHarness = AdapterHarness & { fake: FakeSlackApi; adapter: SlackAdapter };

/** Delivers a slash command the way the adapter's mode receives it: a signed POST, or a Socket Mode envelope. */
async function deliverCommand(adapter: SlackAdapter, fake: FakeSlackApi, fields: Record<string, string>) {
  if (adapter.mode === 'socket') {
    await fake.waitForSocket();
    await fake.sendEnvelope(
      'slash_commands',
      Object.fromEntries(new URLSearchParams(slashCommandBody(fields))),
    );
    return;
  }
  const port = adapter.httpPort();
  if (port === null) throw new Error('Slack adapter is not listening');
  const body = slashCommandBody(fields);
  const res = await postToReceiver(port, body, signSlackRequest(SIGNING_SECRET, body));
  if (res.status !== 200) throw new Error(`receiver answered ${res.status}`);
}

/**
 * The Slack adapter against a fake Web API: HTTP mode on 127.0.0.1, or Socket Mode through the
 * fake's WebSocket (`{ socketMode: true }`); not started.
 */
export async function createSlackHarness(overrides: Partial<SlackAdapterConfig> = {}): Promise<SlackHarness> {
  const fake = await startFakeSlackApi({ token: BOT_TOKEN });
  fake.failChannel(MISSING_CHANNEL, 'channel_not_found');
  const adapter = createSlackAdapter({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    ...(overrides.socketMode ? { appToken: APP_TOKEN } : {}),
    socketMode: false,
    port: 0,
    host: '127.0.0.1',
    adminUserIds: [],
    slackApiUrl: fake.apiUrl,
    ...overrides,
  });
  let commandCount = 0;
  return {
    fake,
    adapter,
    channel: { platform: 'slack', channelId: NEWS_CHANNEL },
    missingChannel: { platform: 'slack', channelId: MISSING_CHANNEL },
    async posts() {
      return fake.messages.map((m) => ({
        channelId: m.channel,
        text: flattenSlackBlocks(m.blocks, m.text),
        threadOf: m.threadTs,
        edited: m.edited,
        mentions: findSlackMarkup(m.body).mentions,
      }));
    },
    async sendCommand(text, { admin, userId = 'U0CALLER', channelId = NEWS_CHANNEL }) {
      fake.setUser(userId, { is_admin: admin });
      const id = `cmd-${++commandCount}`;
      await deliverCommand(adapter, fake, {
        text,
        user_id: userId,
        channel_id: channelId,
        response_url: fake.respondUrl(id),
      });
      const answer = await fake.waitForResponse(id);
      const blocks = Array.isArray(answer.body.blocks) ? answer.body.blocks : [];
      return {
        visibility: answer.body.response_type === 'in_channel' ? 'public' : 'private',
        text: flattenSlackBlocks(blocks, String(answer.body.text ?? '')),
      };
    },
    close: () => fake.close(),
  };
}
