import type { Schedule, Subscription } from '../delivery/delivery.ts';

/** "2026-03-03" of an ISO time, in the given zone. */
export function formatDay(iso: string, timeZone = 'UTC'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
}

export const sourcesText = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

/** One line per story: id, headline, independent sources, day (in `timeZone`). */
export function formatStoryLine(
  s: { storyId: string; headline: string; independentSources: number; updated: string },
  timeZone = 'UTC',
): string {
  const headline = s.headline.length > 120 ? `${s.headline.slice(0, 119)}…` : s.headline;
  return `• ${s.storyId} — ${headline} — ${sourcesText(s.independentSources)} — ${formatDay(s.updated, timeZone)}`;
}

export function describeSchedule(schedule: Schedule, timeZone: string): string {
  return schedule.kind === 'daily'
    ? `daily at ${schedule.time} ${timeZone}`
    : `cron "${schedule.expression}" ${timeZone}`;
}

export function formatSubscription(s: Subscription): string {
  const parts = [
    `${s.id} — ${describeSchedule(s.schedule, s.timeZone)}`,
    s.filter ? `filter: ${s.filter}` : 'no filter',
  ];
  if (s.paused) parts.push(`paused${s.pausedReason ? ` (${s.pausedReason})` : ''}`);
  if (s.lastRunAt) parts.push(`last digest ${s.lastRunAt.slice(0, 16).replace('T', ' ')} UTC`);
  return `• ${parts.join(' — ')}`;
}
