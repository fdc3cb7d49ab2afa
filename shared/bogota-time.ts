/**
 * Dates in the books are Bogotá dates (America/Bogota, UTC−5 all year). Every "which day is this" question goes
 * through here, never through the machine's local zone.
 *
 * Colombia has kept UTC−5 without daylight saving since 4 April 1993 (IANA tz database, `America/Bogota`), so the
 * arithmetic below uses that fixed offset instead of the time-zone database: the first use of a time zone through
 * Intl loads ICU's zone data, 70 ms on Node 20 and several times that on Node 24, which every CLI command that
 * touches a date paid (issue 17). test/ledger/bogota-time.test.ts checks it against Intl's America/Bogota.
 */
export const BOGOTA = 'America/Bogota';

/** Bogotá's offset from UTC, in milliseconds (UTC−5). */
const OFFSET_MS = -5 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Bogotá calendar date of an instant: `2026-11-28T04:30:00Z` → `"2026-11-27"`. */
export function bogotaDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Bogotá day starts (00:00 in Bogotá) and the instant the next one starts. */
export function bogotaDayRange(date: string): { start: Date; end: Date } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, m - 1, d) - OFFSET_MS;
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}

/** `"2026-11-28"` → `"2026-11-27"`. */
export function previousDate(date: string): string {
  return shiftDate(date, -1);
}

export function shiftDate(date: string, days: number): string {
  return bogotaDate(new Date(bogotaDayRange(date).start.getTime() + days * DAY_MS));
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
