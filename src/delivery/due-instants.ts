import type { Schedule } from './delivery.ts';
import { type CronFields, type LocalTime, matchesCron, parseCron } from './parse-cron.ts';

/**
 * When scheduled digests are due. All our own arithmetic (node-cron only wakes us up), minute by
 * minute in the subscription's time zone, so that tests with fake clocks and DST days are exact.
 *
 * Daylight-saving rules:
 * - A daily time that occurs twice (fall back, e.g. 02:30 on 2026-10-25 in Europe/Berlin) runs once,
 *   at its first occurrence.
 * - A daily time that does not exist (spring forward, e.g. 02:30 on 2026-03-29 in Europe/Berlin) runs
 *   once, at the first minute after the gap (03:00 local), so a daily digest is never skipped.
 * - A cron expression follows the wall clock: minutes in a gap do not occur, repeated minutes match once.
 */

const MINUTE = 60_000;
export const CATCH_UP_WINDOW_MS = 24 * 60 * MINUTE;

export type ScheduleCheck = { ok: true } | { ok: false; error: string };

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Null when `timeZone` is a time zone this runtime knows (IANA name, e.g. "Europe/Berlin"), else why not. */
export function checkTimeZone(timeZone: string): string | null {
  if (!timeZone.trim()) return 'time zone is empty';
  try {
    formatterOf(timeZone);
    return null;
  } catch {
    return `unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin or UTC)`;
  }
}

function readLocalTime(ms: number, timeZone: string): LocalTime {
  const out: Record<string, string> = {};
  for (const p of formatterOf(timeZone).formatToParts(ms)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    weekday: weekdays[out.weekday ?? ''] ?? 0,
  };
}

/** Offsets change only on quarter-hour UTC boundaries, so one Intl lookup serves 15 minutes. */
const BLOCK = 15 * MINUTE;
const offsets = new Map<string, number>();

function offsetAt(ms: number, timeZone: string): number {
  const block = Math.floor(ms / BLOCK) * BLOCK;
  const key = `${timeZone}|${block}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const t = readLocalTime(block, timeZone);
    offset = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) - block;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Wall-clock fields of instant `ms` in `timeZone` (minute precision). */
export function toLocalTime(ms: number, timeZone: string): LocalTime {
  const d = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** "8:00" or "08:00" → minutes after midnight; null when not a valid 24-hour time. */
export function parseDailyTime(text: string): number | null {
  const m = text.trim().match(/^(\d{1,2}):(\d{2})$/);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** A clear message naming the bad part (time, cron expression or time zone), or ok. */
export function checkSchedule(schedule: Schedule, timeZone: string): ScheduleCheck {
  if (schedule.kind === 'daily') {
    if (parseDailyTime(schedule.time) === null)
      return { ok: false, error: `time "${schedule.time}" is not a 24-hour HH:MM time (e.g. 08:00)` };
  } else {
    const parsed = parseCron(schedule.expression);
    if (!parsed.ok) return parsed;
  }
  const tz = checkTimeZone(timeZone);
  return tz ? { ok: false, error: tz } : { ok: true };
}

/** The node-cron expression that wakes us for this schedule (daily HH:MM → `M H * * *`). */
export function toCronExpression(schedule: Schedule): string {
  if (schedule.kind === 'cron') return schedule.expression.trim();
  const total = parseDailyTime(schedule.time) ?? 0;
  return `${total % 60} ${Math.floor(total / 60)} * * *`;
}

type Matcher = (ms: number) => boolean;

const sameDate = (a: LocalTime, b: LocalTime) => a.year === b.year && a.month === b.month && a.day === b.day;
const minuteOfDay = (t: LocalTime) => t.hour * 60 + t.minute;
/** Earlier instants that may show the same wall-clock minute after a DST change. */
const lookBacks = [30 * MINUTE, 60 * MINUTE, 120 * MINUTE];

function createMatcher(schedule: Schedule, timeZone: string): Matcher {
  const local = (ms: number) => toLocalTime(ms, timeZone);
  if (schedule.kind === 'daily') {
    const target = parseDailyTime(schedule.time);
    if (target === null) return () => false;
    return (ms) => {
      const now = local(ms);
      const cur = minuteOfDay(now);
      let hit = cur === target;
      if (!hit && cur > target) {
        const prev = local(ms - MINUTE);
        hit = sameDate(prev, now) && minuteOfDay(prev) < target;
      }
      if (!hit) return false;
      // A repeat when the wall clock already reached the target earlier that local day.
      return !lookBacks.some((d) => {
        const t = local(ms - d);
        return sameDate(t, now) && minuteOfDay(t) >= target;
      });
    };
  }
  const parsed = parseCron(schedule.expression);
  if (!parsed.ok) return () => false;
  const fields: CronFields = parsed.fields;
  return (ms) => {
    const now = local(ms);
    if (!matchesCron(fields, now)) return false;
    return !lookBacks.some((d) => {
      const t = local(ms - d);
      return sameDate(t, now) && minuteOfDay(t) === minuteOfDay(now);
    });
  };
}

/** Scheduled instants in (after, until], oldest first, whole minutes. */
export function listDueInstants(schedule: Schedule, timeZone: string, after: Date, until: Date): Date[] {
  const match = createMatcher(schedule, timeZone);
  const out: Date[] = [];
  const start = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  for (let ms = start; ms <= until.getTime(); ms += MINUTE) if (match(ms)) out.push(new Date(ms));
  return out;
}

/**
 * The run to send now: the latest scheduled instant after the previous run (or the subscription's
 * creation) and at most `windowMs` (24 h) old; older missed runs are not sent. Null when none is due.
 */
export function findDueRun(
  sub: { schedule: Schedule; timeZone: string; lastRunAt: string | null; createdAt: string },
  now: Date,
  opts: { windowMs?: number; checkedUntil?: Date } = {},
): Date | null {
  const floor = now.getTime() - (opts.windowMs ?? CATCH_UP_WINDOW_MS) - 1;
  const from = Math.max(
    Date.parse(sub.lastRunAt ?? sub.createdAt),
    floor,
    opts.checkedUntil ? opts.checkedUntil.getTime() : Number.NEGATIVE_INFINITY,
  );
  if (from >= now.getTime()) return null;
  // Latest first: a subscription due now is found in one step instead of a day's worth of minutes.
  const match = createMatcher(sub.schedule, sub.timeZone);
  const first = Math.floor(from / MINUTE) * MINUTE + MINUTE;
  for (let ms = Math.floor(now.getTime() / MINUTE) * MINUTE; ms >= first; ms -= MINUTE)
    if (match(ms)) return new Date(ms);
  return null;
}
