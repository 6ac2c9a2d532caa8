/** A parsed 5-field cron expression: the allowed values of each field. */
export type CronFields = {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 0 = Sunday … 6 = Saturday (7 is read as 0). */
  daysOfWeek: Set<number>;
  /** Standard cron: when both day fields are restricted, a day matching either one is a match. */
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
};

export type ParseCronResult = { ok: true; fields: CronFields } | { ok: false; error: string };

type FieldSpec = { name: string; min: number; max: number; names?: string[] };

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const specs: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: monthNames },
  { name: 'day of week', min: 0, max: 7, names: dayNames },
];

function readValue(text: string, spec: FieldSpec): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const i = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (i < 0) return null;
  return spec.name === 'month' ? i + 1 : i;
}

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = part.match(/^(\*|[\w]+(?:-[\w]+)?)(?:\/(\d{1,2}))?$/);
    if (!m) return `${spec.name} "${part}" is not a value, range or step`;
    const [, range, stepText] = m;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return `${spec.name} step "${stepText}" must be at least 1`;
    let lo = spec.min;
    let hi = spec.max === 7 ? 6 : spec.max;
    if (range !== '*') {
      const [a, b] = range!.split('-');
      const from = readValue(a!, spec);
      const to = b === undefined ? (stepText === undefined ? from : hi) : readValue(b, spec);
      if (from === null || to === null) return `${spec.name} "${part}" is not a known value`;
      if (from < spec.min || from > spec.max || to < spec.min || to > spec.max)
        return `${spec.name} "${part}" is outside ${spec.min}–${spec.max}`;
      if (from > to) return `${spec.name} range "${part}" runs backwards`;
      lo = from;
      hi = to;
    }
    for (let v = lo; v <= hi; v += step) out.add(spec.max === 7 && v === 7 ? 0 : v);
  }
  return out;
}

/**
 * Parses a standard 5-field cron expression (minute hour day-of-month month day-of-week): `*`,
 * lists, ranges, steps and jan–dec / sun–sat names. The error names the field that is wrong.
 */
export function parseCron(expression: string): ParseCronResult {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '')
    return {
      ok: false,
      error: `cron expression "${expression}" needs 5 fields (minute hour day-of-month month day-of-week), got ${parts[0] === '' ? 0 : parts.length}`,
    };
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const set = parseField(parts[i]!, specs[i]!);
    if (typeof set === 'string') return { ok: false, error: `cron expression "${expression}": ${set}` };
    sets.push(set);
  }
  return {
    ok: true,
    fields: {
      minutes: sets[0]!,
      hours: sets[1]!,
      daysOfMonth: sets[2]!,
      months: sets[3]!,
      daysOfWeek: sets[4]!,
      dayOfMonthStar: parts[2] === '*',
      dayOfWeekStar: parts[4] === '*',
    },
  };
}

export type LocalTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
};

export function matchesCron(f: CronFields, t: LocalTime): boolean {
  if (!f.minutes.has(t.minute) || !f.hours.has(t.hour) || !f.months.has(t.month)) return false;
  const dom = f.daysOfMonth.has(t.day);
  const dow = f.daysOfWeek.has(t.weekday);
  if (f.dayOfMonthStar || f.dayOfWeekStar) return dom && dow;
  return dom || dow;
}
