import { describe, expect, it } from 'vitest';
import { loadPuc, readDataCsv } from '../../server/ledger/puc';
import { BLIND_COMPANIES } from '../fixtures/matching/blind/companies';
import { buildBlindScenarios } from '../fixtures/matching/blind/scenarios';
import { BLIND_PRODUCTS } from '../fixtures/matching/blind/vocabulary';

/** The blind benchmark set (issue #13) against the public data it was written from: no made-up codes or accounts. */
describe('blind benchmark set against the public code lists', () => {
  const classes = new Set(readDataCsv('unspsc-classes.csv').map((r) => r.class));
  const ciiu = new Set(readDataCsv('ciiu.csv').map((r) => r.code));
  const live = loadPuc().filter((a) => !a.deprecated);
  const codes = new Set(live.map((a) => a.code));
  const leaf = (code: string) => codes.has(code) && !live.some((a) => a.code !== code && a.code.startsWith(code));

  it('every product’s UNSPSC code is a real class', () => {
    expect(BLIND_PRODUCTS.filter((p) => p.unspsc && !classes.has(p.unspsc)).map((p) => `${p.key}: ${p.unspsc}`)).toEqual([]);
  });

  it('every expected account is a PUC account that accepts movements (a leaf of the decree’s chart)', () => {
    const bad = BLIND_COMPANIES.flatMap((c) => Object.entries(c.policy).filter(([, code]) => !leaf(code!)).map(([role, code]) => `${c.key}/${role}: ${code}`));
    expect(bad).toEqual([]);
  });

  it('every company’s and supplier’s activity is a real CIIU code', () => {
    const bad = BLIND_COMPANIES.flatMap((c) => [c.ciiu, ...c.suppliers.map((s) => s.ciiu), ...c.newSuppliers.map((s) => s.ciiu)]).filter((code) => !ciiu.has(code));
    expect(bad).toEqual([]);
  });

  it('builds the same scenarios from the same seed, with every situation present', () => {
    const a = buildBlindScenarios();
    const b = buildBlindScenarios();
    expect(a.flatMap((s) => s.tests.map((l) => l.description))).toEqual(b.flatMap((s) => s.tests.map((l) => l.description)));
    const situations = new Set(a.flatMap((s) => s.tests.map((l) => l.situation)));
    expect(situations.size).toBe(8);
  });
});
