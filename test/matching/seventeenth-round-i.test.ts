import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * The seventeenth round of issue #13, part I: a manufacturer's three inventories (manufacturer-stock.ts,
 * inventario-de-fabricante.csv). What its own product contains is materia prima (1405), what wraps or labels the
 * product sold is envases y empaques (1460), and the plant's spares stay in 1455. Cases written here, not taken from
 * any benchmark set.
 */
describe('suggestion engine: seventeenth round of #13 (I)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a furniture maker’s hinges are part of the furniture: materia prima, flagged, naming 1455', async () => {
    t = await testCompany({ company: { ciiu: ['3110'], inventory: 'perpetual' } });
    const [hinge] = await t.classify(line('BISAGRA RECTA 35 MM BOLSA X 10', { nit: '900111222' }));
    expect(hinge!.accountCode.slice(0, 4)).toBe('1405');
    expect(hinge!.explanation).toMatch(/1455/);
    expect(hinge!.confidence).toBeLessThan(0.6);
  });

  it('a spare of the furniture maker’s machine stays with the plant’s spares', async () => {
    t = await testCompany({ company: { ciiu: ['3110'], inventory: 'perpetual' } });
    const [bearing] = await t.classify(line('TORNILLO REPUESTO MAQUINA ESCUADRADORA', { nit: '900111222' }));
    expect(bearing!.accountCode.slice(0, 4)).not.toBe('1405');
  });

  it('a watch maker’s button cells go into the watches it makes', async () => {
    t = await testCompany({ company: { ciiu: ['2652'], inventory: 'perpetual' } });
    const [cell] = await t.classify(line('PILA BOTON OXIDO DE PLATA SR626 X 10', { nit: '900333444' }));
    expect(cell!.accountCode.slice(0, 4)).toBe('1405');
  });

  it('a bicycle assembler’s brakes are parts of the bicycle, not vehicle spares', async () => {
    t = await testCompany({ company: { ciiu: ['3092'], inventory: 'perpetual' } });
    const [brake] = await t.classify(line('FRENO V ALUMINIO JUEGO DELANTERO', { nit: '900555666' }));
    expect(brake!.accountCode.slice(0, 4)).toBe('1405');
  });

  it('the same word for a workshop that makes nothing stays where the rules put it', async () => {
    t = await testCompany({ company: { ciiu: ['4520'], inventory: 'perpetual' } });
    const [brake] = await t.classify(line('FRENO V ALUMINIO JUEGO DELANTERO', { nit: '900555666' }));
    expect(brake!.accountCode.slice(0, 4)).not.toBe('1405');
  });

  it('a printed label for a shampoo maker’s bottle is packaging, not materia prima', async () => {
    t = await testCompany({ company: { ciiu: ['2023'], inventory: 'perpetual' } });
    const [label] = await t.classify(line('ROTULO ADHESIVO IMPRESO FRASCO CHAMPU', { nit: '900777888' }));
    expect(label!.accountCode.slice(0, 4)).toBe('1460');
    expect(label!.explanation).toMatch(/envases y empaques/);
  });

  it('a body builder’s structural tube is what the body is made of, not hardware for upkeep', async () => {
    t = await testCompany({ company: { ciiu: ['2920'], inventory: 'perpetual' } });
    const [tube] = await t.classify(line('TUBO CUADRADO ESTRUCTURAL 1 1/2 PULGADA', { nit: '900999000' }));
    expect(tube!.accountCode.slice(0, 4)).toBe('1405');
  });
});
