import { toLocalTime } from '../delivery/due-instants.ts';

const MINUTE = 60_000;

/** The wall-clock reading of `ms` in `timeZone`, as if that reading were UTC. */
function wallClockOf(ms: number, timeZone: string): number {
  const t = toLocalTime(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) + (((ms % MINUTE) + MINUTE) % MINUTE);
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
