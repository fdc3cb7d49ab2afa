import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import type { DianDocument } from '#shared/dian-document';
import { getBillOrThrow } from '../../server/agent/bills';
import { readDianFile } from '../../server/dian';
import { Chart } from '../../server/ledger/chart';
import { byAccount, COMPANY_NIT, entryFacts, openHarness, pesos, type Harness } from '../support/agent-harness';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';
import { registerDocument } from '../../server/agent/register-document';
import { deliverable, embeddedDocument } from '../support/signing';

/**
 * Every DIAN sample that is a purchase invoice, turned into a production invoice addressed to our company, must be
 * registered with a journal entry that balances to the centavo, on postable PUC accounts only, with the amounts the
 * document itself dictates (computed here from the XML with decimal arithmetic, not from the implementation).
 */
const NOTES = /CreditNote|DebitNote|nota_credito|nota_debito/;
const INVOICES = fixtureNames().filter((n) => !n.includes('RADIAN') && !NOTES.test(n) && !n.startsWith('volt'));

const SUPPLIER_ACCOUNT = /^(2205|2335)\d{2}$/;
const WITHHOLDING_ACCOUNT = /^(2365|2367|2368)/;

interface Registered {
  name: string;
  document: DianDocument;
  bill: Bill;
}

function copOf(document: DianDocument) {
  const rate = document.currency === 'COP' ? new Decimal(1) : new Decimal(document.exchangeRate!.rate);
  return (amount: string | Decimal) => new Decimal(amount).times(rate).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

describe('journal entries of every registrable DIAN sample', () => {
  let h: Harness;
  const registered = new Map<string, Registered>();

  beforeAll(async () => {
    h = await openHarness({ activate: true });
    let n = 0;
    for (const name of INVOICES) {
      const xml = retarget(fixtureText(name), { customerNit: COMPANY_NIT, cufeSeed: `entries-${name}`, number: `FX${++n}`, issueDate: '2026-03-10' });
      const result = await h.ingest(xml, { name });
      expect(result.documents, name).toHaveLength(1);
      expect(result.documents[0]!.status, name).toBe('pending');
    }
    await h.agent.processor.runPending();
    const rows = await h.db.selectFrom('inboxDocument').innerJoin('receivedFile', 'receivedFile.id', 'inboxDocument.receivedFileId').select(['inboxDocument.billId', 'inboxDocument.status', 'inboxDocument.reason', 'receivedFile.sourceRef']).execute();
    for (const row of rows) {
      expect(row.status, `${row.sourceRef}: ${row.reason}`).toBe('registered');
      const xml = retarget(fixtureText(row.sourceRef), { customerNit: COMPANY_NIT, cufeSeed: `entries-${row.sourceRef}`, number: 'x', issueDate: '2026-03-10' });
      const outcome = readDianFile(encoder.encode(xml)).outcomes[0]!;
      registered.set(row.sourceRef, { name: row.sourceRef, document: outcome.document!, bill: await getBillOrThrow(h.db, h.company.id, row.billId!) });
    }
  });
  afterAll(async () => h?.close());

  it('registers all of them', () => {
    expect(INVOICES.length).toBeGreaterThanOrEqual(24);
    expect([...registered.keys()].sort()).toEqual([...INVOICES].sort());
  });

  it.each(INVOICES)('%s balances to the centavo on postable accounts, with the amounts of the document', (name) => {
    const { document, bill } = registered.get(name)!;
    const cop = copOf(document);
    const { debits, credits, notPostable } = entryFacts(bill);
    expect(debits).toBe(credits);
    expect(debits).toBeGreaterThan(0);
    expect(notPostable).toEqual([]);
    for (const line of bill.journal) {
      expect(Number.isSafeInteger(line.debit) && Number.isSafeInteger(line.credit)).toBe(true);
      expect(line.debit === 0 || line.credit === 0).toBe(true);
    }

    // The supplier is owed the document's payable minus our withholdings.
    const supplierLines = bill.journal.filter((l) => l.credit > 0 && SUPPLIER_ACCOUNT.test(l.accountCode));
    expect(supplierLines).toHaveLength(1);
    expect(bill.total).toBe(cop(document.totals.payable));
    expect(supplierLines[0]!.credit).toBe(bill.total - bill.withholdings);
    expect(bill.payable).toBe(bill.total - bill.withholdings);
    const withheld = bill.journal.filter((l) => WITHHOLDING_ACCOUNT.test(l.accountCode)).reduce((a, l) => a + l.credit - l.debit, 0);
    expect(withheld).toBe(bill.withholdings);

    // IVA descontable: the document's IVA, except what belongs to income collected for third parties.
    const accounts = byAccount(bill);
    const thirdPartyIncluded = (accounts['138095'] ?? 0) > 0;
    const ivaOf = (taxes: DianDocument['taxes']) => taxes.filter((t) => t.code === '01').reduce((a, t) => a.plus(t.amount), new Decimal(0));
    const thirdPartyIva = document.lines.filter((l) => l.thirdPartyIncome).reduce((a, l) => a.plus(ivaOf(l.taxes)), new Decimal(0));
    const expectedIva = cop(ivaOf(document.taxes).minus(thirdPartyIncluded ? thirdPartyIva : 0));
    expect(accounts['240810'] ?? 0).toBe(expectedIva);

    // Cost: our own lines, plus every tax that is not IVA (INC, bolsas, IBUA, ICL… are capitalised), plus document
    // charges minus discounts; third-party lines are never our cost. One peso of rounding adjustment at most.
    const own = document.lines.filter((l) => !l.thirdPartyIncome).reduce((a, l) => a.plus(l.lineTotal), new Decimal(0));
    const otherTaxes = document.taxes.filter((t) => t.code !== '01').reduce((a, t) => a.plus(t.amount), new Decimal(0));
    const net = document.allowanceCharges.reduce((a, c) => (c.isCharge ? a.plus(c.amount) : a.minus(c.amount)), new Decimal(0));
    const cost = bill.journal.filter((l) => l.debit > 0 && !['240810', '138095'].includes(l.accountCode)).reduce((a, l) => a + l.debit, 0);
    expect(Math.abs(cost - cop(own.plus(otherTaxes).plus(net)))).toBeLessThanOrEqual(100);
    expect(bill.subtotal).toBe(bill.lines.filter((l) => !l.thirdPartyIncome).reduce((a, l) => a + l.amount, 0) + cop(net));
  });

  it('capitalises non-deductible taxes into the line: IBUA, ICL and bolsas', () => {
    const ibua = registered.get('dian-toolkit__ejemplificacionIBUA-1.xml')!.bill;
    expect(byAccount(ibua)).toEqual({ '1435': pesos(106_300), '240810': pesos(19_000), '220505': -pesos(125_300) });
    expect(ibua.lines[0]).toMatchObject({ amount: pesos(100_000), capitalizedTaxes: pesos(6_300) });
    const liquor = registered.get('dian-toolkit__Ejemplificacion_Licores-ICL-1.xml')!;
    const icl = liquor.document.taxes.filter((t) => t.code !== '01').reduce((a, t) => a.plus(t.amount), new Decimal(0));
    expect(icl.toNumber()).toBeGreaterThan(0);
    expect(byAccount(liquor.bill)['1435']).toBe(copOf(liquor.document)(new Decimal(liquor.document.totals.lineExtension).plus(icl)));
    const bags = registered.get('dian-toolkit__Consumidor_Final.xml')!.bill;
    expect(bags.lines.find((l) => l.description === 'Bolsas')!.capitalizedTaxes).toBe(pesos(60));
  });

  it('does not book income collected for third parties as our cost', () => {
    const excluded = registered.get('dian-toolkit__Generica_ingresos_terceros.xml')!.bill;
    // The sample leaves the third-party line (caja, 100.000 + IVA) out of its payable: it is not booked at all.
    expect(byAccount(excluded)).toEqual({ '1435': pesos(12_600.06), '240810': pesos(2_424.01), '220505': -pesos(15_024.07) });
    expect(excluded.lines.find((l) => l.description === 'caja')!.thirdPartyIncome).toBe(true);
    expect(excluded.reviewNotes.join(' ')).toMatch(/«caja».*no se registra como costo/);

    // The currency-exchange sample includes its third-party line (Dólares, with its IVA) in the payable: it goes to
    // deudores varios with its IVA, and neither becomes our cost nor our IVA descontable.
    const included = registered.get('dian-toolkit__Compra_o_Venta_de_Divisas.xml')!.bill;
    expect(byAccount(included)).toEqual({ '138095': pesos(2_380_000), '1435': pesos(20_000), '220505': -pesos(2_400_000) });
  });

  it('applies a prepayment only when the payable is net of it (Genérica vs its ubl21dian copy)', () => {
    const generica = registered.get('dian-toolkit__Generica.xml')!.bill;
    expect(byAccount(generica)).toEqual({ '1435': pesos(12_600.06), '240810': pesos(2_424.01), '220505': -pesos(15_024.07) });
    expect(generica.reviewNotes.join(' ')).toMatch(/no descuenta el anticipo de \$ 1\.000/);
    const copy = registered.get('ubl21dian__invoice_signed_dian_v2.xml')!.bill;
    expect(byAccount(copy)).toEqual({ '1435': pesos(12_600.06), '240810': pesos(2_424.01), '133005': -pesos(1_000), '220505': -pesos(14_024.07) });
  });

  it('books a free sample: only its IVA is owed', () => {
    const bill = registered.get('dian-toolkit__Ejemplificacion_Muestras_Gratis.xml')!.bill;
    expect(byAccount(bill)).toEqual({ '240810': pesos(190_000), '220505': -pesos(190_000) });
    expect(bill.lines[0]).toMatchObject({ amount: 0 });
    expect(bill.withholdings).toBe(0);
  });

  it('converts a foreign-currency invoice with its exchange rate (Servicios: USD at 3.100)', () => {
    const { bill, document } = registered.get('dian-toolkit__Servicios.xml')!;
    expect(document.currency).toBe('USD');
    expect(bill).toMatchObject({ currency: 'USD', exchangeRate: '3100', total: pesos(43_474_617) });
    // 12.600,06 USD × 3.100 = 39.060.186; retención compras 2,5 % = 976.504,65 → 976.505 pesos.
    expect(byAccount(bill)).toEqual({
      '1435': pesos(39_060_186),
      '240810': pesos(7_514_431),
      '236540': -pesos(976_505),
      '133005': -pesos(3_100_000),
      '220505': -pesos(42_498_112),
    });
  });

  it('ignores the rate a COP invoice declares towards USD (cambio otra moneda)', () => {
    const bill = registered.get('dian-toolkit__Ejemplificacion_cambio_otra_Moneda.xml')!.bill;
    expect(bill.exchangeRate).toBeUndefined();
    expect(bill.total).toBe(pesos(3_570_000));
  });

  it('every account it used is a postable PUC account (a leaf of the chart)', () => {
    const chart = Chart.puc();
    const used = new Set([...registered.values()].flatMap((r) => r.bill.journal.map((l) => l.accountCode)));
    for (const code of used) expect(chart.isPostable(code), code).toBe(true);
    expect(chart.isPostable('2408')).toBe(false);
    expect(chart.isPostable('2205')).toBe(false);
    expect(chart.isPostable('51')).toBe(false);
  });
});

describe('a real DIAN-validated container (volt sample, buyer a natural person)', () => {
  it('is anonymised after signing, so it is kept as possibly altered and never registered', async () => {
    const h = await openHarness({ activate: true, company: { nit: '161803398875', name: 'Jane Doe' } });
    try {
      const result = await h.ingest(fixtureText('volt__example.js.AttachedDocument.xml'), { name: 'ad.xml' });
      expect(result.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED', number: 'NC424' });
      expect(result.documents[0]!.authenticity).toMatchObject({ code: 'supplier_signature_invalid', mayBeAltered: true });
      expect(await registerDocument(h.agent.deps, result.documents[0]!.id, { manual: true })).toEqual({ status: 'skipped' });
    } finally {
      await h.close();
    }
  });

  it('its invoice, as its supplier would have signed it, books balanced for the company it is addressed to', async () => {
    const h = await openHarness({ activate: true, company: { nit: '161803398875', name: 'Jane Doe' } });
    try {
      const result = await h.ingest(deliverable(embeddedDocument(fixtureText('volt__example.js.AttachedDocument.xml'))), { name: 'ad.xml' });
      expect(result.documents[0]).toMatchObject({ status: 'pending', number: 'NC424' });
      await h.agent.processor.runPending();
      const row = await h.db.selectFrom('inboxDocument').select(['status', 'billId']).executeTakeFirstOrThrow();
      expect(row.status).toBe('registered');
      const bill = await getBillOrThrow(h.db, h.company.id, row.billId!);
      const { debits, credits, notPostable } = entryFacts(bill);
      expect(debits).toBe(credits);
      expect(notPostable).toEqual([]);
      expect(bill.supplier).toMatchObject({ nit: '3141592654', dv: expect.any(String) });
    } finally {
      await h.close();
    }
  });
});

describe('with the real suggestion engine choosing the accounts', () => {
  it('still balances every sample to the centavo, on postable accounts, owing the payable minus withholdings', async () => {
    const { Agent } = await import('../../server/agent/agent');
    const h = await openHarness({ activate: true });
    const agent = new Agent(h.db, { clock: h.clock });
    try {
      let n = 0;
      for (const name of INVOICES) {
        const xml = retarget(fixtureText(name), { customerNit: COMPANY_NIT, cufeSeed: `engine-${name}`, number: `EN${++n}`, issueDate: '2026-03-10' });
        await agent.ingest({ companyId: h.company.id, bytes: encoder.encode(xml), channel: 'upload', sourceRef: name });
      }
      await agent.processor.runPending();
      const rows = await h.db.selectFrom('inboxDocument').select(['status', 'reason', 'billId']).execute();
      expect(rows.filter((r) => r.status !== 'registered')).toEqual([]);
      const chart = await Chart.forCompany(h.db, h.company.id);
      for (const row of rows) {
        const bill = await getBillOrThrow(h.db, h.company.id, row.billId!);
        const { debits, credits, notPostable } = entryFacts(bill, chart);
        expect(debits, bill.number).toBe(credits);
        expect(notPostable, bill.number).toEqual([]);
        expect(bill.journal.filter((l) => l.credit > 0 && SUPPLIER_ACCOUNT.test(l.accountCode)).reduce((a, l) => a + l.credit, 0), bill.number).toBe(bill.total - bill.withholdings);
      }
    } finally {
      await agent.stop();
      await h.close();
    }
  }, 60_000); // every sample is signed (supplier and DIAN) before it is received, and both signatures are checked
});
