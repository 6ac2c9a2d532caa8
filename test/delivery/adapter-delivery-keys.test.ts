import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/index.ts';
import { makeDiscordHarness } from '../adapters/discord/discord-harness.ts';
import { createSlackHarness } from '../adapters/slack/slack-harness.ts';
import { makeDigest } from '../fixtures/digest-fixture.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Each adapter finds a post again by its delivery key, and only that one. */
describe('delivery keys in the adapters', () => {
  it('Slack: metadata on the post, found through conversations.history', async () => {
    const h = await createSlackHarness();
    closers.push(() => h.close());
    const posted = await h.adapter.postDigest(h.channel, makeDigest(), { deliveryKey: 's:run1:story:a' });
    await h.adapter.postText(h.channel, 'Daily digest — 1 story', { deliveryKey: 's:run1:header' });
    await h.adapter.postText(h.channel, 'no key');
    expect(posted.ok).toBe(true);
    expect(await h.adapter.findPosted?.(h.channel, 's:run1:story:a')).toEqual(posted.ok ? posted.ref : null);
    expect(await h.adapter.findPosted?.(h.channel, 's:run1:story:b')).toBeNull();
    expect(
      await h.adapter.findPosted?.({ platform: 'slack', channelId: 'C0OTHER' }, 's:run1:header'),
    ).toBeNull();
    await expect(h.adapter.findPosted?.({ platform: 'slack', channelId: 'C0MISSING' }, 'x')).rejects.toThrow(
      /channel_not_found/,
    );
  });

  it('Discord: an enforced nonce, so the same key posts one message; found again by nonce', async () => {
    const h = await makeDiscordHarness();
    closers.push(async () => {
      await h.adapter.stop();
      await h.close();
    });
    const first = await h.adapter.postDigest(h.channel, makeDigest(), { deliveryKey: 's:run1:story:a' });
    const again = await h.adapter.postDigest(h.channel, makeDigest(), { deliveryKey: 's:run1:story:a' });
    const other = await h.adapter.postText(h.channel, 'Daily digest — 1 story', {
      deliveryKey: 's:run1:header',
    });
    expect(first.ok && again.ok && other.ok).toBe(true);
    if (!first.ok || !again.ok || !other.ok) return;
    expect(again.ref.messageId).toBe(first.ref.messageId);
    expect(other.ref.messageId).not.toBe(first.ref.messageId);
    const nonce = h.rest.messages.find((m) => m.id === first.ref.messageId)?.nonce;
    expect(nonce).toHaveLength(25);
    expect(await h.adapter.findPosted?.(h.channel, 's:run1:header')).toEqual(other.ref);
    expect(await h.adapter.findPosted?.(h.channel, 's:run2:header')).toBeNull();
  });

  it('console: remembered for the life of the process', async () => {
    const adapter = createConsoleAdapter({
      output: new PassThrough(),
      input: new PassThrough(),
      color: false,
    });
    const to = { platform: 'console', channelId: 'news' };
    const posted = await adapter.postText(to, 'hello', { deliveryKey: 'k1' });
    expect(posted.ok).toBe(true);
    expect(await adapter.findPosted?.(to, 'k1')).toEqual(posted.ok ? posted.ref : null);
    expect(await adapter.findPosted?.(to, 'k2')).toBeNull();
    expect(await adapter.findPosted?.({ platform: 'console', channelId: 'other' }, 'k1')).toBeNull();
  });
});
