import { describe, expect, it } from 'vitest';
import { closedClassTag, type TagWindow, tagTerms } from '../../src/nlp/tag-terms.ts';

const at = (text: string, word: string, from = 0) => {
  const i = text.indexOf(word, from);
  if (i < 0) throw new Error(`no "${word}" in the test text`);
  return i;
};
const tagsOf = (tags: (start: number) => ReadonlySet<string>, start: number) => [...tags(start)].sort();

describe('tagTerms', () => {
  const text = [
    'The committee met on Tuesday in a quiet hall.',
    'Later the chairman, Oskar Lindqvist, told reporters that Norway would wait.',
  ].join('\n');
  const whole = tagTerms(text);

  it('tags every word of the text when no windows are given', () => {
    expect(whole(at(text, 'committee')).has('Noun')).toBe(true);
    expect(whole(at(text, 'Tuesday')).has('Date')).toBe(true);
    expect(whole(at(text, 'told')).has('Verb')).toBe(true);
  });

  it('gives a word in a window the tags the whole line gives it', () => {
    const from = at(text, 'chairman');
    const to = at(text, 'reporters') + 'reporters'.length;
    const tags = tagTerms(text, [{ from, to, context: true }]);
    for (const w of ['chairman', 'Oskar', 'Lindqvist', 'told'])
      expect(tagsOf(tags, at(text, w))).toEqual(tagsOf(whole, at(text, w)));
  });

  it('tags a word outside every window on demand, with its whole line', () => {
    const second = text.indexOf('\n') + 1;
    const windows: TagWindow[] = [{ from: second, to: text.length, context: true }];
    const tags = tagTerms(text, windows);
    expect(tagsOf(tags, at(text, 'Tuesday'))).toEqual(tagsOf(whole, at(text, 'Tuesday')));
    expect(tagsOf(tags, at(text, 'hall'))).toEqual(tagsOf(whole, at(text, 'hall')));
  });

  it('returns preset tags without tagging', () => {
    const tags = tagTerms(text, [], new Map([[0, new Set(['Determiner'])]]));
    expect([...tags(0)]).toEqual(['Determiner']);
  });

  it('returns no tags for offsets that start no word', () => {
    expect(whole(text.length + 5).size).toBe(0);
    expect(tagTerms(text, [])(-1).size).toBe(0);
  });
});

describe('closedClassTag', () => {
  it('knows function words that cannot start a name', () => {
    expect(closedClassTag('The')).toBe('Determiner');
    expect(closedClassTag('However')).not.toBeNull();
    expect(closedClassTag('She')).toBe('Pronoun');
  });

  it('leaves content words and names to the tagger', () => {
    expect(closedClassTag('Farmers')).toBeNull();
    expect(closedClassTag('Lindqvist')).toBeNull();
    expect(closedClassTag('Norway')).toBeNull();
  });

  it('leaves words in capitals to the tagger ("US" is no pronoun)', () => {
    expect(closedClassTag('US')).toBeNull();
    expect(closedClassTag('IT')).toBeNull();
  });
});
