import { describe, expect, it } from 'vitest';
import { agentReference, buildBillPayload, observationsFor, PushRefusal, type AlegraCatalog, type BillForPush } from '../../server/alegra/bill-payload';
import { categoryForAccount, retentionFor, taxFor, type SyncedCategory, type SyncedRate } from '../../server/alegra/mapping';
import { flattenCategories, postableCategories } from '../../server/alegra/synced-records';

const category = (remoteId: string, code: string | null, postable: number, name = `Cuenta ${code}`): SyncedCategory => ({ remoteId, code, name, postable });
const rate = (remoteId: string, type: string, percentage: string, name = `${type} ${percentage}`, status = 'active'): SyncedRate => ({ remoteId, type, percentage, name, status });

describe('accounts matched by code among accounts that accept movements', () => {
  const chart = [category('1', '5135', 0), category('2', '513505', 1), category('3', '513530', 1), category('4', '5195', 1), category('5', '1435', 0), category('6', '143505', 1), category('7', '2205', 0)];

  it('takes the same code, else the only movement sub-account, else the movement account that contains it', () => {
    expect(categoryForAccount(chart, '513505')).toMatchObject({ ok: true, value: { remoteId: '2' } });
    expect(categoryForAccount(chart, '1435')).toMatchObject({ ok: true, value: { remoteId: '6' }, note: expect.stringContaining('subcuenta 143505') });
    expect(categoryForAccount(chart, '519595')).toMatchObject({ ok: true, value: { remoteId: '4' }, note: expect.stringContaining('se usó 5195') });
  });

  it('refuses, in Spanish, an account with several movement sub-accounts, an accumulative one, or a missing one', () => {
    expect(categoryForAccount(chart, '5135')).toEqual({ ok: false, reason: expect.stringContaining('tiene 2 subcuentas (513505 Cuenta 513505, 513530 Cuenta 513530)') });
    expect(categoryForAccount(chart, '2205')).toEqual({ ok: false, reason: expect.stringContaining('no acepta movimientos en Alegra') });
    expect(categoryForAccount(chart, '6135')).toEqual({ ok: false, reason: expect.stringContaining('no existe en el catálogo de cuentas de Alegra') });
    expect(categoryForAccount([...chart.slice(0, 1), { ...chart[1]!, removedAt: '2026-01-01' }], '513505').ok).toBe(false);
  });

  it('derives which accounts accept movements from the tree, flat (idParent) or nested (children)', () => {
    const flat = flattenCategories([
      { id: 1, code: '51', name: 'Operacionales', idParent: null },
      { id: '2', code: '5135', name: 'Servicios', idParent: 1 },
      { id: 3, code: '513505', name: 'Aseo', idParent: '2' },
      { id: 4, code: '513510', name: 'Bloqueada', idParent: '2', use: 'accumulative' },
      { id: 5, code: '513515', name: 'Inactiva', idParent: '2', status: 'inactive' },
      { id: 6, code: '5195.95', name: 'Otros', children: [{ id: 7, code: '5195.95.01', name: 'Hija' }] },
    ]);
    expect(flat.map((c) => [c.remoteId, c.parentRemoteId, c.code])).toEqual([
      ['1', null, '51'],
      ['2', '1', '5135'],
      ['3', '2', '513505'],
      ['4', '2', '513510'],
      ['5', '2', '513515'],
      ['6', null, '519595'],
      ['7', '6', '51959501'],
    ]);
    expect([...postableCategories(flat)].sort()).toEqual(['3', '7']);
  });
});

describe('taxes and retentions matched by kind and percentage, never by id', () => {
  const taxes = [rate('9', 'IVA', '19', 'IVA 19% viejo', 'inactive'), rate('12', 'IVA', '19.00'), rate('11', 'IVA', '5'), rate('20', 'INC', '8')];
  it('finds the active tax of the type and percentage, whatever the id', () => {
    expect(taxFor(taxes, '01', '19')).toMatchObject({ ok: true, value: { remoteId: '12' } });
    expect(taxFor(taxes, '04', '8.00')).toMatchObject({ ok: true, value: { remoteId: '20' } });
    expect(taxFor(taxes, '01', '16')).toEqual({ ok: false, reason: expect.stringContaining('no hay un impuesto IVA del 16 % activo') });
  });

  const retentions = [rate('30', 'FUENTE', '2.5', 'Retención otros ingresos 2.5%'), rate('31', 'FUENTE', '2.50', 'Retefuente Compras 2,5%'), rate('32', 'FUENTE', '4', 'Servicios 4%'), rate('33', 'IVA', '15', 'ReteIVA'), rate('34', 'ICA', '0.966', 'ReteICA Bogotá')];
  it('prefers the retention named for the concept among equal percentages, and reads ReteICA per mille', () => {
    expect(retentionFor(retentions, 'retefuente', '2.5', 'compras')).toMatchObject({ ok: true, value: { remoteId: '31' } });
    expect(retentionFor(retentions, 'retefuente', '2.5', 'honorarios')).toMatchObject({ ok: true, value: { remoteId: '30' } });
    expect(retentionFor(retentions, 'reteiva', '15')).toMatchObject({ ok: true, value: { remoteId: '33' } });
    expect(retentionFor(retentions, 'reteica', '9.66')).toMatchObject({ ok: true, value: { remoteId: '34' } });
    expect(retentionFor(retentions, 'retefuente', '3.5', 'compras')).toEqual({ ok: false, reason: expect.stringContaining('no hay una retención en la fuente del 3,5 % activa') });
  });

  it('names the concepts the ledger added (vigilancia on AIU, software, passengers) among retentions of the same rate', () => {
    const sameRate = [rate('40', 'FUENTE', '2', 'Retención servicios 2%'), rate('41', 'FUENTE', '2', 'Vigilancia y aseo AIU 2%'), rate('42', 'FUENTE', '2', 'Salud IPS 2%')];
    expect(retentionFor(sameRate, 'retefuente', '2', 'vigilancia_aseo')).toMatchObject({ ok: true, value: { remoteId: '41' } });
    expect(retentionFor(sameRate, 'retefuente', '2', 'salud_ips')).toMatchObject({ ok: true, value: { remoteId: '42' } });
    const software = [rate('50', 'FUENTE', '3.5', 'Compras 3,5%'), rate('51', 'FUENTE', '3.5', 'Licencias de software 3,5%')];
    expect(retentionFor(software, 'retefuente', '3.5', 'software_licencias')).toMatchObject({ ok: true, value: { remoteId: '51' } });
    const passengers = [rate('60', 'FUENTE', '1', 'Transporte de carga 1%'), rate('61', 'FUENTE', '1', 'Transporte aéreo de pasajeros 1%')];
    expect(retentionFor(passengers, 'retefuente', '1', 'transporte_pasajeros_aereo')).toMatchObject({ ok: true, value: { remoteId: '61' } });
  });
});

describe('the Alegra bill built from a registered bill', () => {
  const catalog: AlegraCatalog = {
    categories: [category('100', '143505', 1, 'Mercancías'), category('101', '519595', 1, 'Otros'), category('102', '1435', 0)],
    taxes: [rate('7', 'IVA', '19')],
    retentions: [rate('8', 'FUENTE', '2.5', 'Compras 2.5%')],
    itemIds: new Set(['itm-5']),
  };
  const base: BillForPush = {
    bill: { kind: 'invoice', number: 'SETP1', cufe: 'c'.repeat(96), issueDate: '2026-03-09', dueDate: '2026-04-08', currency: 'COP', exchangeRate: null },
    supplier: { nit: '800197268', name: 'Proveedor SAS' },
    lines: [
      { position: 1, description: 'Caja de tornillos', quantity: '3', amount: 3000000, accountCode: '1435', itemId: 'itm-5', thirdPartyIncome: 0 },
      { position: 2, description: 'Servicio', quantity: '3', amount: 1000000, accountCode: '519595', itemId: null, thirdPartyIncome: 0 },
      { position: 3, description: 'Muestra gratis', quantity: '1', amount: 0, accountCode: '1435', itemId: null, thirdPartyIncome: 0 },
      { position: 4, description: 'Recaudo para terceros', quantity: '1', amount: 500000, accountCode: '1435', itemId: null, thirdPartyIncome: 1 },
    ],
    withholdings: [{ kind: 'retefuente', concept: 'compras', rate: '2.5', amount: 100000 }],
    document: {
      lines: [
        { position: 1, taxes: [{ code: '01', rate: '19', amount: '5700.00' }, { code: '22', amount: '150.00', perUnit: { amount: '50.00', quantity: '3' } }] },
        { position: 2, taxes: [{ code: '01', rate: '0', amount: '0.00' }] },
        { position: 3, taxes: [] },
        { position: 4, taxes: [] },
      ] as never,
      allowanceCharges: [
        { isCharge: false, amount: '4000.00' },
        { isCharge: true, amount: '2000.00' },
      ],
    },
  };

  it('sends items as items, accounts as categories, taxes and retentions by id, the CUFE first and the agent’s mark', () => {
    const { payload, notes, figures } = buildBillPayload(base, '55', 'key-1', catalog);
    // Line 1 at its net amount with IVA 19 %: Alegra computes IVA on exactly the supplier's base.
    expect(payload.purchases.items).toEqual([{ id: 'itm-5', price: 10000, quantity: 3, tax: [{ id: '7' }], observations: 'Caja de tornillos' }]);
    expect(payload.purchases.categories).toEqual([
      // The bag tax of line 1 as its own line, on the line's account, without IVA.
      { id: '100', price: 150, quantity: 1, observations: 'Impuesto a las bolsas de la línea 1 (Caja de tornillos)' },
      // Line 2: IVA 0 % sends no tax; 10 000 / 3 is no whole centavo, so one unit at the line's amount.
      { id: '101', price: 10000, quantity: 1, observations: 'Servicio' },
      // The 4 000 discount and the 2 000 charge: one untaxed line, not spread over prices (IVA stays 5 700).
      { id: '100', price: -2000, quantity: 1, observations: 'Cargos y descuentos del documento (no cambian el IVA)' },
    ]);
    expect(payload.retentions).toEqual([{ id: '8', amount: 1000 }]);
    expect(payload).toMatchObject({ date: '2026-03-09', dueDate: '2026-04-08', provider: { id: '55' }, numberTemplate: { number: 'SETP1' } });
    expect(payload.observations.startsWith(`CUFE ${'c'.repeat(96)}. Factura SETP1 de Proveedor SAS, NIT 800197268.`)).toBe(true);
    expect(payload.observations.endsWith(` ${agentReference('key-1')}.`)).toBe(true);
    expect(payload.observations).not.toContain('key-1');
    expect(notes.join(' ')).toContain('La línea 3 («Muestra gratis») no tiene valor');
    expect(notes.join(' ')).toContain('La línea 4 es un ingreso recibido para terceros');
    // Alegra: 30 000 + 150 + 10 000 − 2 000 = 38 150 + IVA 5 700 = 43 850, the document's own figures.
    expect(figures.ok).toBe(true);
    expect(figures.rows).toEqual([
      { label: 'Subtotal', entry: 3815000, alegra: 3815000 },
      { label: 'IVA 19', entry: 570000, alegra: 570000 },
      { label: 'Total', entry: 4385000, alegra: 4385000 },
    ]);
  });

  it('compares with the entry’s own debits and refuses, with the figures, when Alegra would differ by more than $1', () => {
    // The entry says line 1 cost 30 000 + 150 bag tax − 3 000 discount share + 5 700 IVA; line 2 10 000 − 1 000 + 2 000 charge.
    const booked: BillForPush = {
      ...base,
      lines: [
        { ...base.lines[0]!, capitalizedTaxes: 15000 - 300000, iva: 570000 },
        { ...base.lines[1]!, capitalizedTaxes: -100000 + 200000, iva: 0 },
      ],
      document: { ...base.document, lines: base.document.lines.slice(0, 2) },
    };
    expect(buildBillPayload(booked, '55', 'k', catalog).figures).toMatchObject({ ok: true, maxDifference: 0 });
    // A supplier whose IVA is not 19 % of the base (IVA charged on a free sample's reference price): not sent.
    const odd: BillForPush = { ...booked, lines: [{ ...booked.lines[0]!, iva: 760000 }, booked.lines[1]!], document: { ...booked.document, lines: [{ position: 1, taxes: [{ code: '01', rate: '19', amount: '7600.00' }] }, booked.document.lines[1]!] as never } };
    let refusal: PushRefusal | undefined;
    try {
      buildBillPayload(odd, '55', 'k', catalog);
    } catch (error) {
      refusal = error as PushRefusal;
    }
    expect(refusal).toBeInstanceOf(PushRefusal);
    expect(refusal!.code).toBe('TOTALS_DIFFER');
    expect(refusal!.message).toMatch(/^No se envió a Alegra: lo que Alegra calcularía no coincide con el asiento por más de \$ 1/);
    expect(refusal!.message).toContain('IVA 19: asiento $ 7.600, Alegra $ 5.700');
    expect(refusal!.figures!.ok).toBe(false);
  });

  it('holds Alegra’s IVA to the document’s IVA total, not to the sum of its lines', () => {
    const agreeing: BillForPush = { ...base, document: { ...base.document, taxes: [{ code: '01', rate: '19', amount: '5700.00' }] } };
    expect(buildBillPayload(agreeing, '55', 'k', catalog).figures.ok).toBe(true);
    const disagreeing: BillForPush = { ...base, document: { ...base.document, taxes: [{ code: '01', rate: '19', amount: '5800.00' }] } };
    expect(() => buildBillPayload(disagreeing, '55', 'k', catalog)).toThrow(/IVA 19: asiento \$ 5\.800, Alegra \$ 5\.700/);
  });

  it('sends INC as Alegra’s tax when the account has it, and as an untaxed line when it does not', () => {
    const inc: BillForPush = {
      ...base,
      lines: [{ position: 1, description: 'Almuerzo', quantity: '1', amount: 5000000, accountCode: '519595', itemId: null, thirdPartyIncome: 0 }],
      withholdings: [],
      document: { lines: [{ position: 1, taxes: [{ code: '04', rate: '8', amount: '4000.00' }] }] as never, allowanceCharges: [] },
    };
    const withInc = buildBillPayload(inc, '55', 'k', { ...catalog, taxes: [...catalog.taxes, rate('9', 'INC', '8')] });
    expect(withInc.payload.purchases.categories).toEqual([{ id: '101', price: 50000, quantity: 1, tax: [{ id: '9' }], observations: 'Almuerzo' }]);
    const withoutInc = buildBillPayload(inc, '55', 'k', catalog);
    expect(withoutInc.payload.purchases.categories).toEqual([
      { id: '101', price: 50000, quantity: 1, observations: 'Almuerzo' },
      { id: '101', price: 4000, quantity: 1, observations: 'INC de la línea 1 (Almuerzo)' },
    ]);
    expect(withoutInc.figures).toMatchObject({ ok: true, rows: [{ label: 'Subtotal', entry: 5400000, alegra: 5400000 }, { label: 'Total', entry: 5400000, alegra: 5400000 }] });
  });

  it('keeps the bag tax of a free line instead of dropping the line and its tax', () => {
    const free: BillForPush = {
      ...base,
      lines: [{ position: 1, description: 'Bolsa', quantity: '2', amount: 0, accountCode: '519595', itemId: null, thirdPartyIncome: 0, capitalizedTaxes: 13000, iva: 0 }],
      withholdings: [],
      document: { lines: [{ position: 1, taxes: [{ code: '22', amount: '130.00', perUnit: { amount: '65.00', quantity: '2' } }] }] as never, allowanceCharges: [] },
    };
    const { payload, figures } = buildBillPayload(free, '55', 'k', catalog);
    expect(payload.purchases.categories).toEqual([{ id: '101', price: 130, quantity: 1, observations: 'Impuesto a las bolsas de la línea 1 (Bolsa)' }]);
    expect(figures.ok).toBe(true);
  });

  it('keeps the observations within 500 characters, CUFE first and the mark whole, whatever the notes', () => {
    const long: BillForPush = { ...base, supplier: { ...base.supplier, name: 'Distribuidora '.repeat(20) } };
    const notes = Array.from({ length: 30 }, (_, i) => `Nota número ${i} que explica algo largo sobre la factura.`);
    const text = observationsFor(long, '1', notes, 'key-9');
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text.startsWith(`CUFE ${'c'.repeat(96)}. Factura SETP1 de Distribuidora`)).toBe(true);
    expect(text.endsWith(` ${agentReference('key-9')}.`)).toBe(true);
  });

  it('keeps the exact amount when the unit price would need more than centavos', () => {
    const odd: BillForPush = { ...base, lines: [{ ...base.lines[1]!, quantity: '3', amount: 1000001 }], document: { lines: [{ position: 2, taxes: [] }] as never, allowanceCharges: [] } };
    expect(buildBillPayload(odd, '55', 'k', catalog).payload.purchases.categories).toEqual([{ id: '101', price: 10000.01, quantity: 1, observations: 'Servicio' }]);
  });

  it('refuses notes, missing taxes and missing retentions with what to do', () => {
    expect(() => buildBillPayload({ ...base, bill: { ...base.bill, kind: 'debit-note' } }, '55', 'k', catalog)).toThrow(/notas débito de proveedor no se envían a Alegra/);
    const noTax = () => buildBillPayload(base, '55', 'k', { ...catalog, taxes: [] });
    expect(noTax).toThrow(PushRefusal);
    expect(noTax).toThrow(/Línea 1: En Alegra no hay un impuesto IVA del 19 % activo/);
    expect(() => buildBillPayload(base, '55', 'k', { ...catalog, retentions: [] })).toThrow(/En Alegra no hay una retención en la fuente del 2,5 % activa/);
  });
});
