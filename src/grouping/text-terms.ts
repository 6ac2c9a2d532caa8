/** Words too common in news to tell stories apart (function words, reporting verbs, time words). */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say saying told tell according report reported reports reporting reportedly source sources ' +
    'news agency statement added noted stated official officials people one two three four five six seven ' +
    'eight nine ten new year years week weeks day days month months time today yesterday tomorrow monday ' +
    'tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december mr mrs ms dr per via since ago earlier later last next first ' +
    'recent recently including among however still yet already even well much many may might must shall ' +
    'around across back like make made get got us u s'
  ).split(' '),
);

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-case, without diacritics or apostrophes; what every term and name is compared as. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(/['`]/g, '');
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019'`]/g, '');
}

/** A light English suffix stripper: enough to meet "meetings"/"meeting"/"met" halfway, cheap per token. */
export function stemToken(token: string): string {
  if (token.length <= 4) return token;
  if (token.endsWith('ies') && token.length > 5) return `${token.slice(0, -3)}y`;
  if (token.endsWith('ing') && token.length > 6) return token.slice(0, -3);
  if (token.endsWith('ed') && token.length > 5) return token.slice(0, -2);
  if (token.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is'))
    return token.slice(0, -1);
  return token;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Content terms of a text, stemmed, stopwords and bare numbers dropped (years kept). */
export function tokenizeTerms(text: string): string[] {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    if (isDigit(w.charCodeAt(0)) && /^\d+$/.test(w) && !/^(?:19|20)\d\d$/.test(w)) continue;
    out.push(stemToken(w));
  }
  return out;
}

const LEAD_WORDS = 120;

/** The opening of the body: the first paragraphs, up to about 120 words. */
export function leadOf(text: string): string {
  const paragraphs = text.split(/\n\s*\n|\n/).map((p) => p.trim());
  let lead = '';
  let words = 0;
  for (const p of paragraphs) {
    if (!p) continue;
    const n = p.split(/\s+/).length;
    if (words + n > LEAD_WORDS && words > 0) {
      const rest = p
        .split(/\s+/)
        .slice(0, LEAD_WORDS - words)
        .join(' ');
      lead += ` ${rest}`;
      break;
    }
    lead += ` ${p}`;
    words += n;
    if (words >= LEAD_WORDS) break;
  }
  return lead.trim();
}

const TITLE_WEIGHT = 2;

/** Weighted terms of title and lead: the title counts twice, each term at most 3 per part. */
export function extractLeadTerms(article: { title: string | null; text: string }): Map<string, number> {
  const terms = new Map<string, number>();
  const addPart = (text: string, weight: number) => {
    const counts = new Map<string, number>();
    for (const t of tokenizeTerms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, c] of counts) terms.set(t, (terms.get(t) ?? 0) + weight * Math.min(c, 3));
  };
  if (article.title) addPart(article.title, TITLE_WEIGHT);
  addPart(leadOf(article.text), 1);
  return terms;
}
