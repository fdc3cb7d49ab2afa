import { shiftDate } from '#shared/bogota-time';

/**
 * Business days in Colombia, for the tacit acceptance (C.Co. art. 773; D. 1074/2015 art. 2.2.2.53.4: three business
 * days after the goods or service were received). Saturdays and Sundays are not business days, nor the national
 * holidays, which are not a list but a rule of law, so they are computed, not typed in:
 * - Ley 51 de 1983 (Ley Emiliani): fixed days (1 Jan, 1 May, 20 Jul, 7 Aug, 8 Dec, 25 Dec); days moved to the
 *   following Monday when they fall on another weekday (6 Jan, 19 Mar, 29 Jun, 15 Aug, 12 Oct, 1 Nov, 11 Nov);
 * - the Easter-based ones: Jueves and Viernes Santo (fixed), and Ascensión (+39 days), Corpus Christi (+60) and
 *   Sagrado Corazón (+68), each moved to the following Monday (Ley 51 de 1983, art. 1 par.).
 * Sources: Ley 51 de 1983 (secretariasenado.gov.co); the 2026 calendar it gives is checked in the tests.
 */

const FIXED = ['01-01', '05-01', '07-20', '08-07', '12-08', '12-25'];
const TO_MONDAY = ['01-06', '03-19', '06-29', '08-15', '10-12', '11-01', '11-11'];

const cache = new Map<number, Set<string>>();

/** The national holidays of a year, as `YYYY-MM-DD`. */
export function colombianHolidays(year: number): Set<string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const y = String(year).padStart(4, '0');
  const days = new Set<string>(FIXED.map((md) => `${y}-${md}`));
  for (const md of TO_MONDAY) days.add(nextMonday(`${y}-${md}`));
  const easter = easterSunday(year);
  days.add(shiftDate(easter, -3));
  days.add(shiftDate(easter, -2));
  for (const offset of [39, 60, 68]) days.add(nextMonday(shiftDate(easter, offset)));
  cache.set(year, days);
  return days;
}

export function isBusinessDay(date: string): boolean {
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  return !colombianHolidays(Number(date.slice(0, 4))).has(date);
}

/** The `n`-th business day after `date` (not counting `date` itself). */
export function addBusinessDays(date: string, n: number): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = shiftDate(day, 1);
    if (isBusinessDay(day)) counted++;
  }
  return day;
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The date itself when it is a Monday, else the Monday after it. */
function nextMonday(date: string): string {
  const weekday = weekdayOf(date);
  return weekday === 1 ? date : shiftDate(date, (8 - weekday) % 7);
}

/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computation). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
