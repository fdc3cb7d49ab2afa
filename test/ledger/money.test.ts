import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceEntryOrThrow, UnbalancedEntryError } from '../../server/ledger/balance-entry';
import { allocate, percentOf, roundToThousandPesos, toCentavos } from '../../server/ledger/money';

describe('money in centavos', () => {
  it('converts decimal text exactly, rounding half up once, with the exchange rate', () => {
    expect(toCentavos('12600.06')).toBe(1_260_006);
    expect(toCentavos('0.005')).toBe(1);
    expect(toCentavos('0.004')).toBe(0);
    expect(toCentavos('12600.06', '3100')).toBe(3_906_018_600);
    // 0.1 + 0.2 style traps never reach the books.
    expect(toCentavos('1.15', '3')).toBe(345);
    expect(() => toCentavos('99999999999999999999')).toThrow(RangeError);
  });

  it('withholds in whole pesos and rounds UVT-derived bases to thousands of pesos', () => {
    expect(percentOf(toCentavos('39060186'), '2.5')).toBe(toCentavos('976505'));
    expect(percentOf(toCentavos('10000000'), '11.04', true)).toBe(toCentavos('110400'));
    expect(percentOf(toCentavos('190000'), '15')).toBe(toCentavos('28500'));
    expect(roundToThousandPesos(toCentavos('523740'))).toBe(toCentavos('524000'));
    expect(roundToThousandPesos(toCentavos('1344573'))).toBe(toCentavos('1345000'));
    expect(roundToThousandPesos(toCentavos('104748'))).toBe(toCentavos('105000'));
  });

  it('allocates a total across weights so the parts always add up to the total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(10, [0, 0])).toEqual([5, 5]);
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          const exact = sum > 0 ? (total * weights[i]!) / sum : total / weights.length;
          expect(Math.abs(part - exact)).toBeLessThan(1.000001);
        });
      }),
    );
  });
});

describe('balanceEntryOrThrow, the only door into the journal', () => {
  it('accepts an entry whose debits equal its credits, dropping zero lines and flipping negative amounts', () => {
    const entry = balanceEntryOrThrow([
      { accountCode: '1435', description: 'x', debit: 1000, credit: 0 },
      { accountCode: '240810', description: 'iva', debit: 0, credit: 0 },
      { accountCode: '236540', description: 'rete', debit: -25, credit: 0 },
      { accountCode: '220505', description: 'prov', debit: 0, credit: 975 },
    ]);
    expect(entry.total).toBe(1000);
    expect(entry.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['1435', 1000, 0],
      ['236540', 0, 25],
      ['220505', 0, 975],
    ]);
  });

  it('refuses an entry off by one centavo, and amounts that are not integer centavos', () => {
    expect(() => balanceEntryOrThrow([{ accountCode: '1435', description: 'x', debit: 1001, credit: 0 }, { accountCode: '220505', description: 'y', debit: 0, credit: 1000 }])).toThrow(UnbalancedEntryError);
    expect(() => balanceEntryOrThrow([{ accountCode: '1435', description: 'x', debit: 1001, credit: 0 }, { accountCode: '220505', description: 'y', debit: 0, credit: 1000 }])).toThrow(/El asiento no cuadra/);
    expect(() => balanceEntryOrThrow([{ accountCode: '1435', description: 'x', debit: 10.5, credit: 0 }, { accountCode: '220505', description: 'y', debit: 0, credit: 10.5 }])).toThrow(TypeError);
  });
});
