import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { reviewThreshold } from '../../server/matching/calibration';
import { CONCEPTS } from '../../server/matching/activity-rules';
import { line, testCompany, type TestCompany } from './support';

/**
 * The fifteenth round of issue #13, part A (cold start). Cases written here, not taken from any benchmark set:
 * 1. a test bought from a testing laboratory (CIIU 712 «Ensayos y análisis técnicos», UNSPSC 811415 «Control de
 *    calidad») is not lab supplies nor a staff medical exam: a plant or a works books it to its production cost,
 *    flagged, with the office's reading named; an engineering firm to the cost of its service; an office keeps 519595;
 * 2. the concepts that are plainly the administration's (never a service company's direct input) are data with a
 *    §4.2 source, and every key names a concept of the rules.
 */
describe('suggestion engine: fifteenth round of #13, part A', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a paint maker’s tests of its product are production cost (61…), flagged, the expense named', async () => {
    t = await testCompany({ company: { ciiu: ['2022'], inventory: 'perpetual' } });
    const [test] = await t.classify(line('Ensayo de adherencia y brillo segun norma tecnica', { supplierCiiu: ['7120'] }));
    expect(test!.accountCode).toMatch(/^61/);
    expect(test!.confidence).toBeLessThan(reviewThreshold());
    expect(test!.explanation).toContain('ensayos y análisis técnicos');
    expect(test!.explanation).toContain('519595');
  });

  it('a soil-lab test is not a staff medical exam: a builder’s works cost, an engineering firm’s service cost', async () => {
    t = await testCompany({ company: { ciiu: ['4210'], inventory: 'none' } });
    const [works] = await t.classify(line('Ensayos de laboratorio compresion cilindros concreto', { supplierCiiu: ['4690'] }));
    expect(works!.accountCode).toMatch(/^613/);
    const firm = await testCompany({ company: { ciiu: ['7110'], inventory: 'none' } });
    const [study] = await firm.classify(line('Ensayos laboratorio granulometria muestras', { supplierCiiu: ['4690'] }));
    expect(study!.accountCode).toMatch(/^6155/);
    expect(study!.accountCode).not.toBe('510584');
    await firm.close();
  });

  it('an office buying a test keeps it as an expense', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [test] = await t.classify(line('Ensayo de laboratorio muestra de agua potable oficina', { supplierCiiu: ['7120'] }));
    expect(test!.accountCode).toBe('519595');
  });

  it('«honorarios» names the cuenta 5110, not the subcuenta: the sibling named by its own word decides', async () => {
    t = await testCompany({ company: { ciiu: ['4711'], inventory: 'perpetual' } });
    const [books, advice, lawyer] = await t.classify(
      line('Honorarios llevar contabilidad trimestre', { supplierCiiu: ['7490'] }),
      line('Honorarios consultoria en procesos', { supplierCiiu: ['7490'] }),
      line('Honorarios abogado proceso ejecutivo', { supplierCiiu: ['7490'] }),
    );
    expect(books!.accountCode).toMatch(/^5[12]1030$/);
    expect(advice!.accountCode).toMatch(/^5[12]1035$/);
    expect(lawyer!.accountCode).toMatch(/^5[12]1025$/);
  });

  it('freight of what a producer sells is a selling expense (523550), flagged; its inbound freight is not', async () => {
    t = await testCompany({ company: { ciiu: ['0125'], inventory: 'none' } });
    const [out, inbound] = await t.classify(line('Flete camion flores hasta terminal de carga', { supplierCiiu: ['4923'] }), line('Flete abono y cal desde el almacen', { supplierCiiu: ['4923'] }));
    expect(out!.accountCode).toBe('523550');
    expect(out!.confidence).toBeLessThan(reviewThreshold());
    expect(out!.explanation).toContain('gasto de ventas');
    expect(inbound!.accountCode).not.toMatch(/^5235/);
    const plant = await testCompany({ company: { ciiu: ['3110'], inventory: 'perpetual' } });
    const [delivery] = await plant.classify(line('Flete entrega de pedido a cliente en Pereira', { supplierCiiu: ['4923'] }));
    expect(delivery!.accountCode).toBe('523550');
    await plant.close();
  });

  it('a producer\'s freight that says it ships a sale (a dispatch, a delivery, an export) is a selling expense too', async () => {
    t = await testCompany({ company: { ciiu: ['3110'], inventory: 'perpetual' } });
    const [dispatch, exported] = await t.classify(line('Flete despacho mercancia Barranquilla', { supplierCiiu: ['4923'] }), line('Flete terrestre exportacion contenedor Buenaventura', { supplierCiiu: ['4923'] }));
    expect(dispatch!.accountCode).toBe('523550');
    expect(dispatch!.explanation).toContain('«despacho»');
    expect(dispatch!.confidence).toBeLessThan(reviewThreshold());
    expect(exported!.accountCode).toBe('523550');
  });

  it('a wholesaler of «productos alimenticios» resells food: merchandise (1435), not its cafeteria', async () => {
    t = await testCompany({ company: { ciiu: ['4631'], inventory: 'perpetual' } });
    const [food] = await t.classify(line('Lenteja seleccionada bulto 25 kg', { supplierCiiu: ['1051'] }));
    expect(food!.accountCode).toBe('1435');
  });

  it('a glass plant’s toilet paper (UNSPSC 141117, personal-use paper) is the staff’s (519525), not materia prima', async () => {
    t = await testCompany({ company: { ciiu: ['2310'], inventory: 'perpetual' } });
    const [paper] = await t.classify(line('Servilleta y papel higienico rollo institucional', { unspsc: '14111700', supplierCiiu: ['4649'] }));
    expect(paper!.accountCode).toBe('519525');
  });

  it('the administration’s concepts are data: each row a concept of the rules, with its §4.2 source', () => {
    const rows = readDataCsv('conceptos-de-administracion.csv');
    const keys = new Set(CONCEPTS.map((c) => c.key));
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) {
      expect(keys.has(row.concepto!)).toBe(true);
      expect(row.fuente).toMatch(/accounting-co\.md §[24]/);
    }
    expect(rows.map((r) => r.concepto)).toEqual(expect.arrayContaining(['revisoria', 'seguros', 'arriendo', 'papeleria']));
  });
});
