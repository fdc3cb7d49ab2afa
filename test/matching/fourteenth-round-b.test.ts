import { afterEach, describe, expect, it } from 'vitest';
import { importItems } from '../../server/matching/import-data';
import { line, testCompany, type TestCompany } from './support';

/**
 * The fourteenth round of issue #13, part B. Cases written here (a bakery's catalog, a print shop, a bottling plant),
 * not taken from any benchmark set:
 * 1. two catalog items sharing a barcode or a supplier's code: the same choice whatever order the catalog was loaded
 *    in — the item most like the line when both go to one account, none when they go to different accounts — and the
 *    reason in the explanation (the engine kept the last item loaded, silently);
 * 2. a catalog item named by a wider category: when the line's words read to the item's UNSPSC class AND the line's
 *    own noun is a word of the item's name, the company's item outweighs a generic reading of the word.
 */
const load = async (t: TestCompany, items: Record<string, string>[]) => {
  // One import per item: the later one gets a later catalog revision, so it is loaded after the earlier one.
  for (const item of items) await importItems(t.db, t.company.id, [item], { fileName: 'items.csv', actor: 'prueba', now: t.clock.now() });
};

describe('suggestion engine: fourteenth round of #13 (B), items sharing a code', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const flour = { codigo: 'HT-1', nombre: 'Harina de trigo panadera bulto', cuenta: '1405', codigo_barras: '7709990001112' };
  const flourTwin = { codigo: 'HT-9', nombre: 'Bulto estándar', cuenta: '1405', codigo_barras: '7709990001112' };

  it('two items of one account with the same barcode: the one whose name is like the line, in either load order', async () => {
    const named: string[] = [];
    for (const order of [
      [flour, flourTwin],
      [flourTwin, flour],
    ]) {
      await t?.close();
      t = await testCompany({ company: { ciiu: ['1081'], inventory: 'perpetual' } });
      await load(t, order);
      const [result] = await t.classify(line('HARINA TRIGO PANADERA X 50 KG', { gtin: '7709990001112', nit: '901222333' }));
      expect(result).toMatchObject({ accountCode: '1405', source: 'inventory' });
      expect(result!.explanation).toContain('el mismo código está también en «Bulto estándar»');
      named.push(result!.itemName!);
    }
    expect(named).toEqual(['Harina de trigo panadera bulto', 'Harina de trigo panadera bulto']);
  });

  it('two items of different accounts with the same barcode: the code chooses neither, and the explanation says why', async () => {
    const forSale = { codigo: 'HV-2', nombre: 'Harina de trigo para la venta', cuenta: '1435', codigo_barras: '7709990001112' };
    for (const order of [
      [flour, forSale],
      [forSale, flour],
    ]) {
      await t?.close();
      t = await testCompany({ company: { ciiu: ['1081'], inventory: 'perpetual' } });
      await load(t, order);
      const [result] = await t.classify(line('PRODUCTO 4471', { gtin: '7709990001112', nit: '901222333' }));
      expect(result!.explanation).toContain('cuentas distintas');
      expect(result!.explanation).not.toContain('Mismo código de barras');
      expect(result!.confidence).toBeLessThan(0.95);
    }
  });

  it('a supplier’s code shared by two items of one account: the same item in either load order, the reason said', async () => {
    const yeast = { codigo: 'LV-1', nombre: 'Levadura fresca 500 g', cuenta: '1405', nit_proveedor: '901222333', codigo_proveedor: 'REF-77' };
    const yeastTwin = { codigo: 'LV-2', nombre: 'Producto importado', cuenta: '1405', nit_proveedor: '901222333', codigo_proveedor: 'REF-77' };
    const named: string[] = [];
    for (const order of [
      [yeast, yeastTwin],
      [yeastTwin, yeast],
    ]) {
      await t?.close();
      t = await testCompany({ company: { ciiu: ['1081'], inventory: 'perpetual' } });
      await load(t, order);
      const [result] = await t.classify(line('LEVADURA FRESCA PANADERIA 500 G', { sellerCode: 'REF-77', nit: '901222333' }));
      expect(result).toMatchObject({ accountCode: '1405', source: 'inventory' });
      expect(result!.explanation).toContain('el mismo código está también en «Producto importado»');
      named.push(result!.itemName!);
    }
    expect(named).toEqual(['Levadura fresca 500 g', 'Levadura fresca 500 g']);
  });
});

describe('suggestion engine: fourteenth round of #13 (B), a catalog item named by a category', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('the line’s class and its own noun both point to the item: the company’s account, not the generic reading', async () => {
    t = await testCompany({
      company: { ciiu: ['1104'], inventory: 'perpetual' },
      items: [
        { codigo: 'EM-1', nombre: 'Tapas y etiquetas de envase', cuenta: '1460', unspsc: '55121600' },
        { codigo: 'EM-2', nombre: 'Botellas PET', cuenta: '1460', unspsc: '24122000' },
      ],
    });
    const [result] = await t.classify(line('ETIQUETA IMPRESA POLIPROPILENO', { nit: '901444555' }));
    expect(result).toMatchObject({ accountCode: '1460' });
    expect(result!.explanation).toContain('«Tapas y etiquetas de envase»');
    expect(result!.explanation).toContain('cuyo nombre dice lo que es la línea');
  });

  it('the class alone, with no word of the item’s name in the line, stays a modest vote', async () => {
    t = await testCompany({
      company: { ciiu: ['1104'], inventory: 'perpetual' },
      items: [{ codigo: 'EM-1', nombre: 'Marbetes', cuenta: '1460', unspsc: '55121600' }],
    });
    const [result] = await t.classify(line('ETIQUETA IMPRESA POLIPROPILENO', { nit: '901444555' }));
    expect(result!.explanation).not.toContain('cuyo nombre dice lo que es la línea');
  });
});
