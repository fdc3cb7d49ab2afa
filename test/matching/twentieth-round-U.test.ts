import { afterEach, describe, expect, it } from 'vitest';
import { sameRoot } from '../../server/matching/shared-word';
import { line, testCompany, type TestCompany } from './support';

/**
 * Issue #13, twentieth round (U): a product written under another common name links to the company's catalog item
 * that one rare word of its name names under another form, before a new item is created. The lines are written for
 * these tests, not copied from the benchmark sets. The engine tests fail on the code before `sharedWordItem`.
 */
describe('twentieth round U: a catalog item named by one rare word under another form', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('roots, endings, diminutives and typos of one word meet; unrelated words that share a few letters do not', () => {
    expect(sameRoot('soldar', 'soldadura')).toBe(true);
    expect(sameRoot('esterilizar', 'esterilizacion')).toBe(true);
    expect(sameRoot('zinc', 'zincado')).toBe(true);
    expect(sameRoot('jaboncito', 'jabon')).toBe(true);
    expect(sameRoot('aalmbre', 'alambre')).toBe(true);
    expect(sameRoot('mantenimiento', 'mantequilla')).toBe(false);
    expect(sameRoot('casa', 'caso')).toBe(false);
    expect(sameRoot('carton', 'cartulina')).toBe(false);
  });

  it('a colour shared with an item never links the line to it', async () => {
    t = await testCompany({
      company: { ciiu: ['6201'], inventory: 'none' },
      items: [{ codigo: 'CF-1', nombre: 'Té verde', cuenta: '519525', inventariable: 'no' }],
    });
    const [result] = await t.classify(line('RESALTADOR FLUORESCENTE VERDE'));
    expect(result!.evidence?.kind ?? '').not.toMatch(/^item-palabra\//);
    expect(result!.itemName).not.toBe('Té verde');
  });

  const beekeeper = () =>
    testCompany({
      company: { ciiu: ['0149'], inventory: 'perpetual' },
      items: [
        { codigo: 'AP-1', nombre: 'Cera estampada para colmenas', cuenta: '1405', inventariable: 'si' },
        { codigo: 'AP-2', nombre: 'Frascos de vidrio', cuenta: '1460', inventariable: 'si' },
        { codigo: 'AP-3', nombre: 'Energía eléctrica', cuenta: '513530', inventariable: 'no' },
      ],
    });

  it('«LAMINAS P/ LAS COLMENITAS» is the catalog item «Cera estampada para colmenas», and says so', async () => {
    t = await beekeeper();
    const [result] = await t.classify(line('LAMINAS P/ LAS COLMENITAS'));
    expect(result!.accountCode).toBe('1405');
    expect(result!.itemName).toBe('Cera estampada para colmenas');
    expect(result!.explanation).toContain('Parecida al ítem «Cera estampada para colmenas» de tu catálogo');
    expect(result!.evidence?.kind).toMatch(/^item-palabra\//);
  });

  it('a word two items of different accounts share links neither', async () => {
    t = await testCompany({
      company: { ciiu: ['0149'], inventory: 'perpetual' },
      items: [
        { codigo: 'AP-1', nombre: 'Cera estampada para colmenas', cuenta: '1405', inventariable: 'si' },
        { codigo: 'AP-4', nombre: 'Reparación de colmenas', cuenta: '612095', inventariable: 'no' },
      ],
    });
    const [result] = await t.classify(line('LAMINAS P/ LAS COLMENITAS'));
    expect(result!.evidence?.kind ?? '').not.toMatch(/^item-palabra\//);
  });

  it('an item that is a process on something («Mantenimiento de moldes») does not claim another upkeep', async () => {
    t = await testCompany({
      company: { ciiu: ['2229'], inventory: 'perpetual' },
      items: [{ codigo: 'PL-1', nombre: 'Mantenimiento de moldes', cuenta: '612050', inventariable: 'no' }],
    });
    const [result] = await t.classify(line('MANTENIMIENTO PREVENTIVO AIRE ACONDICIONADO OFICINA'));
    expect(result!.evidence?.kind ?? '').not.toMatch(/^item-palabra\//);
    expect(result!.itemName).not.toBe('Mantenimiento de moldes');
  });
});
