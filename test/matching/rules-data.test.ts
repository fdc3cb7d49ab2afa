import { describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { CONCEPTS, SEGMENT_CONCEPTS } from '../../server/matching/activity-rules';
import { normalize } from '../../server/matching/normalize';
import { UNSEEN_TYPES } from '../fixtures/matching/unseen/vocabulary';

/** The keyword / UNSPSC rules and the unseen benchmark's vocabulary, checked against the public data they cite. */
describe('rules and benchmark vocabulary against the public code lists', () => {
  const codes = new Set<string>();
  for (const file of ['unspsc-segments.csv', 'unspsc-families.csv', 'unspsc-classes.csv']) for (const row of readDataCsv(file)) codes.add(row.class ?? row.family ?? row.segment ?? '');
  const puc = new Set(readDataCsv('puc.csv').map((r) => r.code));

  it('every UNSPSC prefix of a rule is a real segment, family or class, and every account a PUC code', () => {
    const unknown = CONCEPTS.flatMap((c) => (c.unspsc ?? []).filter((p) => p.length >= 4 && !codes.has(p)).map((p) => `${c.key}: ${p}`));
    expect(unknown).toEqual([]);
    expect(Object.keys(SEGMENT_CONCEPTS).filter((s) => !codes.has(s))).toEqual([]);
    expect(Object.values(SEGMENT_CONCEPTS).filter((k) => !CONCEPTS.some((c) => c.key === k))).toEqual([]);
    const accounts = CONCEPTS.flatMap((c) => [...c.accounts, ...Object.values(c.sector ?? {}).filter((a) => a !== 'cost')]);
    expect(accounts.filter((a) => !puc.has(a))).toEqual([]);
  });

  it('every phrase keeps at least two words once normalized (a one-word "phrase" would weigh double by mistake)', () => {
    const short = CONCEPTS.flatMap((c) => (c.phrases ?? []).filter((p) => normalize(p.join(' ')).words.length < 2).map((p) => `${c.key}: ${p.join(' ')}`));
    expect(short).toEqual([]);
  });

  it('the unseen benchmark’s products are real UNSPSC classes', () => {
    expect(UNSEEN_TYPES.filter((t) => !codes.has(t.unspsc)).map((t) => `${t.key}: ${t.unspsc}`)).toEqual([]);
  });
});
