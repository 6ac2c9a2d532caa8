/** Tokens and runs of capitalised words ("name chunks") in one sentence. */

export type Token = {
  text: string;
  start: number;
  end: number;
  /** Followed by a possessive 's / ’s (not part of `text`). */
  possessive: boolean;
};

export type Chunk = {
  tokens: Token[];
  start: number;
  end: number;
  /** Index of the first token in the sentence's token list. */
  first: number;
  /** Index after the last token. */
  last: number;
};

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\-&][\p{L}\p{M}\p{N}]+)*/gu;

/** Lower-case words that belong inside names: "Ibrahim bin Ali", "Ursula von der Leyen". */
export const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'abu',
  'abd',
  'de',
  'del',
  'della',
  'der',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'du',
  'van',
  'von',
  'den',
  'ter',
  'le',
  'la',
  'y',
  'ben',
  'bou',
]);

/** "al-Sharaa", "bin-Salman", "ad-Din": a particle joined to a capitalised name. */
const PARTICLE_JOINED = /^(al|el|ad|as|ash|ar|an|at|az|ul|bin|ibn|abu|abd|ben|bou|d)[-'’]\p{Lu}/u;

/** Words after which "of"/"for" continue an organisation's or title's name. */
const OF_HEADS = new Set(
  'Ministry Minister Bank University Department Council Organisation Organization Institute League Union Court Office Secretary House Committee Federation Republic Kingdom Party Front Association Commission Agency Board Church College School Museum Center Centre Foundation Forces Army Corps Movement Times Chamber Academy Society Assembly Embassy Governor Mayor Director Chief Chairman Head Order Friends Sons Daughters Guardians Council Coalition Alliance Authority Bureau Service Court Port Gallery Festival'.split(
    ' ',
  ),
);

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    let text = m[0];
    let possessive = false;
    const apostrophe = text.length > 2 && text.endsWith('s') && isApostrophe(text[text.length - 2]);
    if (apostrophe && !/^(?:\p{Lu}\.){2,}$/u.test(text)) {
      text = text.slice(0, -2);
      possessive = true;
    } else if (isApostrophe(sentence[m.index + text.length]) && text.endsWith('s')) {
      possessive = true; // "Allies’ talks"
    }
    out.push({ text, start: m.index, end: m.index + text.length, possessive });
  }
  return out;
}

function isApostrophe(c: string | undefined): boolean {
  return c === "'" || c === '’';
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || PARTICLE_JOINED.test(word);
}

/** A hyphenated modifier with a lower-case tail: "Israeli-occupied", "US-mediated", "HTS-led". */
export function isHyphenModifier(word: string): boolean {
  return /^\p{Lu}[\p{L}.]*-\p{Ll}/u.test(word) && !PARTICLE_JOINED.test(word);
}

/** Whether nothing but spaces (no punctuation) separates two tokens. */
function joined(sentence: string, a: Token, b: Token): boolean {
  const gap = sentence.slice(a.end, b.start);
  // "Gov. Kristi Noem", "George W. Bush": a title or an initial with its period stays in the name.
  return (
    /^\s+$/.test(gap) ||
    ((TITLE_ABBREVIATIONS.has(a.text) || /^\p{Lu}$/u.test(a.text)) && /^\.\s+$/.test(gap))
  );
}

/** Titles written with a period inside a name: "Gov. Kristi Noem", "Mr. Dermer". */
const TITLE_ABBREVIATIONS = new Set(
  'Gov Sen Rep Gen Dr Mr Mrs Ms Lt Col Sgt Capt Prof St Rev Adm Maj Cmdr Supt Insp Det Pres'.split(' '),
);

/**
 * Runs of capitalised tokens, with name particles (bin, van, de) and "of"/"for" after organisation
 * words kept inside. A possessive, punctuation or a lower-case word ends a run.
 */
export function findNameChunks(sentence: string, tokens: Token[] = tokenize(sentence)): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isCapitalised(t.text) || isHyphenModifier(t.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    let prev = t;
    while (j < tokens.length && !prev.possessive) {
      const cur = tokens[j]!;
      if (!joined(sentence, prev, cur)) break;
      if (isCapitalised(cur.text) && !isHyphenModifier(cur.text)) {
        prev = cur;
        j++;
        continue;
      }
      if (NAME_PARTICLES.has(cur.text)) {
        // "van der Berg", "de la Fuente": a run of particles, then a capitalised name.
        let k = j;
        while (k < tokens.length && NAME_PARTICLES.has(tokens[k]!.text) && k - j < 3) {
          const after = tokens[k + 1];
          if (!after || !joined(sentence, tokens[k]!, after)) break;
          k++;
        }
        const name = tokens[k];
        if (k > j && name && isCapitalised(name.text) && !isHyphenModifier(name.text)) {
          prev = name;
          j = k + 1;
          continue;
        }
        break;
      }
      const next = tokens[j + 1];
      const nextCap = next && joined(sentence, cur, next) && isCapitalised(next.text);
      if (nextCap && (cur.text === 'of' || cur.text === 'for') && OF_HEADS.has(prev.text)) {
        const after = tokens[j + 2];
        // "Times of the ..." is rare; "Bank of England", "Secretary of State" are common.
        prev = cur;
        j++;
        if (after && next.text === 'the' && isCapitalised(after.text)) j++;
        continue;
      }
      break;
    }
    const span = tokens.slice(i, j);
    // A particle can end a run only by mistake ("Ibrahim bin" before a comma): trim it.
    while (span.length > 1 && NAME_PARTICLES.has(span[span.length - 1]!.text)) span.pop();
    while (span.length > 1 && ['of', 'for', 'the'].includes(span[span.length - 1]!.text)) span.pop();
    chunks.push({
      tokens: span,
      start: span[0]!.start,
      end: span[span.length - 1]!.end,
      first: i,
      last: i + span.length,
    });
    i = j;
  }
  return chunks;
}

/** The text of a run of tokens as written, e.g. "Ahmad al-Dalati". */
export function chunkText(sentence: string, tokens: Token[]): string {
  if (tokens.length === 0) return '';
  return sentence.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/g, ' ');
}
