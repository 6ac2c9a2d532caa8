/**
 * Vocabulary of appeals (donate, subscribe, sign up, cookies, "all rights reserved"). Each pattern comes with
 * the words it cannot match without: the patterns open with \b, which makes every one of them a slow scan of
 * the whole line, so a line is tried only against the patterns whose words it contains. Case-insensitive
 * matching (/iu) also lets "ſ" match "s", hence the folding below.
 */
import { wordCount } from './word-count.ts';

type Worded = { words: string[]; re: RegExp };

const STRONG_APPEAL: Worded[] = [
  {
    words: ['sign up', 'sign in', 'sign on'],
    re: /^\W*sign (?:up|in|on)\b|\bsign (?:up|in|on) (?:for|to) (?:our|the|my|free|get|receive|updates|email|alerts)\b|\bsign (?:up|in) (?:now|here|today)\b/iu,
  },
  { words: ['subscribe '], re: /\bsubscribe (?:to|now|today|for)\b/iu },
  { words: ['already '], re: /\balready (?:a |an )?(?:member|subscriber|supporter)\b/iu },
  { words: ['in to'], re: /\b(?:log|sign) in to\b/iu },
  { words: ['donat'], re: /\bdonat(?:e|ion)s?\b/iu },
  {
    words: ['support '],
    re: /\bsupport (?:our|independent|quality|trusted|fearless) (?:journalism|reporting|work|newsroom)\b/iu,
  },
  { words: ['become '], re: /\bbecome (?:a |an )?(?:member|subscriber|supporter|patron|insider)\b/iu },
  { words: ['important to you?'], re: /\bimportant to you\?/iu },
  { words: ['ad-free'], re: /\bad-free\b/iu },
  { words: ['$', '€', '£'], re: /[$€£]\s?\d{1,2}(?:[.,]\d\d)?\s*(?:a|per|\/)\s*(?:month|year|week)\b/iu },
  { words: ['join '], re: /\bjoin (?:our|the) (?:community|club|list|mailing list)\b/iu },
  {
    words: ['republish', 'syndicat', 'reprint '],
    re: /\brepublish(?:ing)?\b|\bsyndicat(?:e|ion)\b|\breprint (?:rights|this)\b/iu,
  },
  {
    words: ['all rights reserved', '©', 'copyright'],
    re: /\ball rights reserved\b|^©|^copyright\b|\bcopyright ©|©\s?\d{4}/iu,
  },
  { words: ['us on'], re: /\b(?:follow|like) us on\b/iu },
  { words: ['download '], re: /\bdownload (?:our|the) (?:free )?app\b/iu },
  { words: ['click here'], re: /\bclick here\b/iu },
  {
    words: ['share', 'commission', 'affiliate'],
    re: /\b(?:may|might|will) (?:get|earn|receive) (?:a |an )?(?:small )?(?:share|commission|affiliate)\b|\baffiliate (?:links?|commission)\b/iu,
  },
  {
    words: ['opt-in', 'i agree ', 'keep an eye on your inbox'],
    re: /\bopt-in\b|\bI agree (?:that|to)\b.*\b(?:newsletter|email|terms)\b|\bkeep an eye on your inbox\b/iu,
  },
  {
    words: ['follow '],
    re: /^follow .{1,80} on (?:facebook|twitter|x|instagram|tiktok|youtube|linkedin|telegram|threads|bluesky)\b/iu,
  },
  {
    words: ['facebook', 'twitter', 'instagram', 'youtube', 'tiktok', 'linkedin', 'telegram', 'whatsapp'],
    re: /\b(?:facebook|twitter|instagram|youtube|tiktok|linkedin|telegram|whatsapp)\b.{0,40}\b(?:facebook|twitter|instagram|youtube|tiktok|linkedin|telegram|whatsapp)\b.{0,40}\b(?:facebook|twitter|instagram|youtube|tiktok|linkedin|telegram|whatsapp)\b/iu,
  },
  { words: ['more about '], re: /\bmore about \S+(?: \S+){0,3} can be found\b/iu },
  {
    words: ['get our ', 'get the '],
    re: /\bget (?:our|the) (?:latest|best|top|daily|weekly|free)\b.*\b(?:inbox|newsletter|email)\b/iu,
  },
  { words: ['your inbox'], re: /\b(?:in|to) your inbox\b/iu },
  { words: ['cookie'], re: /\bcookies?\b.*\b(?:consent|accept|settings|preferences|we use)\b/iu },
  { words: ['stop seeing this'], re: /\bstop seeing this\b/iu },
  { words: ['give'], re: /\bI(?:'|’)ll give\b|\bgive (?:now|today|monthly|once)\b/iu },
];
const WEAK_APPEAL: Worded[] = [
  {
    words: ['our '],
    re: /\bour (?:\w+ )?(?:journalism|journalists|reporting|newsroom|work|coverage|mission|readers|reporters)\b/iu,
  },
  {
    words: ['your '],
    re: /\byour (?:support|appreciation|contribution|generosity|subscription|membership)\b/iu,
  },
  { words: ['readers like you'], re: /\breaders like you\b/iu },
  { words: ['you '], re: /\byou (?:value|appreciate|rely on|trust|care)\b/iu },
  {
    words: ['please consider', 'we have '],
    re: /\bplease consider\b|\bwe have (?:an ask|a request|a favou?r)\b/iu,
  },
  {
    words: ['financially', 'member', 'subscri', 'contribut'],
    re: /\bfinancially\b|\bmembers?(?:hip)?\b|\bsubscri(?:be|ption|bers?)\b|\bcontribut(?:e|ion)\b/iu,
  },
  {
    words: ['exclusive content', 'paywall', 'free '],
    re: /\bexclusive content\b|\bpaywall\b|\bfree (?:and|access)\b/iu,
  },
  {
    words: ['coverage', 'journalism', 'reporting', 'news'],
    re: /\b(?:independent|unrivall?ed|unparallel(?:l)?ed|fearless|trusted) (?:\w+ )?(?:coverage|journalism|reporting|news)\b/iu,
  },
  { words: ['newsletter'], re: /\bnewsletters?\b/iu },
  { words: ['thank you'], re: /\bthank you\b/iu },
];
const QUOTE_MARK = /["“”«»„]|(?:^|\s)['‘][^']{3,}['’](?:\s|[.,]|$)/u;

/** Lower case as /iu compares letters: "ſ" (long s) matches "s" there, and "K" (Kelvin) lower-cases to "k". */
export function foldCase(line: string): string {
  const lower = line.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any word of any pattern, in one scan: most lines hold none. */
const ANY_WORD = new RegExp(
  [...STRONG_APPEAL, ...WEAK_APPEAL].flatMap((p) => p.words.map(escapeRe)).join('|'),
);

function countMatches(patterns: Worded[], line: string, folded: string): number {
  let n = 0;
  for (const p of patterns)
    for (const w of p.words)
      if (folded.includes(w)) {
        if (p.re.test(line)) n++;
        break;
      }
  return n;
}

/** The appeal patterns with their words, for tests. */
export const APPEAL_PATTERNS: ReadonlyArray<Readonly<Worded>> = [...STRONG_APPEAL, ...WEAK_APPEAL];

/** Strong appeal vocabulary, or two kinds of weak appeal vocabulary, outside quoted speech. */
export function appealScore(line: string): number {
  const folded = foldCase(line);
  if (!ANY_WORD.test(folded)) return 0;
  const strong = countMatches(STRONG_APPEAL, line, folded);
  const weak = countMatches(WEAK_APPEAL, line, folded);
  // In a long paragraph one strong phrase may be the story's own ("how many services consumers will sign up for").
  if (strong > 0) return (QUOTE_MARK.test(line) || wordCount(line) > 30) && strong + weak < 2 ? 1 : 2;
  if (folded.includes('newsletter') && /\bnewsletters?\b/iu.test(line) && wordCount(line) <= 12) return 2;
  return QUOTE_MARK.test(line) ? Math.min(weak, 1) : weak;
}
