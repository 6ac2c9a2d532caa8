import type { Digest, DigestPerson, DigestPlace, DigestSource } from '../src/types.ts';

const MAX_NAMES = 8;

const sourceCount = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

function personText(p: DigestPerson): string {
  return `${p.name}${p.role ? ` (${p.role})` : ''} — ${sourceCount(p.sources.length)}`;
}

function placeText(p: DigestPlace): string {
  const country = p.country && p.country !== p.name ? `, ${p.country}` : '';
  return `${p.name}${country} — ${sourceCount(p.sources.length)}`;
}

function sourceText(s: DigestSource): string {
  const cites = s.cites.length ? ` (citing ${s.cites.join(', ')})` : '';
  return `${s.outlet ?? 'Unknown outlet'}${cites}${s.url ? ` ${s.url}` : ''}`;
}

function more(total: number, shown: number): string[] {
  return total > shown ? [`  … and ${total - shown} more`] : [];
}

function dateOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** A digest as plain text, for the CLI and the console adapter. */
export function renderDigestText(d: Digest): string {
  const lines = [d.headline];
  if (d.what) lines.push(d.what);
  if (d.who.length) {
    lines.push('Who:');
    for (const p of d.who.slice(0, MAX_NAMES)) lines.push(`  - ${personText(p)}`);
    lines.push(...more(d.who.length, MAX_NAMES));
  }
  if (d.where.length) {
    lines.push('Where:');
    for (const p of d.where.slice(0, MAX_NAMES)) lines.push(`  - ${placeText(p)}`);
    lines.push(...more(d.where.length, MAX_NAMES));
  }
  lines.push(`Sources (${d.independentSources} independent of ${d.sources.length}):`);
  for (const s of d.sources) lines.push(`  - ${sourceText(s)}`);
  if (d.related.length) lines.push(`Related: ${d.related.join(', ')}`);
  lines.push(
    `First seen ${dateOf(d.firstSeen)} · updated ${dateOf(d.updated)} · story ${d.storyId} v${d.version}`,
  );
  return lines.join('\n');
}

/** Escapes Markdown's inline markup so names and titles print as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

function linkMarkdown(label: string, url: string | null): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

/** A digest as Markdown (CommonMark), for the CLI's --markdown and Markdown-speaking adapters. */
export function renderDigestMarkdown(d: Digest): string {
  const lines = [`**${escapeMarkdown(d.headline)}**`];
  if (d.what) lines.push('', escapeMarkdown(d.what));
  const person = (p: DigestPerson) =>
    `- **${escapeMarkdown(p.name)}**${p.role ? ` (${escapeMarkdown(p.role)})` : ''} — ${sourceCount(p.sources.length)}`;
  const place = (p: DigestPlace) =>
    `- **${escapeMarkdown(p.name)}**${p.country && p.country !== p.name ? `, ${escapeMarkdown(p.country)}` : ''} — ${sourceCount(p.sources.length)}`;
  if (d.who.length) {
    lines.push('', '*Who*');
    lines.push(
      ...d.who.slice(0, MAX_NAMES).map(person),
      ...more(d.who.length, MAX_NAMES).map((l) => `- ${l.trim()}`),
    );
  }
  if (d.where.length) {
    lines.push('', '*Where*');
    lines.push(
      ...d.where.slice(0, MAX_NAMES).map(place),
      ...more(d.where.length, MAX_NAMES).map((l) => `- ${l.trim()}`),
    );
  }
  lines.push('', `*Sources* (${d.independentSources} independent of ${d.sources.length})`);
  for (const s of d.sources) {
    const cites = s.cites.length ? ` (citing ${s.cites.map(escapeMarkdown).join(', ')})` : '';
    lines.push(`- ${linkMarkdown(s.outlet ?? s.url ?? 'Unknown outlet', s.url)}${cites}`);
  }
  if (d.related.length) lines.push('', `Related: ${d.related.map((r) => `\`${r}\``).join(', ')}`);
  lines.push(
    '',
    `_First seen ${dateOf(d.firstSeen)} · updated ${dateOf(d.updated)} · story \`${d.storyId}\` v${d.version}_`,
  );
  return lines.join('\n');
}
