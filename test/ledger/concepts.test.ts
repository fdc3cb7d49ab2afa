import { afterEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import type { CompanyInput } from '#shared/company';
import { getBillOrThrow } from '../../server/agent/bills';
import { updateSupplierTaxProfile } from '../../server/agent/suppliers';
import { Chart } from '../../server/ledger/chart';
import { conceptForLine } from '../../server/ledger/withholding-concepts';
import { buildUbl, type DocumentSpec, type LineSpec, type PartySpec } from '../support/ubl';
import { byAccount, entryFacts, invoiceSpec, openHarness, pesos, SUPPLIER, UnspscClassifier, type Harness } from '../support/agent-harness';

/**
 * The cases a revisor fiscal checks first (issue #12), each written as the entry an accountant computes by hand, with
 * the norm. UVT 2026 = 52.374 (Res. DIAN 000238 de 2025); bases after Decreto 0572 de 2025: compras 10 UVT =
 * 524.000, servicios 2 UVT = 105.000, transporte terrestre de pasajeros y arrendamientos 10 UVT = 524.000.
 * Accounts are chosen by a stand-in classifier (by UNSPSC): the books are tested apart from the suggestion engine.
 */
const ACCOUNTS = {
  '2510': '154005', // autos, camionetas
  '4323': '1635', // licencias de software
  '4321': '152805', // computadores
  '8111': '513520', // procesamiento electrónico de datos, desarrollo, web
  '9212': '513505', // aseo y vigilancia
  '7611': '513505',
  '8011': '513510', // temporales
  '781115': '515515', // pasajes aéreos
  '781118': '515520', // pasajes terrestres
  '7810': '523550', // fletes
  '8512': '510584', // gastos médicos
  '7211': '150805', // construcciones en curso
  '1510': '519535', // combustibles
  '8013': '512010', // arriendo de inmuebles
  '9010': '519520', // gastos de representación (restaurante)
  '8012': '511025', // asesoría jurídica
  '2411': '1435', // mercancía
};

const line = (description: string, unspsc: string, amount: string, iva?: string): LineSpec => ({ description, quantity: '1', unitPrice: amount, unspsc, ...(iva ? { iva } : {}) });

describe('withholding concept from the line itself: the revisor fiscal’s cases, by hand', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  let counter = 0;
  async function register(lines: LineSpec[], options: { company?: Partial<CompanyInput>; supplier?: Partial<PartySpec>; spec?: Partial<DocumentSpec> } = {}): Promise<Bill> {
    h ??= await openHarness({ activate: true, company: options.company ?? {}, agent: { classifier: new UnspscClassifier(ACCOUNTS) } });
    const spec: DocumentSpec = invoiceSpec(`RF-${++counter}`, { lines, supplier: { ...SUPPLIER, ...options.supplier }, issueDate: '2026-03-10', ...options.spec });
    const result = await h.ingest(buildUbl(spec));
    await h.agent.processor.runPending();
    const row = await h.db.selectFrom('inboxDocument').select(['status', 'reason', 'billId']).where('id', '=', result.documents[0]!.id).executeTakeFirstOrThrow();
    expect(row.status, row.reason ?? '').toBe('registered');
    const bill = await getBillOrThrow(h.db, h.company.id, row.billId!);
    const { debits, credits, notPostable } = entryFacts(bill, await Chart.forCompany(h.db, h.company.id));
    expect(debits).toBe(credits);
    expect(notPostable).toEqual([]);
    return bill;
  }

  it('vehicle: 1 % with no minimum base (DUR 1625/2016 art. 1.2.4.9.1, Decreto 2418/2013); IVA capitalised (ET art. 491)', async () => {
    const bill = await register([line('Camioneta Toyota Hilux 2026 doble cabina', '25101503', '120000000', '19')]);
    // Dr 154005 120.000.000 + IVA 22.800.000; Cr 236540 1 % × 120.000.000 = 1.200.000; Cr 220505 141.600.000.
    expect(byAccount(bill)).toEqual({ '154005': pesos(142_800_000), '236540': -pesos(1_200_000), '220505': -pesos(141_600_000) });
    expect(bill.lines[0]).toMatchObject({ withholdingConcept: 'vehiculos' });
    expect(bill.lines[0]!.conceptExplanation).toMatch(/vehículos/);
  });

  it('fixed-asset IVA to the income-tax discount when the company says so (ET art. 258-1, 135530)', async () => {
    const bill = await register([line('Computador portátil 16 GB', '43211503', '4000000', '19')], { company: { fixedAssetIva: 'discount' } });
    // Dr 152805 4.000.000; Dr 135530 760.000; Cr 236540 2,5 % = 100.000; Cr 220505 4.660.000.
    expect(byAccount(bill)).toEqual({ '152805': pesos(4_000_000), '135530': pesos(760_000), '236540': -pesos(100_000), '220505': -pesos(4_660_000) });
  });

  it('software licence: 3,5 % (Decreto 2521/2011); the licence is an intangible and its IVA follows the fixed-asset setting', async () => {
    const capitalised = await register([line('Licencia perpetua software contable ERP 5 usuarios', '43231500', '10000000', '19')]);
    // Dr 1635 10.000.000 + IVA 1.900.000; Cr 236525 350.000; Cr 220505 11.550.000.
    expect(byAccount(capitalised)).toEqual({ '1635': pesos(11_900_000), '236525': -pesos(350_000), '220505': -pesos(11_550_000) });
    await h!.close();
    h = undefined;
    const discounted = await register([line('Licencia perpetua software contable ERP 5 usuarios', '43231500', '10000000', '19')], { company: { fixedAssetIva: 'discount' } });
    expect(byAccount(discounted)).toEqual({ '1635': pesos(10_000_000), '135530': pesos(1_900_000), '236525': -pesos(350_000), '220505': -pesos(11_550_000) });
  });

  it('software development and web design: 3,5 % (Decreto 2499/2012), not the 4 % of services nor the 11 % of fees', async () => {
    const bill = await register([line('Desarrollo de software a la medida módulo de inventarios', '81111500', '4000000', '19'), line('Diseño de página web corporativa', '81111500', '2000000', '19')]);
    // 3,5 % × 6.000.000 = 210.000; IVA 1.140.000 descontable.
    expect(byAccount(bill)).toEqual({ '513520': pesos(6_000_000), '240810': pesos(1_140_000), '236525': -pesos(210_000), '233595': -pesos(6_930_000) });
    expect(bill.lines.map((l) => l.withholdingConcept)).toEqual(['software_servicios', 'software_servicios']);
  });

  it('hosting stays a general service at 4 % (worked example 2)', () => {
    expect(conceptForLine({ description: 'Hosting en la nube plan mensual', unspsc: '81112003', supplierCiiu: ['6311'], accountCode: '513520' }).concept).toBe('servicios');
  });

  it('vigilancia with A, I and U as lines: 2 % on the AIU only (ET art. 462-1 par.)', async () => {
    const supplier = { nit: '860111222', name: 'Seguridad Andina Ltda', ciiu: ['8010'] };
    const bill = await register(
      [line('Servicio de vigilancia 24 horas marzo', '92121500', '9000000'), line('Administración', '92121500', '600000', '19'), line('Imprevistos', '92121500', '100000', '19'), line('Utilidad', '92121500', '300000', '19')],
      { supplier },
    );
    // AIU = 1.000.000; retención 2 % = 20.000; IVA 19 % sobre el AIU = 190.000.
    expect(byAccount(bill)).toEqual({ '513505': pesos(10_000_000), '240810': pesos(190_000), '236525': -pesos(20_000), '233595': -pesos(10_170_000) });
    expect(bill.needsReview).toBe(false);
  });

  it('the A, I and U lines count as the AIU even when they landed on another account', async () => {
    const supplier = { nit: '860111222', name: 'Seguridad Andina Ltda', ciiu: ['8010'] };
    const noCode = (description: string, amount: string): LineSpec => ({ description, quantity: '1', unitPrice: amount, iva: '19' });
    const bill = await register([line('Servicio de vigilancia 24 horas marzo', '92121500', '9000000'), noCode('Administración 6 %', '600000'), noCode('Imprevistos 1 %', '100000'), noCode('Utilidad 3 %', '300000')], { supplier });
    expect(byAccount(bill)).toEqual({ '513505': pesos(9_000_000), '519595': pesos(1_000_000), '240810': pesos(190_000), '236525': -pesos(20_000), '233595': -pesos(10_170_000) });
    expect(bill.lines[1]!.conceptExplanation).toMatch(/es parte del AIU de vigilancia y aseo/);
  });

  it('servicios temporales with the AIU stated in the notes: 1 % on the AIU', async () => {
    const bill = await register([line('Suministro de personal temporal marzo', '80111600', '20000000', '19')], {
      supplier: { nit: '830222333', name: 'Temporales Ya SAS', ciiu: ['7820'] },
      spec: { notes: ['Base AIU: $ 2.000.000 (IVA sobre el AIU)'] },
    });
    // Retención 1 % × 2.000.000 = 20.000.
    expect(byAccount(bill)['236525']).toBe(-pesos(20_000));
    expect(bill.lines[0]!.withholdingConcept).toBe('servicios_temporales');
  });

  it('aseo without the AIU stated: no retención, por verificar with the reason', async () => {
    const bill = await register([line('Servicio de aseo integral oficinas marzo', '76111500', '5000000', '19')], { supplier: { nit: '900333444', name: 'Limpieza Total SAS', ciiu: ['8121'] } });
    expect(byAccount(bill)['236525']).toBeUndefined();
    expect(bill.needsReview).toBe(true);
    expect(bill.reviewNotes.join(' ')).toMatch(/Vigilancia y aseo \(sobre AIU\): la retención va sobre el AIU \(ET art\. 462-1\) y el documento no dice cuánto es/);
  });

  it('passenger transport: air 1 %, land 3,5 % from 10 UVT (Decreto 0572 de 2025)', async () => {
    const air = await register([line('Tiquete aéreo Bogotá-Medellín ida y regreso', '78111502', '800000')]);
    // Dr 515515 800.000; Cr 236525 8.000; Cr 233595 792.000.
    expect(byAccount(air)).toEqual({ '515515': pesos(800_000), '236525': -pesos(8_000), '233595': -pesos(792_000) });
    const land = await register([line('Tiquetes terrestres Bogotá-Tunja grupo comercial', '78111802', '600000')]);
    expect(byAccount(land)['236525']).toBe(-pesos(21_000));
    const small = await register([line('Tiquete terrestre Bogotá-Tunja', '78111802', '400000')]);
    expect(small.withholdings).toBe(0);
  });

  it('freight 1 % (servicio de transporte de carga)', async () => {
    const bill = await register([line('Flete transporte de mercancía Bogotá-Cali', '78101802', '1000000', '19')]);
    expect(byAccount(bill)).toEqual({ '523550': pesos(1_000_000), '240810': pesos(190_000), '236525': -pesos(10_000), '233595': -pesos(1_180_000) });
  });

  it('health services by an IPS 2 %', async () => {
    const bill = await register([line('Exámenes médicos ocupacionales de ingreso', '85121600', '500000')], { supplier: { nit: '900444555', name: 'IPS Salud Laboral SAS', ciiu: ['8621'] } });
    expect(byAccount(bill)).toEqual({ '510584': pesos(500_000), '236525': -pesos(10_000), '233595': -pesos(490_000) });
  });

  it('construction contract 2 % on the whole value (DUR 1625/2016 art. 1.2.4.9.1; DIAN concepto 901006/2021)', async () => {
    const bill = await register([line('Contrato de obra civil acta parcial 3 construcción de bodega', '72111000', '50000000')]);
    expect(byAccount(bill)).toEqual({ '150805': pesos(50_000_000), '236525': -pesos(1_000_000), '233595': -pesos(49_000_000) });
  });

  it('fuels 0,1 % with no minimum base: 200.000 of gasoline → 200', async () => {
    const bill = await register([line('Gasolina corriente', '15101506', '200000')]);
    expect(byAccount(bill)).toEqual({ '519535': pesos(200_000), '236540': -pesos(200), '220505': -pesos(199_800) });
  });

  it('rent of real estate: 3,5 % from 10 UVT after Decreto 0572; between 10 and 27 UVT it is por verificar', async () => {
    const between = await register([line('Canon de arrendamiento local comercial marzo', '80131500', '700000')]);
    expect(byAccount(between)['236530']).toBe(-pesos(24_500));
    expect(between.needsReview).toBe(true);
    expect(between.reviewNotes.join(' ')).toMatch(/entre 10 y 27 UVT/);
    const above = await register([line('Canon de arrendamiento oficina marzo', '80131500', '2000000')]);
    expect(byAccount(above)['236530']).toBe(-pesos(70_000));
    expect(above.needsReview).toBe(false);
    const below = await register([line('Canon de arrendamiento bodega pequeña', '80131500', '400000')]);
    expect(below.withholdings).toBe(0);
  });

  it('restaurant with a tip: 3,5 % on the meal only; the tip and the INC go to the expense (Ley 1935/2018, ET art. 512-1)', async () => {
    const bill = await register([{ description: 'Almuerzo de trabajo con clientes', quantity: '1', unitPrice: '300000', unspsc: '90101500', taxes: [{ code: '04', name: 'INC', percent: '8' }] }], {
      supplier: { nit: '900666777', name: 'Restaurante La Plaza SAS', ciiu: ['5611'] },
      spec: { allowanceCharges: [{ charge: true, amount: '30000', reason: 'Propina voluntaria' }] },
    });
    // Dr 519520 300.000 + INC 24.000 + propina 30.000 = 354.000; Cr 236525 3,5 % × 300.000 = 10.500; Cr 233595 343.500.
    expect(byAccount(bill)).toEqual({ '519520': pesos(354_000), '236525': -pesos(10_500), '233595': -pesos(343_500) });
  });

  it('one invoice, two concepts: goods 2,5 % and freight 1 %, each on its own base', async () => {
    const bill = await register([line('Cajas de cartón para empaque', '24112700', '2000000', '19'), line('Flete transporte de mercancía', '78101802', '300000', '19')]);
    // Cr 236540 2,5 % × 2.000.000 = 50.000; Cr 236525 1 % × 300.000 = 3.000; Cr 220505 2.737.000 − 53.000.
    expect(byAccount(bill)).toEqual({ '1435': pesos(2_000_000), '523550': pesos(300_000), '240810': pesos(437_000), '236540': -pesos(50_000), '236525': -pesos(3_000), '220505': -pesos(2_684_000) });
  });

  it('supplier not a declarante: compras 3,5 % and servicios 6 % are reachable', async () => {
    const person = { nit: '79555444', name: 'Pedro Pérez', personType: 'natural' as const, idType: '13', responsibilities: ['R-99-PN'], ciiu: [] };
    const first = await register([line('Cajas de cartón para empaque', '24112700', '1000000')], { supplier: person });
    // Unknown declarante status: the declarante rate, flagged.
    expect(byAccount(first)['236540']).toBe(-pesos(25_000));
    expect(first.reviewNotes.join(' ')).toMatch(/No se sabe si el proveedor \(persona natural\) es declarante/);
    await updateSupplierTaxProfile(h!.db, h!.company.id, '79555444', { declarante: false }, 'ana', new Date());
    const goods = await register([line('Cajas de cartón para empaque', '24112700', '1000000')], { supplier: person });
    expect(byAccount(goods)['236540']).toBe(-pesos(35_000));
    const service = await register([line('Soporte técnico de servidores', '81111800', '500000')], { supplier: person });
    expect(byAccount(service)['236525']).toBe(-pesos(30_000));
  });

  it('honorarios to a natural person: 10 %, and 11 % once the year’s payments pass 3.300 UVT (172.834.000 in 2026)', async () => {
    const lawyer = { nit: '79666777', name: 'Laura Abogada', personType: 'natural' as const, idType: '13', responsibilities: ['R-99-PN'] };
    const first = await register([line('Asesoría jurídica contrato marco', '80121600', '150000000')], { supplier: lawyer });
    expect(byAccount(first)['236515']).toBe(-pesos(15_000_000));
    // 150.000.000 + 30.000.000 = 180.000.000 > 172.834.000: 11 % × 30.000.000 = 3.300.000.
    const second = await register([line('Asesoría jurídica litigio', '80121600', '30000000')], { supplier: lawyer });
    expect(byAccount(second)['236515']).toBe(-pesos(3_300_000));
  });

  it('honorarios: a credit note lowers the year’s payments that decide the 11 %', async () => {
    const lawyer = { nit: '79666778', name: 'Mario Abogado', personType: 'natural' as const, idType: '13', responsibilities: ['R-99-PN'] };
    const first = await register([line('Asesoría jurídica contrato marco', '80121600', '150000000')], { supplier: lawyer });
    await register([line('Asesoría jurídica contrato marco', '80121600', '10000000')], { supplier: lawyer, spec: { kind: 'credit-note', billingReference: { number: first.number, cufe: first.cufe } } });
    // 150.000.000 − 10.000.000 + 30.000.000 = 170.000.000 ≤ 172.834.000: still 10 % × 30.000.000 = 3.000.000.
    const second = await register([line('Asesoría jurídica litigio', '80121600', '30000000')], { supplier: lawyer });
    expect(byAccount(second)['236515']).toBe(-pesos(3_000_000));
  });
});

describe('ReteICA by municipality and activity (Bogotá, Acuerdo 65 de 2002; bases Decreto 271 de 2002 art. 8)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  let counter = 0;
  async function register(lines: LineSpec[], company: Partial<CompanyInput>, supplier: Partial<PartySpec> = {}): Promise<Bill> {
    h ??= await openHarness({ activate: true, company, agent: { classifier: new UnspscClassifier(ACCOUNTS) } });
    const result = await h.ingest(buildUbl(invoiceSpec(`ICA-${++counter}`, { lines, supplier: { ...SUPPLIER, ...supplier } })));
    await h.agent.processor.runPending();
    const row = await h.db.selectFrom('inboxDocument').select(['status', 'reason', 'billId']).where('id', '=', result.documents[0]!.id).executeTakeFirstOrThrow();
    expect(row.status, row.reason ?? '').toBe('registered');
    return getBillOrThrow(h.db, h.company.id, row.billId!);
  }
  const BOGOTA = { icaMunicipality: '11001' };

  it('a wholesaler (CIIU 4690) selling goods: 11,04 ‰ from 27 UVT (1.414.000 in 2026), nothing below', async () => {
    const bill = await register([line('Cajas de cartón para empaque', '24112700', '2000000', '19')], BOGOTA);
    // 2.000.000 × 11,04 ‰ = 22.080.
    expect(byAccount(bill)['236805']).toBe(-pesos(22_080));
    const below = await register([line('Cajas de cartón para empaque', '24112700', '1000000', '19')], BOGOTA);
    expect(byAccount(below)['236805']).toBeUndefined();
    expect(below.needsReview).toBe(false);
  });

  it('a software company (CIIU 6201) selling a service: 9,66 ‰ from 4 UVT (209.000)', async () => {
    const bill = await register([line('Hosting en la nube plan mensual', '81112003', '500000', '19')], BOGOTA, { ciiu: ['6201'] });
    // 500.000 × 9,66 ‰ = 4.830.
    expect(byAccount(bill)['236805']).toBe(-pesos(4_830));
  });

  it('no CIIU on the document: the line says what it is (restaurant 13,8 ‰); an unmapped activity is por verificar', async () => {
    const meal = await register([line('Almuerzo restaurante reunión', '90101500', '500000')], BOGOTA, { ciiu: [] });
    expect(byAccount(meal)['236805']).toBe(-pesos(6_900));
    const rent = await register([line('Canon de arrendamiento oficina marzo', '80131500', '2000000')], BOGOTA, { ciiu: [] });
    expect(byAccount(rent)['236805']).toBeUndefined();
    expect(rent.reviewNotes.join(' ')).toMatch(/No se sabe la actividad del proveedor para la ReteICA de Bogotá/);
  });

  it('an unknown municipality: no ReteICA, por verificar; never the company’s single rate in silence', async () => {
    const bill = await register([line('Cajas de cartón para empaque', '24112700', '2000000', '19')], { icaMunicipality: '05001', icaRatePerMille: '10' });
    expect(byAccount(bill)['236805']).toBeUndefined();
    expect(bill.reviewNotes.join(' ')).toMatch(/No hay tabla de ReteICA para el municipio 05001/);
  });

  it('an autorretenedor de renta (O-15) is still withheld ReteICA: the municipal tax is another tax', async () => {
    const bill = await register([line('Cajas de cartón para empaque', '24112700', '2000000', '19')], BOGOTA, { responsibilities: ['O-15'] });
    expect(byAccount(bill)).toEqual({ '1435': pesos(2_000_000), '240810': pesos(380_000), '236805': -pesos(22_080), '220505': -pesos(2_357_920) });
  });

  it('Régimen Simple supplier: no ReteICA in Bogotá (ICA integrated in the SIMPLE)', async () => {
    const bill = await register([line('Cajas de cartón para empaque', '24112700', '2000000', '19')], BOGOTA, { responsibilities: ['O-47'] });
    expect(byAccount(bill)['236805']).toBeUndefined();
  });
});
