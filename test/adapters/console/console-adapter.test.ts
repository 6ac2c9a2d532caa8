import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createConsoleAdapter,
  renderDigestText,
  sanitizeTerminalText,
} from '../../../adapters/console/index.ts';
import { createStyler } from '../../../adapters/console/render-digest-text.ts';
import type { CommandRequest } from '../../../src/adapter.ts';
import { makeDigest } from '../../fixtures/digest-fixture.ts';
import { createConsoleHarness, parseConsoleOutput } from './console-harness.ts';

function collect(isTTY = false) {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  Object.assign(stream, { isTTY });
  return { stream, text: () => text };
}

const channel = { platform: 'console', channelId: 'console' };

describe('renderDigestText', () => {
  it('renders the fixture story as labelled lines', () => {
    expect(renderDigestText(makeDigest())).toBe(
      [
        'Harbour bridge in Port Calder closed after cable fault',
        `What     ${makeDigest().what}`,
        'Who      Mara Okonjo (city transport director); Tomas Reyl; Calder Transport Office (organisation)',
        'Where    Port Calder, Norway; Eastgate',
        'Sources  Calder Courier <https://courier.example.com/news/bridge-closed>; Westwire <https://westwire.example.org/a/991>; unnamed source',
        'Citing   Nordpress',
        '2 independent sources · version 1',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    expect(renderDigestText(makeDigest(), createStyler(true))).toContain('\u001b[1mHarbour bridge');
    expect(renderDigestText(makeDigest(), createStyler(false))).not.toContain('\u001b');
  });
});

describe('sanitizeTerminalText', () => {
  it('removes escape sequences and control characters from article text', () => {
    expect(sanitizeTerminalText('a\u001b[2J\u001b]0;title\u0007b\r\nc\u0000d\u009b')).toBe('ab c d');
  });
});

describe('console adapter', () => {
  it('colours output on a TTY only by default', async () => {
    const tty = collect(true);
    await createConsoleAdapter({ output: tty.stream, input: new PassThrough() }).postDigest(
      channel,
      makeDigest(),
    );
    const plain = collect(false);
    await createConsoleAdapter({ output: plain.stream, input: new PassThrough() }).postDigest(
      channel,
      makeDigest(),
    );
    if (!process.env.NO_COLOR) expect(tty.text()).toContain('\u001b[');
    expect(plain.text()).not.toContain('\u001b');
  });

  it('never lets article text drive the terminal', async () => {
    const out = collect(true);
    const adapter = createConsoleAdapter({ output: out.stream, input: new PassThrough(), color: false });
    await adapter.postDigest(
      channel,
      makeDigest({
        headline: 'Evil\u001b[2J\u001b]0;owned\u0007 headline',
        what: 'line\nbreak\u001b[31m red',
      }),
    );
    await adapter.postText(channel, 'text \u001b[1A up');
    expect(out.text()).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out.text()).toContain('Evil headline');
  });

  it('prints updates under the same id and refuses ids it never printed', async () => {
    const out = collect();
    const adapter = createConsoleAdapter({ output: out.stream, input: new PassThrough() });
    const first = await adapter.postDigest({ platform: 'console', channelId: 'world' }, makeDigest());
    if (!first.ok) throw new Error(first.reason);
    expect(await adapter.updateDigest(first.ref, makeDigest({ version: 2 }))).toEqual({
      ok: true,
      ref: first.ref,
    });
    expect(parseConsoleOutput(out.text()).map((b) => b.header)).toEqual([
      ['#world', first.ref.messageId],
      ['#world', first.ref.messageId, 'updated'],
    ]);
    const missing = await adapter.updateDigest({ ...first.ref, messageId: 'console-999' }, makeDigest());
    expect(missing).toMatchObject({ ok: false, permanent: true });
  });

  it('handles /news lines in order, hints on other lines, and ignores blank ones', async () => {
    const h = await createConsoleHarness();
    const seen: CommandRequest[] = [];
    await h.adapter.start(async (req) => {
      seen.push(req);
      if (req.text === 'first') await new Promise((resolve) => setTimeout(resolve, 20));
      return {
        visibility: 'public',
        text: `answer ${req.text}`,
        digests: req.text === 'second' ? [makeDigest()] : [],
      };
    });
    h.input.write('\nhello\n/newsfeed\n/news first\n/news   second  \n/news\n');
    await h.waitForOutput((out) => parseConsoleOutput(out).length === 5);
    await h.adapter.stop();
    const replies = parseConsoleOutput(h.output()).filter((b) => b.header[0] === 'reply');
    expect(seen.map((r) => r.text)).toEqual(['first', 'second', '']);
    expect(seen[0]).toEqual({
      platform: 'console',
      userId: 'console',
      channelId: 'console',
      teamId: null,
      isAdmin: true,
      text: 'first',
    });
    expect(replies.map((r) => r.body.split('\n')[0])).toEqual([
      'Type /news followed by a command, e.g. /news help',
      'Type /news followed by a command, e.g. /news help',
      'answer first',
      'answer second',
      'answer',
    ]);
    expect(replies[3]!.body).toContain('Harbour bridge in Port Calder closed after cable fault');
    expect(replies[2]!.header).toEqual(['reply', '#console']);
    await h.close();
  });
});
