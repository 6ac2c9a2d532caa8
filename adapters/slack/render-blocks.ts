import type { types } from '@slack/bolt';
import type { CommandReply } from '../../src/adapter.ts';
import type { Digest, DigestPerson, DigestPlace, DigestSource } from '../../src/types.ts';
import {
  cleanPlainText,
  escapeMrkdwn,
  formatSlackLink,
  truncateMrkdwn,
  truncatePlain,
} from './escape-mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type MrkdwnElement = types.MrkdwnElement;
type SectionBlock = types.SectionBlock;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  blocks: 50,
  text: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
} as const;

export type SlackMessage = { text: string; blocks: KnownBlock[] };

function mrkdwn(text: string, max: number = SLACK_LIMITS.text): MrkdwnElement {
  return { type: 'mrkdwn', text: truncateMrkdwn(text, max), verbatim: true };
}

/** Joins escaped items with `sep` until `max` would be passed, then says how many were left out. */
function joinWithin(prefix: string, items: string[], sep: string, max: number): string {
  let out = prefix;
  for (let i = 0; i < items.length; i++) {
    const piece = (i === 0 ? '' : sep) + items[i];
    const rest = items.length - i;
    const tail = ` … and ${rest} more`;
    const roomForTail = i + 1 < items.length ? ` … and ${rest - 1} more`.length : 0;
    if (out.length + piece.length + roomForTail > max) return truncateMrkdwn(out + tail, max);
    out += piece;
  }
  return out;
}

function personField(p: DigestPerson): string {
  const name = `*${escapeMrkdwn(p.name)}*`;
  if (p.role) return `${name}\n${escapeMrkdwn(p.role)}`;
  return p.kind === 'org' ? `${name}\norganisation` : name;
}

function placeField(p: DigestPlace): string {
  const name = `*${escapeMrkdwn(p.name)}*`;
  return p.country && p.country !== p.name ? `${name}\n${escapeMrkdwn(p.country)}` : name;
}

/** A section titled `title` with one field per item; past 10 fields the last one lists the rest by name. */
function fieldsSection<T extends { name: string }>(
  title: string,
  items: T[],
  render: (item: T) => string,
): SectionBlock {
  const shown = items.length > SLACK_LIMITS.fields ? items.slice(0, SLACK_LIMITS.fields - 1) : items;
  const fields = shown.map((item) => mrkdwn(render(item), SLACK_LIMITS.fieldText));
  const rest = items.slice(shown.length);
  if (rest.length > 0) {
    const names = rest.map((r) => escapeMrkdwn(r.name));
    fields.push(mrkdwn(joinWithin(`*+${rest.length} more*\n`, names, ', ', SLACK_LIMITS.fieldText)));
  }
  return { type: 'section', text: mrkdwn(`*${title}*`), fields };
}

function sourceLabel(s: DigestSource): string {
  if (s.outlet) return s.outlet;
  if (s.url) {
    try {
      return new URL(s.url).hostname;
    } catch {
      // not a URL: fall through
    }
  }
  return 'unnamed source';
}

function citedAgencies(d: Digest): string[] {
  const outlets = new Set(d.sources.map((s) => s.outlet?.toLowerCase()).filter(Boolean));
  const seen = new Map<string, string>();
  for (const s of d.sources)
    for (const c of s.cites)
      if (!outlets.has(c.toLowerCase()) && !seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  return [...seen.values()];
}

function contextBlock(d: Digest): KnownBlock {
  const links = d.sources.map((s) => formatSlackLink(s.url, sourceLabel(s)));
  const elements: MrkdwnElement[] = [];
  if (links.length > 0) elements.push(mrkdwn(joinWithin('Sources: ', links, ' · ', SLACK_LIMITS.text)));
  const cites = citedAgencies(d).map(escapeMrkdwn);
  if (cites.length > 0) elements.push(mrkdwn(joinWithin('Citing: ', cites, ', ', SLACK_LIMITS.text)));
  const n = d.independentSources;
  elements.push(mrkdwn(`${n} independent source${n === 1 ? '' : 's'}`));
  return { type: 'context', elements };
}

/** Block Kit for one digest, every text escaped and cut to Slack's limits; `text` is the notification fallback. */
export function renderDigestBlocks(d: Digest): SlackMessage {
  const headline = cleanPlainText(d.headline).trim() || 'Untitled story';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncatePlain(headline, SLACK_LIMITS.headerText) } },
  ];
  if (d.what.trim()) blocks.push({ type: 'section', text: mrkdwn(escapeMrkdwn(d.what)) });
  if (d.who.length > 0) blocks.push(fieldsSection('Who', d.who, personField));
  if (d.where.length > 0) blocks.push(fieldsSection('Where', d.where, placeField));
  blocks.push(contextBlock(d));
  const what = d.what.trim() ? `: ${escapeMrkdwn(d.what)}` : '';
  return { text: truncateMrkdwn(escapeMrkdwn(headline) + what, SLACK_LIMITS.text), blocks };
}

/** Splits escaped text into pieces of at most `max` characters, at line breaks where it can. */
function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = line.length <= max ? line : truncateMrkdwn(line, max);
  }
  if (current) pieces.push(current);
  return pieces;
}

/** A command reply: its text, then any digests it carries, all within 50 blocks. */
export function renderReplyBlocks(reply: CommandReply): SlackMessage {
  const escaped = escapeMrkdwn(reply.text.trim() || '(no answer)');
  const blocks: KnownBlock[] = splitText(escaped, SLACK_LIMITS.text)
    .slice(0, 10)
    .map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
  const digests = reply.digests ?? [];
  let shown = 0;
  for (const d of digests) {
    const rendered = renderDigestBlocks(d).blocks;
    if (blocks.length + rendered.length + 2 > SLACK_LIMITS.blocks) break;
    blocks.push({ type: 'divider' }, ...rendered);
    shown++;
  }
  if (shown < digests.length)
    blocks.push({ type: 'context', elements: [mrkdwn(`${digests.length - shown} more not shown`)] });
  return { text: truncateMrkdwn(escaped, SLACK_LIMITS.text), blocks };
}
