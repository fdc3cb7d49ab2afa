import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { reviewThreshold } from '../../server/matching/calibration';
import { serviceInputTable } from '../../server/matching/service-inputs';
import { line, testCompany, type TestCompany } from './support';

/**
 * The fourteenth round of issue #13, part A: the supplies and services a service company consumes DIRECTLY in
 * rendering what it sells are the cost of its activity (accounting-co.md §4.3: N «61xx for direct costs», P 6160,
 * Q 6165), which lines rarely say. Cases written here, not taken from any benchmark set:
 * 1. a private-security firm's protective gear, sent with its UNSPSC code, is its 61 cost, not 510551;
 * 2. a tour operator's lodging without a code reads to the travel family (UNSPSC 90): cost, «por verificar», with
 *    the expense named in Spanish as the other reading; a school's classes bought from an academy (the supplier's
 *    trade is the school's own) are its cost, while a course for its teachers stays a staff expense;
 * 3. an office (a consultancy) buying the same goods keeps the expense, and what is plainly administration (fees of
 *    its accountant, insurance) stays an expense even for a service company whose row lists them nowhere;
 * 4. the table is data: every CIIU row is a CIIU code and every prefix a UNSPSC segment, family or class, with a source.
 */
describe('suggestion engine: fourteenth round of #13, part A', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a security firm’s protective gear with its UNSPSC code is the activity’s cost (61…), the staff expense named', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [vest] = await t.classify(line('Chaleco reflectivo con bolsillos talla L', { unspsc: '46181500', supplierCiiu: ['4641'] }));
    expect(vest!.accountCode).toMatch(/^61/);
    expect(vest!.explanation).toContain('insumo directo de la actividad 80');
    expect(vest!.explanation).toContain('510551');
  });

  it('a tour operator’s lodging without a code is its cost, flagged, and says the staff-travel reading', async () => {
    t = await testCompany({ company: { ciiu: ['7912'], inventory: 'none' } });
    const [lodging] = await t.classify(line('Estadia hostal acomodacion multiple 2 noches', { supplierCiiu: ['5511'] }));
    expect(lodging!.accountCode).toMatch(/^6145/);
    expect(lodging!.confidence).toBeLessThan(reviewThreshold());
    expect(lodging!.explanation).toContain('si fue para la oficina o el personal, es gasto (515505)');
  });

  it('a school’s classes contracted from an academy (the supplier’s trade is the school’s) are its cost; staff training stays 5105', async () => {
    t = await testCompany({ company: { ciiu: ['8513'], inventory: 'none' } });
    const [classes, course] = await t.classify(line('Clases de teatro grado quinto mes', { supplierCiiu: ['8553'], unitCode: 'MON' }), line('Diplomado en evaluacion para el personal docente', { supplierCiiu: ['8544'] }));
    expect(classes!.accountCode).toMatch(/^6160/);
    expect(classes!.confidence).toBeLessThan(reviewThreshold());
    expect(course!.accountCode).toMatch(/^5105/);
  });

  it('a consultancy’s same goods stay an expense; administration stays an expense for a service company', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [chemical] = await t.classify(line('Desinfectante amonio cuaternario galon', { supplierCiiu: ['2023'] }));
    expect(chemical!.accountCode).toMatch(/^5/);
    const school = await testCompany({ company: { ciiu: ['8521'], inventory: 'none' } });
    const [fees, policy] = await school.classify(line('Honorarios asesoria contable mes', { supplierCiiu: ['6920'] }), line('Poliza seguro incendio y terremoto', { supplierCiiu: ['6511'] }));
    expect(fees!.accountCode).toMatch(/^51/);
    expect(policy!.accountCode).toMatch(/^5130/);
    await school.close();
  });

  it('the direct-input table names real CIIU codes and UNSPSC prefixes, each row with its source', () => {
    const ciiu = new Set(readDataCsv('ciiu.csv').flatMap((r) => [r.code!, r.division ?? '']));
    const unspsc = new Set([...readDataCsv('unspsc-segments.csv').map((r) => r.segment!), ...readDataCsv('unspsc-families.csv').map((r) => r.family ?? Object.values(r)[0]!), ...readDataCsv('unspsc-classes.csv').map((r) => r.class ?? Object.values(r)[0]!)]);
    const rows = serviceInputTable();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(ciiu.has(row.ciiu)).toBe(true);
      for (const prefix of row.unspsc) expect([prefix, prefix.slice(0, 6), prefix.slice(0, 4)].some((p) => unspsc.has(p)), prefix).toBe(true);
    }
    for (const row of readDataCsv('insumos-de-servicio.csv')) expect(row.fuente).toMatch(/CIIU .*UNSPSC/);
  });
});
