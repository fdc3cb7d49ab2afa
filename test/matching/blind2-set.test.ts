import { describe, expect, it } from 'vitest';
import { loadPuc } from '../../server/ledger/puc';
import { buildBlind2Scenarios } from '../fixtures/matching/blind2/scenarios';

/**
 * The «a ciegas 2» benchmark set (issue #13): it builds (its own checks against the PUC, CIIU and UNSPSC data throw on
 * any made-up code or account), the seed reproduces it, and every situation the bench reports has lines.
 */
describe('«a ciegas 2» benchmark set', () => {
  const scenarios = buildBlind2Scenarios();

  it('is the same set on every build with the same seed, and another with another seed', () => {
    expect(JSON.stringify(buildBlind2Scenarios())).toBe(JSON.stringify(scenarios));
    expect(JSON.stringify(buildBlind2Scenarios(1))).not.toBe(JSON.stringify(scenarios));
  });

  it('every expected account, in the books, the catalog and the invoices, accepts movements in the PUC', () => {
    const live = loadPuc().filter((a) => !a.deprecated);
    const leaf = (code: string) => live.some((a) => a.code === code) && !live.some((a) => a.code !== code && a.code.startsWith(code));
    const used = new Set(scenarios.flatMap((s) => [...s.tests, ...s.warmUp].map((l) => l.expected).concat(s.history.map((h) => h.account), s.catalog.map((i) => i.account), s.corrections.flatMap((c) => [c.account, c.previous]))));
    expect([...used].filter((code) => !leaf(code))).toEqual([]);
  });

  it('measures every situation, on about a thousand lines', () => {
    const count = new Map<string, number>();
    for (const line of scenarios.flatMap((s) => s.tests)) count.set(line.situation, (count.get(line.situation) ?? 0) + 1);
    expect([...count.keys()].sort()).toEqual(['arranque en frío', 'bien durable de proveedor de suministros', 'corrección seguida de historial', 'errores tempranos corregidos', 'proveedor renombró', 'recurrente', 'sinónimo de un ítem', 'ítem parecido, proveedor nuevo'].sort());
    const total = [...count.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(800);
    expect(total).toBeLessThanOrEqual(1200);
  });

  it('a durable good is booked to a fixed asset, and a corrected product to the account the person chose', () => {
    const lines = scenarios.flatMap((s) => s.tests);
    expect(lines.filter((l) => l.situation === 'bien durable de proveedor de suministros' && !l.expected.startsWith('15'))).toEqual([]);
    for (const s of scenarios.filter((x) => x.kind === 'established')) {
      for (const c of s.corrections) expect(s.tests.filter((l) => l.situation === 'corrección seguida de historial' && l.supplier.nit === c.supplierNit).every((l) => l.expected === c.account)).toBe(true);
    }
  });
});
