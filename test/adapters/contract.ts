import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, ChannelRef, CommandReply, CommandRequest } from '../../src/adapter.ts';
import { MENTION_INJECTION, makeDigest, makeInjectionDigest } from '../fixtures/digest-fixture.ts';

/** One message as the fake platform holds it now (after any edits), flattened to plain text. */
export type RecordedPost = {
  channelId: string;
  text: string;
  /** The parent message's id when posted in a thread, else null. */
  threadOf: string | null;
  edited: boolean;
  /**
   * Who the platform would notify for this message, as the fake computes it from what it received
   * (e.g. ['everyone'], ['user:U123'], ['role:42']). Required by the mention-injection check;
   * a platform with no notion of mentions returns [].
   */
  mentions?: string[];
};

export type CommandOptions = { admin: boolean; userId?: string; channelId?: string };

/**
 * What the contract needs from one platform. `makeHarness` builds the fakes and the adapter but
 * does NOT start it: the suite calls `adapter.start(handler)` itself with a recording handler, and
 * `adapter.stop()` before `close()`.
 */
export type AdapterHarness = {
  adapter: Adapter;
  channel: ChannelRef;
  /** A channel the fake answers "not found"/"no access" for; null when the platform has no such notion. */
  missingChannel: ChannelRef | null;
  /** Every message the fake platform recorded, in posting order, one entry per message. */
  posts(): Promise<RecordedPost[]>;
  /** Drives a command in through the platform path; returns what the platform saw as the answer. */
  sendCommand(
    text: string,
    opts: CommandOptions,
  ): Promise<{ visibility: 'private' | 'public'; text: string }>;
  /** Set when the platform has a single, fixed user (a terminal): who every command comes from. */
  fixedUser?: { userId: string; isAdmin: boolean };
  close(): Promise<void>;
};

/** Runs the same expectations against any adapter; platform-specific checks live beside it. */
export function runAdapterContract(name: string, makeHarness: () => Promise<AdapterHarness>): void {
  describe(`adapter contract: ${name}`, () => {
    let h: AdapterHarness;
    const requests: CommandRequest[] = [];
    const handler = async (req: CommandRequest): Promise<CommandReply> => {
      requests.push(req);
      if (req.text === 'explode') throw new Error('handler failed on purpose');
      if (req.text.startsWith('public'))
        return { visibility: 'public', text: `public answer to ${req.text}` };
      return { visibility: 'private', text: `private answer to ${req.text}` };
    };
    const lastRequest = () => requests.at(-1);
    const findPost = async (needle: string) => (await h.posts()).filter((p) => p.text.includes(needle));

    beforeAll(async () => {
      h = await makeHarness();
      await h.adapter.start(handler);
    });
    afterAll(async () => {
      await h?.adapter.stop();
      await h?.close();
    });

    it('declares its name and capabilities', () => {
      expect(h.adapter.name).toBe(h.channel.platform);
      const c = h.adapter.capabilities;
      expect(typeof c.threads).toBe('boolean');
      expect(typeof c.edits).toBe('boolean');
      expect(typeof c.ephemeral).toBe('boolean');
      expect(Number.isInteger(c.maxChars) && c.maxChars > 0).toBe(true);
    });

    it('posts a digest and returns a ref; the post holds headline, what, who and sources', async () => {
      const d = makeDigest({ storyId: 'contract-post', headline: 'Contract post: harbour bridge closed' });
      const res = await h.adapter.postDigest(h.channel, d);
      expect(res.ok, JSON.stringify(res)).toBe(true);
      if (!res.ok) return;
      expect(res.ref.platform).toBe(h.adapter.name);
      expect(res.ref.channelId).toBe(h.channel.channelId);
      expect(res.ref.messageId).toBeTruthy();
      const [post, ...more] = await findPost('Contract post: harbour bridge closed');
      expect(more).toHaveLength(0);
      expect(post).toBeDefined();
      expect(post!.channelId).toBe(h.channel.channelId);
      expect(post!.threadOf).toBeNull();
      expect(post!.edited).toBe(false);
      for (const needle of [d.what, 'Mara Okonjo', 'city transport director', 'Calder Transport Office'])
        expect(post!.text).toContain(needle);
      for (const needle of ['Port Calder', 'Calder Courier', 'Westwire'])
        expect(post!.text).toContain(needle);
    });

    it('posts plain text', async () => {
      const res = await h.adapter.postText(h.channel, 'Contract plain text: nothing new today');
      expect(res.ok, JSON.stringify(res)).toBe(true);
      expect(await findPost('Contract plain text: nothing new today')).toHaveLength(1);
    });

    it('posts in the thread of an earlier post when it declares threads', async (ctx) => {
      if (!h.adapter.capabilities.threads) ctx.skip(`${name} declares threads: false`);
      const parent = await h.adapter.postDigest(
        h.channel,
        makeDigest({ headline: 'Contract thread parent' }),
      );
      expect(parent.ok, JSON.stringify(parent)).toBe(true);
      if (!parent.ok) return;
      const reply = await h.adapter.postDigest(h.channel, makeDigest({ headline: 'Contract thread reply' }), {
        threadOf: parent.ref,
      });
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      const [post] = await findPost('Contract thread reply');
      expect(post?.threadOf).toBe(parent.ref.messageId);
    });

    it('edits an earlier post when it declares edits (updateDigest and the replace option)', async (ctx) => {
      if (!h.adapter.capabilities.edits) ctx.skip(`${name} declares edits: false`);
      const first = await h.adapter.postDigest(
        h.channel,
        makeDigest({ headline: 'Contract edit: version one' }),
      );
      expect(first.ok, JSON.stringify(first)).toBe(true);
      if (!first.ok) return;
      const updated = await h.adapter.updateDigest(
        first.ref,
        makeDigest({ version: 2, headline: 'Contract edit: version two' }),
      );
      expect(updated.ok, JSON.stringify(updated)).toBe(true);
      if (updated.ok) expect(updated.ref.messageId).toBe(first.ref.messageId);
      expect(await findPost('Contract edit: version one')).toHaveLength(0);
      const [post, ...more] = await findPost('Contract edit: version two');
      expect(more).toHaveLength(0);
      expect(post?.edited).toBe(true);

      const replaced = await h.adapter.postDigest(
        h.channel,
        makeDigest({ version: 3, headline: 'Contract edit: version three' }),
        { replace: first.ref },
      );
      expect(replaced.ok, JSON.stringify(replaced)).toBe(true);
      expect(await findPost('Contract edit: version two')).toHaveLength(0);
      expect(await findPost('Contract edit: version three')).toHaveLength(1);
    });

    it('answers updateDigest with a result, never a throw, when it declares no edits', async (ctx) => {
      if (h.adapter.capabilities.edits) ctx.skip(`${name} declares edits: true (checked above)`);
      const first = await h.adapter.postDigest(h.channel, makeDigest({ headline: 'Contract no-edit' }));
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      const res = await h.adapter.updateDigest(first.ref, makeDigest({ headline: 'Contract no-edit v2' }));
      expect(typeof res.ok).toBe('boolean');
    });

    it('returns { ok: false, permanent: true } for a channel it cannot reach, without throwing', async (ctx) => {
      if (!h.missingChannel) ctx.skip(`${name} has no unreachable channels`);
      const res = await h.adapter.postDigest(h.missingChannel!, makeDigest({ headline: 'Contract missing' }));
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.permanent).toBe(true);
      expect(res.reason).toBeTruthy();
      const text = await h.adapter.postText(h.missingChannel!, 'Contract missing text');
      expect(text.ok).toBe(false);
    });

    it('turns a command into a CommandRequest; a private reply is seen only by the caller', async () => {
      const userId = h.fixedUser?.userId ?? 'U0CONTRACTADMIN';
      const reply = await h.sendCommand('search harbour bridge', {
        admin: true,
        userId,
        channelId: h.channel.channelId,
      });
      const req = lastRequest();
      expect(req).toMatchObject({
        platform: h.adapter.name,
        userId,
        channelId: h.channel.channelId,
        isAdmin: h.fixedUser?.isAdmin ?? true,
        text: 'search harbour bridge',
      });
      expect(reply).toEqual({
        visibility: 'private',
        text: expect.stringContaining('private answer to search harbour bridge'),
      });
      expect(await findPost('private answer to search harbour bridge')).toHaveLength(0);
    });

    it('marks a non-admin caller as such', async (ctx) => {
      if (h.fixedUser) ctx.skip(`${name} has a single fixed user (isAdmin: ${h.fixedUser.isAdmin})`);
      await h.sendCommand('feeds list', {
        admin: false,
        userId: 'U0CONTRACTPLAIN',
        channelId: h.channel.channelId,
      });
      expect(lastRequest()).toMatchObject({ userId: 'U0CONTRACTPLAIN', isAdmin: false, text: 'feeds list' });
    });

    it('sends a public reply publicly', async () => {
      const reply = await h.sendCommand('public hello', { admin: true, channelId: h.channel.channelId });
      expect(reply.visibility).toBe('public');
      expect(reply.text).toContain('public answer to public hello');
    });

    it('answers a failing handler with a private error, and keeps working', async () => {
      const reply = await h.sendCommand('explode', { admin: true, channelId: h.channel.channelId });
      expect(reply.visibility).toBe('private');
      expect(reply.text).toBeTruthy();
      expect(reply.text).not.toContain('handler failed on purpose');
      const next = await h.sendCommand('after explode', { admin: true, channelId: h.channel.channelId });
      expect(next.text).toContain('private answer to after explode');
    });

    it('never turns article text into a mention', async () => {
      const res = await h.adapter.postDigest(h.channel, makeInjectionDigest());
      expect(res.ok, JSON.stringify(res)).toBe(true);
      const text = await h.adapter.postText(h.channel, `Contract injection text ${MENTION_INJECTION}`);
      expect(text.ok, JSON.stringify(text)).toBe(true);
      const posts = [...(await findPost('Injected')), ...(await findPost('Contract injection text'))];
      expect(posts).toHaveLength(2);
      for (const post of posts) {
        expect(post.mentions, 'harness must report mentions for each post').toBeDefined();
        expect(post.mentions).toEqual([]);
      }
    });
  });
}
