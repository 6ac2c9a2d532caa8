import { embedLength } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeDiscordText,
  neutraliseMentions,
  splitText,
  truncateText,
} from '../../../adapters/discord/escape-discord-text.ts';
import {
  embedLimits,
  fitLines,
  packEmbeds,
  renderDigestEmbeds,
} from '../../../adapters/discord/render-embeds.ts';
import {
  MENTION_INJECTION,
  makeDigest,
  makeInjectionDigest,
  makeOversizedDigest,
} from '../../fixtures/digest-fixture.ts';

function allText(e: ReturnType<typeof renderDigestEmbeds>[number]): string {
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join(
    '\n',
  );
}

describe('renderDigestEmbeds', () => {
  it('renders the fixture story as one embed with who, where, sources and the source count', () => {
    const embeds = renderDigestEmbeds(makeDigest());
    expect(embeds).toHaveLength(1);
    const [e] = embeds;
    expect(e!.title).toBe('Harbour bridge in Port Calder closed after cable fault');
    expect(e!.url).toBe('https://courier.example.com/news/bridge-closed');
    expect(e!.description).toBe(makeDigest().what);
    expect(e!.timestamp).toBe('2026-03-03T09:40:00.000Z');
    const fields = Object.fromEntries((e!.fields ?? []).map((f) => [f.name, f.value]));
    expect(Object.keys(fields)).toEqual(['Who', 'Where', 'Sources', 'Cited agencies']);
    expect(fields.Who).toBe(
      ['**Mara Okonjo** — city transport director', '**Tomas Reyl**', '**Calder Transport Office**'].join(
        '\n',
      ),
    );
    expect(fields.Where).toBe('Port Calder, Norway\nEastgate');
    expect(fields.Sources).toBe(
      [
        '[Calder Courier](https://courier.example.com/news/bridge-closed) — citing Westwire',
        '[Westwire](https://westwire.example.org/a/991)',
        'Unnamed source — citing Nordpress',
      ].join('\n'),
    );
    // Westwire is itself a source outlet; only agencies that are not are listed as cited.
    expect(fields['Cited agencies']).toBe('Nordpress');
    expect(e!.footer?.text).toBe('2 independent sources · story story-fixture-1 · version 1');
  });

  it('names a source without an outlet by its host, and counts repeats', () => {
    const [e] = renderDigestEmbeds(
      makeDigest({
        sources: [
          { outlet: null, articleId: 'a1', url: 'https://www.harbour-news.example/x', cites: [] },
          { outlet: null, articleId: 'a2', url: null, cites: ['Nordpress'] },
          { outlet: null, articleId: 'a3', url: null, cites: ['Nordpress'] },
        ],
      }),
    );
    expect(e!.fields!.find((f) => f.name === 'Sources')!.value).toBe(
      '[harbour-news.example](https://www.harbour-news.example/x)\nUnnamed source — citing Nordpress (×2)',
    );
  });

  it('leaves out empty sections and a bad timestamp', () => {
    const [e] = renderDigestEmbeds(
      makeDigest({ who: [], where: [], sources: [], independentSources: 1, updated: 'not a date' }),
    );
    expect(e!.fields).toEqual([]);
    expect(e!.url).toBeUndefined();
    expect(e!.timestamp).toBeUndefined();
    expect(e!.footer?.text).toContain('1 independent source ·');
  });

  it('keeps an oversized story within every embed limit, cutting gracefully', () => {
    const embeds = renderDigestEmbeds(makeOversizedDigest());
    expect(embeds.length).toBeLessThanOrEqual(embedLimits.embedsPerMessage);
    expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(embedLimits.total);
    for (const e of embeds) {
      expect(e.title!.length).toBeLessThanOrEqual(embedLimits.title);
      expect(e.title!.endsWith('…')).toBe(true);
      expect(e.description!.length).toBeLessThanOrEqual(embedLimits.description);
      expect(e.description!.endsWith('…')).toBe(true);
      expect(e.fields!.length).toBeLessThanOrEqual(embedLimits.fields);
      for (const f of e.fields!) {
        expect(f.name.length).toBeLessThanOrEqual(embedLimits.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(embedLimits.fieldValue);
        expect(f.value.length).toBeGreaterThan(0);
      }
      expect(e.footer!.text.length).toBeLessThanOrEqual(embedLimits.footer);
    }
    const who = embeds[0]!.fields!.find((f) => f.name === 'Who')!;
    expect(who.value).toMatch(/\n… and \d+ more$/);
    const shown = who.value.split('\n').length - 1;
    expect(who.value).toContain(`… and ${120 - shown} more`);
    expect(embeds[0]!.fields!.map((f) => f.name)).toContain('Sources');
  });

  it('never lets article text form a mention, a masked link or markdown', () => {
    const [e] = renderDigestEmbeds(makeInjectionDigest());
    const text = allText(e!);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<[@#!]/);
    const sneaky = renderDigestEmbeds(
      makeDigest({ headline: '[click me](https://evil.example) **loud** `code`', who: [] }),
    )[0]!;
    expect(sneaky.title).toBe('\\[click me](https://evil.example) \\*\\*loud\\*\\* \\`code\\`');
    expect(text).toContain('Injected');
    // The link target itself is percent-encoded, so it cannot close the markdown link early.
    const sources = e!.fields!.find((f) => f.name === 'Sources')!.value;
    expect(sources).toMatch(
      /^\[<\u200b!everyone> News\]\(https:\/\/inject\.example\.com\/a\?x=%3C!channel%3E&y=%7Cevil%3E\)/,
    );
  });
});

describe('text helpers', () => {
  it('truncateText never exceeds the limit and leaves short text alone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const out = truncateText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else expect(out.endsWith('…')).toBe(true);
      }),
    );
  });

  it('fitLines keeps whole lines within the limit and counts what it left out', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 80 }).map((s) => s.replace(/\n/g, ' ')),
          { maxLength: 40 },
        ),
        fc.integer({ min: 30, max: 400 }),
        (lines, max) => {
          const out = fitLines(lines, max);
          expect(out.length).toBeLessThanOrEqual(max);
          const kept = out === '' ? [] : out.split('\n');
          const note = kept.at(-1)?.match(/^… and (\d+) more$/);
          const shown = note ? kept.length - 1 : kept.length;
          if (note && lines.length > 0) expect(Number(note[1])).toBe(lines.length - shown);
          else expect(shown).toBe(lines.length);
        },
      ),
    );
  });

  it('splitText keeps every piece within the limit and loses no words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,30}$/), { maxLength: 200 }),
        fc.integer({ min: 40, max: 300 }),
        (words, max) => {
          const text = words.map((w, i) => (i % 7 === 6 ? `${w}\n` : `${w} `)).join('');
          const pieces = splitText(text, max);
          for (const p of pieces) expect(p.length).toBeLessThanOrEqual(max);
          expect(pieces.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
        },
      ),
    );
    expect(splitText('   ', 10)).toEqual([]);
  });

  it('neutraliseMentions breaks every mention form and keeps other text', () => {
    const out = neutraliseMentions(MENTION_INJECTION);
    expect(out).not.toMatch(/@(everyone|here)|<[@#!]/);
    expect(out.replace(/\u200b/g, '')).toBe(MENTION_INJECTION);
    expect(neutraliseMentions('a < b and x@here.example')).toBe('a < b and x@\u200bhere.example');
    expect(escapeDiscordText('1. *bold* _it_')).toBe('1\\. \\*bold\\* \\_it\\_');
  });

  it('packEmbeds splits at 10 embeds and 6,000 characters a message', () => {
    const small = Array.from({ length: 12 }, () => renderDigestEmbeds(makeDigest())[0]!);
    expect(packEmbeds(small).map((m) => m.length)).toEqual([10, 2]);
    const big = Array.from({ length: 3 }, () => renderDigestEmbeds(makeOversizedDigest())[0]!);
    const packed = packEmbeds(big);
    expect(packed).toHaveLength(3);
    for (const m of packed) expect(m.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  });
});
