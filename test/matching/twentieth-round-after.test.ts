import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * Issue #13, round 20 after judging (not blind: written after reading the judges' misses). A line headed by a service
 * noun («análisis», «alquiler», nucleo-de-servicio.csv) is a service on what it names after: the catalog item that one
 * of the later words names (the rubber plant's «Estireno monómero») is the object of the service, not the purchase.
 * The lines are written for these tests; the first fails on the code before this change.
 */
describe('round 20 after judging: a service on a catalog item is not the item', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const plant = () =>
    testCompany({
      company: { ciiu: ['2013'], inventory: 'perpetual' },
      items: [
        { codigo: 'MP-1', nombre: 'Estireno monómero', cuenta: '1405', inventariable: 'si' },
        { codigo: 'MP-2', nombre: 'Energía eléctrica planta', cuenta: '612052', inventariable: 'no' },
      ],
    });

  it('«ANALISIS ESTIRENO RESIDUAL MUESTRA CAUCHO» does not link to the raw material «Estireno monómero»', async () => {
    t = await plant();
    const [result] = await t.classify(line('ANALISIS ESTIRENO RESIDUAL MUESTRA CAUCHO'));
    expect(result!.itemName).not.toBe('Estireno monómero');
    expect(result!.accountCode).not.toBe('1405');
  });

  it('the raw material named another way still links to it', async () => {
    t = await plant();
    const [result] = await t.classify(line('ESTIRENOS P/ LA MEZCLA'));
    expect(result!.itemName).toBe('Estireno monómero');
    expect(result!.accountCode).toBe('1405');
  });
});
