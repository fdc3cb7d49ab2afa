import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bogotaDate, bogotaDayRange, isIsoDate, previousDate, shiftDate } from '#shared/bogota-time';

/** What the time-zone database says, through Intl: the reference for the fixed UTC−5 arithmetic. */
const intlDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' });
const intlTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Bogota', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const since1993 = fc.date({ min: new Date('1993-04-05T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

describe('Bogotá dates (fixed UTC−5, as America/Bogota has been since 1993)', () => {
  it('the date of any instant is the time-zone database’s', () => {
    fc.assert(fc.property(since1993, (instant) => bogotaDate(instant) === intlDate.format(instant)), { numRuns: 2000 });
  });

  it('a day starts at 00:00 in Bogotá and lasts 24 hours', () => {
    fc.assert(
      fc.property(since1993, (instant) => {
        const { start, end } = bogotaDayRange(bogotaDate(instant));
        return intlTime.format(start) === '00:00' && intlDate.format(start) === bogotaDate(instant) && end.getTime() - start.getTime() === 86_400_000 && start <= instant && instant < end;
      }),
      { numRuns: 1000 },
    );
  });

  it('midnight edges, shifts and month ends', () => {
    expect(bogotaDate(new Date('2026-11-28T04:59:59.999Z'))).toBe('2026-11-27');
    expect(bogotaDate(new Date('2026-11-28T05:00:00.000Z'))).toBe('2026-11-28');
    expect(bogotaDayRange('2026-11-27').start.toISOString()).toBe('2026-11-27T05:00:00.000Z');
    expect(previousDate('2026-03-01')).toBe('2026-02-28');
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(isIsoDate('2026-02-30')).toBe(true); // a format check; daily-summary refuses days that do not exist
    expect(isIsoDate('2026-2-3')).toBe(false);
  });
});
