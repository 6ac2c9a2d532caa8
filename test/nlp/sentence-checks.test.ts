import { describe, expect, it } from 'vitest';
import { isEnglish } from '../../src/nlp/sentence-checks.ts';

const english =
  'The minister said on Tuesday that the talks with their neighbours were going well, and that both sides would meet again in May to discuss the border.';
const german =
  'Der Minister sagte am Dienstag, dass die Gespräche mit den Nachbarn gut verlaufen seien und dass beide Seiten sich im Mai wieder treffen würden, um über die Grenze zu sprechen.';
const germanAscii =
  'Der Minister sagte am Dienstag, dass die Gespraeche mit den Nachbarn gut verlaufen und dass beide Seiten sich im Mai wieder treffen, um ueber die Grenze zu sprechen, und das ist nicht neu.';

describe('isEnglish', () => {
  it('tells English from other languages, in plain ASCII and with accents or curly quotes', () => {
    expect(isEnglish(english)).toBe(true);
    expect(isEnglish(english.replace(/'/g, '’').replace('neighbours', 'neighbours’ “envoys”'))).toBe(true);
    expect(isEnglish(`${english} Café résumé naïve.`)).toBe(true);
    expect(isEnglish(german)).toBe(false);
    expect(isEnglish(germanAscii)).toBe(false);
  });

  it('counts words the same way whatever their case, and digits and underscores split words', () => {
    expect(isEnglish(english.toUpperCase())).toBe(true);
    // 26 words, two of them English ("the", "of"): 7.7%, enough.
    const sparse = `the of ${'xx '.repeat(24)}`;
    expect(isEnglish(sparse)).toBe(true);
    // Joined by digits or underscores they are still words of their own; joined by letters they are not.
    expect(isEnglish(`the1of_${'xx '.repeat(24)}`)).toBe(true);
    expect(isEnglish(`theof ${'xx '.repeat(24)}`)).toBe(false);
  });

  it('gives short texts the benefit of the doubt, unless they are in another script', () => {
    expect(isEnglish('Breaking news')).toBe(true);
    expect(isEnglish('Новости дня сегодня')).toBe(false);
  });
});
