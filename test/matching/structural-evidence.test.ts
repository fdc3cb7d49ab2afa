import { afterEach, describe, expect, it } from 'vitest';
import { activityCostAccount } from '../../server/matching/reference-data';
import { line, testCompany, type TestCompany } from './support';

const NEW_SUPPLIER = '901777888';

/**
 * Structural evidence for lines nothing recalls (issue #13, third round): the company's own books by UNSPSC class and
 * by concept, the cost of the company's own activity read from the PUC and CIIU names, and the confidence set by how
 * independent signals agree. Written from the PUC, the CIIU table and UNSPSC class names, not from any benchmark set.
 */
describe('suggestion engine: structural evidence', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a new supplier’s line goes where the company books its UNSPSC class, whatever its wording', async () => {
    // A security company books its guards' radios as cost of the service; the catalog says so by class 432221.
    t = await testCompany({
      company: { ciiu: ['8010'], inventory: 'none' },
      items: [
        { codigo: 'R-1', nombre: 'Radio portátil Motorola DEP450', cuenta: '615565', inventariable: 'no', unspsc: '43222100' },
        { codigo: 'R-2', nombre: 'Batería para radio Motorola', cuenta: '615565', inventariable: 'no', unspsc: '43222100' },
        { codigo: 'R-3', nombre: 'Antena VHF para radio', cuenta: '615565', inventariable: 'no', unspsc: '43222100' },
      ],
    });
    const [walkie] = await t.classify(line('WALKIE TALKIE UHF 5W REF KX-200', { nit: NEW_SUPPLIER, unspsc: '43222105' }));
    expect(walkie).toMatchObject({ accountCode: '615565' });
    expect(walkie!.explanation).toMatch(/La empresa registra la clase UNSPSC 43222100/);
    expect(walkie!.confidence).toBeGreaterThanOrEqual(0.6);
    // The same words without the code: no class evidence, so the class says nothing.
    const [noCode] = await t.classify(line('WALKIE TALKIE UHF 5W REF KX-200', { nit: NEW_SUPPLIER }));
    expect(noCode!.explanation).not.toMatch(/clase UNSPSC/);
  });

  it('where the company books a kind of thing beats where an office would, and says why', async () => {
    // A software house whose books put its consumption in selling expenses (52): its catalog says so, not its profile.
    t = await testCompany({
      company: { ciiu: ['6201'], inventory: 'none' },
      items: [
        { codigo: 'A-1', nombre: 'Jabón de tocador individual', cuenta: '529525', inventariable: 'no' },
        { codigo: 'A-2', nombre: 'Shampoo sachet 10 ml', cuenta: '529525', inventariable: 'no' },
        { codigo: 'A-3', nombre: 'Papel higiénico institucional', cuenta: '529525', inventariable: 'no' },
      ],
    });
    const [soap] = await t.classify(line('Detergente líquido para ropa galón', { nit: NEW_SUPPLIER }));
    expect(soap).toMatchObject({ accountCode: '529525' });
    expect(soap!.explanation).toMatch(/la empresa registra elementos de aseo y cafetería en 529525 \(3 de 3/);
    // An office with no such books keeps the generic posture.
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [officeSoap] = await office.classify(line('Detergente líquido para ropa galón', { nit: NEW_SUPPLIER }));
    expect(officeSoap!.accountCode).toBe('519525');
    await office.close();
  });

  it('the agent’s own registrations and items do not teach the company’s posture', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const learned = ['Jabón de tocador individual', 'Shampoo sachet 10 ml', 'Papel higiénico institucional'].map((description, i) => ({ companyId: t.company.id, supplierNit: '800111222', description, accountCode: '529525', byUser: false, origin: 'registro' as const, confidence: 0.5, at: `2026-05-0${i + 1}T12:00:00Z` }));
    await t.engine.learn(learned);
    const [soap] = await t.classify(line('Detergente líquido para ropa galón', { nit: NEW_SUPPLIER }));
    expect(soap!.explanation).not.toMatch(/la empresa registra/);
  });

  it('a software house’s computer accessories stay an office expense though informática is its trade', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [mouse] = await t.classify(line('Mouse óptico USB negro'));
    expect(mouse!.accountCode).not.toMatch(/^61/);
  });

  it('a service company’s consumption of what its activity is about is the cost of that activity (PUC 61 by CIIU name)', async () => {
    expect(activityCostAccount('8121')).toBe('615570'); // Limpieza general interior de edificios → Limpieza de inmuebles
    expect(activityCostAccount('5511')).toBe('614005'); // Alojamiento en hoteles → Hotelería
    expect(activityCostAccount('8622')).toBe('616515'); // Práctica odontológica → Servicio odontológico
    expect(activityCostAccount('1811')).toBe('612035'); // Actividades de impresión → Impresión
    t = await testCompany({ company: { ciiu: ['8121'], inventory: 'none' } });
    const [detergent, paper] = await t.classify(line('Detergente industrial en polvo bulto 25 kg'), line('Resma papel carta 75 g'));
    expect(detergent!.accountCode).toBe('615570');
    expect(detergent!.explanation).toMatch(/costo de la actividad/);
    // Its office paper is still an administrative expense.
    expect(paper!.accountCode).toBe('519530');
  });

  it('signals that agree make the line surer; a strong signal against makes it much less sure', async () => {
    const items = [{ codigo: 'T-1', nombre: 'Tóner HP 85A negro', cuenta: '519530', inventariable: 'no', unspsc: '44103103' }];
    t = await testCompany({ company: { ciiu: ['6910'], inventory: 'none' }, items });
    // Similar item, same class in the books, and the rules (papelería) all agree.
    const [agreeing] = await t.classify(line('TONER HP 85A NEGRO ORIGINAL', { nit: NEW_SUPPLIER, unspsc: '44103103' }));
    expect(agreeing!.accountCode).toBe('519530');
    expect(agreeing!.explanation).toMatch(/coincide/);
    expect(agreeing!.confidence).toBeGreaterThanOrEqual(0.9);
    // A line that reads like the toner but carries a printer's class, which the books put to assets: two strong
    // signals disagree, and the line is far less sure than when they agree.
    const printers = ['Impresora HP LaserJet Pro', 'Impresora Epson EcoTank', 'Impresora Brother láser'].map((nombre, i) => ({ codigo: `P-${i}`, nombre, cuenta: '152805', inventariable: 'no', unspsc: '43212100' }));
    const books = await testCompany({ company: { ciiu: ['6910'], inventory: 'none' }, items: [...items, ...printers] });
    const [disagreeing] = await books.classify(line('Toner HP 85A negro', { nit: NEW_SUPPLIER, unspsc: '43212105' }));
    expect(disagreeing!.confidence).toBeLessThan(0.7);
    expect(disagreeing!.runnerUp).toMatchObject({ accountCode: '152805' });
    expect(disagreeing!.explanation).toMatch(/en cambio/);
    await books.close();
  });
});
