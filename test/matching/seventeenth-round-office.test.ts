import { afterEach, describe, expect, it } from 'vitest';
import { reviewThreshold } from '../../server/matching/calibration';
import { line, testCompany, type TestCompany } from './support';

/**
 * Round 17 of issue #13, after judging («a ciegas 26» and «27»): a line that says it was the office's or the
 * management's («camioneta de la gerencia», «sede administrativa»: server/data/palabras-de-oficina.csv) is the
 * office's expense, even in a company whose plant or service consumes the same kind of thing as its cost
 * (accounting-co.md §1: «the same electricity bill goes to 513530 for the office … into class 7 or 61 for a
 * factory»). Cases written here, not taken from a benchmark set.
 */
describe('suggestion engine: seventeenth round of #13 (what the line says was the office\'s)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const read = async (ciiu: string, ...descriptions: string[]) => {
    t = await testCompany({ company: { ciiu: [ciiu], inventory: 'none' } });
    return t.classify(...descriptions.map((d) => line(d, { nit: '900222333' })));
  };

  it('a banana farm\'s tractor fuel is the crop\'s cost; the manager\'s pickup fuel is the office\'s expense', async () => {
    const [tractor, manager] = await read('0122', 'ACPM TRACTOR CABLEVIA GALONES', 'GASOLINA CORRIENTE CAMIONETA GERENCIA GALONES');
    expect(tractor!.accountCode).toMatch(/^61/);
    expect(manager!.accountCode).toMatch(/^5195/);
    // Some companies cost even the office of their operation: still for a person to confirm, naming the cost.
    expect(manager!.explanation).toContain('la línea dice que fue de la oficina («gerencia»)');
    expect(manager!.explanation).toContain(`es costo (${tractor!.accountCode})`);
    expect(manager!.confidence).toBeLessThan(reviewThreshold());
  });

  it('a foundry\'s plant electricity is its cost; the electricity of its administrative building is an expense', async () => {
    const [plant, office] = await read('2431', 'ENERGIA ELECTRICA CONSUMO PLANTA FUNDICION KWH', 'ENERGIA ELECTRICA CONSUMO SEDE ADMINISTRATIVA KWH');
    expect(plant!.accountCode).toMatch(/^61/);
    expect(office!.accountCode).toMatch(/^5135/);
  });

  it('«administrativo» alone is not the office: a temp agency\'s assistant on assignment keeps its cost reading', async () => {
    const [temp] = await read('7820', 'TRABAJADOR EN MISION AUXILIAR ADMINISTRATIVO QUINCENA');
    expect(temp!.explanation).toContain('es costo (615560)');
  });
});
