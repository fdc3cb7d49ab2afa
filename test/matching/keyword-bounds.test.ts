import { afterEach, describe, expect, it } from 'vitest';
import { classifyByActivity, matchesKeyword } from '../../server/matching/activity-classifier';
import { normalize } from '../../server/matching/normalize';
import { line, testCompany, type TestCompany } from './support';

/**
 * Issue #13, point 4: a keyword of the activity rules fires on the same word (or its plural or other gender), never
 * on another word that shares its first letters or is one letter away; the catalog search keeps its typo tolerance.
 * The lines are written here, not copied from a benchmark set.
 */
describe('activity keywords match words, not pieces of words', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a known word shorter than a keyword is not its truncation; an abbreviation still is', () => {
    expect(matchesKeyword('cama', 'camaron')).toBe(false);
    expect(matchesKeyword('plan', 'plantula')).toBe(false);
    expect(matchesKeyword('deterg', 'detergente')).toBe(true);
  });

  it('a longer word that starts with a keyword is another word', () => {
    expect(matchesKeyword('concentrador', 'concentrado')).toBe(false);
    expect(matchesKeyword('camaronera', 'camaron')).toBe(false);
  });

  it('a word one letter away is another word unless both are long and the line word is no word of its own', () => {
    expect(matchesKeyword('prenda', 'prensa')).toBe(false);
    expect(matchesKeyword('desinfectnte', 'desinfectante')).toBe(true);
    expect(matchesKeyword('computadro', 'computador')).toBe(true);
  });

  it('plural and gender are the same word', () => {
    expect(matchesKeyword('mouses', 'mouse')).toBe(true);
    expect(matchesKeyword('camarones', 'camaron')).toBe(true);
    expect(matchesKeyword('blanca', 'blanco')).toBe(true);
  });

  it('a bed-linen laundry, a garment bag and an oxygen concentrator are not read as seafood, press or animal feed', async () => {
    t = await testCompany({ company: { ciiu: ['8610'], inventory: 'none' } });
    const [laundry, bag, oxygen] = await t.classify(line('Serv. lavandería ropa de cama kg'), line('Bolsa para prenda con cremallera'), line('Concentrador de oxígeno 5 lt'));
    expect(laundry!.explanation).not.toMatch(/camaron/);
    expect(laundry!.accountCode.startsWith('1405')).toBe(false);
    expect(bag!.explanation).not.toMatch(/prensa/);
    expect(bag!.accountCode).not.toBe('519510');
    expect(oxygen!.explanation).not.toMatch(/«concentrado»/);
  });

  it('the plural of a keyword still says it', async () => {
    t = await testCompany({ company: { ciiu: ['5611'], inventory: 'none' } });
    const [shrimp] = await t.classify(line('Camarones precocidos bolsa 1 kg'));
    expect(shrimp!.explanation).toMatch(/camaron/);
  });

  it('one keyword against the line’s own UNSPSC class never decides alone', async () => {
    t = await testCompany({ company: { ciiu: ['1410'], inventory: 'none' } });
    const [needles] = await t.classify(line('Agujas fileteadora B27', { unspsc: '23121600' }));
    expect(needles!.explanation).toMatch(/dice otra cosa/);
    expect(needles!.confidence).toBeLessThan(0.6);
    // The verdict says it stands alone, so that a later reading (a reread of an old guess) cannot let it decide.
    const verdict = classifyByActivity({ words: normalize('Agujas fileteadora B27').words, unspsc: '23121600', supplierCiiu: [] }, t.company, await t.chart());
    expect(verdict).toMatchObject({ alone: true, strength: 'debil' });
  });

  it('a typo in the company’s catalog item name still links the line to the item', async () => {
    t = await testCompany({ items: [{ codigo: 'L7', nombre: 'Desinfectnte multiusos lavanda galón', cuenta: '1435' }] });
    const [result] = await t.classify(line('DESINFECTANTE MULTIUSOS LAVANDA GALON', { nit: '899000222' }));
    expect(result).toMatchObject({ source: 'inventory', itemName: 'Desinfectnte multiusos lavanda galón' });
  });
});
