import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

/**
 * Dates in the books are Bogotá dates (America/Bogota, UTC−5 all year). Every "which day is this" question goes
 * through here, never through the machine's local zone.
 */
export const BOGOTA = 'America/Bogota';

/** The Bogotá calendar date of an instant: `2026-11-28T04:30:00Z` → `"2026-11-27"`. */
export function bogotaDate(instant: Date): string {
  return format(new TZDate(instant.getTime(), BOGOTA), 'yyyy-MM-dd');
}

/** The instant a Bogotá day starts (00:00 in Bogotá) and the instant the next one starts. */
export function bogotaDayRange(date: string): { start: Date; end: Date } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = new TZDate(y, m - 1, d, 0, 0, 0, BOGOTA);
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

/** `"2026-11-28"` → `"2026-11-27"`. */
export function previousDate(date: string): string {
  return shiftDate(date, -1);
}

export function shiftDate(date: string, days: number): string {
  const { start } = bogotaDayRange(date);
  return format(addDays(new TZDate(start.getTime(), BOGOTA), days), 'yyyy-MM-dd');
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
