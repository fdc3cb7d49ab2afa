import { afterEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import type { CompanyProfile } from '#shared/company';
import type { Supplier } from '#shared/supplier';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { buildUbl } from '../support/ubl';
import { byAccount, invoiceSpec, openHarness, pesos, SUPPLIER, UnspscClassifier, type Harness } from '../support/agent-harness';

/** A person sees each line's withholding concept and changes it; the books follow (API /bills, /suppliers, /company). */
describe('a person overrides the withholding concept, the supplier profile and the company settings', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function setup() {
    h = await openHarness({ activate: true, agent: { classifier: new UnspscClassifier({ '8111': '513520', '2411': '1435' }) } });
    const app = createApp(h.agent);
    const token = await createToken(h.db, 'prueba', h.clock);
    const call = async <T>(method: string, path: string, body?: unknown, status = 200): Promise<T> => {
      const res = await app.request(`/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'X-Usuario': 'Ana', ...(body ? { 'Content-Type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      expect(res.status, text).toBe(status);
      return JSON.parse(text) as T;
    };
    return { call };
  }

  async function register(number: string, lines = [{ description: 'Soporte técnico servidores marzo', quantity: '1', unitPrice: '1000000', iva: '19', unspsc: '81111800' }]): Promise<Bill> {
    await h!.ingest(buildUbl(invoiceSpec(number, { lines })));
    await h!.agent.processor.runPending();
    const row = await h!.db.selectFrom('bill').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    return { id: row.id } as Bill;
  }

  it('shows the concept with each line and re-computes withholdings and entry when a person changes it', async () => {
    const { call } = await setup();
    const { id } = await register('FE-OV-1');
    const bill = await call<Bill>('GET', `/bills/${id}`);
    expect(bill.lines[0]).toMatchObject({ withholdingConcept: 'servicios', withholdingConceptName: 'servicios', conceptSource: 'agent' });
    expect(bill.lines[0]!.conceptExplanation).toMatch(/Por la cuenta 513520/);
    // Servicios 4 % = 40.000.
    expect(byAccount(bill)['236525']).toBe(-pesos(40_000));

    // It was the development of the company's software: Decreto 2499/2012, 3,5 %.
    const changed = await call<Bill>('PATCH', `/bills/${id}/lines/${bill.lines[0]!.id}`, { withholdingConcept: 'software_servicios' });
    expect(changed.lines[0]).toMatchObject({ withholdingConcept: 'software_servicios', conceptSource: 'user', accountCode: '513520' });
    expect(byAccount(changed)).toEqual({ '513520': pesos(1_000_000), '240810': pesos(190_000), '236525': -pesos(35_000), '233595': -pesos(1_155_000) });

    // A later account correction keeps the person's concept.
    const recorrected = await call<Bill>('PATCH', `/bills/${id}/lines/${bill.lines[0]!.id}`, { accountCode: '513515' });
    expect(recorrected.lines[0]).toMatchObject({ accountCode: '513515', withholdingConcept: 'software_servicios' });
    expect(byAccount(recorrected)['236525']).toBe(-pesos(35_000));

    // No retención at all, by a person's decision.
    const none = await call<Bill>('PATCH', `/bills/${id}/lines/${bill.lines[0]!.id}`, { withholdingConcept: 'ninguno' });
    expect(none.withholdings).toBe(0);
    expect(none.lines[0]!.withholdingConceptName).toBe('sin retención');

    const refused = await call<{ error: { message: string } }>('PATCH', `/bills/${id}/lines/${bill.lines[0]!.id}`, { withholdingConcept: 'inventado' }, 400);
    expect(refused.error.message).toMatch(/El concepto de retención «inventado» no existe/);
    const trail = await h!.db.selectFrom('rulesEvent').select(['type', 'actor']).where('type', '=', 'line_concept').execute();
    expect(trail).toHaveLength(2);
    expect(trail[0]!.actor).toBe('Ana');
  });

  it('a supplier marked no declarante in the API gets the 6 % on its next service', async () => {
    const { call } = await setup();
    const person = { ...SUPPLIER, nit: '79123456', name: 'Juan Técnico', personType: 'natural' as const, idType: '13', responsibilities: ['R-99-PN'] };
    await h!.ingest(buildUbl(invoiceSpec('FE-PN-1', { supplier: person, lines: [{ description: 'Soporte técnico servidores marzo', quantity: '1', unitPrice: '1000000', unspsc: '81111800' }] })));
    await h!.agent.processor.runPending();
    const suppliers = await call<Supplier[]>('GET', '/suppliers');
    expect(suppliers.find((s) => s.nit === '79123456')).toMatchObject({ personType: 'natural', declarante: null });
    expect(await call<Supplier>('PATCH', '/suppliers/79123456', { declarante: false })).toMatchObject({ declarante: false });
    await call('PATCH', '/suppliers/79123456', { personType: 'juridica', declarante: false }, 400);
    await h!.ingest(buildUbl(invoiceSpec('FE-PN-2', { supplier: person, lines: [{ description: 'Soporte técnico servidores abril', quantity: '1', unitPrice: '1000000', unspsc: '81111800' }] })));
    await h!.agent.processor.runPending();
    const row = await h!.db.selectFrom('bill').select('id').where('number', '=', 'FE-PN-2').executeTakeFirstOrThrow();
    const bill = await call<Bill>('GET', `/bills/${row.id}`);
    expect(byAccount(bill)['236525']).toBe(-pesos(60_000));
  });

  it('the company states where it practises ReteICA and its fixed-asset IVA policy', async () => {
    const { call } = await setup();
    const company = await call<CompanyProfile>('PATCH', '/company', { icaMunicipality: '11001', fixedAssetIva: 'discount' });
    expect(company).toMatchObject({ icaMunicipality: '11001', fixedAssetIva: 'discount' });
    await call('PATCH', '/company', { icaMunicipality: 'Bogotá' }, 400);
    const { id } = await register('FE-ICA-1', [{ description: 'Cajas de cartón para empaque', quantity: '1', unitPrice: '2000000', iva: '19', unspsc: '24112700' }]);
    const bill = await call<Bill>('GET', `/bills/${id}`);
    // Supplier CIIU 4690, Bogotá 11,04 ‰ × 2.000.000 = 22.080.
    expect(byAccount(bill)['236805']).toBe(-pesos(22_080));
  });
});
