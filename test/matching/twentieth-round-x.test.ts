import { afterEach, describe, expect, it } from 'vitest';
import { merchandiseWords } from '../../server/matching/trade-merchandise';
import { line, testCompany, type TestCompany } from './support';

/**
 * Issue #13, twentieth round (X): what a trader (CIIU 45–47) buys to sell is its merchandise (accounting-co.md §4.3 G:
 * 1435) even when a keyword reads it as an office consumable, when the line's UNSPSC name or its supplier's activity is
 * among what the company's CIIU description says it trades; and the freight that brings the merchandise is part of its
 * cost (§2; NIC 2 ¶11). The lines are written for the tests, not copied from the benchmark sets.
 */
describe('twentieth round (X): a trader\'s merchandise and the freight that brings it', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a sports shop\'s boxing gloves with a sports UNSPSC code are merchandise, not cleaning gloves (fails on main)', async () => {
    t = await testCompany({ company: { ciiu: ['4762'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('GUANTES BOXEO 12 OZ ROJO', { unspsc: '49221500' }));
    expect(result!.accountCode).toMatch(/^1435/);
    expect(result!.explanation).toContain('mercancía para la venta');
    expect(result!.evidence?.kind).toMatch(/^actividad\/mercancia\//);
  });

  it('a chemicals wholesaler\'s hypochlorite from a maker of basic chemicals is merchandise (fails on main)', async () => {
    t = await testCompany({ company: { ciiu: ['4664'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('HIPOCLORITO DE SODIO 15% TAMBOR 200 KG', { supplierCiiu: ['2011'] }));
    expect(result!.accountCode).toMatch(/^1435/);
    expect(result!.explanation).toContain('CIIU 2011');
  });

  it('a trader\'s freight that names what the company trades is part of the merchandise\'s cost (fails on main)', async () => {
    t = await testCompany({ company: { ciiu: ['4753'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FLETE ROLLOS ALFOMBRA BUCLE X VIAJE'));
    expect(result!.accountCode).toMatch(/^1435/);
    expect(result!.explanation).toContain('la línea nombra lo que la empresa vende');
  });

  it('guard: «mercancía» alone does not move a trader\'s freight (§4.2 row 24)', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FLETE DE MERCANCIA IBAGUE'));
    expect(result!.accountCode).toMatch(/^5235/);
  });

  it('guard: the freight of a sale to a customer stays a selling expense', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FLETE ENTREGA MERCANCIA A CLIENTE'));
    expect(result!.accountCode).toMatch(/^5235/);
  });

  it('guard: a sports shop\'s own cleaning supplies stay an expense', async () => {
    t = await testCompany({ company: { ciiu: ['4762'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('DETERGENTE EN POLVO 3 KG', { unspsc: '47131800' }));
    expect(result!.accountCode).not.toMatch(/^14/);
  });

  it('guard: a trader without inventory does not book stock', async () => {
    t = await testCompany({ company: { ciiu: ['4762'], inventory: 'none' } });
    const [result] = await t.classify(line('GUANTES BOXEO 12 OZ ROJO', { unspsc: '49221500' }));
    expect(result!.accountCode).not.toMatch(/^14/);
  });

  it('a row of palabras-de-mercancia.csv without its source stops the engine with a Spanish message', () => {
    expect(() => merchandiseWords([{ palabra: 'comercio', uso: 'titulo', fuente: '' }])).toThrow(/necesita una palabra, un uso .* y su fuente/);
    expect(merchandiseWords([{ palabra: 'Artículos', uso: 'titulo', fuente: 'DANE CIIU' }])).toEqual([{ word: 'articulo', use: 'titulo' }]);
  });
});
