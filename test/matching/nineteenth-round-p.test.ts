import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { CONCEPTS } from '../../server/matching/activity-rules';
import { line, testCompany, type TestCompany } from './support';

/**
 * The nineteenth round of issue #13, part P: what a trade consumes while working is the cost of its activity, not the
 * office's (accounting-co.md §4.3). A concept whose object is the operation (rented machinery, pest control of a
 * kitchen, a maker's hardware, the show of a bar, the medical exams a staffing agency sells) goes to the activity's
 * 61 subcuenta, «por verificar», naming the office's account as the other reading. Cases written here, not taken from
 * any set; the guards pin what must not move (office equipment, the office's own fumigation, a software house's
 * hardware, an accounting firm's rented drill).
 */
describe('costo-de-la-operacion.csv', () => {
  it('every row names a concept of the rules, its activities and its source', () => {
    const keys = new Set(CONCEPTS.map((c) => c.key));
    const rows = readDataCsv('costo-de-la-operacion.csv');
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(keys.has(row.concepto!), row.concepto).toBe(true);
      expect(row.actividades, row.concepto).toMatch(/^(costo|[A-U]|\d{2,4})( (costo|[A-U]|\d{2,4}))*$/);
      expect(row.fuente, row.concepto).toBeTruthy();
    }
  });

  it('a row without its source stops the engine, in Spanish', async () => {
    vi.resetModules();
    vi.doMock('../../server/ledger/puc', async (original) => {
      const real = await original<typeof import('../../server/ledger/puc')>();
      return { ...real, readDataCsv: (name: string) => (name === 'costo-de-la-operacion.csv' ? [{ concepto: 'alquiler-equipo', actividades: 'costo', salvo: '', fuente: '' }] : real.readDataCsv(name)) };
    });
    await expect(import('../../server/matching/operating-cost')).rejects.toThrow(/necesita .*fuente/);
    vi.doUnmock('../../server/ledger/puc');
    vi.resetModules();
  });
});

describe('what the operation consumes goes to the activity cost', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a cargo handler renting a forklift: cost of cargo handling, flagged, naming the rent account', async () => {
    t = await testCompany({ company: { ciiu: ['5224'], inventory: 'none' } });
    const [result] = await t.classify(line('ALQUILER MONTACARGAS 3 TON DIESEL POR MES'));
    expect(result!.accountCode).toBe('614530');
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toMatch(/512095|512015/);
    expect(result!.explanation).toContain('verifícala');
    // Its own kind of evidence for the calibration, not the firm kind of the words it rests on.
    expect(result!.evidence?.kind).toMatch(/^actividad\/operacion\//);
  });

  it('a bar paying a live band: the show is what it sells', async () => {
    t = await testCompany({ company: { ciiu: ['5630'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('PRESENTACION GRUPO EN VIVO NOCHE VIERNES', { unspsc: '90131500' }));
    expect(result!.accountCode).toBe('614020');
    expect(result!.explanation).toContain('519595');
  });

  it('a restaurant fumigating its kitchen: cost of the restaurant', async () => {
    t = await testCompany({ company: { ciiu: ['5611'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FUMIGACION Y CONTROL DE PLAGAS COCINA Y ZONA DE PREPARACION'));
    expect(result!.accountCode).toBe('614015');
    expect(result!.explanation).toContain('519595');
  });

  it('a staffing agency paying the entry exams of its candidates: cost of its service', async () => {
    t = await testCompany({ company: { ciiu: ['7830'], inventory: 'none' } });
    const [result] = await t.classify(line('EXAMEN MEDICO OCUPACIONAL DE INGRESO CANDIDATOS'));
    expect(result!.accountCode).toBe('615560');
    expect(result!.explanation).toContain('510584');
  });

  it('a maker of metal products buying screws: cost of production, not the upkeep of its premises', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'none' } });
    const [result] = await t.classify(line('TORNILLO HEXAGONAL GALVANIZADO 1/2 X 2 PULGADAS'));
    expect(result!.accountCode).toBe('612060');
    expect(result!.explanation).toContain('514510');
  });
});

describe('what stays the office expense', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a cargo handler renting a photocopier: office equipment stays a rent', async () => {
    t = await testCompany({ company: { ciiu: ['5224'], inventory: 'none' } });
    const [result] = await t.classify(line('ALQUILER FOTOCOPIADORA MULTIFUNCIONAL MES'));
    expect(result!.accountCode).toMatch(/^5120/);
  });

  it('a restaurant fumigating its administrative office: the office expense', async () => {
    t = await testCompany({ company: { ciiu: ['5611'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FUMIGACION OFICINA ADMINISTRATIVA'));
    expect(result!.accountCode).toMatch(/^5/);
  });

  it('a software house buying screws: the upkeep of its premises', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [result] = await t.classify(line('TORNILLO HEXAGONAL GALVANIZADO 1/2 X 2 PULGADAS'));
    expect(result!.accountCode).toMatch(/^5145/);
  });

  it('an accounting firm renting a drill: a rent, its service is its people’s work', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [result] = await t.classify(line('ALQUILER TALADRO PERCUTOR POR DIA'));
    expect(result!.accountCode).toMatch(/^5120/);
  });

  it('a software house paying its staff medical exams: gastos médicos', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [result] = await t.classify(line('EXAMEN MEDICO OCUPACIONAL PERIODICO'));
    expect(result!.accountCode).toBe('510584');
  });
});
