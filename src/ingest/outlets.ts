/** News agencies and major outlets worldwide: lookups by name, by domain and in running text. */
import { OUTLETS } from './outlet-table.ts';

export { OUTLETS };

export type OutletKind = 'agency' | 'outlet';
export type OutletEntry = { name: string; aliases: string[]; kind: OutletKind; domains: string[] };

/** Lower case, no leading "the", hyphens/underscores/dots as spaces, curly apostrophes straight. */
export function normalizeOutletName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const byName = new Map<string, OutletEntry>();
for (const o of OUTLETS) {
  for (const alias of [o.name, ...o.aliases]) {
    const key = normalizeOutletName(alias);
    if (key && !byName.has(key)) byName.set(key, o);
  }
}

const byDomain = new Map<string, OutletEntry>();
for (const o of OUTLETS) for (const d of o.domains) if (!byDomain.has(d)) byDomain.set(d, o);

/** The canonical outlet for any of its names or aliases, case-insensitively; null when unknown. */
export function findOutlet(name: string): { name: string; kind: OutletKind } | null {
  if (typeof name !== 'string') return null;
  const hit = byName.get(normalizeOutletName(name));
  return hit ? { name: hit.name, kind: hit.kind } : null;
}

/** The outlet publishing at a URL (or a bare host name), by its domain or a parent domain; null when unknown. */
export function outletFromUrl(url: string): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`)
      .hostname;
  } catch {
    return null;
  }
  host = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const hit = byDomain.get(h);
    if (hit) return hit.name;
  }
  return null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const L = '\\p{L}\\p{M}';

/** Names that are everyday words or first names too: in running text only their longer aliases count. */
const AMBIGUOUS_IN_TEXT = new Set([
  'Time',
  'Fortune',
  'Fox',
  'Vice',
  'VICE',
  'Dawn',
  'Petra',
  'Globo',
  'Mint',
  'Sabah',
  'Trend',
  'Variety',
  'Deadline',
  'Billboard',
  'EW',
  'THR',
]);

/** Every alias of every known outlet, longest first, matched case-sensitively as written. */
const KNOWN_SOURCE = (() => {
  const names = new Set<string>();
  for (const o of OUTLETS)
    for (const a of [o.name, ...o.aliases]) {
      if (AMBIGUOUS_IN_TEXT.has(a)) continue;
      const bare = a.replace(/^the\s+/i, '');
      // "The Sun", "The Hill": a single common word is the outlet only after "the".
      if (bare !== a && !/\s/.test(bare)) names.add(`[Tt]he\\s+${escapeRe(bare)}`);
      else if (bare.length >= 2) names.add(escapeRe(bare));
    }
  const alts = [...names].sort((a, b) => b.length - a.length);
  return `(?<![${L}\\d@/.])(?:[Tt]he\\s+)?(${alts.join('|')})(?![${L}\\d]|-[${L}]|\\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)[\\p{Lu}][\\p{Ll}])`;
})();
/** Tried only where a mention can start: see findOutletMentions. */
const KNOWN_AT = new RegExp(KNOWN_SOURCE, 'uy');
/**
 * The word a mention starts with: the first word of a name, or "the". A mention starts a word (the
 * look-behind), and a name's first word ends where the text's word ends, so only these words can open one.
 */
const OPENING_WORDS = (() => {
  const words = new Set(['The', 'the']);
  for (const o of OUTLETS)
    for (const a of [o.name, ...o.aliases]) {
      const first = /^[\p{L}\p{M}\d]+/u.exec(a.replace(/^the\s+/i, ''))?.[0];
      if (first) words.add(first);
    }
  return words;
})();
const OPENING_UNITS = new Set([...OPENING_WORDS].map((w) => w.charCodeAt(0)));
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/** The UTF-16 length of the letter, mark or ASCII digit at i (a word's character), 0 for anything else. */
function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return LETTER_OR_MARK.test(ch) ? ch.length : 0;
}

/**
 * Every known outlet named in a text, whatever the context: canonical name and where the mention starts and
 * ends. Case-sensitive as outlets are written; everyday-word names ("Time", "Fortune") only by longer aliases.
 */
export function findOutletMentions(text: string): Array<{ at: number; end: number; name: string }> {
  if (typeof text !== 'string') return [];
  const out: Array<{ at: number; end: number; name: string }> = [];
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const first = wordCharLength(text, i);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    i += first;
    for (let n = wordCharLength(text, i); n > 0; n = wordCharLength(text, i)) i += n;
    if (start < from || !OPENING_UNITS.has(text.charCodeAt(start))) continue;
    if (!OPENING_WORDS.has(text.slice(start, i))) continue;
    KNOWN_AT.lastIndex = start;
    const m = KNOWN_AT.exec(text);
    if (!m) continue;
    from = start + m[0].length;
    const outlet = findOutlet(m[1]!);
    if (outlet) out.push({ at: start, end: from, name: outlet.name });
  }
  return out;
}
