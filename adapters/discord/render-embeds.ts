import type { APIEmbed, APIEmbedField } from 'discord.js';
import { embedLength } from 'discord.js';
import type { Digest, DigestPerson, DigestPlace, DigestSource } from '../../src/types.ts';
import { escapeDiscordText, neutraliseMentions, truncateText } from './escape-discord-text.ts';

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const embedLimits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of all titles, descriptions, field names and values, footers and author names in one message. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

/** The what sentence is short by contract; a longer one is cut so who/where/sources keep room. */
const descriptionBudget = 2000;
const digestColour = 0x2b6cb0;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Identical lines once, with "(×N)" when repeated, in first-seen order. */
function countDuplicates(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, n]) => (n > 1 ? `${line} (×${n})` : line));
}

/** Joins whole lines up to `max` characters, ending with "… and N more" when some did not fit. */
export function fitLines(lines: string[], max: number): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const rest = lines.length - i - 1;
    const suffix = rest > 0 ? `\n… and ${rest} more`.length : 0;
    const add = (out.length > 0 ? 1 : 0) + line.length;
    if (used + add + suffix <= max) {
      out.push(line);
      used += add;
      continue;
    }
    if (out.length === 0) {
      out.push(truncateText(line, max - suffix));
      if (rest > 0) out.push(`… and ${rest} more`);
      break;
    }
    // The previous line was only added with room left for this note.
    out.push(`… and ${lines.length - i} more`);
    break;
  }
  return out.join('\n');
}

function personLine(p: DigestPerson): string {
  const name = `**${escapeDiscordText(p.name)}**`;
  return p.role ? `${name} — ${escapeDiscordText(p.role)}` : name;
}

function placeLine(p: DigestPlace): string {
  const name = escapeDiscordText(p.name);
  return p.country && p.country !== p.name ? `${name}, ${escapeDiscordText(p.country)}` : name;
}

/** A URL safe inside a markdown link target, or null when it is not http(s). */
function linkTarget(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.href.replace(
      /[()<>\s|]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return null;
  }
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function sourceLine(s: DigestSource): string {
  const label = escapeDiscordText(s.outlet ?? hostOf(s.url) ?? 'Unnamed source');
  const target = linkTarget(s.url);
  const linked = target && target.length <= 512 ? `[${label}](${target})` : label;
  return s.cites.length > 0 ? `${linked} — citing ${s.cites.map(escapeDiscordText).join(', ')}` : linked;
}

function citedAgencies(d: Digest): string[] {
  const outlets = new Set(d.sources.map((s) => s.outlet).filter((o): o is string => Boolean(o)));
  const cited = new Set<string>();
  for (const s of d.sources) for (const c of s.cites) if (!outlets.has(c)) cited.add(c);
  return [...cited];
}

function footerText(d: Digest): string {
  const parts = [
    plural(d.independentSources, 'independent source'),
    `story ${d.storyId}`,
    `version ${d.version}`,
  ];
  if (d.related.length > 0)
    parts.push(d.related.length === 1 ? '1 related story' : `${d.related.length} related stories`);
  // Footers show markdown literally, so they get no escapes (and cannot mention anyone).
  return truncateText(neutraliseMentions(parts.join(' · ')), embedLimits.footer);
}

function firstLink(d: Digest): string | undefined {
  for (const s of d.sources) {
    const target = linkTarget(s.url);
    if (target && target.length <= 2048) return target;
  }
  return undefined;
}

function validTimestamp(iso: string): string | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/**
 * One story as Discord embeds: the headline as title (linked to the first source), the what
 * sentence, fields for who (with roles), where, sources (linked, with what they cite) and cited
 * agencies, and a footer with the independent-source count. Everything stays within Discord's
 * limits, cut at whole lines with "… and N more" or at words with "…".
 */
export function renderDigestEmbeds(d: Digest): APIEmbed[] {
  const title = truncateText(escapeDiscordText(d.headline || 'Untitled story'), embedLimits.title);
  const description = truncateText(escapeDiscordText(d.what), descriptionBudget);
  const footer = footerText(d);
  let budget = embedLimits.total - title.length - description.length - footer.length;

  const wanted: { name: string; lines: string[] }[] = [
    { name: 'Who', lines: d.who.map(personLine) },
    { name: 'Where', lines: d.where.map(placeLine) },
    { name: 'Sources', lines: countDuplicates(d.sources.map(sourceLine)) },
    { name: 'Cited agencies', lines: citedAgencies(d).map(escapeDiscordText) },
  ];
  const fields: APIEmbedField[] = [];
  for (const { name, lines } of wanted) {
    if (lines.length === 0 || fields.length >= embedLimits.fields) continue;
    const room = Math.min(embedLimits.fieldValue, budget - name.length);
    if (room < 40) break;
    const value = fitLines(lines, room);
    fields.push({ name, value, inline: name === 'Where' });
    budget -= name.length + value.length;
  }

  const embed: APIEmbed = { title, description, color: digestColour, fields, footer: { text: footer } };
  const url = firstLink(d);
  if (url) embed.url = url;
  const timestamp = validTimestamp(d.updated);
  if (timestamp) embed.timestamp = timestamp;
  return [embed];
}

/**
 * Groups embeds into messages: at most 10 a message and 6,000 characters across them. An embed
 * that alone exceeds the total is still sent alone (renderDigestEmbeds never makes one).
 */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const len = embedLength(embed);
    if (
      current.length > 0 &&
      (current.length >= embedLimits.embedsPerMessage || size + len > embedLimits.total)
    ) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += len;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
