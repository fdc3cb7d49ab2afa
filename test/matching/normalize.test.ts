import { describe, expect, it } from 'vitest';
import { normalize, singular } from '../../server/matching/normalize';
import { TextIndex } from '../../server/matching/text-index';

describe('normalizing Colombian invoice descriptions', () => {
  it('drops accents, case, connectors and invoice noise, and reduces plurals', () => {
    expect(normalize('Resmas de PAPEL para Fotocopias — PROMO').words).toEqual(['resma', 'papel', 'fotocopia']);
    expect(normalize('Lápices y borradores').words).toEqual(['lapiz', 'borrador']);
    expect(singular('unidades')).toBe('unidad');
    expect(singular('papeles')).toBe('papel');
  });

  it('splits numbers glued to units and canonicalises them (1 kg = 1000 gr; 3 l = 3000 ml)', () => {
    expect(normalize('AZUCAR 1KG').measures).toEqual(['1000g']);
    expect(normalize('Azúcar 1000 gr').measures).toEqual(['1000g']);
    expect(normalize('ACEITE PREMIER 3000ML').measures).toEqual(['3000ml']);
    expect(normalize('Aceite Premier 3 lts').measures).toEqual(['3000ml']);
    expect(normalize('Café molido 2,5 kg').measures).toEqual(['2500g']);
    expect(normalize('Vaso 7 oz x 50 und').measures).toEqual(['7oz', 'x50']);
    expect(normalize('Tornillo 6 x 1"').measures).toContain('6');
  });

  it('keeps model codes apart, the same however they are written', () => {
    expect(normalize('Tóner HP 85A').codes).toEqual(['85a']);
    expect(normalize('Toner Brother TN-1060').codes).toEqual(['tn1060']);
    expect(normalize('Toner Brother TN1060').codes).toEqual(['tn1060']);
  });

  it('expands abbreviations that are not truncations, and ignores ref/und/x and long numbers', () => {
    expect(normalize('MTTO AIRE ACOND REF 445').words).toEqual(['mantenimiento', 'aire', 'acond']);
    expect(normalize('BOLSA BSA BASURA NGO 60X90 PQ X 10 UND').words).toEqual(['bolsa', 'bolsa', 'basura', 'negro']);
    expect(normalize('Servicio energía cuenta 123456789 periodo marzo 2026').words).toEqual(['servicio', 'energia', 'cuenta']);
  });

  it('gives the same exact key whatever the word order', () => {
    expect(normalize('Carta resma papel 75 g').key).toBe(normalize('RESMA PAPEL CARTA 75GR').key);
  });
});

describe('similar descriptions (MiniSearch index)', () => {
  const index = new TextIndex();
  const catalog: Record<string, string> = {
    'resma-carta': 'Resma papel carta 75 g Reprograf x 500 hojas',
    'resma-oficio': 'Resma papel oficio 75 g Reprograf x 500 hojas',
    detergente: 'Detergente en polvo Fab 3 kg',
    'jabon-manos': 'Jabón líquido para manos Protex 1000 ml',
    tornillo: 'Tornillo drywall 6 x 1" caja x 100',
    'toner-85a': 'Tóner HP 85A',
    'toner-12a': 'Tóner HP 12A',
  };
  for (const [id, name] of Object.entries(catalog)) index.add(id, normalize(name));

  it.each([
    ['RESMA CARTA REPROGRAF 75GR', 'resma-carta'],
    ['rsma papel carta 75 gramos', 'resma-carta'],
    ['Resma papel OFICIO x500', 'resma-oficio'],
    ['DETERG FAB POLVO 3KG', 'detergente'],
    ['Detergnete en polvo Fab 1 kg', 'detergente'],
    ['JAB LIQ MANOS PROTEX', 'jabon-manos'],
    ['TORN DRYWALL 6X1', 'tornillo'],
    ['Toner laser HP 12A original', 'toner-12a'],
  ])('«%s» is the item %s', (description, id) => {
    const [best] = index.find(normalize(description), 3);
    expect(best?.id).toBe(id);
    expect(best!.similarity).toBeGreaterThanOrEqual(0.55);
  });

  it('does not claim a match for something else: the similarity stays below the threshold', () => {
    const [best] = index.find(normalize('Servicio de vigilancia mes de marzo'), 1);
    expect(best === undefined || best.similarity < 0.55).toBe(true);
  });

  it('answers the same for the same query, and in a stable order', () => {
    const query = normalize('resma 75 g');
    expect(index.find(query, 5)).toEqual(index.find(query, 5));
  });

  it('forgets a removed entry', () => {
    const small = new TextIndex();
    small.add('a', normalize('Escoba cerda suave'));
    small.add('b', normalize('Trapero algodón'));
    small.remove('a');
    expect(small.find(normalize('escoba suave'), 1).map((m) => m.id)).not.toContain('a');
    expect(small.size).toBe(1);
  });
});

describe('synonyms (issue #13)', () => {
  it('maps other common Colombian names to one word, single words and phrases alike', async () => {
    const { normalize } = await import('../../server/matching/normalize');
    expect(normalize('Paracetamol 500 mg').key).toBe(normalize('Acetaminofén 500 mg').key);
    expect(normalize('Neumáticos 11R22.5').words).toEqual(['llanta']);
    expect(normalize('Suero fisiológico bolsa 500 ml').words).toEqual(normalize('Solución salina bolsa 500 ml').words);
    expect(normalize('Barra de acero corrugado 1/2"').words).toEqual(['varilla', 'corrugada']);
  });

  it('every synonym names its source, and no variant belongs to two canonical words', async () => {
    const { PHRASE_SYNONYMS, WORD_SYNONYMS } = await import('../../server/matching/synonyms');
    const seen = new Map<string, string>();
    for (const entry of [...WORD_SYNONYMS, ...PHRASE_SYNONYMS]) {
      expect(entry.source.length).toBeGreaterThan(10);
      for (const variant of entry.variants) {
        expect(seen.get(variant) ?? entry.canonical).toBe(entry.canonical);
        seen.set(variant, entry.canonical);
      }
    }
  });
});
