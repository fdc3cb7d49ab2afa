import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { reviewThreshold } from '../../server/matching/calibration';
import { line, testCompany, type TestCompany } from './support';

/**
 * The thirteenth round of issue #13, part C: what a plant or a service consumes in producing is the cost of the
 * activity, as accounting-co.md §4.3 says («class 7 for the plant, 51xx office»; transport «6145 / class 7 (fuel,
 * tyres, maintenance)»). Cases written here, not taken from any benchmark set:
 * 1. a manufacturer's energy, gas and machine repairs go to its activity's 61 subcuenta, «por verificar», the office's
 *    expense named as the other reading in Spanish;
 * 2. a carrier's fleet upkeep is its 6145 cost; a consultancy (§4.3 M: 51xx) keeps the expense;
 * 3. what only an office uses (fees, insurance, stationery) stays an expense even for a plant;
 * 4. the kinds each section books as cost are data (postura-por-seccion.csv «costo_de_planta») with a source.
 */
describe('suggestion engine: thirteenth round of #13, part C', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a furniture maker’s electricity, gas and machine repair are the plant’s cost (6120…), flagged, the expense named as the other reading', async () => {
    t = await testCompany({ company: { ciiu: ['3110'], inventory: 'perpetual' } });
    const [power, gas, repair] = await t.classify(
      line('Factura consumo energia kwh nivel tension 2', { supplierCiiu: ['3514'] }),
      line('Consumo gas natural m3 periodo', { supplierCiiu: ['3520'] }),
      line('Mantenimiento correctivo maquina cepilladora', { supplierCiiu: ['3312'] }),
    );
    for (const result of [power!, gas!, repair!]) {
      expect(result.accountCode).toMatch(/^6120/);
      expect(result.confidence).toBeLessThan(reviewThreshold());
    }
    expect(power!.explanation).toContain('de la planta es costo de producción (§4.3)');
    expect(power!.explanation).toContain('si es de la oficina, es gasto 513530');
    expect(gas!.explanation).toContain('513555');
  });

  it('a carrier’s truck service is the transport cost (6145); a consultancy’s stays the office’s expense', async () => {
    t = await testCompany({ company: { ciiu: ['4923'], inventory: 'none' } });
    const [truck] = await t.classify(line('Mantenimiento vehiculo tractocamion cambio aceite y filtros', { supplierCiiu: ['4520'] }));
    expect(truck!.accountCode).toMatch(/^6145/);
    const office = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [power, car] = await office.classify(
      line('Factura consumo energia kwh nivel tension 2', { supplierCiiu: ['3514'] }),
      line('Mantenimiento vehiculo cambio aceite y filtros', { supplierCiiu: ['4520'] }),
    );
    expect(power!.accountCode).toBe('513530');
    expect(car!.accountCode).toMatch(/^5145/);
    await office.close();
  });

  it('what only an office uses stays an expense in a plant', async () => {
    t = await testCompany({ company: { ciiu: ['3110'], inventory: 'perpetual' } });
    const [fees, insurance] = await t.classify(line('Honorarios asesoria contable mes', { supplierCiiu: ['6920'] }), line('Poliza seguro incendio y terremoto', { supplierCiiu: ['6511'] }));
    expect(fees!.accountCode).toMatch(/^51/);
    expect(insurance!.accountCode).toMatch(/^5130/);
  });

  it('the kinds of plant consumption each section books as cost are data with a §4.3 source', () => {
    const rows = readDataCsv('postura-por-seccion.csv');
    const kinds = new Map(rows.map((row) => [row.seccion, (row.costo_de_planta ?? '').split(/\s+/).filter(Boolean)]));
    expect(kinds.get('C')).toEqual(expect.arrayContaining(['energia', 'gas', 'maquinas']));
    expect(kinds.get('H')).toEqual(expect.arrayContaining(['flota', 'maquinas']));
    // §4.3 M, J, K: 51xx.
    for (const section of ['J', 'K', 'M']) expect(kinds.get(section)).toEqual([]);
    for (const row of rows) if (row.costo_de_planta) expect(row.fuente).toContain('costo_de_planta');
  });
});
