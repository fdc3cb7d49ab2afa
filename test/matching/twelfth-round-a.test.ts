import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { reviewThreshold } from '../../server/matching/calibration';
import { equipmentName } from '../../server/matching/durable-evidence';
import { normalize } from '../../server/matching/normalize';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The twelfth round of issue #13, part A (durable goods → PUC group 15), each rule pinned by a case written here (not
 * taken from any benchmark set):
 * 1. a line whose first noun names a kind of equipment of the UNSPSC equipment classes (equipo-durable.csv) is a fixed
 *    asset in the group-15 account of that kind, «por verificar», whatever the rules read from its other words —
 *    cold start or from a supplier of supplies;
 * 2. a word next to that name says whose equipment it is (médico, laboratorio), and a hotel's machines and room
 *    furnishings are equipo de hoteles y restaurantes (1536);
 * 3. a spare part, a refill, a service or a pack count is not the equipment; a reseller buying what it sells keeps its
 *    merchandise account, flagged.
 */
describe('suggestion engine: twelfth round of #13, part A', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('the equipment table is public data: every row has a group-15 account of the PUC and UNSPSC codes of the list', () => {
    const puc = new Set(readDataCsv('puc.csv').map((r) => r.code));
    const classes = new Set(readDataCsv('unspsc-classes.csv').map((r) => r.class));
    const families = new Set(readDataCsv('unspsc-families.csv').map((r) => r.family));
    const segments = new Set(readDataCsv('unspsc-segments.csv').map((r) => r.segment));
    const rows = readDataCsv('equipo-durable.csv');
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      expect(row.cuenta, row.palabra).toMatch(/^15/);
      expect(puc.has(row.cuenta), `${row.palabra} → ${row.cuenta}`).toBe(true);
      const codes = row.unspsc!.split(' ');
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) expect(classes.has(code) || families.has(code) || segments.has(code), `${row.palabra}: UNSPSC ${code}`).toBe(true);
    }
  });

  it('reads the first noun, a qualifier next to it, and refuses parts, refills, services and packs', () => {
    const read = (text: string) => {
      const n = normalize(text);
      return equipmentName(n.words, n.measures);
    };
    expect(read('Compresor de aire 50 litros 2 HP')?.account).toBe('1520');
    expect(read('Balanza analítica 120 g 0.001')?.account).toBe('153215');
    expect(read('Cama hospitalaria de dos planos')?.account).toBe('153205');
    expect(read('Equipo centrífuga 12 tubos')?.account).toBe('153215');
    expect(read('Monitor de signos vitales con capnografía')?.account).toBe('153205');
    expect(read('Monitor 27 pulgadas IPS')?.account).toBe('152805');
    expect(read('Repuesto sello para bomba periférica')).toBeUndefined();
    expect(read('Mantenimiento bomba sumergible')).toBeUndefined();
    expect(read('Sello mecánico bomba 1 pulg')).toBeUndefined();
    expect(read('Colchón inflable x 12 unidades')).toBeUndefined();
    expect(read('Estantería 2 x 1 m cinco niveles')?.account).toBe('152405'); // a size, not a pack
    expect(read('Manguera para compresor 10 m')).toBeUndefined();
    expect(read('Servidor virtual en la nube plan mensual')).toBeUndefined();
  });

  it('cold start: equipment named by its noun goes to its fixed-asset account, «por verificar», with the threshold caveat', async () => {
    t = await testCompany({ company: { ciiu: ['0145'], inventory: 'none' } });
    const [scale, pump] = await t.classify(line('BASCULA DE PISO PARA BULTOS 500 KG'), line('MOTOBOMBA AUTOCEBANTE 2 PULG GASOLINA'));
    expect(scale!.accountCode).toBe('1520');
    expect(scale!.confidence).toBeLessThan(reviewThreshold());
    expect(scale!.explanation).toContain('parece un equipo que la empresa usa (báscula)');
    expect(scale!.explanation).toContain('si su valor es menor que el umbral de activos de la empresa, es gasto');
    expect(pump!.accountCode).toBe('1520');

    const lab = await testCompany({ company: { ciiu: ['7120'], inventory: 'none' } });
    const [microscope] = await lab.classify(line('MICROSCOPIO DE CAMPO CLARO OCULAR 10X'));
    expect(microscope!.accountCode).toBe('153215'); // PUC 1532 equipo médico-científico / laboratorio
    await lab.close();
  });

  it('from a supplier of supplies the equipment’s name beats the supplier’s usual account; a reseller keeps its merchandise', async () => {
    const supplies = (description: string, account: string) => ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10'].map((d) => past(description, account, d));
    t = await testCompany({ company: { ciiu: ['8891'], inventory: 'none' }, history: supplies('PAÑAL ADULTO TALLA M PAQUETE', '616530') });
    const [bunk] = await t.classify(line('CAMAROTE EN MADERA DOS NIVELES 90 CM'));
    expect(bunk!.accountCode).toBe('152405'); // PUC 1524 equipo de oficina / muebles y enseres
    expect(bunk!.confidence).toBeLessThan(reviewThreshold());
    expect(bunk!.runnerUp?.accountCode).toBe('616530');

    const shop = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' }, history: supplies('TORNILLO DRYWALL 6 X 1 CAJA', '1435') });
    const [pump] = await shop.classify(line('BOMBA PERIFERICA 1/2 HP 110V'));
    expect(pump!.accountCode).toMatch(/^1435/);
    expect(pump!.confidence).toBeLessThan(reviewThreshold());
    await shop.close();
  });

  it('a hotel’s machines and room furnishings are equipo de hoteles y restaurantes', async () => {
    t = await testCompany({ company: { ciiu: ['5511'], inventory: 'none' } });
    const [mattress, fridge] = await t.classify(line('COLCHON RESORTADO SEMIDOBLE 120X190'), line('CONGELADOR HORIZONTAL 300 LITROS'));
    expect(mattress!.accountCode).toBe('153605'); // de habitaciones
    expect(fridge!.accountCode).toBe('153610'); // de comestibles y bebidas
  });

  it('a shop whose CIIU names that kind of good buys it to sell, flagged; a shop that sells something else keeps it as its furniture', async () => {
    t = await testCompany({ company: { ciiu: ['4754'], inventory: 'perpetual' } });
    const [tv] = await t.classify(line('TELEVISOR LED 50 PULGADAS 4K'));
    expect(tv!.accountCode).toMatch(/^1435/);
    expect(tv!.confidence).toBeLessThan(reviewThreshold());
    expect(tv!.explanation).toContain('si es para su propio uso, es activo fijo');

    const hardware = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [shelves] = await hardware.classify(line('ESTANTERIA METALICA 6 BANDEJAS 2 M'));
    expect(shelves!.accountCode).toBe('152405');
    await hardware.close();
  });
});
