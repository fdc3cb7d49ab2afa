import { expect, it } from 'vitest';
import { loadPuc, readDataCsv } from '../../server/ledger/puc';
import type { BlindCompany, BlindProduct, BlindScenario } from '../fixtures/matching/blind-generator';

/**
 * The checks every blind set built by the shared generator must pass (called inside each set's `describe`): it
 * builds (its own checks against the PUC, CIIU and UNSPSC data throw on any made-up code or account), the seed
 * reproduces it, every situation the bench reports has lines, and the answers keep the accounting rules the set was
 * written with. A set adds its own policy checks beside these.
 */
export function blindSetChecks<P extends BlindProduct>(
  build: (seed?: number) => BlindScenario[],
  companies: readonly BlindCompany<P['role']>[],
  productByKey: ReadonlyMap<string, P>,
): BlindScenario[] {
  const scenarios = build();

  it('is the same set on every build with the same seed, and another with another seed', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(scenarios));
    expect(JSON.stringify(build(1))).not.toBe(JSON.stringify(scenarios));
  });

  it('every expected account, in the books, the catalog and the invoices, accepts movements in the PUC', () => {
    const live = loadPuc().filter((a) => !a.deprecated);
    const leaf = (code: string) => live.some((a) => a.code === code) && !live.some((a) => a.code !== code && a.code.startsWith(code));
    const used = new Set(scenarios.flatMap((s) => [...s.tests, ...s.warmUp].map((l) => l.expected).concat(s.history.map((h) => h.account), s.catalog.map((i) => i.account), s.corrections.flatMap((c) => [c.account, c.previous]))));
    expect([...used].filter((code) => !leaf(code))).toEqual([]);
  });

  it('every company and supplier CIIU, and every UNSPSC class on a line, exists in the shared data', () => {
    const ciiu = new Set(readDataCsv('ciiu.csv').map((r) => r.code));
    const unspsc = new Set(readDataCsv('unspsc-classes.csv').map((r) => r.class));
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect([...new Set(scenarios.flatMap((s) => s.company.ciiu).concat(lines.flatMap((l) => l.supplier.ciiu)))].filter((c) => !ciiu.has(c))).toEqual([]);
    const sent = lines.map((l) => l.unspsc).concat(scenarios.flatMap((s) => s.history.map((h) => h.unspsc))).filter((c): c is string => !!c);
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.filter((c) => !/^\d{6}00$/.test(c) || !unspsc.has(c.slice(0, 6)))).toEqual([]);
  });

  it('measures every situation, on about a thousand lines, over ten activities no earlier set has', () => {
    const count = new Map<string, number>();
    for (const line of scenarios.flatMap((s) => s.tests)) count.set(line.situation, (count.get(line.situation) ?? 0) + 1);
    expect([...count.keys()].sort()).toEqual(['arranque en frío', 'bien durable de proveedor de suministros', 'corrección seguida de historial', 'errores tempranos corregidos', 'proveedor renombró', 'recurrente', 'sinónimo de un ítem', 'ítem parecido, proveedor nuevo'].sort());
    const total = [...count.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(900);
    expect(total).toBeLessThanOrEqual(1200);
    expect(new Set(companies.map((c) => c.ciiu)).size).toBe(10);
  });

  it('a durable good is booked to a fixed asset, and a corrected product to the account the person chose', () => {
    const lines = scenarios.flatMap((s) => s.tests);
    expect(lines.filter((l) => l.situation === 'bien durable de proveedor de suministros' && !l.expected.startsWith('15'))).toEqual([]);
    for (const company of companies) {
      for (const [, key] of company.durables) expect(company.policy[productByKey.get(key)!.role as P['role']]).toMatch(/^15/);
    }
    for (const s of scenarios.filter((x) => x.kind === 'established')) {
      expect(s.corrections).toHaveLength(2);
      for (const c of s.corrections) {
        expect(c.previous).not.toBe(c.account);
        const after = s.tests.filter((l) => l.situation === 'corrección seguida de historial' && l.supplier.nit === c.supplierNit);
        expect(after.length).toBeGreaterThan(0);
        expect(after.every((l) => l.expected === c.account)).toBe(true);
        // The books before the correction keep the wrong account.
        const books = s.history.filter((h) => h.supplierNit === c.supplierNit && (h.account === c.previous || h.account === c.account));
        expect(books.filter((h) => h.account === c.previous).length).toBeGreaterThan(0);
      }
    }
  });

  it('every correction is of a product that supplier sells', () => {
    for (const company of companies) {
      for (const c of company.corrections) expect(company.suppliers[c.supplier]!.products).toContain(c.product);
    }
  });

  return scenarios;
}

/**
 * Sets built with `realMonthEnd` (7 on) write billing periods «DEL 01/mm/aaaa AL dd/mm/aaaa» that end on the month's
 * real last day, never on 30 February or 30 October; months of 31, 30 and 28 days all appear (the books run from
 * March 2025 to November 2026). Called inside the set's `describe`, after `blindSetChecks`.
 */
export function billingPeriodChecks(scenarios: readonly BlindScenario[]): void {
  it('billing periods end on the month\'s real last day', () => {
    const texts = scenarios.flatMap((s) => [...s.tests, ...s.warmUp].map((l) => l.description).concat(s.history.map((h) => h.description), s.corrections.map((c) => c.description)));
    const ranges = texts.map((t) => / DEL 01\/(\d{2})\/(\d{4}) AL (\d{2})\/(\d{2})\/(\d{4})/i.exec(t)).filter((m): m is RegExpExecArray => !!m);
    expect(ranges.length).toBeGreaterThan(50);
    const wrong = ranges.filter(([, m, y, d, m2, y2]) => m !== m2 || y !== y2 || Number(d) !== new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate());
    expect(wrong.map((r) => r[0])).toEqual([]);
    expect(new Set(ranges.map((r) => r[3]))).toEqual(new Set(['28', '30', '31']));
  });
}
