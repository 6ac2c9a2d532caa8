const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const ZONES: Record<string, number> = {
  gmt: 0,
  utc: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  idt: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  pst: -480,
  pdt: -420,
  jst: 540,
  aest: 600,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME =
  '(?:\\s*(?:,|at|-|–|\\|)?\\s*(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:\\(?\\s*([a-z]{1,4}|[+-]\\d{2}:?\\d{2})\\s*\\)?)?)?';
const ISO =
  /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/iu;
const MDY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'iu');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME}`, 'iu');
const NUMERIC = new RegExp(`\\b(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})${TIME}`, 'iu');

function offsetOf(zone: string | undefined): number | null {
  if (!zone) return null;
  const z = zone.toLowerCase();
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return ZONES[z] ?? null;
}

function build(
  y: number,
  mo: number,
  d: number,
  time?: { h?: string; mi?: string; s?: string; ampm?: string; zone?: string },
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  if (!time?.h || !time.mi) return date.toISOString().slice(0, 10);
  let h = Number(time.h);
  const ampm = time.ampm?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  const mi = Number(time.mi);
  const s = Number(time.s ?? 0);
  if (h > 23 || mi > 59 || s > 59) return date.toISOString().slice(0, 10);
  const offset = offsetOf(time.zone) ?? 0;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000).toISOString().replace('.000Z', 'Z');
}

/** The first date in a line ("Published 27 May 2025 10:32 BST", "May 27, 2025", "2025-05-27T10:32Z"), as ISO 8601. */
export function parseDateline(line: string): string | null {
  const iso = ISO.exec(line);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    return build(Number(y), Number(mo), Number(d), { h, mi, s, zone: zone === 'Z' ? 'z' : zone });
  }
  const mdy = MDY.exec(line);
  if (mdy) {
    const [, mon, d, y, h, mi, s, ampm, zone] = mdy;
    return build(Number(y), MONTHS[mon!.slice(0, 3).toLowerCase()]!, Number(d), { h, mi, s, ampm, zone });
  }
  const dmy = DMY.exec(line);
  if (dmy) {
    const [, d, mon, y, h, mi, s, ampm, zone] = dmy;
    return build(Number(y), MONTHS[mon!.slice(0, 3).toLowerCase()]!, Number(d), { h, mi, s, ampm, zone });
  }
  const num = NUMERIC.exec(line);
  if (num) {
    const [, a, , b, y, h, mi, s, ampm, zone] = num;
    // Day first, unless the first number cannot be a month day pairing that way.
    const [d, mo] = Number(b) > 12 ? [Number(b), Number(a)] : [Number(a), Number(b)];
    return build(Number(y), mo, d, { h, mi, s, ampm, zone });
  }
  return null;
}
