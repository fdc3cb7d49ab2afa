import { afterEach, describe, expect, it } from 'vitest';
import { alegraBillStatus } from '../../server/alegra/push-status';
import { pushRow, registerFixture, registerSpec, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const centavos = (value: unknown) => Math.round(Number(value) * 100);

/**
 * The entry's figures for one bill: what it debits for the purchase (lines, capitalised taxes, charges and
 * discounts, rounding) and its IVA — read from the journal entry itself, not from the agent's payload.
 */
async function entryOf(world: World, billId: string) {
  const entry = await world.db.selectFrom('journalEntry').select('id').where('billId', '=', billId).executeTakeFirstOrThrow();
  const lines = await world.db.selectFrom('journalLine').selectAll().where('entryId', '=', entry.id).execute();
  const debits = lines.reduce((a, l) => a + l.debit, 0);
  const iva = lines.filter((l) => l.accountCode.startsWith('2408')).reduce((a, l) => a + l.debit, 0);
  return { debits, iva, lines };
}

/** Alegra's figures for the bill the fake holds, as Alegra computes them from what was sent. */
function alegraOf(world: World) {
  expect(world.fake.bills).toHaveLength(1);
  const bill = world.fake.bills[0]!;
  const ivaId = String(world.fake.taxes.find((t) => t.name === 'IVA 19%')!.id);
  const taxes = bill.taxes as Record<string, string>;
  return { bill, subtotal: centavos(bill.subtotal), iva: centavos(taxes[ivaId] ?? 0), total: centavos(bill.total) };
}

async function pushAndCompare(world: World, billId: string) {
  const report = await world.pusher.drain();
  expect(report).toEqual({ pushed: 1, retrying: 0, failed: 0 });
  const entry = await entryOf(world, billId);
  const alegra = alegraOf(world);
  // Alegra's total is what the entry debits, its IVA is the entry's IVA descontable, both to the centavo here
  // (the agent allows one peso; these documents need none).
  expect(alegra.total).toBe(entry.debits);
  expect(alegra.iva).toBe(entry.iva);
  const status = await alegraBillStatus(world.db, world.companyId, billId);
  expect(status.figures?.ok).toBe(true);
  return { entry, alegra, status };
}

describe('the bill Alegra computes equals the entry', () => {
  it('a per-unit tax (bolsas) on a line with IVA: IVA only on the goods, the bag tax as an untaxed line', async () => {
    w = await world();
    const billId = await registerSpec(w, {
      number: 'FB-1',
      issueDate: '2026-03-09',
      lines: [{ description: 'Mercado surtido', quantity: '4', unitPrice: '25000', iva: '19', taxes: [{ code: '22', name: 'Impuesto nacional a las bolsas', perUnit: '66' }] }],
    });
    const { alegra, entry } = await pushAndCompare(w, billId);
    // IVA is 19 % of 100 000 — not of 100 264.
    expect(alegra.iva).toBe(1_900_000);
    expect(alegra.subtotal).toBe(10_026_400);
    expect(entry.debits).toBe(11_926_400);
    const lines = (alegra.bill.purchases as { categories: { price: number | string; tax?: unknown[] }[] }).categories;
    expect(lines.find((l) => Number(l.price) === 264)?.tax ?? []).toEqual([]);
  });

  it('IBUA on a sugary drink next to IVA', async () => {
    w = await world();
    const billId = await registerSpec(w, {
      number: 'FB-2',
      issueDate: '2026-03-09',
      lines: [
        { description: 'Gaseosa 400 ml x 24', quantity: '10', unitPrice: '28500', iva: '19', taxes: [{ code: '34', name: 'IBUA', perUnit: '456' }] },
        { description: 'Agua 600 ml x 24', quantity: '5', unitPrice: '19990', iva: '19' },
      ],
    });
    await pushAndCompare(w, billId);
  });

  it('a document discount: subtotal lowered, IVA untouched (no spreading over prices)', async () => {
    w = await world();
    const billId = await registerSpec(w, {
      number: 'FB-3',
      issueDate: '2026-03-09',
      lines: [
        { description: 'Resmas de papel', quantity: '10', unitPrice: '18000', iva: '19' },
        { description: 'Carpetas', quantity: '3', unitPrice: '7333.33', iva: '19' },
      ],
      allowanceCharges: [{ charge: false, amount: '15000', reason: 'Descuento por pronto pago' }],
    });
    const { alegra } = await pushAndCompare(w, billId);
    const lines = (alegra.bill.purchases as { categories: { price: number | string; tax?: unknown[]; observations?: string }[] }).categories;
    const discount = lines.find((l) => l.observations?.startsWith('Descuento del documento'))!;
    expect(Number(discount.price)).toBe(-15000);
    expect(discount.tax ?? []).toEqual([]);
  });

  it('a tip (propina) as a document charge, without IVA', async () => {
    w = await world();
    const billId = await registerSpec(w, {
      number: 'FB-4',
      issueDate: '2026-03-09',
      lines: [{ description: 'Almuerzo de trabajo', quantity: '3', unitPrice: '42000', iva: '19' }],
      allowanceCharges: [{ charge: true, amount: '12600', reason: 'Propina' }],
    });
    const { alegra } = await pushAndCompare(w, billId);
    expect(alegra.iva).toBe(2_394_000);
  });

  it('a prepayment: Alegra holds the full bill and the person is told to apply the advance there', async () => {
    w = await world();
    const billId = await registerSpec(w, {
      number: 'FB-5',
      issueDate: '2026-03-09',
      lines: [{ description: 'Silla ergonómica', quantity: '2', unitPrice: '450000', iva: '19' }],
      prepaid: '300000',
    });
    const { alegra, status } = await pushAndCompare(w, billId);
    expect(alegra.total).toBe(107_100_000);
    expect(status.detail).toContain('anticipo de $ 300000.00');
  });

  it('foreign currency: pesos at the document’s rate, IVA equal to the entry’s', async () => {
    w = await world();
    const billId = await registerSpec(w, {
      number: 'FB-6',
      issueDate: '2026-03-09',
      currency: 'USD',
      exchangeRate: '3987.45',
      lines: [
        // Goods (compras 2,5 %): the fake account has that retention. A software licence would now be withheld at
        // 3,5 % (issue 12), which this account lacks, and the bill would rightly not be sent.
        { description: 'Tóner para impresora', quantity: '3', unitPrice: '129.99', iva: '19' },
        { description: 'Cable de red', quantity: '1', unitPrice: '45.5', iva: '19' },
      ],
    });
    const { alegra } = await pushAndCompare(w, billId);
    expect(alegra.bill.observations as string).toContain('Moneda USD, tasa 3987.45');
    // The IVA was rounded in dollars, line by line: Alegra's 19 % of the peso base is moved onto the document's IVA
    // by a few pesos of base, given back untaxed on the same account (subtotal and total unchanged).
    const lines = (alegra.bill.purchases as { categories: { price: number | string; observations?: string }[] }).categories;
    const shift = lines.find((l) => l.observations === 'Ajuste de la base del impuesto por la conversión de moneda')!;
    expect(Math.abs(Number(shift.price))).toBeGreaterThan(0);
    expect(Math.abs(Number(shift.price))).toBeLessThan(100);
  });

  it('does not send a bill whose figures in Alegra would differ from the entry, and says so with the figures', async () => {
    w = await world();
    // DIAN's free-samples example: IVA charged on lines worth nothing (on their reference price).
    const billId = await registerFixture(w, 'dian-toolkit__Ejemplificacion_Muestras_Gratis.xml', { number: 'FB-7' });
    const report = await w.pusher.drain();
    expect(report.failed).toBe(1);
    const push = (await pushRow(w.db, billId))!;
    expect(push.errorCode).toBe('TOTALS_DIFFER');
    expect(w.fake.calls('POST', '/bills')).toEqual([]);
    const status = await alegraBillStatus(w.db, w.companyId, billId);
    expect(status).toMatchObject({ state: 'failed', inAlegra: false });
    expect(status.message).toMatch(/^No se envió a Alegra: lo que Alegra calcularía no coincide con el asiento/);
    // The figures: the entry's IVA on the free line against the nothing Alegra could compute it on.
    expect(status.figures?.ok).toBe(false);
    const iva = status.figures!.rows.find((r) => r.label === 'IVA 19%')!;
    expect(iva.entry).toBeGreaterThan(0);
    expect(iva.alegra).toBe(0);
    // The books are untouched, and a correction makes it due again.
    expect(await w.db.selectFrom('journalEntry').select('id').where('billId', '=', billId).executeTakeFirst()).toBeDefined();
  });
});
