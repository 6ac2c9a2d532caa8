/**
 * Slack mrkdwn treats `<…>` as markup (mentions, links, channel refs) and `&` as the start of an
 * entity. Escaping these three characters is what Slack asks for, and it is enough to stop text from
 * forming a mention or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The inverse of `escapeMrkdwn`, for reading what was sent. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Plain text for Slack `plain_text` objects: Slack never parses markup there; only strip control characters. */
export function cleanPlainText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

/**
 * A link `<url|label>` when the URL is http(s), else the escaped label alone. Characters that would
 * end the link early (`|`, `>`) are percent-encoded in the URL.
 */
export function formatSlackLink(url: string | null, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return safeLabel;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${safeLabel}>`;
}

/**
 * Shortens already-escaped mrkdwn to at most `max` characters, ending with "…", without cutting an
 * entity (`&amp;`) or a `<…>` link in half; prefers a word boundary.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  cut = cut.replace(/&[a-z]*$/i, '');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** Shortens plain text to at most `max` characters (code points kept whole), ending with "…". */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}
