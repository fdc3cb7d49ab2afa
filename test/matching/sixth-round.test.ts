import { afterEach, describe, expect, it } from 'vitest';
import { machineHead } from '../../server/matching/durable-evidence';
import { normalize } from '../../server/matching/normalize';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The sixth round of issue #13, each lever pinned by a case written here (not taken from any benchmark set): a
 * machine named by the line's first noun, goods a service company consumes in its service, and the flag on what a
 * service company buys that is not plainly the office's.
 */
describe('suggestion engine: sixth round of #13', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const head = (text: string, known: string[] = []) => {
    const n = normalize(text);
    return machineHead(n.words, n.measures, (w) => known.includes(w));
  };

  it('a line that starts with a «-dora» noun, or a «-dor» noun with a word of mechanism, names a machine', () => {
    expect(head('Ingleteadora telescópica 10 pulgadas')).toMatchObject({ strong: true, machine: true, named: true });
    expect(head('Dosificador automático de químicos 4 bombas')).toMatchObject({ machine: true });
    // The machine is not the line's first noun: a part or a service.
    expect(head('Filtro para aspiradora')).toBeUndefined();
    expect(head('Mantenimiento lavadora industrial')).toBeUndefined();
    // «-dor» alone is as often a product (a cleaner, a sealer); a machine is not sold by the hundred.
    expect(head('Limpiador multiusos galón')).toBeUndefined();
    expect(head('Inyectadora 5 ml x 100')).toBeUndefined();
    // A word the rules already read as a good decides by the rules' own reading.
    expect(head('Cosedora metálica', ['cosedora'])).toBeUndefined();
  });

  it('a machine from a supplier of supplies is proposed as 1520 «por verificar»; a reseller’s habit is only flagged', async () => {
    const supplies = [1, 2, 3, 4, 5, 6].map((m) => past(`Detergente industrial referencia ${m}`, '519525', `2026-0${m}-10`, { nit: '800999111' }));
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, history: supplies });
    const [washer] = await t.classify(line('Lavadora extractora industrial 60 libras', { nit: '800999111' }));
    expect(washer!.accountCode).toBe('1520');
    expect(washer!.confidence).toBeLessThan(0.6);
    expect(washer!.explanation).toContain('«lavadora»');
    expect(washer!.runnerUp?.accountCode).toBe('519525');

    const stock = [1, 2, 3, 4, 5, 6].map((m) => past(`Herramienta eléctrica referencia ${m}`, '1435', `2026-0${m}-10`, { nit: '800999222' }));
    const shop = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' }, history: stock });
    const [mitre] = await shop.classify(line('Ingleteadora telescópica 10 pulgadas', { nit: '800999222' }));
    expect(mitre!.accountCode).toMatch(/^1435/);
    expect(mitre!.confidence).toBeLessThan(0.6);
    await shop.close();
  });

  it('with nothing known of the supplier, a machine the rules would read as consumption is proposed as 1520', async () => {
    t = await testCompany({ company: { ciiu: ['9601'], inventory: 'none' } });
    const [dryer] = await t.classify(line('Secadora industrial 50 libras', { supplierCiiu: ['4659'] }));
    expect(dryer!.accountCode).toBe('1520');
    expect(dryer!.confidence).toBeLessThan(0.6);
  });

  it('fuel a security firm burns on its rounds is the cost of its service (615565), flagged; an office’s and a restaurant’s stay 519535', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [fuel] = await t.classify(line('Gasolina corriente galón'));
    expect(fuel!.accountCode).toBe('615565');
    expect(fuel!.confidence).toBeLessThan(0.6);
    expect(fuel!.explanation).toContain('519535');
    for (const ciiu of ['6201', '5611']) {
      const other = await testCompany({ company: { ciiu: [ciiu], inventory: 'none' } });
      const [theirs] = await other.classify(line('Gasolina corriente galón'));
      expect(theirs!.accountCode).toBe('519535');
      await other.close();
    }
  });

  it('food is the cost of the service where the service feeds someone (a care home), the cafetería elsewhere (a carrier)', async () => {
    t = await testCompany({ company: { ciiu: ['8730'], inventory: 'none' } });
    const [oats] = await t.classify(line('Avena en hojuelas bolsa 500 gr'));
    expect(oats!.accountCode).toMatch(/^61/);
    const carrier = await testCompany({ company: { ciiu: ['4923'], inventory: 'none' } });
    const [theirs] = await carrier.classify(line('Avena en hojuelas bolsa 500 gr'));
    expect(theirs!.accountCode).toBe('519525');
    await carrier.close();
  });

  it('a parking lot’s rent is proposed as the expense but flagged, naming its cost account; a software house’s rent is not flagged', async () => {
    t = await testCompany({ company: { ciiu: ['5221'], inventory: 'none' } });
    const [lot] = await t.classify(line('Canon arrendamiento lote mes de junio'));
    expect(lot!.accountCode).toBe('512010');
    expect(lot!.confidence).toBeLessThan(0.6);
    expect(lot!.explanation).toMatch(/costo \(6145\d\d\)/);
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [theirs] = await office.classify(line('Canon arrendamiento oficina mes de junio'));
    expect(theirs!.accountCode).toBe('512010');
    expect(theirs!.confidence).toBeGreaterThanOrEqual(0.6);
    await office.close();
  });

  it('a trading company’s freight may be the cost of the goods it bought (1435): flagged, saying so; a company without stock is not', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [freight] = await t.classify(line('Flete transporte mercancía Bogotá - Tunja'));
    expect(freight!.confidence).toBeLessThan(0.6);
    expect(freight!.explanation).toMatch(/flete de mercancía comprada.*1435/);
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [theirs] = await office.classify(line('Flete transporte mercancía Bogotá - Tunja'));
    expect(theirs!.explanation).not.toMatch(/mercancía comprada/);
    expect(theirs!.confidence).toBeGreaterThanOrEqual(0.6);
    await office.close();
  });
});
