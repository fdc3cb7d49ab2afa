import { afterEach, describe, expect, it } from 'vitest';
import { importItems } from '../../server/matching/import-data';
import { normalize } from '../../server/matching/normalize';
import { TextIndex } from '../../server/matching/text-index';
import { line, testCompany, type TestCompany } from './support';

/**
 * The thirteenth round of issue #13, part B. Cases written here (a print shop, a hardware catalog), not taken from any
 * benchmark set:
 * 1. determinism: the same books give the same answer whatever order the catalog was loaded in (item ids derive
 *    from the company's random id, so load order by id changed answers from one database to the next);
 * 2. the agent rereading its own unverified guess reads the line as any other line, with the company's own books for
 *    that kind of thing: the office's generic account does not overrule a guess those books, or an item of the
 *    company's own catalog like the line, agree with.
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

describe('suggestion engine: thirteenth round of #13 (B), rereading the agent’s own guess', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('the reread reads the line with the company’s own books: the office’s generic account does not overrule them', async () => {
    t = await testCompany({
      company: { ciiu: ['8219'], inventory: 'none' },
      items: [
        { codigo: 'P-1', nombre: 'Resma papel bond carta 75 g', cuenta: '615585', inventariable: 'no' },
        { codigo: 'P-2', nombre: 'Papel bond oficio resma', cuenta: '615585', inventariable: 'no' },
      ],
    });
    const description = 'RESMAS PAPEL BOND OFICIO 70 G CAJA X 5';
    await t.engine.learn([{ companyId: t.company.id, supplierNit: '900555444', description, standardCode: '14111500', accountCode: '615585', byUser: false, origin: 'registro', confidence: 0.5, at: '2026-05-02T15:00:00Z' }]);
    const [again] = await t.classify(line(description, { nit: '900555444', unspsc: '14111500' }));
    expect(again!.accountCode).toBe('615585');
    expect(again!.explanation).not.toContain('sin que nadie la verificara');
  });

  it('nor does the office’s generic account overrule a guess an item of the company’s own catalog backs', async () => {
    t = await testCompany({
      company: { ciiu: ['8220'], inventory: 'none' },
      items: [{ codigo: 'H-1', nombre: 'Audífonos con micrófono para agentes', cuenta: '615595', inventariable: 'no' }],
    });
    const description = 'AUDIFONOS CON MICROFONO USB PARA AGENTES';
    await t.engine.learn([{ companyId: t.company.id, supplierNit: '900555444', description, standardCode: '43211700', accountCode: '615595', byUser: false, origin: 'registro', confidence: 0.5, at: '2026-05-02T15:00:00Z' }]);
    const [again] = await t.classify(line(description, { nit: '900555444', unspsc: '43211700' }));
    expect(again!.accountCode).toBe('615595');
    expect(again!.explanation).not.toContain('sin que nadie la verificara');
  });

  it('without the company’s own evidence, a clearly different reading still overrules the agent’s guess', async () => {
    t = await testCompany({ company: { ciiu: ['8220'], inventory: 'none' } });
    const description = 'AUDIFONOS CON MICROFONO USB PARA AGENTES';
    await t.engine.learn([{ companyId: t.company.id, supplierNit: '900555444', description, standardCode: '43211700', accountCode: '615595', byUser: false, origin: 'registro', confidence: 0.5, at: '2026-05-02T15:00:00Z' }]);
    const [again] = await t.classify(line(description, { nit: '900555444', unspsc: '43211700' }));
    expect(again!.accountCode).not.toBe('615595');
    expect(again!.explanation).toContain('el agente la había registrado en 615595 sin que nadie la verificara');
  });
});
