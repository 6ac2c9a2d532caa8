import { createRequire } from 'node:module';
import { findOutlet, findOutletMentions, normalizeOutletName } from './outlets.ts';
import type { LineKind } from './text/line-kinds.ts';
import { classifyPageLines } from './text/parse-scraped-text.ts';

export type ExtractCitesOptions = {
  /** The article's own outlet: never cited. */
  outlet?: string | null;
  /** Count agencies named only in photo credits ("(AP/Name)") as cites too. Off by default. */
  creditsAsCites?: boolean;
};

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
const COUNTRY_NAMES = new Set(
  Object.values(countries.getNames('en', { select: 'all' }))
    .flat()
    .map((n) => n.toLowerCase()),
);

const L = '\\p{L}\\p{M}';

const DESCRIPTOR =
  '(?:(?:the|a|an|its|their)\\s+)?(?:[\\p{L}\\u2019-]+\\s+){0,3}?(?:(?:state|state-run|state-owned|official|public|private|pan-Arab|local|independent|online|investigative|Arabic-language|Hebrew-language|English-language|[\\p{Lu}][\\p{L}]*-(?:owned|based|funded|affiliated|run))\\s+){0,3}(?:news agency|press agency|wire service|news channel|TV channel|satellite channel|channel|broadcaster|TV|television|newspaper|daily|paper|outlet|news outlet|news site|news website|website|network|radio|magazine|tabloid|publication|weekly|station|portal)';
const MEDIA_WORD =
  /(?:^|\s)(?:News|TV|Television|Radio|Channel|Press|Post|Times|Daily|Journal|Herald|Tribune|Gazette|Media|Network|Broadcasting|Magazine|Observer|Telegraph|Chronicle|Monitor|Wire|Online|Insider|Today|Mail|Express|Globe|Dispatch|Reporter)(?:\s|$)|\s\d{1,3}$|^[\p{Lu}][\p{L}]+\d+$/u;
const INSTITUTION =
  /\b(?:Ministry|Minister|Department|Office|Army|Forces|Force|Police|Council|Government|Committee|Commission|Authority|Organi[sz]ation|Union|University|Institute|Court|Parliament|Senate|House|Congress|Cabinet|Presidency|Embassy|Service|Bank|Fund|Watch|Observatory|Amnesty|Cross|Crescent|Nations|Party|Movement|Front|Brigades?|Hamas|Hezbollah|IDF|Pentagon|Kremlin|Agency|Centre|Center|Foundation|Group|Company|Inc|Corp|Ltd)\b/u;
const SENTENCE_WORDS = new Set(
  'The A An It He She They We I This That These Those There Here His Her Their Its Our Officials Sources Media Reports Witnesses Residents Activists Analysts Local State Israeli Syrian Iranian American Russian Turkish Saudi Arab Western Kurdish Lebanese Palestinian Egyptian Iraqi Jordanian US UN EU'.split(
    ' ',
  ),
);

const CAP_TOKEN = `(?:(?:al|el|Al|El|bin|ibn|de|du|da|van|von|der|Le|La|ha|Ha)[-\\s])?[\\p{Lu}\\d][${L}\\d'’&.]*(?:-[${L}\\d]+)*`;
const CAP_PHRASE = `${CAP_TOKEN}(?:\\s+(?:of|the|de|al|for|and|&)\\s+${CAP_TOKEN}|\\s+${CAP_TOKEN}){0,4}`;

const CREDIT_PAREN =
  /\s*\((?:[^()]{0,60}\/[^()]{1,60}|[^()]{0,60}\b(?:screenshot|[Pp]hoto|[Pp]hotograph|[Ii]mage|[Cc]redit|[Cc]ourtesy|[Hh]andout|[Ff]ile|[Ii]llustration|Getty|via)\b[^()]{0,60})\)\s*\.?\s*$/u;
const CREDIT_PREFIX =
  /(?:^|\s)(?:Photo|Photograph|Picture|Image|Credit|Photo credit|Source|Illustration)s?\s*(?:by)?\s*[:|].*$/u;
const SIGNATURE =
  /^\s*[—–-]+\s*(.{1,80}?)\s*\(@([A-Za-z0-9_]{1,30})\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})?\s*$/u;
const SOURCING =
  /\b(?:sources?|confirmed to (?:me|us)|told (?:me|us)|I(?:'|’)m told|I am told|I understand|learned|reported|reporting|report|according to|per \d+|exclusive|breaking)\b/iu;

type Hit = { at: number; name: string };

const NOT_ATTRIBUTION = new Set<LineKind | null>([
  'appeal',
  'promo',
  'nav',
  'read-more',
  'related',
  'timestamp',
  'slug',
  'url',
]);

/** A wire dateline names the agency: "ROTTERDAM (Meridian News Agency) -", "LONDON, Nov 3 (Northwire) —". */
const WIRE_DATELINE =
  /^\s*\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L}.]{2,9}\.?\s+\d{1,2})?\s*\(((?:\p{Lu}[\p{L}\p{M}&.'’-]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}&.'’-]*|of|de|du|der|la|al|el))*)\)\s*[-–—:]/u;

/**
 * Agencies and outlets (and journalists) the article attributes its reporting to, in order of first
 * appearance, canonical names for known outlets. Photo credits alone are not cites; an embedded social
 * post whose author is an outlet or reads as a report is. The article's own outlet is never cited.
 */
export function extractCites(text: string, opts: ExtractCitesOptions = {}): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return citesOfPage(classifyPageLines(text), opts);
}

/** extractCites over a page already split and classified (classifyPageLines). */
export function citesOfPage(
  page: ReadonlyArray<{ text: string; kind: LineKind | null }>,
  opts: ExtractCitesOptions = {},
): string[] {
  const own = opts.outlet ? normalizeOutletName(findOutlet(opts.outlet)?.name ?? opts.outlet) : null;
  const hits: Hit[] = [];
  const lines = page.map((l) => l.text);
  for (let i = 0; i < page.length; i++) {
    const raw = lines[i]!;
    const at = i * 1_000_000;
    const sig = SIGNATURE.exec(raw);
    if (sig) {
      const name = citeOfEmbed(sig[1]!.trim(), lines, i);
      if (name) hits.push({ at, name });
      continue;
    }
    // Appeals, promos, menus and link lists name outlets (often the page's own) without citing them.
    if (NOT_ATTRIBUTION.has(page[i]!.kind)) continue;
    let line = raw;
    const credit =
      (line.includes(')') ? CREDIT_PAREN.exec(line) : null) ??
      (line.includes(':') || line.includes('|') ? CREDIT_PREFIX.exec(line) : null);
    if (credit) {
      if (opts.creditsAsCites)
        for (const h of scanKnown(credit[0], () => true)) hits.push({ at, name: h.name });
      line = line.slice(0, credit.index);
    }
    const wire = WIRE_DATELINE.exec(line);
    if (wire) hits.push({ at, name: findOutlet(wire[1]!)?.name ?? wire[1]!.trim() });
    for (const h of scanLine(line)) hits.push({ at: at + h.at, name: h.name });
  }
  hits.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits) {
    const key = normalizeOutletName(h.name);
    if (!key || key === own || seen.has(key)) continue;
    seen.add(key);
    out.push(h.name);
  }
  return out;
}

const TEXT_CITED = new WeakSet<object>();

/** Marks an input whose cites already hold every cite in its text, so that it need not be read again. */
export function markTextCited<T extends object>(input: T): T {
  TEXT_CITED.add(input);
  return input;
}

/** Whether markTextCited marked this very object (a copy is not marked). */
export function isTextCited(input: object): boolean {
  return TEXT_CITED.has(input);
}

/** The author of an embedded post, when the article uses the post as a source. */
function citeOfEmbed(author: string, lines: string[], sigIndex: number): string | null {
  const known = findOutlet(author);
  if (known) return known.name;
  if (MEDIA_WORD.test(author)) return author;
  const body: string[] = [];
  for (let j = sigIndex - 1; j >= 0 && j >= sigIndex - 6; j--) {
    const l = lines[j]!.trim();
    if (l === '' || SIGNATURE.test(l)) break;
    body.push(l);
    if (!/^\p{Extended_Pictographic}|^[•·*-]\s|t\.co\/|pic\.twitter\.com/u.test(l) && body.length > 1) break;
  }
  return SOURCING.test(body.join(' ')) && isPersonOrOutletName(author) ? author : null;
}

const AFTER_KNOWN = new RegExp(
  `^(?:\\s*,)?(?:\\s*(?:'s|’s|'|’))?(?:\\s+(?:news agency|[\\p{Ll}]+)){0,2}\\s+(?:reported|reports|reporting|report|said|says|noted|notes|wrote|writes|cited|citing|quoted|quoting|learned|learnt|revealed|reveals|confirmed|added|first|obtained|published|broadcast|aired|showed|reporter|correspondent|journalist|investigation|analysis|interview|story|article|broke|contributed|understands|has learned|says)\\b|^\\s*(?:'s|’s|'|’)\\s+(?:[\\p{Lu}][${L}-]+\\s+){1,3}(?:reported|said|wrote|noted|revealed)\\b|^\\)\\s*[-–—:]|^\\s*:`,
  'u',
);
const BEFORE_KNOWN = new RegExp(
  `(?:according to|as reported by|reported by|first reported by|report(?:s|ed)? (?:by|from|in|on|to)|told|telling|speaking to|spoke to|said to|interview with|(?:statement|interview|report|article|story|investigation|op-ed|piece|remarks|comments) (?:to|with|in|by|on|for)|cited by|citing|cites|quoted by|quoted in|cited in|published (?:by|in|on)|wrote in|writing in|writes in|via|per|confirmed to|broadcast (?:by|on)|aired (?:by|on)|appeared on|on|in|to|with|by)\\s+(?:${DESCRIPTOR}\\s+)?(?:[\\p{Lu}][${L}-]*(?:'s|’s)\\s+)?$|^\\s*[-–—]\\s*$|\\(\\s*$`,
  'u',
);

function scanKnown(line: string, accept: (before: string, after: string) => boolean): Hit[] {
  const out: Hit[] = [];
  for (const m of findOutletMentions(line)) {
    const before = line.slice(Math.max(0, m.at - 120), m.at);
    const after = line.slice(m.end, m.end + 80);
    if (accept(before, after)) out.push({ at: m.at, name: m.name });
  }
  return out;
}

const ROLE = 'journalist|reporter|correspondent|bureau chief|columnist|anchor|editor|commentator';
/** Alternatives that may open a sentence: "according to" | "According to". */
const cap = (alts: string) =>
  alts
    .split('|')
    .map((a) => `[${a[0]!.toUpperCase()}${a[0]}]${a.slice(1)}`)
    .join('|');

/**
 * Patterns for outlets and journalists the table does not know. Each comes with the words it cannot match
 * without: a line is scanned (slowly: a pattern may start at any word) only when it holds one of them.
 */
const UNKNOWN_PATTERNS: Array<{
  words: string[];
  re: RegExp;
  test: (name: string, lead: string, m: RegExpMatchArray) => boolean;
}> = [
  {
    // "Channel 14 reported", "the Syrian channel Ekhbariya TV reported", "Sam Smith first reported"
    words: ['report'],
    re: new RegExp(
      `(${DESCRIPTOR}\\s+)?(${CAP_PHRASE})(?:,[^,]{1,60},)?\\s+(?:has |had |also |first |earlier |previously |exclusively |initially |later )?(?:reported|reports)\\b(\\s+(?:that|on|for|in|from|earlier|last|this)\\b|\\s*[,.:;]|$)?`,
      'gu',
    ),
    // A person "reported that": a journalist; a company "reported earnings" is not.
    test: (name, lead, m) =>
      Boolean(lead) || MEDIA_WORD.test(name) || (isPersonName(name) && m[3] !== undefined),
  },
  {
    // "according to the Saudi channel Al-Hadath", "reported by Saudi state TV Ekhbariya", "a report by X"
    words: [
      'ccording to',
      'eported by',
      ' report ',
      'ited by',
      'uoted by',
      'told',
      'Told',
      'iting',
      'roadcast by',
      'ired by',
    ],
    re: new RegExp(
      `(?:${cap('according to|reported by|as reported by|first reported by|a report (?:by|from|in)|cited by|quoted by|told|citing|broadcast by|aired by')})\\s+(${DESCRIPTOR}\\s+)?(${CAP_PHRASE})`,
      'gu',
    ),
    test: (name, lead) => Boolean(lead) || MEDIA_WORD.test(name),
  },
  {
    // "journalist Jane Doe wrote", "correspondent Ali Omar reported"
    words: ROLE.split('|').map((r) => r.slice(1)),
    re: new RegExp(
      `(?:${cap(ROLE)})\\s+()(${CAP_PHRASE})(?=[,\\s]+(?:reported|said|wrote|posted|tweeted|revealed|confirmed|noted|first))`,
      'gu',
    ),
    test: (name) => isPersonName(name),
  },
  {
    // "X said in a report", "X's report", "the X report"
    words: [' report'],
    re: new RegExp(
      `()(${CAP_PHRASE})(?:(?:'s|’s) report\\b| said in a report\\b| report (?:said|says|found))`,
      'gu',
    ),
    test: (name) => MEDIA_WORD.test(name),
  },
];

function scanLine(line: string): Hit[] {
  const out = scanKnown(line, (before, after) => {
    const sentence = before.split(/[.!?]\s+(?=[\p{Lu}"“])/u).pop() ?? '';
    return BEFORE_KNOWN.test(sentence) || AFTER_KNOWN.test(after);
  });
  for (const p of UNKNOWN_PATTERNS) {
    if (!p.words.some((w) => line.includes(w))) continue;
    for (const m of line.matchAll(p.re)) {
      const lead = (m[1] ?? '').trim();
      const name = cleanName(m[2] ?? '');
      if (!name) continue;
      const at = m.index + m[0].indexOf(m[2]!);
      const known = findOutlet(name);
      if (known) {
        out.push({ at, name: known.name });
        continue;
      }
      if (!isPlausibleName(name) || !p.test(name, lead, m)) continue;
      out.push({ at, name });
    }
  }
  return out;
}

/** Drops a possessive lead ("Israel's Channel 14" → "Channel 14") and a leading article. */
function cleanName(name: string): string {
  let n = name
    .trim()
    .split(/\.\s+/u)[0]!
    .replace(/^(?:The|the|As|And|But|While|When|Meanwhile|Earlier|Later|Also|However|Now|Then)\s+/u, '');
  // "CBS Sports NFL Insider Jason Doe" → "Jason Doe"
  const titled = new RegExp(`^.*\\b(?:${cap(ROLE)}|Insider|Writer|Analyst|Chief|Host)\\s+(.+)$`, 'u').exec(n);
  if (titled) n = titled[1]!;
  const poss = /^[\p{Lu}][\p{L}-]*(?:'s|’s)\s+(.+)$/u.exec(n);
  if (poss) n = poss[1]!;
  return n.replace(/[’'.,]+$/u, '').trim();
}

function isPlausibleName(name: string): boolean {
  if (name.length < 2 || name.length > 60 || !/^\p{L}/u.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.every((w) => SENTENCE_WORDS.has(w))) return false;
  if (SENTENCE_WORDS.has(words[0]!) && words.length === 1) return false;
  if (INSTITUTION.test(name) && !/\b(?:News|Press) Agency\b/.test(name)) return false;
  if (COUNTRY_NAMES.has(name.toLowerCase())) return false;
  return !/^(?:On|In|At|By|For|From|With|After|Before|During|Since|Last|Next|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(
    name,
  );
}

/** Two to four capitalised words, none a country or an institution: the shape of a person's name. */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^(?:(?:al|el|bin|ibn|de|van|von)-)?[\p{Lu}][\p{Ll}\p{M}'’-]+$/u.test(w)))
    return false;
  return (
    isPlausibleName(name) && !words.some((w) => SENTENCE_WORDS.has(w) || COUNTRY_NAMES.has(w.toLowerCase()))
  );
}

function isPersonOrOutletName(name: string): boolean {
  return isPlausibleName(name) && (isPersonName(name) || /^[\p{Lu}\d][\p{L}\d _-]{1,40}$/u.test(name));
}
