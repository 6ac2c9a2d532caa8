import { findOutlet, findOutletMentions, outletFromUrl } from '../outlets.ts';
import type { LineKind } from './line-kinds.ts';

const SELF_NAMING: RegExp[] = [
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(.+?)[.,]?\s*(?:all rights reserved.*)?$/iu,
  /^is (.+?) important to you\??$/iu,
  /^(.+?) (?:delivers|provides|brings you|offers) (?:independent|unrivall?ed|trusted|award-winning|the latest|breaking|in-depth|daily|news|coverage)/iu,
  /^(.+?) is (?:an? |the )(?:independent|leading|award-winning|nonprofit|non-profit|reader-supported)\b/iu,
  /^(?:support|subscribe to|join) (.+?)(?:'s|’s)? (?:journalism|community|today)\b/iu,
  /^(?:get|sign up for|subscribe to|receive) (?:the )?(.+?)(?:'s|’s)? (?:morning |evening |daily |weekly |free )*(?:newsletter|briefing|digest)\b/iu,
  /^(?:more|latest|most read|most popular|top stories) (?:from|on|at) (.+?)\s*[:»›>]*$/iu,
];
const CORPORATE_SUFFIX =
  /\s*,?\s*\b(?:Ltd|Limited|Inc|LLC|plc|PLC|GmbH|S\.A\.|Corp(?:oration)?|Group|Holdings|Company)\.?$/u;
const FURNITURE_VOTERS = new Set<LineKind>(['appeal', 'promo', 'nav', 'read-more', 'repeated']);

function nameFromSelfNaming(line: string): string | null {
  for (const re of SELF_NAMING) {
    const m = re.exec(line);
    if (!m?.[1]) continue;
    const name = m[1]
      .replace(CORPORATE_SUFFIX, '')
      .replace(/^the\s+/iu, (t) => t)
      .trim();
    const known = findOutlet(name);
    if (known) return known.name;
    const words = name.split(/\s+/);
    if (words.length <= 6 && words.every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(?:of|the|and|de|al)$/u.test(w)))
      return name;
  }
  return null;
}

/**
 * The page's own outlet: named by its copyright, self-description or appeal lines, else the known outlet its
 * furniture mentions most, else its URL's domain; null when it cannot be told. Body text never decides it:
 * an outlet named there is a cite, not the publisher.
 */
export function detectOutlet(
  lines: string[],
  kinds: Array<LineKind | null>,
  hints: { url: string | null; source: string },
): string | null {
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    if (
      kind !== 'appeal' &&
      kind !== 'promo' &&
      kind !== 'sign-off' &&
      kind !== 'read-more' &&
      kind !== 'nav'
    )
      continue;
    const name = nameFromSelfNaming(lines[i]!);
    if (name) return name;
  }
  const votes = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    if (!FURNITURE_VOTERS.has(kinds[i] as LineKind)) continue;
    for (const m of findOutletMentions(lines[i]!)) votes.set(m.name, (votes.get(m.name) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  return (hints.url && outletFromUrl(hints.url)) || outletFromUrl(hints.source) || null;
}
