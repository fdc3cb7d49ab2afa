import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { companyActivityCost } from '../../server/matching/activity-classifier';
import { line, testCompany, type TestCompany } from './support';
import type { CompanyProfile } from '#shared/company';

/**
 * The seventeenth round of issue #13, part H: the cost subcuenta of the buyer's activity, and what a line nothing
 * recognises goes to for a company whose activity has a cost of its own. Cases written here, not taken from any set:
 * 1. costo-por-actividad.csv names a PUC 61 subcuenta for every CIIU class of a section with a cost of its own, both
 *    names copied from the two public tables;
 * 2. the activities whose names the PUC files under another subcuenta than a word match finds (a sawmill is not a
 *    printer, a mine is not a farm, an auto-parts maker is not a car maker);
 * 3. an unreadable line bought by a plant or a works goes to the activity's cost, flagged, naming the office's
 *    expense; a law firm or a shop keeps «gastos diversos».
 */
const activityOf = (ciiu: string) => companyActivityCost({ ciiu: [ciiu], inventory: 'none' } as unknown as CompanyProfile);

describe('costo-por-actividad.csv is complete and faithful to its sources', () => {
  const rows = readDataCsv('costo-por-actividad.csv');
  const ciiu = new Map(readDataCsv('ciiu.csv').map((r) => [r.code!, r]));
  const puc = new Map(readDataCsv('puc.csv').map((r) => [r.code!, r.name!]));
  const posture = readDataCsv('postura-por-seccion.csv');
  const costSections = new Set(posture.filter((r) => r.produce_con_costo === 'si').map((r) => r.seccion!));

  it('has a row for every class of every section that produces with a cost of its own', () => {
    const covered = new Set(rows.map((r) => r.ciiu));
    const missing = [...ciiu.values()].filter((r) => r.code!.length === 4 && costSections.has(r.section!) && !covered.has(r.code!)).map((r) => r.code);
    expect(missing).toEqual([]);
  });

  it('each row points to a 61 subcuenta of the PUC, with both names copied from the tables and no class twice', () => {
    const seen = new Set<string>();
    for (const row of rows) {
      expect(seen.has(row.ciiu!), row.ciiu).toBe(false);
      seen.add(row.ciiu!);
      expect(row.cuenta, row.ciiu).toMatch(/^61\d{4}$/);
      expect(puc.get(row.cuenta!), row.ciiu).toBe(row.cuenta_nombre);
      expect(ciiu.get(row.ciiu!)?.description, row.ciiu).toBe(row.ciiu_nombre);
    }
  });

  it('explains every row whose two names share no word', () => {
    const words = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 3).map((w) => w.slice(0, 5));
    for (const row of rows) {
      const mine = new Set(words(row.ciiu_nombre!));
      if (!words(row.cuenta_nombre!).some((w) => mine.has(w))) expect(row.nota, row.ciiu).toBeTruthy();
    }
  });
});

describe('the cost subcuenta of an activity', () => {
  it('a quarry, a gold mine and an oil-field service are mining (6115), not «otros cultivos agrícolas»', () => {
    expect(activityOf('0811')).toBe('611525');
    expect(activityOf('0722')).toBe('611528');
    expect(activityOf('0910')).toBe('611514');
  });

  it('a sawmill produces wood, not prints; a joinery is not an auto-parts maker', () => {
    expect(activityOf('1610')).toBe('612032');
    expect(activityOf('1630')).toBe('612032');
  });

  it('the vehicle industry splits as the PUC does: vehicles, bodies, parts', () => {
    expect(activityOf('2910')).toBe('612077');
    expect(activityOf('2920')).toBe('612078');
    expect(activityOf('2930')).toBe('612079');
  });

  it('a distillery, a plastics-in-primary-forms plant and a steam-boiler maker get the subcuenta of their own product', () => {
    expect(activityOf('1101')).toBe('612015');
    expect(activityOf('2013')).toBe('612042');
    expect(activityOf('2513')).toBe('612060');
  });

  it('a garbage collector and a sewage plant book to the PUC’s «eliminación de desperdicios» (6170), a recycler to 612091', () => {
    expect(activityOf('3811')).toBe('617005');
    expect(activityOf('3700')).toBe('617005');
    expect(activityOf('3830')).toBe('612091');
  });

  it('a restaurant, a bar and a cabin rental each have their own 6140 subcuenta', () => {
    expect(activityOf('5611')).toBe('614015');
    expect(activityOf('5630')).toBe('614020');
    expect(activityOf('5514')).toBe('614010');
  });

  it('a customs broker is an «otra agencia de transporte»; a pipeline is transport by pipe', () => {
    expect(activityOf('5229')).toBe('614550');
    expect(activityOf('4930')).toBe('614525');
  });

  it('a temp agency supplies staff (615560); a detective agency investigates (615565); a shoe repairer repairs personal effects (613572)', () => {
    expect(activityOf('7820')).toBe('615560');
    expect(activityOf('8030')).toBe('615565');
    expect(activityOf('9523')).toBe('613572');
  });

  it('a playwright and a concert promoter are «actividad teatral, musical y artística»; a vegetable or nursery farm is 610510', () => {
    expect(activityOf('9003')).toBe('617030');
    expect(activityOf('9007')).toBe('617030');
    expect(activityOf('0119')).toBe('610510');
    expect(activityOf('0130')).toBe('610510');
  });

  it('a mixed farm and a cocoa or tea grower have no subcuenta of their own: the cuenta’s «otros cultivos agrícolas»', () => {
    expect(activityOf('0150')).toBe('610545');
    expect(activityOf('0127')).toBe('610545');
  });
});

describe('a line nothing recognises, bought by a company whose activity has a cost', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());
  const UNREADABLE = 'REF XK-2231 LOTE B7';

  it('a maker of metal structures: the plant’s cost (612060), flagged, naming the office’s expense', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'perpetual' } });
    const [result] = await t.classify(line(UNREADABLE));
    expect(result!.accountCode).toBe('612060');
    expect(result!.confidence).toBeLessThan(0.5);
    expect(result!.explanation).toContain('si fue para la oficina, es gasto 519595');
  });

  it('a builder of houses: the works’ cost (6130), flagged', async () => {
    t = await testCompany({ company: { ciiu: ['4111'], inventory: 'none' } });
    const [result] = await t.classify(line(UNREADABLE));
    expect(result!.accountCode).toMatch(/^6130/);
    expect(result!.confidence).toBeLessThan(0.5);
    expect(result!.explanation).toContain('si fue para la oficina, es gasto 519595');
  });

  it('a law firm and a software house have no cost posture: «gastos diversos – otros»', async () => {
    t = await testCompany({ company: { ciiu: ['6910'], inventory: 'none' } });
    const [law] = await t.classify(line(UNREADABLE));
    expect(law!.accountCode).toBe('519595');
    await t.close();
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [software] = await t.classify(line(UNREADABLE));
    expect(software!.accountCode).toBe('519595');
  });

  it('a care home buying physiotherapy keeps its own social-services subcuenta: «actividades conexas» names no kind of health service', async () => {
    t = await testCompany({ company: { ciiu: ['8730'], inventory: 'none' } });
    const [therapy] = await t.classify(line('SESIONES FISIOTERAPIA RESIDENTES MES DE MARZO', { supplierCiiu: ['8692'] }));
    expect(therapy!.accountCode).toBe('616530');
  });

  it('postura-por-seccion.csv: a section whose unreadable lines go to cost produces with a cost of its own', () => {
    for (const row of readDataCsv('postura-por-seccion.csv')) {
      expect(['si', 'no']).toContain(row.costo_por_defecto);
      if (row.costo_por_defecto === 'si') expect(row.produce_con_costo, row.seccion).toBe('si');
    }
  });
});
