import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * The ninth round of issue #13, each lever pinned by a case written here (not taken from any benchmark set): the cost
 * subcuenta of a construction company follows its CIIU group the way PUC 6130 follows the CIIU Rev. 3 A.C. groups
 * 451–455 (`costo-por-actividad.csv`); a drinks maker buying what its own CIIU description names transforms it
 * (1405 materias primas), where a restaurant resells drinks as bought (1435).
 */
describe('suggestion engine: ninth round of #13', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('an electrical installer (4321, group 432) books its materials to 613015 acondicionamiento, not 613020 terminación', async () => {
    t = await testCompany({ company: { ciiu: ['4321'], inventory: 'none' } });
    const [wire] = await t.classify(line('Cable eléctrico THHN 12 AWG rollo 100 m'));
    expect(wire!.accountCode).toBe('613015');

  });

  it('a distillery (1101) stocks the liquor it blends as raw material (1405); a bar (5630) still resells it (1435)', async () => {
    t = await testCompany({ company: { ciiu: ['1101'], inventory: 'perpetual' } });
    const [spirit] = await t.classify(line('Licor de caña a granel litro'));
    expect(spirit!.accountCode).toMatch(/^1405/);
    expect(spirit!.explanation).toContain('materia prima');

    const bar = await testCompany({ company: { ciiu: ['5630'], inventory: 'perpetual' } });
    const [resold] = await bar.classify(line('Licor de caña a granel litro'));
    expect(resold!.accountCode).toMatch(/^1435/);
    await bar.close();
  });
});
