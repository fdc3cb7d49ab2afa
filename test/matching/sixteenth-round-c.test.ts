import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * The sixteenth round of issue #13, part C: a new supplier sells something the company's own catalog already names,
 * in words the fifteenth round did not read. Cases written here (a bakery, a furniture workshop, a print shop), not
 * taken from any benchmark set:
 * 1. the product named by the line's SECOND word, after a carrier or a form that names nothing of the company's
 *    («FRASCO ESENCIA …» → the item «Harinas, esencias y colorantes»): a weaker vote, the other reading said;
 * 2. a process word first («BARNIZADO SILLAS …») is a service on the item, not the item: no vote;
 * 3. the item's own qualifiers missing from the line: still a vote, weaker, naming the other reading;
 * 4. …but not for an office supply (5195) nor when another account's item shares the line's other words;
 * 5. a weak vote never makes a reading of the same account surer (it would hide the line from «por verificar»).
 */
const NEW_SUPPLIER = '901765432';

describe('suggestion engine: sixteenth round of #13 (C), the catalog item named by the line’s second word', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a carrier word first lets the second word name the company’s item, «por verificar»', async () => {
    t = await testCompany({
      company: { ciiu: ['1081'], inventory: 'perpetual' },
      items: [
        { codigo: 'ES-1', nombre: 'Harinas, esencias y colorantes', cuenta: '1405' },
        { codigo: 'HA-1', nombre: 'Harina de trigo', cuenta: '1405' },
        { codigo: 'AS-1', nombre: 'Aseo del local', cuenta: '519595' },
      ],
    });
    const [result] = await t.classify(line('FRASCO ESENCIA NATURAL 500 ML', { nit: NEW_SUPPLIER }));
    expect(result!.accountCode).toBe('1405');
    expect(result!.explanation).toContain('«Harinas, esencias y colorantes»');
    expect(result!.explanation).toContain('«frasco»');
  });

  it('a process word first is a service on the item, not the item', async () => {
    t = await testCompany({
      company: { ciiu: ['3110'], inventory: 'perpetual' },
      items: [
        { codigo: 'SI-1', nombre: 'Mesas y sillas', cuenta: '1435' },
        { codigo: 'TA-1', nombre: 'Tableros aglomerados', cuenta: '1405' },
      ],
    });
    const [result] = await t.classify(line('BARNIZADO SILLAS COMEDOR LACA CATALIZADA', { nit: NEW_SUPPLIER }));
    expect(result!.explanation).not.toContain('que nombra el ítem');
  });

  it('a head noun without the item’s qualifiers still names it, weaker, and says the other reading', async () => {
    t = await testCompany({
      company: { ciiu: ['1811'], inventory: 'perpetual' },
      items: [
        { codigo: 'PL-1', nombre: 'Planchas de aluminio offset', cuenta: '1405' },
        { codigo: 'TI-1', nombre: 'Tintas de proceso', cuenta: '1405' },
      ],
    });
    const [result] = await t.classify(line('PLANCHA TERMICA CTP 510X400 CAJA X 50', { nit: NEW_SUPPLIER }));
    expect(result!.accountCode).toBe('1405');
    expect(result!.explanation).toContain('«Planchas de aluminio offset»');
    expect(result!.explanation).toContain('podría ser otra clase');
  });

  it('an office supply narrowed by its qualifiers is not named by a line without them', async () => {
    t = await testCompany({
      company: { ciiu: ['1811'], inventory: 'perpetual' },
      items: [
        { codigo: 'GU-1', nombre: 'Guantes de aseo', cuenta: '519525' },
        { codigo: 'TI-1', nombre: 'Tintas de proceso', cuenta: '1405' },
      ],
    });
    const [result] = await t.classify(line('GUANTE NITRILO TALLA M CAJA X 100', { nit: NEW_SUPPLIER }));
    expect(result!.explanation).not.toContain('que nombra el ítem');
  });

  it('another account’s item sharing the line’s other words keeps the narrowed item from voting', async () => {
    t = await testCompany({
      company: { ciiu: ['1811'], inventory: 'perpetual' },
      items: [
        { codigo: 'PL-1', nombre: 'Planchas de aluminio offset', cuenta: '1405' },
        { codigo: 'MT-1', nombre: 'Mantenimiento de la termoselladora', cuenta: '519595' },
        { codigo: 'TE-1', nombre: 'Cinta termica para rotular', cuenta: '519530' },
      ],
    });
    const [result] = await t.classify(line('PLANCHA TERMICA CTP 510X400 CAJA X 50', { nit: NEW_SUPPLIER }));
    expect(result!.explanation).not.toContain('«Planchas de aluminio offset»');
  });

  it('a weak vote that agrees with the line’s own reading does not make it surer', async () => {
    const read = async (items: { codigo: string; nombre: string; cuenta: string }[]) => {
      t = await testCompany({ company: { ciiu: ['5611'], inventory: 'perpetual' }, items });
      const [result] = await t.classify(line('SAL MARINA GRUESA BOLSA 1 KG', { nit: NEW_SUPPLIER }));
      await t.close();
      return result!;
    };
    // The same books either way (two food items in 1405): only the narrowed «Sal refinada de mesa» differs.
    const without = await read([
      { codigo: 'AR-1', nombre: 'Arroz blanco', cuenta: '1405' },
      { codigo: 'AC-1', nombre: 'Aceite de cocina', cuenta: '1405' },
    ]);
    const withItem = await read([
      { codigo: 'AR-1', nombre: 'Arroz blanco', cuenta: '1405' },
      { codigo: 'SA-1', nombre: 'Sal refinada de mesa', cuenta: '1405' },
    ]);
    expect(withItem.accountCode).toBe(without.accountCode);
    expect(withItem.confidence).toBe(without.confidence);
  });
});
