import { validateDetailed } from 'node-cron';
import type { Schedule } from '../delivery/delivery.ts';
import { type Filter, parseFilter } from './filter.ts';

/** A channel named in a command: an id from a mention, or a bare `#name` the platform must resolve. */
export type ChannelTarget = { channelId: string; byName: boolean };

/** A filter as typed (stored with subscriptions) and as parsed (to match with). */
export type FilterArg = { text: string; filter: Filter };

export type Command =
  | { kind: 'help' }
  | { kind: 'today'; filter: FilterArg | null }
  | { kind: 'search'; query: string }
  | { kind: 'story'; storyId: string }
  | { kind: 'repost'; storyId: string; channel: ChannelTarget | null }
  | { kind: 'why'; storyId: string }
  | { kind: 'subscribe'; schedule: Schedule; timeZone: string | null; filter: FilterArg | null }
  | { kind: 'unsubscribe'; subscriptionId: string | null }
  | { kind: 'subscriptions' }
  | { kind: 'sources-add'; url: string }
  | { kind: 'sources-list' }
  | { kind: 'sources-remove'; feedId: string };

export type CommandKind = Command['kind'];

export type ParseCommandResult = { ok: true; command: Command } | { ok: false; error: string; help: string };

export const COMMAND_HELP = [
  '/news — news digests from the sources this workspace follows',
  '/news help — this text',
  '/news today [filter] — today’s top stories',
  '/news search <words> — find past stories ("quoted phrases" allowed)',
  '/news story <id> — one story in full',
  '/news why <id> — which articles make the story, what joined them, and this channel’s filter verdict',
  '/news repost <id> [#channel] — post a story again, here or in another channel (another channel: admins)',
  '/news subscribe daily <HH:MM> [time zone] [filter] — a daily digest here (admins)',
  '/news subscribe cron "<m h dom mon dow>" [time zone] [filter] — a digest on a cron schedule (admins)',
  '/news unsubscribe [id] — stop one subscription, or all of this channel’s (admins)',
  '/news subscriptions — this channel’s subscriptions',
  '/news sources add <feed url> | list | remove <id> — the feeds we read (add/remove: admins)',
  'Filters: words, "phrases", AND / OR / NOT (or -word), ( ), who:Name, where:Place, outlet:Name',
  'Time zones: Area/City names such as Europe/Berlin, or UTC, UTC+2',
].join('\n');

export const MAX_COMMAND_CHARS = 2000;

const STORY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SUBSCRIPTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

class CommandSyntaxError extends Error {}

const fail = (message: string): never => {
  throw new CommandSyntaxError(message);
};

/** Splits off the first whitespace-separated word. */
function splitWord(text: string): [string, string] {
  const trimmed = text.trim();
  const m = trimmed.match(/^(\S+)\s*([\s\S]*)$/);
  return m ? [m[1] as string, m[2] as string] : ['', ''];
}

function readStoryId(text: string, usage: string): [string, string] {
  const [id, rest] = splitWord(text);
  if (!id) fail(`missing story id. Usage: ${usage}`);
  if (!STORY_ID.test(id)) fail(`story id "${clip(id)}" is not an id (letters, digits, - and _)`);
  return [id, rest];
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `<#C123|name>` (Slack), `<#C123>` / `<#123>` (Discord), `#name`, or a bare id. */
export function parseChannel(text: string): ChannelTarget | null {
  const t = text.trim();
  const mention = t.match(/^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/);
  if (mention) return { channelId: mention[1] as string, byName: false };
  const name = t.match(/^#([\p{L}\p{N}_-]{1,80})$/u);
  if (name) return { channelId: name[1] as string, byName: true };
  if (/^(?:C|G)[A-Z0-9]{6,}$|^\d{15,21}$/.test(t)) return { channelId: t, byName: false };
  return null;
}

/** "8:00" / "08:00" → "08:00"; null when not a 24-hour time. */
export function parseClockTime(text: string): string | null {
  const m = text.match(/^(\d{1,2}):(\d{2})$/);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** An IANA zone name (any case) → its canonical spelling; "UTC+2" → "Etc/GMT-2"; null when unknown. */
export function parseTimeZone(text: string): string | null {
  const offset = text.match(/^(?:UTC|GMT)([+-])(\d{1,2})$/i);
  let zone = text;
  if (offset) {
    const hours = Number(offset[2]);
    if (hours > 14) return null;
    zone = hours === 0 ? 'UTC' : `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
  }
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A word is taken as a time zone when it looks like one: Area/City, UTC or GMT (with an offset). */
function looksLikeTimeZone(word: string): boolean {
  return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(word) || /^(?:UTC|GMT)(?:[+-]\d{1,2})?$/i.test(word);
}

/** Checks a 5-field cron expression with node-cron; the error names the field and value. */
export function checkCronExpression(expression: string): string | null {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    return `cron expression "${clip(expression)}" needs 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  }
  let result: ReturnType<typeof validateDetailed>;
  try {
    result = validateDetailed(fields.join(' '));
  } catch (err) {
    return `cron expression "${clip(expression)}" is not valid (${err instanceof Error ? err.message : String(err)})`;
  }
  if (result.valid) return null;
  const first = result.errors[0];
  const what = first
    ? `${first.field.replace(/([A-Z])/g, ' $1').toLowerCase()} "${first.value ?? ''}"`
    : 'a field';
  return `cron expression "${clip(expression)}": ${what} is not valid`;
}

function readFilter(text: string): FilterArg | null {
  const t = text.trim();
  if (!t) return null;
  const parsed = parseFilter(t);
  if (!parsed.ok) fail(parsed.error);
  return { text: t, filter: (parsed as { ok: true; filter: Filter }).filter };
}

function readZoneAndFilter(text: string): { timeZone: string | null; filter: FilterArg | null } {
  const [word, rest] = splitWord(text);
  if (word && looksLikeTimeZone(word)) {
    const zone = parseTimeZone(word);
    if (!zone) fail(`unknown time zone "${clip(word)}" (use an IANA name such as Europe/Berlin, or UTC)`);
    return { timeZone: zone, filter: readFilter(rest) };
  }
  return { timeZone: null, filter: readFilter(text) };
}

const SUBSCRIBE_USAGE =
  '/news subscribe daily <HH:MM> [time zone] [filter] or /news subscribe cron "<expression>" …';

function parseSubscribe(args: string): Command {
  const [mode, rest] = splitWord(args);
  const kind = mode.toLowerCase();
  if (kind === 'daily') {
    const [time, after] = splitWord(rest);
    if (!time) fail(`missing time. Usage: ${SUBSCRIBE_USAGE}`);
    const clock = parseClockTime(time);
    if (!clock) fail(`time "${clip(time)}" is not a 24-hour HH:MM time (e.g. 08:00)`);
    return {
      kind: 'subscribe',
      schedule: { kind: 'daily', time: clock as string },
      ...readZoneAndFilter(after),
    };
  }
  if (kind === 'cron') {
    const text = rest.trim().replace(/^[“”]/, '"');
    if (!text.startsWith('"'))
      fail(`the cron expression must be in quotes, e.g. "0 8 * * 1-5". Usage: ${SUBSCRIBE_USAGE}`);
    const close = text.slice(1).search(/["“”]/);
    if (close < 0) fail(`unclosed quote in cron expression ${clip(text)}`);
    const expression = text
      .slice(1, close + 1)
      .trim()
      .replace(/\s+/g, ' ');
    const problem = checkCronExpression(expression);
    if (problem) fail(problem);
    return {
      kind: 'subscribe',
      schedule: { kind: 'cron', expression },
      ...readZoneAndFilter(text.slice(close + 2)),
    };
  }
  if (!mode) fail(`missing schedule. Usage: ${SUBSCRIBE_USAGE}`);
  return fail(`unknown schedule "${clip(mode)}" (use daily or cron). Usage: ${SUBSCRIBE_USAGE}`);
}

function parseSources(args: string): Command {
  const [action, rest] = splitWord(args);
  switch (action.toLowerCase()) {
    case '':
    case 'list':
      if (rest) fail(`"sources list" takes nothing after it, found "${clip(rest)}"`);
      return { kind: 'sources-list' };
    case 'add': {
      const [url, extra] = splitWord(rest);
      if (!url) fail('missing feed URL. Usage: /news sources add <feed url>');
      if (extra) fail(`"sources add" takes one URL, found more: "${clip(extra)}"`);
      return { kind: 'sources-add', url: url.replace(/^<(.+?)(?:\|[^>]*)?>$/, '$1') };
    }
    case 'remove':
    case 'rm':
    case 'delete': {
      const [id, extra] = splitWord(rest);
      if (!id) fail('missing source id. Usage: /news sources remove <id> (ids: /news sources list)');
      if (extra) fail(`"sources remove" takes one id, found more: "${clip(extra)}"`);
      return { kind: 'sources-remove', feedId: id };
    }
    default:
      return fail(`unknown sources action "${clip(action)}" (use add, list or remove)`);
  }
}

function parseNoArgs(kind: 'help' | 'subscriptions', rest: string): Command {
  if (rest && kind === 'subscriptions') fail(`"subscriptions" takes nothing after it, found "${clip(rest)}"`);
  return { kind };
}

function parseValid(text: string): Command {
  const [word, rest] = splitWord(text);
  const sub = word.toLowerCase();
  switch (sub) {
    case '':
    case 'help':
      return parseNoArgs('help', rest);
    case 'today':
      return { kind: 'today', filter: readFilter(rest) };
    case 'search': {
      const query = rest.trim();
      if (!/[\p{L}\p{N}]/u.test(query)) fail('missing search words. Usage: /news search <words>');
      return { kind: 'search', query };
    }
    case 'story':
    case 'why': {
      const [storyId, extra] = readStoryId(rest, `/news ${sub} <id>`);
      if (extra) fail(`"${sub}" takes one story id, found more: "${clip(extra)}"`);
      return { kind: sub, storyId };
    }
    case 'repost': {
      const [storyId, after] = readStoryId(rest, '/news repost <id> [#channel]');
      const [target, extra] = splitWord(after);
      if (extra) fail(`"repost" takes a story id and one channel, found more: "${clip(extra)}"`);
      if (!target) return { kind: 'repost', storyId, channel: null };
      const channel = parseChannel(target);
      if (!channel) fail(`"${clip(target)}" is not a channel (use #channel or a channel mention)`);
      return { kind: 'repost', storyId, channel };
    }
    case 'subscribe':
      return parseSubscribe(rest);
    case 'unsubscribe': {
      const [id, extra] = splitWord(rest);
      if (extra) fail(`"unsubscribe" takes at most one subscription id, found more: "${clip(extra)}"`);
      if (id && !SUBSCRIPTION_ID.test(id)) fail(`subscription id "${clip(id)}" is not an id`);
      return { kind: 'unsubscribe', subscriptionId: id || null };
    }
    case 'subscriptions':
      return parseNoArgs('subscriptions', rest);
    case 'sources':
    case 'feeds':
      return parseSources(rest);
    default:
      return fail(`unknown command "${clip(word)}"`);
  }
}

/** Parses everything after `/news`. Never throws: bad input gives an error naming the bad part, and the help. */
export function parseCommand(text: string): ParseCommandResult {
  if (typeof text !== 'string') return { ok: false, error: 'the command is not text', help: COMMAND_HELP };
  if (text.length > MAX_COMMAND_CHARS)
    return {
      ok: false,
      error: `the command is ${text.length} characters long; at most ${MAX_COMMAND_CHARS}`,
      help: COMMAND_HELP,
    };
  try {
    return { ok: true, command: parseValid(text.replace(/\u00a0/g, ' ')) };
  } catch (err) {
    if (err instanceof CommandSyntaxError) return { ok: false, error: err.message, help: COMMAND_HELP };
    throw err;
  }
}
