/** Paragraph-level boilerplate common to news sites, matched on short paragraphs only. */
const BOILERPLATE_LINES: RegExp[] = [
  /^(read|see|watch|listen|check out)( (more|also|next|the full story|this|it))?\s*(:|\||-|–|—|»|\.\.\.|…|$)/i,
  /^(related|more|recommended|trending|popular|latest|top stories|most read|don'?t miss|also on|also read|further reading)\b.{0,40}(:|$)/i,
  /^(related|more|recommended)( (coverage|stories|articles|content|posts?|reading|videos?|news|from \S+( \S+)?))?\s*:?$/i,
  /^you (may|might|could) (also )?(like|enjoy|be interested)/i,
  /^(sign up|subscribe|click here|tap here|follow us|follow \S+ on|join (us|our)|get (the|our) (latest|free|best)|download (the|our)|like us on|share (this|on)|want more)/i,
  /^(advert(isement)?|sponsored( content)?|comments?|\d+ comments?|post comment|leave a (comment|reply)|share|tweet|email|print|skip to (main )?content|loading( content)?(\.\.\.|…)?|close|caption|menu|home|sign in|log ?in|reprints?|order reprints|print article|text size)\s*[.!:]?$/i,
  /^(image|photo|picture|media|video)\s*(\d+\s*of\s*\d+|copyright|caption|credit|source)\b/i,
  /^(photo|image|picture|credit|source|foto|fotos|bild|quelle|crédit)s?\s*(:|by\b)/i,
  /^\(?(image|photo|picture|pictured|credit)s?\s*[:©]/i,
  /\((image|photo|picture|credit)s?\s*[:©][^)]*\)\s*$/i,
  /^credit\.\.\./i,
  /^(updated|published|posted|first published|last updated|last modified|created)\b.{0,60}\d/i,
  /(copyright|©|\(c\)\s*\d{4}|all rights reserved)/i,
  /this (post|article|page|story) (may )?contains? affiliate/i,
  /(uses|use) cookies/i,
  /^(tags?|topics?|filed under|categories|category|keywords)\s*:/i,
  /^(this (slideshow|video|content|feature) requires javascript|media playback is unsupported)/i,
  /^(want|have) a (news )?tip\?/i,
  /^(tell us|let us know) what you think/i,
  /^the post .{1,200} appeared first on /i,
  /\baffiliate (commission|links?)\b/i,
  /\bfollow (him|her|them|us|me) on (twitter|x|facebook|instagram|linkedin)\b/i,
  /^(like|liked|enjoy|enjoyed|love) (this|the) (story|article|post)\b/i,
  /\bshare (it|this) with (a|your) friends?\b/i,
  /^continue reading\b/i,
  /\bclick here\b/i,
  /\b(sign up|subscribe|register)\b.{0,80}\b(newsletters?|inbox|e-?mails?)\b/i,
  /\b(newsletters?)\b.{0,80}\b(sign up|subscribe|delivered|inbox)\b/i,
];

const SHORT_LINE = 300;
/** Kickers, bylines and datelines above an article run longer than the labels below one; lists end articles too. */
const LEAD_LABEL_WORDS = 10;
const TAIL_LABEL_WORDS = 3;

/** Attribution lines: not body text, but they name the agencies and reporters behind the story. */
const CREDIT_LINES: RegExp[] = [
  /\bcontributed (reporting|to this (report|story|article))\b/i,
  /^\(?(additional |with )?reporting by\b/i,
  /^\(?(writing|editing|edited|compiled|written) by\b/i,
  /^\(?(with|additional) (reporting|input|contributions?) (from|by)\b/i,
  /^(source|sources|via)\s*:/i,
  /^(?:[Bb]y|BY|[Vv]on|[Pp]or|[Pp]ar|[Dd]i)\s+[\p{Lu}][\p{L}'.-]+(\s+[\p{Lu}][\p{L}'.-]+){0,3}(\s*(,|and|&|\||-|–)\s*[^.!?]*)?$/u,
];
const CREDIT_LINE = 400;

function isCreditLine(p: string): boolean {
  return p.length <= CREDIT_LINE && CREDIT_LINES.some((re) => re.test(p));
}

/** Photo captions in wire style ("In this March 3 file photo, ...", "FILE PHOTO: ..."), which run longer. */
const CAPTION_LINES: RegExp[] = [
  /^(in )?this\b.{0,60}\b(file |handout |undated |aerial )?(photo|image|picture|photograph|video still)\b/i,
  /^(file|handout) (photo|picture|image)\b/i,
];
const CAPTION_LINE = 500;

export function isBoilerplateLine(p: string): boolean {
  if (p.length <= SHORT_LINE && BOILERPLATE_LINES.some((re) => re.test(p))) return true;
  return p.length <= CAPTION_LINE && CAPTION_LINES.some((re) => re.test(p));
}

/** Drops boilerplate lines inside a paragraph (a byline and date joined by <br>); '' when none is left. */
function filterLines(p: string, credits: string[]): string {
  const keep = (line: string) => {
    if (isCreditLine(line)) {
      credits.push(line);
      return false;
    }
    return !isBoilerplateLine(line);
  };
  if (!p.includes('\n')) return keep(p) ? p : '';
  return p.split('\n').filter(keep).join('\n');
}

function wordCount(p: string): number {
  return p.split(/\s+/).filter(Boolean).length;
}

const SENTENCE_END = /[.!?。！？…:;"'”’»)\]]$/u;

/** Short lines with no sentence ending at the edges of the body are kickers, bylines, dates or tags. */
function isEdgeLine(p: string, maxWords: number): boolean {
  if (/^\d+([.,:/-]\d+)*$/.test(p)) return true;
  if (wordCount(p) > maxWords || SENTENCE_END.test(p)) return false;
  return /^[\p{L}\p{N}]/u.test(p) || p.length < 40;
}

const AUTHOR_BIO =
  /^(\p{Lu}[\p{L}'’.-]+\s+){1,3}(is|was|covers|writes|has been|joined)\b.{0,160}\b(reporter|writer|editor|correspondent|journalist|contributor|columnist|author|curator|producer|host|critic|freelancer)s?\b/u;

/**
 * "Jane Doe is a reporter for …" closing an article is the author's bio, not the story — when Jane
 * Doe is the byline; a story may well end by saying who someone in it is.
 */
function isAuthorBio(p: string, bylines: string[]): boolean {
  const m = p.length <= SHORT_LINE ? AUTHOR_BIO.exec(p) : null;
  if (!m) return false;
  const name = p
    .slice(0, m[0].length)
    .split(/\s+(?:is|was|covers|writes|has been|joined)\b/u)[0]!
    .trim();
  return bylines.some((b) => b.includes(name));
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type FilteredParagraphs = {
  paragraphs: string[];
  /** Attribution lines and the short byline/dateline labels trimmed from the edges of the body. */
  credits: string[];
};

/**
 * Drops boilerplate paragraphs from the extracted body: known promo/caption/date lines, a repeated
 * headline, and short label-like lines at the start and end of the article. Attribution lines are
 * returned apart, as credits.
 */
export function filterParagraphs(
  paragraphs: string[],
  title: string | null,
  bylines: string[] = [],
): FilteredParagraphs {
  const titleKey = title ? normalize(title) : null;
  const credits: string[] = [];
  const out = paragraphs
    .map((p) => filterLines(p, credits))
    .filter((p) => p !== '' && !(titleKey && normalize(p) === titleKey));
  let start = 0;
  while (start < out.length - 1 && isEdgeLine(out[start]!, LEAD_LABEL_WORDS)) start++;
  let end = out.length;
  while (end - 1 > start && isEdgeLine(out[end - 1]!, TAIL_LABEL_WORDS)) end--;
  while (end - 1 > start && isAuthorBio(out[end - 1]!, bylines)) end--;
  credits.unshift(...out.slice(0, start));
  credits.push(...out.slice(end));
  return { paragraphs: out.slice(start, end), credits };
}
