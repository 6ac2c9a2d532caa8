import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  findDueRun,
  listDueInstants,
  toCronExpression,
  toLocalTime,
} from '../../src/delivery/due-instants.ts';
import { parseCron } from '../../src/delivery/parse-cron.ts';

const berlin = 'Europe/Berlin';
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const daily = (time: string) => ({ kind: 'daily' as const, time });

/** Every instant in a window spanning the whole local day, from the evening before to the late evening (local). */
function dayOf(schedule: Parameters<typeof listDueInstants>[0], day: string) {
  return iso(
    listDueInstants(schedule, berlin, new Date(`${day}T00:00:00+03:00`), new Date(`${day}T21:59:00Z`)),
  );
}

describe('scheduled instants', () => {
  it('runs a daily 08:00 Berlin digest at 08:00 local time, in winter and in summer', () => {
    expect(dayOf(daily('08:00'), '2026-01-15')).toEqual(['2026-01-15T07:00:00.000Z']);
    expect(dayOf(daily('08:00'), '2026-07-15')).toEqual(['2026-07-15T06:00:00.000Z']);
  });

  it('runs exactly once on both daylight-saving change days', () => {
    // 2026-03-29: clocks go 02:00 → 03:00; 2026-10-25: 03:00 → 02:00.
    expect(dayOf(daily('08:00'), '2026-03-29')).toEqual(['2026-03-29T06:00:00.000Z']);
    expect(dayOf(daily('08:00'), '2026-10-25')).toEqual(['2026-10-25T07:00:00.000Z']);
    // 02:30 does not exist in spring: sent at 03:00 local, right after the gap.
    expect(dayOf(daily('02:30'), '2026-03-29')).toEqual(['2026-03-29T01:00:00.000Z']);
    // 02:30 happens twice in autumn: only the first (summer-time) one.
    expect(dayOf(daily('02:30'), '2026-10-25')).toEqual(['2026-10-25T00:30:00.000Z']);
    expect(dayOf(daily('02:30'), '2026-03-28')).toEqual(['2026-03-28T01:30:00.000Z']);
  });

  it('gives one run per day over a week that crosses a change', () => {
    const got = listDueInstants(
      daily('02:30'),
      berlin,
      new Date('2026-10-21T00:00Z'),
      new Date('2026-10-28T00:00Z'),
    );
    expect(got).toHaveLength(7);
  });

  it('follows the wall clock for cron expressions, repeated minutes once', () => {
    const cron = { kind: 'cron' as const, expression: '30 2 * * *' };
    expect(dayOf(cron, '2026-10-25')).toEqual(['2026-10-25T00:30:00.000Z']);
    expect(dayOf(cron, '2026-03-29')).toEqual([]);
    const weekdays = { kind: 'cron' as const, expression: '0 9 * * mon-fri' };
    // 2026-05-02 is a Saturday.
    expect(dayOf(weekdays, '2026-05-02')).toEqual([]);
    expect(dayOf(weekdays, '2026-05-04')).toEqual(['2026-05-04T07:00:00.000Z']);
  });

  it('finds the latest missed run within 24 hours, and none older', () => {
    const sub = {
      schedule: daily('08:00'),
      timeZone: berlin,
      lastRunAt: '2026-05-01T06:00:00.000Z',
      createdAt: '2026-04-01T00:00:00Z',
    };
    expect(findDueRun(sub, new Date('2026-05-02T05:59:00Z'))).toBeNull();
    expect(findDueRun(sub, new Date('2026-05-02T06:00:00Z'))?.toISOString()).toBe('2026-05-02T06:00:00.000Z');
    expect(findDueRun(sub, new Date('2026-05-02T09:30:00Z'))?.toISOString()).toBe('2026-05-02T06:00:00.000Z');
    expect(findDueRun(sub, new Date('2026-05-03T07:00:00Z'))?.toISOString()).toBe('2026-05-03T06:00:00.000Z');
    // Down for three days: only the latest run (within 24 h) is sent.
    expect(findDueRun(sub, new Date('2026-05-04T12:00:00Z'))?.toISOString()).toBe('2026-05-04T06:00:00.000Z');
    // Last run already sent: nothing.
    expect(
      findDueRun({ ...sub, lastRunAt: '2026-05-04T06:00:00.000Z' }, new Date('2026-05-04T12:00:00Z')),
    ).toBeNull();
    // More than 24 h late with no later instant: not sent.
    const weekly = { ...sub, schedule: { kind: 'cron' as const, expression: '0 8 * * mon' } };
    expect(findDueRun(weekly, new Date('2026-05-05T07:00:00Z'))).toBeNull();
    // Never before the subscription existed.
    expect(
      findDueRun(
        { ...sub, lastRunAt: null, createdAt: '2026-05-02T06:30:00Z' },
        new Date('2026-05-02T09:00Z'),
      ),
    ).toBeNull();
  });

  it('finds the same run as the latest listed instant, across change days and cron schedules', () => {
    const schedules = [
      daily('02:30'),
      daily('08:00'),
      daily('23:59'),
      { kind: 'cron' as const, expression: '*/20 2-3 * * *' },
      { kind: 'cron' as const, expression: '0 9 * * 1' },
    ];
    const nows = [
      '2026-03-29T01:10:00Z',
      '2026-03-29T02:05:30Z',
      '2026-10-25T01:45:00Z',
      '2026-05-04T07:00:00Z',
    ];
    for (const schedule of schedules)
      for (const tz of [berlin, 'America/St_Johns', 'UTC'])
        for (const at of nows) {
          const now = new Date(at);
          const sub = { schedule, timeZone: tz, lastRunAt: null, createdAt: '2026-01-01T00:00:00Z' };
          const from = new Date(now.getTime() - 24 * 3_600_000 - 1);
          const listed = listDueInstants(schedule, tz, from, now).at(-1) ?? null;
          expect(findDueRun(sub, now)?.toISOString() ?? null, `${JSON.stringify(schedule)} ${tz} ${at}`).toBe(
            listed?.toISOString() ?? null,
          );
        }
  });

  it('names the bad part of a schedule', () => {
    expect(checkSchedule(daily('25:00'), berlin)).toEqual({
      ok: false,
      error: expect.stringMatching(/time "25:00"/),
    });
    expect(checkSchedule(daily('08:00'), 'Europe/Atlantis')).toEqual({
      ok: false,
      error: expect.stringMatching(/time zone "Europe\/Atlantis"/),
    });
    expect(checkSchedule({ kind: 'cron', expression: '0 8 * *' }, berlin)).toEqual({
      ok: false,
      error: expect.stringMatching(/needs 5 fields/),
    });
    expect(parseCron('0 25 * * *')).toEqual({ ok: false, error: expect.stringMatching(/hour "25"/) });
    expect(parseCron('*/0 * * * *')).toEqual({ ok: false, error: expect.stringMatching(/step/) });
    expect(parseCron('0 9 * * fri-mon')).toEqual({ ok: false, error: expect.stringMatching(/backwards/) });
    expect(checkSchedule(daily('7:05'), berlin)).toEqual({ ok: true });
    expect(toCronExpression(daily('7:05'))).toBe('5 7 * * *');
  });

  it('reads wall-clock time like Intl does, in zones with odd offsets and DST rules', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'UTC',
    ];
    const minutes = fc.integer({
      min: Date.parse('2025-01-01T00:00Z') / 60_000,
      max: Date.parse('2028-01-01T00:00Z') / 60_000,
    });
    fc.assert(
      fc.property(minutes, fc.constantFrom(...zones), (m, timeZone) => {
        const ms = m * 60_000;
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
          })
            .formatToParts(ms)
            .map((p) => [p.type, p.value]),
        );
        const t = toLocalTime(ms, timeZone);
        expect([t.year, t.month, t.day, t.hour, t.minute]).toEqual(
          [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(Number),
        );
      }),
      { numRuns: 3000 },
    );
    // Every minute of the change days themselves.
    const days: [string, string][] = [
      ['Europe/Berlin', '2026-03-29'],
      ['Europe/Berlin', '2026-10-25'],
      ['Australia/Lord_Howe', '2026-04-04'],
      ['Australia/Lord_Howe', '2026-10-03'],
    ];
    for (const [timeZone, day] of days) {
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        hour: 'numeric',
        minute: 'numeric',
      });
      for (
        let ms = Date.parse(`${day}T00:00Z`);
        ms < Date.parse(`${day}T00:00Z`) + 86_400_000;
        ms += 60_000
      ) {
        const t = toLocalTime(ms, timeZone);
        expect(`${t.hour}:${t.minute}`).toBe(
          f
            .formatToParts(ms)
            .filter((p) => p.type !== 'literal')
            .map((p) => Number(p.value))
            .join(':'),
        );
      }
    }
  });
});
