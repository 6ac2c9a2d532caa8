import { describe, expect, it } from 'vitest';
import { findNameChunks, tokenize } from '../../src/nlp/name-chunks.ts';
import { isTitleCase } from '../../src/nlp/sentence-checks.ts';
import { planTagWindows } from '../../src/nlp/tag-windows.ts';

function plan(sentences: string[]) {
  const tokens = sentences.map((s) => tokenize(s));
  const chunks = sentences.map((s, i) => findNameChunks(s, tokens[i]));
  const bases: number[] = [];
  let pos = 0;
  for (const s of sentences) {
    bases.push(pos);
    pos += s.length + 1;
  }
  const text = sentences.join('\n');
  const p = planTagWindows(sentences, tokens, chunks, bases, tokens.map(isTitleCase));
  return { ...p, text, texts: p.windows.map((w) => text.slice(w.from, w.to)) };
}

describe('planTagWindows', () => {
  it('presets a lone function word opening a sentence and tags nothing else there', () => {
    const p = plan(['The rain kept falling on the fields all week.']);
    expect(p.windows).toEqual([]);
    expect([...(p.presets.get(0) ?? [])]).toEqual(['Determiner']);
  });

  it('keeps a few words around a name of several words, with context rules', () => {
    const p = plan(['Farmers in the valley said that Oskar Lindqvist would visit the dam next spring.']);
    const named = p.windows.find((w) => p.text.slice(w.from, w.to).includes('Oskar Lindqvist'));
    expect(named?.context).toBe(true);
    expect(p.text.slice(named!.from, named!.to)).toBe('valley said that Oskar Lindqvist would visit the');
  });

  it('reads a one-word name inside a sentence without context rules unless it is a country', () => {
    const p = plan(['The farmers said Lindqvist would come, and that Norway would pay for the dam.']);
    const lindqvist = p.windows.find((w) => p.text.slice(w.from, w.to).includes('Lindqvist'));
    const norway = p.windows.find((w) => p.text.slice(w.from, w.to).includes('Norway'));
    expect(lindqvist?.context).toBe(false);
    expect(norway?.context).toBe(true);
  });

  it('reaches back over a role phrase before a name', () => {
    const p = plan(['Farmers cheered when the veteran regional water board official Lindqvist arrived.']);
    expect(p.texts.some((t) => t.includes('veteran regional water board official Lindqvist'))).toBe(true);
  });

  it('tags a headline-style line whole', () => {
    const line = 'Farmers Cheer As Valley Dam Opens After Long Wait';
    const p = plan([line]);
    expect(p.texts).toEqual([line]);
    expect(p.windows[0]?.context).toBe(true);
  });

  it('keeps the punctuation at a sentence edge inside the window', () => {
    const p = plan(['"Oskar Lindqvist came," she said.']);
    expect(p.texts[0]?.startsWith('"Oskar')).toBe(true);
  });

  it('keeps windows in order, apart, and inside their sentences', () => {
    const sentences = [
      'Farmers said Oskar Lindqvist and Marta Eklund met in Oslo with Norway officials.',
      'Eklund told the board that Lindqvist agreed.',
    ];
    const p = plan(sentences);
    for (let i = 1; i < p.windows.length; i++)
      expect(p.windows[i]!.from).toBeGreaterThan(p.windows[i - 1]!.to);
    for (const t of p.texts) expect(t).not.toContain('\n');
  });
});
