import { describe, expect, it } from 'vitest';
import { renderDigestBlocks, renderReplyBlocks, SLACK_LIMITS } from '../../../adapters/slack/index.ts';
import { findSlackMarkup } from '../../fakes/slack-api.ts';
import { makeDigest, makeInjectionDigest, makeOversizedDigest } from '../../fixtures/digest-fixture.ts';

type AnyBlock = {
  type: string;
  text?: { type: string; text: string; verbatim?: boolean };
  fields?: { text: string }[];
  elements?: { type: string; text: string }[];
};

function textsOf(blocks: unknown[]): { type: string; text: string }[] {
  const out: { type: string; text: string }[] = [];
  for (const b of blocks as AnyBlock[]) {
    if (b.text) out.push(b.text);
    for (const f of b.fields ?? []) out.push(f as { type: string; text: string });
    for (const e of b.elements ?? []) out.push(e);
  }
  return out;
}

describe('renderDigestBlocks', () => {
  it('renders the fixture story as header, what, who and where fields, and a sources context', () => {
    const { text, blocks } = renderDigestBlocks(makeDigest());
    const b = blocks as AnyBlock[];
    expect(b.map((x) => x.type)).toEqual(['header', 'section', 'section', 'section', 'context']);
    expect(b[0]!.text).toEqual({
      type: 'plain_text',
      text: 'Harbour bridge in Port Calder closed after cable fault',
    });
    expect(b[1]!.text?.text).toBe(makeDigest().what);
    expect(b[2]!.text?.text).toBe('*Who*');
    expect(b[2]!.fields?.map((f) => f.text)).toEqual([
      '*Mara Okonjo*\ncity transport director',
      '*Tomas Reyl*',
      '*Calder Transport Office*\norganisation',
    ]);
    expect(b[3]!.fields?.map((f) => f.text)).toEqual(['*Port Calder*\nNorway', '*Eastgate*']);
    expect(b[4]!.elements?.map((e) => e.text)).toEqual([
      'Sources: <https://courier.example.com/news/bridge-closed|Calder Courier> · <https://westwire.example.org/a/991|Westwire> · unnamed source',
      'Citing: Nordpress',
      '2 independent sources',
    ]);
    expect(text).toBe(`Harbour bridge in Port Calder closed after cable fault: ${makeDigest().what}`);
  });

  it('marks every mrkdwn text verbatim so Slack parses nothing automatically', () => {
    const mrkdwn = textsOf(renderDigestBlocks(makeDigest()).blocks).filter((t) => t.type === 'mrkdwn');
    expect(mrkdwn.length).toBeGreaterThan(5);
    for (const t of mrkdwn) expect(t).toMatchObject({ verbatim: true });
  });

  it('keeps an oversized story within Block Kit limits', () => {
    const { text, blocks } = renderDigestBlocks(makeOversizedDigest());
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    const b = blocks as AnyBlock[];
    const header = b.find((x) => x.type === 'header')!;
    expect(header.text!.text.length).toBeLessThanOrEqual(150);
    expect(header.text!.text.endsWith('…')).toBe(true);
    for (const block of b) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.fields);
      for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      expect((block.elements ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const e of block.elements ?? []) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    }
    const who = b.find((x) => x.text?.text === '*Who*')!;
    expect(who.fields!.at(-1)!.text).toMatch(/^\*\+111 more\*\n/);
    const sources = b.find((x) => x.type === 'context')!.elements![0]!.text;
    expect(sources).toMatch(/ … and \d+ more$/);
    // a truncated list never ends inside a link
    expect(sources.split('<').length).toBe(sources.split('>').length);
  });

  it('escapes article text so it can never form a mention or a link', () => {
    const rendered = renderDigestBlocks(makeInjectionDigest());
    const markup = findSlackMarkup({ text: rendered.text, blocks: rendered.blocks });
    expect(markup.mentions).toEqual([]);
    expect(markup.links).toEqual(['https://inject.example.com/a?x=%3C!channel%3E&amp;y=%7Cevil%3E']);
    const what = (rendered.blocks as AnyBlock[])[1]!.text!.text;
    expect(what).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt;');
    expect(what).toContain('&lt;https://evil.example|click&gt; &amp; done');
    const outlet = textsOf(rendered.blocks).find((t) => t.text.startsWith('Sources: '))!.text;
    expect(outlet).toContain('|&lt;!everyone&gt; News>');
  });
});

describe('renderReplyBlocks', () => {
  it('escapes reply text and fits many digests within 50 blocks', () => {
    const digests = Array.from({ length: 20 }, (_, i) =>
      makeDigest({ storyId: `s${i}`, headline: `Story ${i}` }),
    );
    const { blocks, text } = renderReplyBlocks({
      visibility: 'private',
      text: 'Found <!here> 20 stories',
      digests,
    });
    expect(text).toBe('Found &lt;!here&gt; 20 stories');
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    const last = blocks.at(-1) as AnyBlock;
    expect(last.type).toBe('context');
    expect(last.elements![0]!.text).toMatch(/^\d+ more not shown$/);
  });

  it('splits a long reply into sections of at most 3000 characters', () => {
    const long = Array.from({ length: 400 }, (_, i) => `line ${i} of a long feed listing`).join('\n');
    const { blocks } = renderReplyBlocks({ visibility: 'private', text: long });
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks as AnyBlock[]) expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
  });
});
