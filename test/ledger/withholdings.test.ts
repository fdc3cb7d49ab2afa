import { afterEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import type { CompanyInput } from '#shared/company';
import { getBillOrThrow } from '../../server/agent/bills';
import { Chart } from '../../server/ledger/chart';
import { computeWithholdings } from '../../server/ledger/compute-withholdings';
import { loadWithholdingRules, retefuenteRuleFor, uvtFor } from '../../server/ledger/withholding-rules';
import { roundToThousandPesos } from '../../server/ledger/money';
import { buildUbl, type DocumentSpec, type LineSpec, type PartySpec } from '../support/ubl';
import { byAccount, entryFacts, invoiceSpec, openHarness, pesos, SUPPLIER, UnspscClassifier, type Harness } from '../support/agent-harness';

/** Lines go where a person would put them; the suggestion engine itself is tested elsewhere. */
const ACCOUNTS = {
  '2411': '1435', // cajas y empaques para la venta → mercancías
  '8111': '513520', // hosting, procesamiento electrónico de datos → servicios
  '8012': '511025', // asesoría jurídica → honorarios
  '4321': '152805', // computadores → activo fijo
  '8013': '512010', // arriendo de local → arrendamiento de inmuebles
  '1510': '519535', // combustibles
};

const goods = (amount: string, iva = '19'): LineSpec => ({ description: 'Cajas de cartón para empaque', quantity: '1', unitPrice: amount, iva, unspsc: '24112700' });
const hosting = (amount: string): LineSpec => ({ description: 'Hosting en la nube plan mensual', quantity: '1', unitPrice: amount, iva: '19', unspsc: '81112003', unitCode: 'MON' });
const legal = (amount: string): LineSpec => ({ description: 'Asesoría jurídica mensual', quantity: '1', unitPrice: amount, iva: '19', unspsc: '80121600' });

describe('withholdings the buyer practises, computed by hand', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  let counter = 0;
  async function register(lines: LineSpec[], options: { company?: Partial<CompanyInput>; supplier?: Partial<PartySpec>; issueDate?: string } = {}): Promise<Bill> {
    h ??= await openHarness({ activate: true, company: options.company ?? {}, agent: { classifier: new UnspscClassifier(ACCOUNTS) } });
    const spec: DocumentSpec = invoiceSpec(`RT-${++counter}`, { lines, supplier: { ...SUPPLIER, ...options.supplier }, issueDate: options.issueDate ?? '2026-03-10' });
    const result = await h.ingest(buildUbl(spec));
    expect(result.documents[0]!.status).toBe('pending');
    await h.agent.processor.runPending();
    const row = await h.db.selectFrom('inboxDocument').select(['status', 'reason', 'billId']).where('id', '=', result.documents[0]!.id).executeTakeFirstOrThrow();
    expect(row.status, row.reason ?? '').toBe('registered');
    const bill = await getBillOrThrow(h.db, h.company.id, row.billId!);
    const { debits, credits, notPostable } = entryFacts(bill, await Chart.forCompany(h.db, h.company.id));
    expect(debits).toBe(credits);
    expect(notPostable).toEqual([]);
    return bill;
  }

  describe('retención en la fuente, compras (2,5 %)', () => {
    it('applies from 10 UVT in 2026: 10 × 52.374 = 523.740 → 524.000 pesos', async () => {
      const rules = loadWithholdingRules();
      expect(uvtFor(rules, '2026-03-10')).toBe(52_374);
      expect(roundToThousandPesos(pesos(523_740))).toBe(pesos(524_000));
      const atThreshold = await register([goods('524000')]);
      expect(byAccount(atThreshold)).toEqual({ '1435': pesos(524_000), '240810': pesos(99_560), '236540': -pesos(13_100), '220505': -pesos(610_460) });
      const below = await register([goods('523900')]);
      expect(below.withholdings).toBe(0);
      expect(byAccount(below)['236540']).toBeUndefined();
      expect(byAccount(below)['220505']).toBe(-pesos(623_441));
    });

    it('uses the base in force on the invoice date: 27 UVT until 31 May 2025, 10 UVT from 1 June 2025', async () => {
      // 27 × 49.799 = 1.344.573 → 1.345.000 pesos.
      const may = await register([goods('1000000')], { issueDate: '2025-05-30' });
      expect(may.withholdings).toBe(0);
      const mayAbove = await register([goods('1345000')], { issueDate: '2025-05-30' });
      expect(byAccount(mayAbove)['236540']).toBe(-pesos(33_625));
      // 10 × 49.799 = 497.990 → 498.000 pesos.
      const june = await register([goods('1000000')], { issueDate: '2025-06-01' });
      expect(byAccount(june)['236540']).toBe(-pesos(25_000));
      const juneBelow = await register([goods('497000')], { issueDate: '2025-06-01' });
      expect(juneBelow.withholdings).toBe(0);
    });

    it('adds the lines of one concept to compare with the base (several small lines, one invoice)', async () => {
      const bill = await register([goods('300000'), { ...goods('300000'), description: 'Cinta de embalaje' }]);
      expect(byAccount(bill)['236540']).toBe(-pesos(15_000));
    });
  });

  it('servicios 4 % from 2 UVT (≈105.000 pesos in 2026), owed in costos y gastos por pagar', async () => {
    const bill = await register([hosting('200000')], { company: { ciiu: ['6201'] } });
    const accounts = byAccount(bill);
    expect(accounts).toMatchObject({ '513520': pesos(200_000), '240810': pesos(38_000), '236525': -pesos(8_000) });
    const supplier = Object.entries(accounts).find(([code]) => code.startsWith('2335'))!;
    expect(supplier[1]).toBe(-pesos(230_000));
    const below = await register([hosting('100000')]);
    expect(below.withholdings).toBe(0);
  });

  it('worked example 2 (accounting-co.md): hosting 3.000.000 + IVA → 120.000 retención, 3.450.000 payable', async () => {
    const bill = await register([hosting('3000000')], { company: { ciiu: ['6201'] } });
    expect(bill.withholdings).toBe(pesos(120_000));
    expect(bill.payable).toBe(pesos(3_450_000));
    expect(byAccount(bill)['236525']).toBe(-pesos(120_000));
  });

  it('honorarios 11 % for a legal entity and 10 % for a natural person, with no minimum base', async () => {
    const company = await register([legal('50000')]);
    expect(byAccount(company)).toMatchObject({ '511025': pesos(50_000), '236515': -pesos(5_500), '233525': -pesos(54_000) });
    const person = await register([legal('50000')], { supplier: { nit: '79555444', name: 'Pedro Abogado', personType: 'natural', idType: '13', responsibilities: ['R-99-PN'] } });
    expect(byAccount(person)['236515']).toBe(-pesos(5_000));
  });

  it('no retención for an autorretenedor (O-15), a Régimen Simple supplier (O-47), or a buyer that is not a withholding agent', async () => {
    const self = await register([goods('2000000')], { supplier: { responsibilities: ['O-15'] } });
    expect(self.withholdings).toBe(0);
    const info = await h!.db.selectFrom('bill').select('infoNotes').where('id', '=', self.id).executeTakeFirstOrThrow();
    expect(info.infoNotes).toMatch(/autorretenedor \(O-15\)/);
    expect(self.needsReview).toBe(false);
    const simple = await register([goods('2000000')], { supplier: { nit: '901222333', responsibilities: ['O-47'] } });
    expect(simple.withholdings).toBe(0);
    await h!.close();
    h = undefined;
    const notAgent = await register([goods('2000000')], { company: { withholdingAgent: false } });
    expect(notAgent.withholdings).toBe(0);
  });

  describe('ReteIVA 15 %', () => {
    it('is practised by a gran contribuyente buying from a responsable de IVA', async () => {
      const bill = await register([goods('1000000')], { company: { largeTaxpayer: true } });
      expect(byAccount(bill)).toEqual({ '1435': pesos(1_000_000), '240810': pesos(190_000), '236540': -pesos(25_000), '236701': -pesos(28_500), '220505': -pesos(1_136_500) });
    });

    it('is not practised when both are grandes contribuyentes (O-13)', async () => {
      const bill = await register([goods('1000000')], { company: { largeTaxpayer: true }, supplier: { responsibilities: ['O-13'] } });
      expect(byAccount(bill)['236701']).toBeUndefined();
      expect(bill.withholdings).toBe(pesos(25_000));
    });

    it('is practised by an agente retenedor de IVA (O-23) and not by an ordinary company', async () => {
      const agent = await register([goods('1000000')], { company: { ivaWithholdingAgent: true } });
      expect(byAccount(agent)['236701']).toBe(-pesos(28_500));
      await h!.close();
      h = undefined;
      const ordinary = await register([goods('1000000')]);
      expect(byAccount(ordinary)['236701']).toBeUndefined();
    });
  });

  it('ReteICA at the company’s rate per mille', async () => {
    const bill = await register([goods('2000000')], { company: { icaRatePerMille: '9.66' } });
    // 2.000.000 × 9,66 ‰ = 19.320.
    expect(byAccount(bill)['236805']).toBe(-pesos(19_320));
  });

  it('worked example 1 (accounting-co.md): retailer, gran contribuyente, ReteICA 11,04 ‰ → supplier credit 11.254.600', async () => {
    const bill = await register([goods('10000000')], { company: { ciiu: ['4719'], largeTaxpayer: true, icaRatePerMille: '11.04' } });
    expect(byAccount(bill)).toEqual({
      '1435': pesos(10_000_000),
      '240810': pesos(1_900_000),
      '236540': -pesos(250_000),
      '236701': -pesos(285_000),
      '236805': -pesos(110_400),
      '220505': -pesos(11_254_600),
    });
    expect(bill.payable).toBe(pesos(11_254_600));
  });

  it('a year without UVT in the table: no retención, and the bill is flagged por verificar', async () => {
    const rules = loadWithholdingRules();
    expect(uvtFor(rules, '2027-02-01')).toBeUndefined();
    const bill = await register([goods('5000000')], { issueDate: '2027-02-01' });
    expect(byAccount(bill)['236540']).toBeUndefined();
    expect(bill.needsReview).toBe(true);
    expect(bill.reviewNotes.join(' ')).toMatch(/No hay UVT para el año 2027/);
  });

  it('IVA on a fixed asset is capitalised, and ReteIVA is still on all the IVA charged', async () => {
    const bill = await register([{ description: 'Computador portátil', quantity: '1', unitPrice: '4000000', iva: '19', unspsc: '43211503' }], { company: { largeTaxpayer: true } });
    expect(byAccount(bill)).toEqual({ '152805': pesos(4_760_000), '236540': -pesos(100_000), '236701': -pesos(114_000), '220505': -pesos(4_546_000) });
  });

  it('a buyer that is not responsable de IVA adds the IVA to the cost', async () => {
    const bill = await register([goods('1000000')], { company: { ivaResponsible: false } });
    expect(byAccount(bill)).toEqual({ '1435': pesos(1_190_000), '236540': -pesos(25_000), '220505': -pesos(1_165_000) });
  });

  it('books withholdings to the company’s own auxiliaries when it imported its chart', async () => {
    h = await openHarness({ activate: true, agent: { classifier: new UnspscClassifier(ACCOUNTS) } });
    const chart = [
      ['1435', 'Mercancías'], ['24081001', 'IVA descontable 19 %'], ['23654001', 'Retención compras 2,5 %'], ['22050501', 'Proveedores nacionales'],
    ];
    await h.db.insertInto('companyAccount').values(chart.map(([code, name]) => ({ companyId: h!.company.id, code: code!, name: name!, postable: 1, source: 'test' }))).execute();
    const bill = await register([goods('1000000')]);
    expect(byAccount(bill)).toEqual({ '1435': pesos(1_000_000), '24081001': pesos(190_000), '23654001': -pesos(25_000), '22050501': -pesos(1_165_000) });
  });

  it('refuses to post to an account the company’s chart does not have, instead of inventing it', async () => {
    h = await openHarness({ activate: true, agent: { classifier: new UnspscClassifier(ACCOUNTS) } });
    const chart = [['1435', 'Mercancías'], ['240810', 'IVA descontable'], ['220505', 'Proveedores']];
    await h.db.insertInto('companyAccount').values(chart.map(([code, name]) => ({ companyId: h!.company.id, code: code!, name: name!, postable: 1, source: 'test' }))).execute();
    const result = await h.ingest(buildUbl(invoiceSpec('RT-X', { lines: [goods('1000000')] })));
    await h.agent.processor.runPending();
    const row = await h.db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'reason']).where('id', '=', result.documents[0]!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'not_registered', reasonCode: 'REGISTRATION_FAILED' });
    expect(row.reason).toMatch(/2365/);
    expect(await h.db.selectFrom('bill').select('id').execute()).toHaveLength(0);
  });
});

describe('computeWithholdings (the pure rule, on amounts in centavos)', () => {
  const company = { withholdingAgent: true, largeTaxpayer: false, ivaWithholdingAgent: false };
  const supplier = { responsibilities: ['O-48'], personType: 'juridica' as const, declarante: true };

  it('uses the no-declarante rate when the supplier is known not to file', () => {
    const result = computeWithholdings({ date: '2026-03-10', company, supplier: { ...supplier, personType: 'natural', declarante: false }, bases: [{ concept: 'compras', amount: pesos(1_000_000) }], iva: 0 });
    expect(result.lines).toEqual([expect.objectContaining({ kind: 'retefuente', rate: '3.5', amount: pesos(35_000), account: '236540' })]);
  });

  it('flags a natural person whose declarante status is unknown', () => {
    const result = computeWithholdings({ date: '2026-03-10', company, supplier: { responsibilities: [], personType: 'natural', declarante: null }, bases: [{ concept: 'servicios', amount: pesos(200_000) }], iva: 0 });
    expect(result.lines[0]).toMatchObject({ rate: '4', amount: pesos(8_000) });
    expect(result.notes.join(' ')).toMatch(/No se sabe si el proveedor \(persona natural\) es declarante/);
  });

  it('keeps lines with no concept (insurance, taxes) out of every base', () => {
    const result = computeWithholdings({ date: '2026-03-10', company: { ...company, largeTaxpayer: true, icaRatePerMille: '10' }, supplier, bases: [{ concept: undefined, amount: pesos(5_000_000) }], iva: pesos(950_000) });
    expect(result.lines).toEqual([]);
  });

  it('has a rule for every concept on every date from 2000 on, and the June 2025 change only lowers bases', () => {
    const rules = loadWithholdingRules();
    for (const concept of ['compras', 'servicios', 'honorarios', 'arrendamiento_inmuebles', 'arrendamiento_muebles', 'combustibles', 'hoteles_restaurantes', 'transporte_carga'] as const) {
      for (const date of ['2024-12-31', '2025-05-31', '2025-06-01', '2026-12-31']) expect(retefuenteRuleFor(rules, concept, date), `${concept} ${date}`).toBeDefined();
      expect(Number(retefuenteRuleFor(rules, concept, '2025-06-01')!.baseUvt)).toBeLessThanOrEqual(Number(retefuenteRuleFor(rules, concept, '2025-05-31')!.baseUvt));
    }
  });
});
