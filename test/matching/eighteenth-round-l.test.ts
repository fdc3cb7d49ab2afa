import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { diminutiveOf } from '../../server/matching/diminutives';
import { sameServiceWords } from '../../server/matching/service-words';
import { line, testCompany, type TestCompany } from './support';

/**
 * Round 18 of issue #13, part L: a product or service a new supplier writes under another name finds the company's
 * own catalog item. Two general means, each «por verificar» and saying which item it took and by which word:
 * 1. another name of the same service at the head of the line (nombres-del-mismo-servicio.csv: renta/arriendo →
 *    alquiler, arreglo → reparación), when the rest of the item's name is in the line;
 * 2. a Colombian diminutive of the noun the company's item starts with («quesito» → «Quesos»).
 * Cases written here, not taken from a benchmark set.
 */
const NEW_SUPPLIER = '901555777';

describe('nombres-del-mismo-servicio.csv', () => {
  it('every row has a word, the word it equals and a source', () => {
    const rows = readDataCsv('nombres-del-mismo-servicio.csv');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.palabra).toMatch(/^[a-z]+$/);
      expect(row.equivale_a).toMatch(/^[a-z]+$/);
      expect(row.fuente!.length).toBeGreaterThan(10);
    }
  });

  it('the words of one service name each other, and no other word', () => {
    expect(sameServiceWords('renta')).toContain('alquiler');
    expect(sameServiceWords('alquiler')).toContain('arriendo');
    expect(sameServiceWords('arreglo')).toContain('reparacion');
    expect(sameServiceWords('tornillo')).toEqual([]);
  });

  it('a diminutive is read only as a noun the catalog uses', () => {
    const known = (n: string) => ['queso', 'nevera', 'jabon', 'repuesto'].includes(n);
    expect(diminutiveOf('quesito', known)).toBe('queso');
    expect(diminutiveOf('neverita', known)).toBe('nevera');
    expect(diminutiveOf('jaboncito', known)).toBe('jabon');
    expect(diminutiveOf('repuesticos', known)).toBe('repuesto');
    expect(diminutiveOf('circuito', known)).toBeUndefined();
    expect(diminutiveOf('plastico', known)).toBeUndefined();
    expect(diminutiveOf('queso', known)).toBeUndefined();
  });
});

describe('suggestion engine: eighteenth round of #13, part L (another name of the catalog item)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a rental written as «renta» finds the company’s «Alquiler de …» item, «por verificar», naming both words', async () => {
    t = await testCompany({
      company: { ciiu: ['4923'], inventory: 'none' },
      items: [
        { codigo: 'AL-1', nombre: 'Alquiler de compresores', cuenta: '614535' },
        { codigo: 'OF-1', nombre: 'Papelería de oficina', cuenta: '519530' },
      ],
    });
    const [result] = await t.classify(line('RENTA COMPRESORES DE AIRE MES DE JULIO', { nit: NEW_SUPPLIER }));
    expect(result!.accountCode).toBe('614535');
    expect(result!.explanation).toContain('«renta»');
    expect(result!.explanation).toContain('«Alquiler de compresores»');
    expect(result!.explanation).toContain('verifícala');
    expect(result!.confidence).toBeLessThan(0.7);
  });

  it('a one-word service item does not pull every line that names the service another way', async () => {
    t = await testCompany({
      company: { ciiu: ['4923'], inventory: 'none' },
      items: [{ codigo: 'AR-1', nombre: 'Alquiler', cuenta: '512010' }],
    });
    const [result] = await t.classify(line('RENTA COMPRESORES DE AIRE MES DE JULIO', { nit: NEW_SUPPLIER }));
    expect(result!.explanation).not.toContain('otro nombre de');
  });

  it('a service item of another account as close leaves the choice to the other signals', async () => {
    t = await testCompany({
      company: { ciiu: ['4923'], inventory: 'none' },
      items: [
        { codigo: 'AL-1', nombre: 'Alquiler de compresores', cuenta: '614535' },
        { codigo: 'AL-2', nombre: 'Alquiler de plantas', cuenta: '512015' },
      ],
    });
    const [result] = await t.classify(line('RENTA COMPRESOR Y PLANTA', { nit: NEW_SUPPLIER }));
    expect(result!.explanation).not.toContain('otro nombre de');
  });

  it('a diminutive of the catalog’s noun names the item, weaker, and says which noun it read', async () => {
    t = await testCompany({
      company: { ciiu: ['4721'], inventory: 'perpetual' },
      items: [
        { codigo: 'QU-1', nombre: 'Quesos', cuenta: '1435' },
        { codigo: 'AS-1', nombre: 'Aseo del local', cuenta: '519525' },
      ],
    });
    const [result] = await t.classify(line('QUESITO CAMPESINO PARA LA VITRINA', { nit: NEW_SUPPLIER }));
    expect(result!.accountCode).toBe('1435');
    expect(result!.explanation).toContain('«quesito» es «queso» en diminutivo');
    expect(result!.explanation).toContain('«Quesos»');
    expect(result!.confidence).toBeLessThan(0.7);
  });
});
