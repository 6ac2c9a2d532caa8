import { appealScore } from './appeal-score.ts';
import { parseDateline } from './parse-dateline.ts';
import { wordCount } from './word-count.ts';

export { wordCount };

/** What a line of a scraped page is, judged on its own: its shape and its vocabulary. */
export type LineKind =
  | 'nav'
  | 'caption'
  | 'slug'
  | 'appeal'
  | 'promo'
  | 'embed'
  | 'read-more'
  | 'timestamp'
  | 'image'
  | 'sign-off'
  | 'byline'
  | 'url'
  | 'related'
  | 'repeated'
  | 'duplicate';

const NAV_WORDS = [
  'skip to (?:the )?(?:main )?(?:content|navigation|search|footer)',
  'jump to (?:content|navigation|comments)',
  '(?:main )?menu',
  'search',
  'home(?:page)?',
  'log ?in',
  'log ?out',
  'sign ?in',
  'sign ?up',
  'register',
  'subscribe(?: now)?',
  'share(?: this(?: article| story| page)?| on \\w+| via \\w+)?',
  'facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email|e-mail|print|copy(?: link)?|link copied',
  'advertisement|advertising|sponsored(?: content)?|ad|promoted|partner content',
  '\\d* ?comments?',
  'close|back to top|next|previous|next article|previous article|see all|view all|load more|show more',
  'breaking news',
  'topics|tags|categories|filed under',
  'listen(?: to(?: this)? (?:article|story))?(?: \\(?\\d+ min(?:utes?)?\\)?)?',
  '\\d+ min(?:ute)?s? (?:read|listen)',
  'watch(?: live| now| video)?|play(?: video)?|video|audio|gallery|photos',
  'accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|cookie (?:policy|settings)',
  'privacy(?: policy)?|terms(?: of (?:use|service))?|contact(?: us)?|about(?: us)?|careers|help|faq|sitemap',
  'open in app|download (?:the|our) app|get the app|edition|english|follow',
  'font size|text size|a\\+|a-|dark mode|light mode|bookmark|save|saved|gift(?: this)? article',
  'continue reading(?: the main story| below)?|story continues(?: below)?|article continues below',
  'caption|image|photo|enlarge(?: this image)?|expand|toggle caption|hide caption|back to gallery|view gallery|photo gallery|slideshow',
  '(?:image|photo|slide) \\d+ (?:of|/) \\d+|\\d+ (?:of|/) \\d+',
  'updated|posted|published|advert|sponsored links|related tags|post (?:a )?comment(?: \\(\\+\\))?|sharing is caring!?',
  '\\S+ sharing buttons|this slideshow requires javascript|thanks for (?:signing up|subscribing|reading)!?|sorry!?',
  '(?:\\S+ ){0,2}logo',
  'flipboard|pinterest|tweet|shares?|youtube|instagram|tiktok|rss|learn more|got a tip\\??|advertise(?: with us)?|ad choices',
  'cancel|more|popular|archives|menu sections|sections|skip to article|copy link url copied!?|url copied!?|created with sketch',
  'leave a (?:reply|comment)(?: cancel reply)?|view (?:\\d+ )?comments|comments are closed|view the discussion thread',
  'letters to the editor|your california privacy rights|privacy notice|do not sell my (?:personal )?info(?:rmation)?',
  'terms of (?:service|use) privacy (?:notice|policy)|place an? (?:classified )?ad|our company|newsletters?|podcasts?',
  '(?:19|20)\\d\\d',
];
/** Comment forms, share widgets and site footers, in the words their software prints. */
const WIDGET = new RegExp(
  [
    'save my name, email, and website',
    'your email address will not be published',
    'required fields are marked',
    'this site uses akismet',
    'post was not sent',
    'cannot share posts by email',
    'email check failed',
    'these are external links and will open in a new window',
    'powered by (?:wordpress|wp|blogger|ghost|substack)',
    'you are signed in as',
    'javascript (?:is )?(?:disabled|required)|enable javascript',
    'your browser does not support',
  ].join('|'),
  'iu',
);
/** Headers of lists of other articles: the headlines after them are links, not body. */
const SECTION_HEADER = new RegExp(
  `^(?:${[
    'top stories|most read|most popular|most viewed|most shared|trending(?: now)?|latest(?: news| stories)?',
    'related(?: articles| stories| content| coverage| topics| news| posts| reading)?|recommended(?: for you| stories| reading)?',
    'you may also like|you might also like|more (?:from|on|about|in) .{1,40}|more news|read next|up next|what to read next',
    "more (?:great |top |recent |popular )?(?:\\S+ )?stories|editor(?:'|’)?s picks|don(?:'|’)t miss|further reading|see also",
  ].join('|')})\\s*[:»›>→.…]*$`,
  'iu',
);
/** "Read more »" after a headline: the link belongs to the line above. */
export const LINK_AFTER =
  /^(?:read more|continue reading|full story|read the full (?:story|article)|more)\s*[»›>→.…]*$/iu;
const NAV = new RegExp(`^(?:${NAV_WORDS.join('|')})\\s*[:»›>→.…]*$`, 'iu');
const LABEL_LINE = /^(?:tags?|topics?|categories|filed under|keywords|section|related topics)\s*:/iu;
const MENU_SEPARATORS = /\s+[|•·›»>/]\s+|\s{3,}/u;

const CREDIT_PAREN =
  /\s*\((?:[^()]{0,60}\/[^()]{1,60}|[^()]{0,60}\b(?:screenshot|[Pp]hoto|[Pp]hotograph|[Ii]mage|[Cc]redit|[Cc]ourtesy|[Hh]andout|[Ff]ile|[Ii]llustration|Getty|[Vv]ia)\b[^()]{0,60})\)\s*\.?\s*$/u;
const CREDIT_TAIL =
  /(?:^|[.!?)]\s*|\s[|–—-]\s*)(?:(?:Photo|Image|Picture|Video|Top|Header|Lead|Main|Feature|Featured) )?(?:Photo|Photograph|Picture|Image|Credit|Illustration|Video|Footage)s?\s*(?:by)?\s*(?:[:|]|\.\.\.|…)\s*\S.{0,80}$/iu;
const CAPTION_PREFIX =
  /^(?:Above|Below|Top|Pictured|Main image|Left|Right|Inset|Featured image|Top image|Header image)\s*:/u;
const CREDIT_ONLY =
  /^(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}(?:\/\s*)?(?:Getty Images|AFP|AP|REUTERS|Reuters|EPA|EPA-EFE|Anadolu|Shutterstock|Alamy|AP Photo|Xinhua|SOPA Images|NurPhoto)(?:\s*(?:via|\/)\s*[\p{L} .'’-]{1,40})?$/u;
const AGENCY_SLASH = /^(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU)\s*\/\s*\p{Lu}/u;

const READ_MORE =
  /^[[(]?(?:read more|read also|also read|see also|related|recommended|more|watch|listen|read next|more on this|read the full (?:story|article)|full story|continue reading|read more about)\s*(?:[:»›>→|]|\.\.\.|…)/iu;
const READ_MORE_BARE =
  /^(?:read more|read also|also read|see also|continue reading|read next|full story)\s*[:»›>→.…]*$/iu;

const TIME_TOKEN =
  /(?:\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|k|m)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|yesterday|today|just now|now|ago|updated|published|posted|last updated|first published|modified|date|on|at|views?|reads?|comments?|shares?|likes?|votes?|rating|replies|reactions|points|min(?:ute)?s?|hours?|hrs?|h|m|s|days?|weeks?|months?|years?|am|pm|a\.m\.|p\.m\.|et|pt|ct|mt|hkt|sgt|kst|wib|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|ist|ast|eet|eest|idt|msk|jst|aest|[+-]\d{2}:?\d{2})/giu;

const SIGN_OFF = [
  /\bcontributed (?:reporting )?to this (?:report|article|story)\.?$/iu,
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|edited|written|translated|research) by\b/iu,
  /^(?:with|—|–)\s*(?:agencies|wires|afp|ap|reuters|dpa|efe|ansa|anadolu)\.?$/iu,
  /^(?:agencies|news agencies|wire services) contributed\b/iu,
  /^this (?:article|story|report|piece) (?:was|has been|is) (?:originally |first |also )?(?:published|updated|amended|corrected|produced|translated)\b/iu,
  /^(?:the author|the writer|\S+ \S+) can be reached (?:at|via)\b/iu,
  /^follow (?:him|her|them|\S+(?: \S+)?) on (?:twitter|x|instagram|bluesky|threads|facebook)\b/iu,
  /^(?:(?:email|e-mail|contact)\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/iu,
  /^[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+){1,3},\s+[\p{L} .]{0,40}\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff)$/iu,
  /^[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+){1,3},? (?:is|was) (?:a|an|the) [^.]{0,80}\b(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|producer)\b[^.]{0,80}\.?$/u,
  /^[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+){1,3}, (?:founding |managing |executive |deputy )?(?:editor|editor-in-chief|publisher|ceo)\b/iu,
];
const BYLINE =
  /^[Bb]y\s+[\p{Lu}][\p{L}'’.-]+(?:,?\s+(?:and\s+|&\s+)?[\p{Lu}][\p{L}'’.-]+){0,7}(?:\s*[|,–—-]\s*[\p{L} ]{1,40})?$/u;

export const EMBED_MARK = /pic\.twitter\.com\/\S+|https?:\/\/t\.co\/\S+/iu;
export const SIGNATURE =
  /^\s*[—–-]+\s*.{1,80}?\s*\(@[A-Za-z0-9_]{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})?\s*$/u;
const EMBED_LINE =
  /^(?:a post shared by .{1,80}|view this post on instagram|view (?:on|more on) (?:instagram|facebook|x|twitter|tiktok|youtube)|watch on youtube|embed from getty images|(?:this )?(?:tweet|post|video|content) (?:is|was) (?:unavailable|not available)|load(?:ing)? (?:tweet|embed|video)…?|[—–-]\s*.{1,80}\(@\w{1,30}\)\s*.{0,40})$/iu;
export const URL_LINE = /^<?(?:https?:\/\/|www\.)\S+>?$/iu;
export const IMAGE_MD = /!\[[^\]]{0,300}\]\([^)\s]{0,500}\)/gu;
const PICTO_START = /^[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u;

export const MAX_FURNITURE_WORDS = 80;

export function isTimestampLine(line: string): boolean {
  if (!/\d/.test(line) || line.length > 80 || /^\d+$/.test(line)) return false;
  return line.replace(TIME_TOKEN, ' ').replace(/[\s.,:;|/\\·•()\-–—]+/gu, '') === '';
}

export function isCaption(line: string): boolean {
  return (
    // The credit patterns end in ")" or mark the credit with ":", "|" or an ellipsis.
    (line.includes(')') && CREDIT_PAREN.test(line) && wordCount(line) <= 60) ||
    CREDIT_ONLY.test(line) ||
    AGENCY_SLASH.test(line) ||
    (/[:|…]|\.\.\./u.test(line) && CREDIT_TAIL.test(line) && wordCount(line) <= 60) ||
    (CAPTION_PREFIX.test(line) && wordCount(line) <= 50) ||
    (line.includes(')') && /\((?:[\p{L} ]{1,40} )?screenshot\)\s*$/iu.test(line))
  );
}

export function isEmbedStart(line: string): boolean {
  return PICTO_START.test(line) || EMBED_MARK.test(line) || /^[@#]\w/u.test(line);
}

function isMenu(line: string): boolean {
  const parts = line.split(MENU_SEPARATORS).map((p) => p.trim());
  if (parts.length < 3) return false;
  return parts.every((p) => p.length > 0 && wordCount(p) <= 4 && !/[.!?]$/u.test(p));
}

/** The kind of furniture a line is on its own, or null when it may be body text. */
export function classifyLine(line: string): LineKind | null {
  const words = wordCount(line);
  // Furniture is short; a line this long is body text (or a whole page on one line).
  if (line === '' || words > MAX_FURNITURE_WORDS) return null;
  if (SIGNATURE.test(line) || EMBED_LINE.test(line) || (EMBED_MARK.test(line) && words <= 60)) return 'embed';
  if (URL_LINE.test(line)) return 'url';
  if (isTimestampLine(line)) return 'timestamp';
  if (words <= 8 && SECTION_HEADER.test(line)) return 'read-more';
  if (words <= 8 && NAV.test(line)) return 'nav';
  if (words <= 25 && WIDGET.test(line)) return 'nav';
  if (words <= 30 && LABEL_LINE.test(line)) return 'nav';
  if (isMenu(line)) return 'nav';
  if (/^\[[^\]]{1,200}\]\([^)]*\)$/u.test(line)) return 'read-more';
  if (READ_MORE_BARE.test(line) || (words <= 25 && READ_MORE.test(line))) return 'read-more';
  if (isCaption(line)) return 'caption';
  if (isSlug(line)) return 'slug';
  if (words <= 40 && SIGN_OFF.some((r) => r.test(line))) return 'sign-off';
  if (BYLINE.test(line) && words <= 12) return 'byline';
  if (isDatedByline(line, words)) return 'byline';
  if (appealScore(line) >= 2)
    return /\brepublish|\bsyndicat|©|copyright|rights reserved/iu.test(line) ? 'promo' : 'appeal';
  return null;
}

const CLOCK = /\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?\s*$/iu;
const BYLINE_LEAD = /^(?:by|posted|published|updated|written by|last updated|first published)\b/iu;

/** "Chris Doe - Nov 19, 2019, 10:31 pm CST", "Posted on May 3, 2024 by admin": a byline or dateline with a date. */
function isDatedByline(line: string, words: number): boolean {
  if (words > 16 || /[.!?]$/u.test(line) || !parseDateline(line)) return false;
  return BYLINE_LEAD.test(line) || CLOCK.test(line) || /\s[-–—|•·]\s/u.test(line);
}

/** An all-capitals slug or kicker: no lower-case letters, no caseless script. */
function isSlug(line: string): boolean {
  if (/\p{Ll}/u.test(line) || /\p{Lo}/u.test(line) || wordCount(line) > 15) return false;
  return (line.match(/\p{Lu}/gu)?.length ?? 0) >= 4;
}

/** Short, unpunctuated, capitalised: the shape of a headline or a sub-heading. */
export function isHeadlineLike(line: string): boolean {
  const words = wordCount(line);
  if (words < 2 || words > 22 || line.length > 160) return false;
  if (/[.,;:]$/u.test(line)) return false;
  if (/^[-*•·]\s/u.test(line)) return false;
  return /^["“'‘]?[\p{Lu}\d]/u.test(line);
}

/** Prose: long, or ending as a sentence ends. */
export function isProse(line: string): boolean {
  return wordCount(line) > 22 || line.length > 160 || /[.!?…。！？]["”’)」』]?$/u.test(line);
}
