import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { CONCEPTS } from '../../server/matching/activity-rules';
import { serviceHead } from '../../server/matching/service-head';
import { line, testCompany, type TestCompany } from './support';

/**
 * The eighteenth round of issue #13, part N: the word that names the thing decides. A Spanish invoice line names what
 * was bought first and then what it is for, made of or comes with. Cases written here, not taken from any set:
 * 1. a good read only from a later word does not override the good the head noun itself reads as: the head's
 *    reading stands, «por verificar», and the explanation names the other;
 * 2. a head noun that names a service (server/data/nucleo-de-servicio.csv) makes the good named after it the object
 *    of the service, not the purchase;
 * 3. a line whose head is the good keeps its reading.
 */
describe('nucleo-de-servicio.csv', () => {
  it('every row has a source and names a concept of the rules or none', () => {
    const keys = new Set(CONCEPTS.map((c) => c.key));
    const rows = readDataCsv('nucleo-de-servicio.csv');
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.fuente, row.palabra).toBeTruthy();
      if (row.concepto) expect(keys.has(row.concepto), row.palabra).toBe(true);
    }
  });

  it('reads the head noun as written on invoices (plural, accents)', () => {
    expect(serviceHead('alquiler')?.concept).toBe('alquiler-equipo');
    expect(serviceHead('inspeccion')).toBeDefined();
    expect(serviceHead('taladro')).toBeUndefined();
  });
});

describe('the head noun decides between two goods', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('an ultrasound scanner «portátil con monitor e impresora» bought by a clinic is medical equipment, not a computer', async () => {
    t = await testCompany({ company: { ciiu: ['8621'], inventory: 'none' } });
    const [result] = await t.classify(line('ECOGRAFO PORTATIL CON MONITOR E IMPRESORA'));
    expect(result!.accountCode).toMatch(/^1532/);
    // Both readings are plausible: the head's stands, for a person to confirm.
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('equipo de cómputo');
  });

  it('wall plugs sold in a plastic bag are hardware, not packaging, for a hardware shop', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('TORNILLO DRYWALL PUNTA BROCA BOLSA PLASTICA X 500'));
    expect(result!.accountCode).toBe('1435');
    expect(result!.explanation).toContain('envases y empaques');
  });
});

describe('a head noun that names a service', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('renting a drill is a rental, not a machine the company keeps', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [result] = await t.classify(line('RENTA SEMANAL TALADRO PERCUTOR'));
    expect(result!.accountCode).not.toMatch(/^15/);
    expect(result!.accountCode).toMatch(/^5120/);
    expect(result!.explanation).toContain('maquinaria y equipo');
  });

  it('carrying chickens is freight, not food', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [result] = await t.classify(line('TRANSPORTE POLLO CONGELADO HASTA PLANTA'));
    expect(result!.accountCode).toBe('513550');
  });

  it('the head keeps its own reading when it is the good itself', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [drill] = await t.classify(line('TALADRO PERCUTOR 800W'));
    expect(drill!.accountCode).toBe('1520');
  });
});
