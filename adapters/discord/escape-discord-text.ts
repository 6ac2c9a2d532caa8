import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/**
 * Breaks everything Discord would turn into a mention or a reference (@everyone, @here, <@id>,
 * <@&role>, <#channel>, </command:id>, <t:…>, <:emoji:id>) by putting a zero-width space after
 * the trigger. The text reads the same; `allowedMentions: { parse: [] }` is still sent on every
 * message, this only keeps the text from looking like a ping.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#!:/]|a:|t:|id:)/g, `<${ZWSP}`);
}

/** Article text for an embed or message: no markdown, links or mentions can form from it. */
export function escapeDiscordText(text: string): string {
  const md = escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  return neutraliseMentions(md);
}

/**
 * Cuts `text` to at most `max` characters, ending in "…" when cut: at a word boundary when one is
 * near, never inside a surrogate pair, never leaving a dangling escape backslash.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = max - 1;
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * 0.8) cut = space;
  let head = text.slice(0, cut);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  head = head.replace(/\\+$/, (m) => (m.length % 2 === 0 ? m : m.slice(1))).trimEnd();
  return `${head}…`;
}

/**
 * Splits text into messages of at most `max` characters, at line breaks where it can, else at
 * spaces, else anywhere.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}
