const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockOf(ms: number, timeZone: string): number {
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
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The instant the local day holding `now` began in `timeZone` (midnight, or the first instant after a skipped one). */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const wall = wallClockOf(now.getTime(), timeZone);
  const midnightWall = wall - (wall % 86_400_000);
  // Local midnight as UTC: subtract the zone's offset, taken again at the guess (offsets change at DST).
  let guess = midnightWall - (wall - now.getTime());
  for (let i = 0; i < 2; i++) guess = midnightWall - (wallClockOf(guess, timeZone) - guess);
  // A zone whose clocks skip midnight: the day starts at the first instant that reads as that day.
  if (wallClockOf(guess, timeZone) < midnightWall) guess += midnightWall - wallClockOf(guess, timeZone);
  return new Date(Math.floor(guess / 1000) * 1000);
}
