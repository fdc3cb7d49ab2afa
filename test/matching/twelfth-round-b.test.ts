import { afterEach, describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/matching/line-index';
import { normalize } from '../../server/matching/normalize';
import { TextIndex } from '../../server/matching/text-index';
import { line, testCompany, type TestCompany } from './support';

/**
 * The twelfth round of issue #13, part B: a new supplier's line reaches the company's existing catalog item before a
 * new one is created. Cases written here (a farm-supply wholesaler, a paint shop), not taken from any benchmark set:
 * 1. two neighbouring letters typed the other way round still find the indexed word (catalog and supplier lines);
 * 2. a catalog item below the similarity threshold but clearly the closest, naming what the line is, is proposed as a
 *    modest vote instead of being lost (only the company's own items; a shared qualifier is not enough);
 * 3. a line with no word in common with an item, whose words read to the UNSPSC class of the company's items of that
 *    class (all to one account), is linked to that item, saying why.
 */
describe('suggestion engine: twelfth round of #13 (B)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('the catalog index finds a word with two neighbouring letters swapped', () => {
    const index = new TextIndex();
    index.add('a', normalize('Manguera de riego'));
    index.add('b', normalize('Cinta teflón'));
    const [found] = index.find(normalize('MANGEURA'), 1);
    expect(found?.id).toBe('a');
    expect(found!.similarity).toBeGreaterThan(0.6);
  });

  it('a supplier’s past line is found when the swap is in the first letters of its only word', () => {
    const index = new LineIndex();
    index.add('abrazadera', normalize('ABRAZADERA'));
    const [found] = index.find(normalize('BARAZADERA'), 1);
    expect(found?.id).toBe('abrazadera');
    expect(found!.similarity).toBeGreaterThan(0.6);
  });

  it('a decent but uncertain catalog match is proposed as the item, not replaced by a new one', async () => {
    const items = [
      { codigo: 'P-1', nombre: 'Rodillo de felpa', cuenta: '1435', inventariable: 'si' },
      { codigo: 'P-2', nombre: 'Vinilo tipo 1 blanco galón', cuenta: '1435', inventariable: 'si' },
      { codigo: 'P-3', nombre: 'Arriendo del local', cuenta: '512010', inventariable: 'no' },
    ];
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' }, items });
    const [roller] = await t.classify(line('RODILLO ANTIGOTA 9 PULG', { nit: '901555666' }));
    expect(roller!.itemName).toBe('Rodillo de felpa');
    expect(roller!.accountCode).toBe('1435');
    expect(roller!.explanation).toMatch(/[Ss]e parece al ítem «Rodillo de felpa» de tu catálogo/);
  });

  it('a decent match also counts when the item’s own first word is in the line', async () => {
    const items = [
      { codigo: 'P-4', nombre: 'Alambre dulce', cuenta: '1435', inventariable: 'si' },
      { codigo: 'P-5', nombre: 'Puntilla con cabeza', cuenta: '1435', inventariable: 'si' },
    ];
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' }, items });
    const [wire] = await t.classify(line('CARRETE ALAMBRE', { nit: '901555666' }));
    expect(wire!.itemName).toBe('Alambre dulce');
    expect(wire!.explanation).toMatch(/[Ss]e parece al ítem «Alambre dulce» de tu catálogo/);
  });

  it('a word the line only qualifies with is not the same product', async () => {
    const items = [{ codigo: 'P-9', nombre: 'Thinner corriente galón', cuenta: '1435', inventariable: 'si' }];
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' }, items });
    const [gun] = await t.classify(line('PISTOLA LIMPIEZA THINNER', { nit: '901555666' }));
    expect(gun!.itemName).not.toBe('Thinner corriente galón');
  });

  it('a line that reads to the UNSPSC class of the company’s items takes their account, names the closest, and does not link it', async () => {
    const items = [
      { codigo: 'A-1', nombre: 'Glifosato 480 SL', cuenta: '1435', inventariable: 'si', unspsc: '10171700' },
      { codigo: 'A-2', nombre: 'Paraquat 200 SL', cuenta: '1435', inventariable: 'si', unspsc: '10171700' },
      { codigo: 'A-3', nombre: 'Urea granulada bulto', cuenta: '1435', inventariable: 'si', unspsc: '10171600' },
    ];
    t = await testCompany({ company: { ciiu: ['4664'], inventory: 'perpetual' }, items });
    const [weedkiller] = await t.classify(line('HERBICIDA SELECTIVO PARA POTREROS', { nit: '901777888' }));
    expect(weedkiller!.accountCode).toBe('1435');
    expect(weedkiller!.explanation).toMatch(/es del mismo tipo que el ítem «(Glifosato|Paraquat) [^»]*» de tu catálogo \(UNSPSC 101717 «Herbicidas»\)/i);
    // The same kind is not the same product: the purchase must not enter the glyphosate's stock.
    expect(['Glifosato 480 SL', 'Paraquat 200 SL']).not.toContain(weedkiller!.itemName);
  });

  it('no concept link when the company books the items of that class to different accounts', async () => {
    const items = [
      { codigo: 'A-1', nombre: 'Glifosato 480 SL', cuenta: '1435', inventariable: 'si', unspsc: '10171700' },
      { codigo: 'A-2', nombre: 'Paraquat 200 SL', cuenta: '529595', inventariable: 'no', unspsc: '10171700' },
    ];
    t = await testCompany({ company: { ciiu: ['4664'], inventory: 'perpetual' }, items });
    const [weedkiller] = await t.classify(line('HERBICIDA SELECTIVO PARA POTREROS', { nit: '901777888' }));
    expect(['Glifosato 480 SL', 'Paraquat 200 SL']).not.toContain(weedkiller!.itemName);
    expect(weedkiller!.explanation).not.toContain('mismo tipo que el ítem');
  });
});
