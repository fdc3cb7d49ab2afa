import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { workHead } from '../../server/matching/work-head';
import { normalize } from '../../server/matching/normalize';
import { line, testCompany, type TestCompany } from './support';

/**
 * Issue #13, twenty-second round, part E: a line whose head is work done on a thing (a noun of action — DLE «-ado»,
 * «-ida», «-ción», «-tura», «-miento» —, a listed noun of work, or an infinitive) is a service on that thing: in a
 * company whose activity has a cost of its own, it is that cost (61xx, accounting-co.md §4.3), not stock or an asset
 * because of its object's word. The lines are written for the tests, not copied from the sets.
 */
describe('twenty-second round, part E: work done on a thing is a service, not the thing', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const cases: [string, string, string][] = [
    ['1312', 'REPARACION CARDA ABRIDORA + CAMBIO DE RODAMIENTOS', 'a repair and a change of bearings'],
    ['1511', 'CURTIDO DE LAS PIELES DE RES', 'outsourced tanning («-ido»)'],
    ['1313', 'TINTURADO DE LOS HILOS DE ALGODON', 'dyeing of yarn («-ado») in a finishing plant'],
    ['2593', 'TEMPLADO DE LAS HOJAS DE LOS MACHETES', 'tempering of blades («-ado»)'],
    ['2599', 'NIQUELAR LAS BISAGRAS AFUERA', 'an infinitive'],
    ['2711', 'PRUEBAS DIELECTRICAS TRANSFORMADOR 75 KVA', 'a test of what the plant makes'],
  ];
  for (const [ciiu, description, what] of cases) {
    it(`${what}: «${description}» is the activity's cost (61), not 14xx/15xx`, async () => {
      t = await testCompany({ company: { ciiu: [ciiu], inventory: 'perpetual' } });
      const [result] = await t.classify(line(description));
      expect(result!.accountCode).toMatch(/^61/);
      expect(result!.confidence).toBeLessThan(0.841);
    });
  }

  it('the move names the work and the other reading, and is measured as its own kind (actividad/trabajo/…)', async () => {
    t = await testCompany({ company: { ciiu: ['1312'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('REPARACION CARDA ABRIDORA + CAMBIO DE RODAMIENTOS'));
    expect(result!.explanation).toContain('«reparacion» nombra un trabajo');
    expect(result!.explanation).toMatch(/se leería 14/);
    expect(result!.evidence?.kind).toMatch(/^actividad\/trabajo\//);
  });

  // Guards: what must not move.
  it('guard: the rod («soldadura») sold by the kilo stays a good', async () => {
    t = await testCompany({ company: { ciiu: ['2920'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('SOLDADURA 7018 1/8 X KG'));
    expect(result!.accountCode).toMatch(/^14/);
  });

  it('guard: paint in a gallon stays a good', async () => {
    t = await testCompany({ company: { ciiu: ['3110'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('PINTURA POLIURETANO BLANCA GALON'));
    expect(result!.accountCode).not.toMatch(/^61/);
  });

  it('guard: a trader (no cost of its own) keeps its reading', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('REPARACION ESTANTERIA METALICA BODEGA'));
    expect(result!.accountCode).not.toMatch(/^61/);
  });

  it('guard: an ending alone yields to a presentation or a lot (the material with a process name)', () => {
    const read = (s: string) => {
      const n = normalize(s);
      return workHead(n.words, n.measures, s, () => false);
    };
    expect(read('TINTURA PARA CUERO NEGRA GALON')).toBeUndefined();
    expect(read('LAMINADO MADERA ROBLE 8 MM')).toBeUndefined();
    expect(read('BRUÑIDO DE LOS MACHETES LOTE 45')).toBeUndefined();
    expect(read('BRUÑIDO DE LOS MACHETES')?.by).toBe('terminacion');
    // An ending alone needs the shape of an action on an object (an article before, a preposition after).
    expect(read('BRUÑIDO MACHETES')).toBeUndefined();
    expect(read('CHILLER GLICOL 5 TR')).toBeUndefined();
    expect(read('TELAR JACQUARD DE 4 METROS')).toBeUndefined();
    expect(read('ESTACION DE TRABAJO MODULAR')).toBeUndefined();
    // The head is the first word as written: a kit for a repair is the kit.
    expect(read('KIT REPARACION BOMBA DESAGUE')).toBeUndefined();
    // Inbound freight is the goods' cost, not work on them.
    expect(read('TRANSPORTE DE LA FRUTA HASTA LA PLANTA')).toBeUndefined();
    expect(read('MTTO PASTEURIZADOR')?.by).toBe('palabra');
    expect(read('REPARACION')).toBeUndefined();
  });

  it('every row of trabajo-sobre-un-bien.csv has a type and its source', () => {
    const rows = readDataCsv('trabajo-sobre-un-bien.csv');
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(['terminacion', 'palabra', 'excepcion']).toContain(row.tipo);
      expect(row.fuente?.length ?? 0).toBeGreaterThan(10);
    }
  });
});
