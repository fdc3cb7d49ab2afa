import { afterEach, describe, expect, it } from 'vitest';
import { importItems } from '../../server/matching/import-data';
import { normalize } from '../../server/matching/normalize';
import { TextIndex } from '../../server/matching/text-index';
import { line, testCompany, type TestCompany } from './support';

/**
 * The thirteenth round of issue #13, part B. Cases written here (a print shop, a hardware catalog), not taken from any
 * benchmark set:
 * 1. determinism: the same books give the same answer whatever order the catalog was loaded in (item ids derive
 *    from the company's random id, so load order by id changed answers from one database to the next).
 */
describe('suggestion engine: thirteenth round of #13 (B)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  describe('the same books give the same answer, whatever order the catalog was loaded in', () => {
    it('entries with the same words: the index returns the same one in either order', () => {
      const answers = [false, true].map((reversed) => {
        const index = new TextIndex();
        const entries: [string, string][] = [
          ['id-1', 'Tornillo drywall negro|B|519530'],
          ['id-2', 'Tornillo drywall negro|A|143505'],
        ];
        for (const [id, order] of reversed ? [...entries].reverse() : entries) index.add(id, normalize('TORNILLO DRYWALL NEGRO'), order);
        return index.find(normalize('tornillo drywall negro'), 1)[0]?.id;
      });
      expect(answers[0]).toBe('id-2');
      expect(answers[1]).toBe('id-2');
    });

    it('more equally scored candidates than the search keeps: the same ones, in either order', () => {
      const names = Array.from({ length: 20 }, (_, i) => `Arandela ${String.fromCharCode(97 + i)}${String.fromCharCode(97 + i)}x`);
      const found = [false, true].map((reversed) => {
        const index = new TextIndex();
        for (const name of reversed ? [...names].reverse() : names) index.add(name, normalize(name));
        return index.find(normalize('ARANDELA'), 20).map((m) => m.id);
      });
      expect(found[0]!.length).toBeGreaterThan(0);
      expect(found[1]).toEqual(found[0]);
    });

    it('the books split evenly on a UNSPSC class: the account of the item most like the line, loaded in either order', async () => {
      const clips = { codigo: 'GC-1', nombre: 'Ganchos legajadores plásticos', cuenta: '519530', unspsc: '44122100' };
      const spirals = { codigo: 'EE-2', nombre: 'Espirales de encuadernación', cuenta: '519540', unspsc: '44122100' };
      const accounts: string[] = [];
      for (const order of [
        [clips, spirals],
        [spirals, clips],
      ]) {
        await t?.close();
        t = await testCompany({ company: { ciiu: ['1811'], inventory: 'none' } });
        // Two imports: the second item gets a later catalog revision, so it is loaded after the first.
        for (const item of order) await importItems(t.db, t.company.id, [item], { fileName: 'items.csv', actor: 'prueba', now: t.clock.now() });
        const [result] = await t.classify(line('ESPIRAL PLASTICA ENCUADERNAR 12 MM', { nit: '901777888', unspsc: '44122100' }));
        expect(result!.explanation).toContain('clase UNSPSC 44122100');
        accounts.push(result!.accountCode);
      }
      expect(accounts).toEqual(['519540', '519540']);
    });
  });
});
