import { afterEach, describe, expect, it } from 'vitest';
import { computeDv } from '#shared/nit';
import { activateAgent } from '../../server/agent/agent-switch';
import { getBillOrThrow } from '../../server/agent/bills';
import { createCompany } from '../../server/companies/companies';
import { COMPANY_NIT, invoiceXml, openHarness, SUPPLIER, type Harness } from '../support/agent-harness';
import { fixtureText, retarget } from '../support/fixtures';

describe('suppliers created from the documents', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('creates a new supplier with the DV we compute (not the one sent), names, address and e-mail', async () => {
    h = await openHarness({ activate: true });
    expect(computeDv(SUPPLIER.nit)).toBe('6');
    const result = await h.ingest(invoiceXml('FE-300', { supplier: { ...SUPPLIER, dv: '0', tradeName: 'Del Norte' } }));
    await h.agent.processor.runPending();
    const suppliers = await h.db.selectFrom('supplier').selectAll().execute();
    expect(suppliers).toHaveLength(1);
    const supplier = suppliers[0]!;
    expect(supplier).toMatchObject({
      companyId: h.company.id,
      nit: '900555111',
      dv: '6',
      idType: '31',
      personType: 'juridica',
      name: 'Distribuidora del Norte SAS',
      tradeName: 'Del Norte',
      email: 'facturacion@delnorte.com.co',
      declarante: 1,
      createdFromDocumentId: result.documents[0]!.id,
    });
    expect(JSON.parse(supplier.address!)).toMatchObject({ municipalityCode: '11001', city: 'Bogotá, D.C.', line: 'Carrera 7 # 71-21', countryCode: 'CO' });
    expect(JSON.parse(supplier.responsibilities)).toEqual(['O-48']);
    expect(JSON.parse(supplier.ciiu)).toEqual(['4690']);
    const bill = await h.db.selectFrom('bill').select('id').executeTakeFirstOrThrow();
    expect((await getBillOrThrow(h.db, h.company.id, bill.id)).supplier).toEqual({ id: supplier.id, nit: '900555111', dv: '6', name: 'Distribuidora del Norte SAS' });
  });

  it('reuses the supplier on the next document, keeping what is already known', async () => {
    h = await openHarness({ activate: true });
    await h.ingest(invoiceXml('FE-301'));
    await h.ingest(invoiceXml('FE-302', { supplier: { ...SUPPLIER, name: 'DISTRIBUIDORA DEL NORTE S.A.S.', email: 'otro@delnorte.co' } }));
    await h.agent.processor.runPending();
    const suppliers = await h.db.selectFrom('supplier').selectAll().execute();
    expect(suppliers).toHaveLength(1);
    expect(suppliers[0]).toMatchObject({ name: 'Distribuidora del Norte SAS', email: 'facturacion@delnorte.com.co' });
    const bills = await h.db.selectFrom('bill').select('supplierId').execute();
    expect(bills.map((b) => b.supplierId)).toEqual([suppliers[0]!.id, suppliers[0]!.id]);
  });

  it('computes the DV of DIAN’s sample that sends a wrong one (860003456: sent 2, correct 9)', async () => {
    h = await openHarness({ activate: true });
    // Take the supplier of the "nota crédito sin referencia" sample onto a Genérica invoice.
    await h.ingest(retarget(fixtureText('dian-toolkit__Generica.xml'), { customerNit: COMPANY_NIT, supplierNit: '860003456', cufeSeed: 'dv', number: 'DV-1' }));
    await h.agent.processor.runPending();
    expect(await h.db.selectFrom('supplier').select(['nit', 'dv']).execute()).toEqual([{ nit: '860003456', dv: '9' }]);
  });

  it('keeps one supplier list per company', async () => {
    h = await openHarness({ activate: true });
    const other = await createCompany(h.db, { nit: '800111222', name: 'Otra Empresa SAS', userName: 'Beto' }, h.clock);
    await activateAgent(h.db, other.id, 'recent', 'beto', h.clock);
    h.clock.advance(1000);
    await h.ingest(invoiceXml('FE-303'));
    await h.agent.ingest({ companyId: other.id, bytes: new TextEncoder().encode(invoiceXml('FE-303', { customer: { nit: '800111222', name: 'Otra Empresa SAS' } })), channel: 'upload', sourceRef: 'o.xml' });
    await h.agent.processor.runPending();
    const rows = await h.db.selectFrom('supplier').select(['companyId', 'nit']).orderBy('companyId').execute();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.companyId))).toEqual(new Set([h.company.id, other.id]));
    expect(await h.db.selectFrom('bill').select('id').execute()).toHaveLength(2);
  });
});
