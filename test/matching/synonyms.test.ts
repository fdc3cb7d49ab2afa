import { describe, expect, it } from 'vitest';
import { normalize } from '../../server/matching/normalize';
import { PHRASE_SYNONYMS, WORD_SYNONYMS } from '../../server/matching/synonyms';

const all = [...WORD_SYNONYMS, ...PHRASE_SYNONYMS];

describe('synonym table (issue #13)', () => {
  it('gives every entry a source and at least one variant', () => {
    for (const entry of all) {
      expect(entry.source.trim(), entry.canonical).not.toBe('');
      expect(entry.variants.length, entry.canonical).toBeGreaterThan(0);
    }
  });

  it('never lists a variant under two canonicals, nor a variant that is itself a canonical (no chains)', () => {
    const canonicalOf = new Map<string, string>();
    for (const entry of all) {
      for (const variant of entry.variants) {
        const other = canonicalOf.get(variant);
        expect(other === undefined || other === entry.canonical, `«${variant}»: ${other} y ${entry.canonical}`).toBe(true);
        canonicalOf.set(variant, entry.canonical);
      }
    }
    const canonicals = new Set(all.map((e) => e.canonical));
    for (const variant of canonicalOf.keys()) expect(canonicals.has(variant), variant).toBe(false);
  });

  it('writes every variant as normalize reads it: lowercase, no accents', () => {
    for (const entry of all) {
      for (const variant of [entry.canonical, ...entry.variants]) expect(variant).toMatch(/^[a-z0-9 .]+$/);
    }
  });

  it('makes every variant read exactly as its canonical does', () => {
    for (const entry of all) {
      const canonical = normalize(entry.canonical).words;
      for (const variant of entry.variants) expect(normalize(variant).words, variant).toEqual(canonical);
    }
  });

  it.each([
    ['METAMIZOL SODICO 1G AMPOLLA', 'Dipirona sódico 1 g ampolla'],
    ['Esfigmomanómetro adulto', 'Tensiómetro adulto'],
    ['GRAPADORA METALICA', 'Cosedora metálica'],
    ['Parqueadero mensual', 'Estacionamiento mensual'],
    ['BALINERA 6203', 'Rodamiento 6203'],
    ['Plumillas 18"', 'Limpiaparabrisas 18"'],
    ['Trapeador algodón', 'Trapero algodón'],
    ['PALLET MADERA', 'Estiba madera'],
    ['Pendrive 32GB', 'Memoria USB 32 GB'],
    ['Bomba de espalda 20 L', 'Fumigadora 20 litros'],
    ['Papel sanitario doble hoja', 'Papel higiénico doble hoja'],
    ['Ácido acetilsalicílico 100 mg', 'Aspirina 100 mg'],
  ])('«%s» reads as «%s»', (variant, canonical) => {
    expect(normalize(variant).key).toBe(normalize(canonical).key);
  });

  it('leaves words that only look alike apart (an ampoule is not a light bulb; a brush is not a wiper)', () => {
    expect(normalize('Ampolla 1 ml').words).toEqual(['ampolla']);
    expect(normalize('Escobilla para baño').words).toEqual(['escobilla', 'bano']);
    expect(normalize('Herbicida glifosato').words).toEqual(['herbicida', 'glifosato']);
  });
});

describe('synonym table, third pass (syn14)', () => {
  it.each([
    ['Cofia desechable x100', 'Gorro desechable x100'],
    ['Colutorio 500 ml', 'Enjuague bucal 500 ml'],
    ['Solución de Hartmann 500 ml', 'Lactato de Ringer 500 ml'],
    ['Pasta dental 75 ml', 'Crema dental 75 ml'],
    ['Palomitas de maíz 60 g', 'Crispetas 60 g'],
    ['Yogurt natural 1000 g', 'Yogur natural 1 kg'],
    ['Hombre solo 10"', 'Pinza de presión 10"'],
    ['Correa de repartición', 'Correa de distribución'],
    ['Placa de yeso 1/2"', 'Drywall 1/2"'],
    ['Botas pantaneras talla 40', 'Bota de caucho talla 40'],
    ['Pipeta de gas 40 lb', 'Cilindro de gas 40 lb'],
    ['DCTO pronto pago', 'Descuento pronto pago'],
  ])('«%s» reads as «%s»', (variant, canonical) => {
    expect(normalize(variant).key).toBe(normalize(canonical).key);
  });

  it('keeps apart words that also name another product', () => {
    // A web host is not a hotel night, and a lab pipette is not a gas cylinder.
    expect(normalize('Alojamiento web anual').words).toEqual(['hosting', 'anual']);
    expect(normalize('Alojamiento 2 noches').words).toEqual(['alojamiento', 'noche']);
    expect(normalize('Pipeta Pasteur 3 ml').words).toEqual(['pipeta', 'pasteur']);
    // «ratón» (trap for mice) and «guardapolvo» (a car's dust boot) were left out on purpose.
    expect(normalize('Trampa para ratones').words).toEqual(['trampa', 'raton']);
    expect(normalize('Guardapolvo amortiguador').words).toEqual(['guardapolvo', 'amortiguador']);
  });
});

describe('synonym table, fourth pass (syn15)', () => {
  it.each([
    ['Buscapina 10 mg x 20', 'Hioscina 10 mg x 20'],
    ['Laminillas 22x22 mm x100', 'Cubreobjetos 22x22 mm x100'],
    ['Placa de Petri desechable', 'Caja de Petri desechable'],
    ['Sésamo tostado 250 g', 'Ajonjolí tostado 250 g'],
    ['Mondadientes x1000', 'Palillos x1000'],
    ['Ganchos para cosedora 26/6', 'Grapas 26/6'],
    ['Toma de corriente doble', 'Tomacorriente doble'],
    ['Módulo fotovoltaico 450 W', 'Panel solar 450 W'],
    ['Líquido de frenos DOT 4', 'Liga de frenos DOT 4'],
    ['Balaclava en lana', 'Pasamontañas en lana'],
  ])('«%s» reads as «%s»', (variant, canonical) => {
    expect(normalize(variant).key).toBe(normalize(canonical).key);
  });

  it('keeps apart words that also name another product or service', () => {
    // A soda is not the fruit drink Colombians call «refresco»; a pipe flange is not a cable tie.
    expect(normalize('Refresco en polvo mora').words).toEqual(['refresco', 'polvo', 'mora']);
    expect(normalize('Brida ciega 4"').words).toEqual(['brida', 'ciega']);
    // A pill is not a tablet computer.
    expect(normalize('Tableta recubierta').words).toEqual(['tableta', 'recubierta']);
  });
});

describe('synonym table, fifth pass (syn16)', () => {
  it.each([
    ['Teja Eternit No. 6', 'Teja de fibrocemento No. 6'],
    ['Pipeta automática 100-1000 ul', 'Micropipeta 100-1000 ul'],
    ['Sandía', 'Patilla'],
    ['MDP 15 mm', 'Aglomerado 15 mm'],
    ['Hidrolimpiadora 1600 psi', 'Hidrolavadora 1600 psi'],
    ['Miel de purga', 'Melaza'],
    ['CTA de cobro', 'Cuenta de cobro'],
  ])('«%s» reads as «%s»', (variant, canonical) => {
    expect(normalize(variant).key).toBe(normalize(canonical).key);
  });

  it('keeps apart products that only share a name', () => {
    // A solid brick and a sledgehammer are not a guard's baton; a wooden dowel is not a wall plug.
    expect(normalize('Ladrillo tolete').words).toEqual(['ladrillo', 'tolete']);
    expect(normalize('Porra 4 lb').words).toEqual(['porra']);
    expect(normalize('Tarugo de madera').words).toEqual(['tarugo', 'madera']);
    // A disposable razor is not an electric shaver; a flyer is not a steering wheel; hazard lights are not turn signals.
    expect(normalize('Máquina de afeitar desechable').words).toEqual(['maquina', 'afeitar', 'desechable']);
    expect(normalize('Flyer').words).toEqual(['flyer']);
    expect(normalize('Luz intermitente').words).toEqual(['luz', 'intermitente']);
    // A walkie-talkie stays a walkie-talkie; a tailor's tape is not a steel flexómetro.
    expect(normalize('Walkie talkie').words).toEqual(['walkie', 'talkie']);
    expect(normalize('Cinta métrica').words).toEqual(['cinta', 'metrica']);
  });
});

describe('synonym table, sixth pass (syn17)', () => {
  it.each([
    ['GMF 4 por mil', 'GMF'],
    ['Revisión tecnomecánica', 'Revisión técnico mecánica'],
    ['Burro de arranque reconstruido', 'Motor de arranque reconstruido'],
    ['Junta de culata', 'Empaque de culata'],
    ['Faros antiniebla LED', 'Exploradoras LED'],
    ['Grupo electrógeno 5 kVA', 'Planta eléctrica 5 kVA'],
    ['Camión cisterna 3000 gal', 'Carrotanque 3000 gal'],
    ['Tractocamión', 'Tractomula'],
    ['Bala de oxígeno 6 m3', 'Cilindro de oxígeno 6 m3'],
    ['Salsa inglesa 150 ml', 'Salsa negra 150 ml'],
    ['Quitagrapas metálico', 'Sacaganchos metálico'],
    ['No break 1 kVA', 'UPS 1 kVA'],
    ['Hormigonera 1 bulto', 'Mezcladora de concreto 1 bulto'],
    ['Bolsa Ziploc 18x20', 'Bolsa hermética 18x20'],
    ['Humus de lombriz 25 kg', 'Lombricompost 25 kg'],
  ])('«%s» reads as «%s»', (variant, canonical) => {
    expect(normalize(variant).key).toBe(normalize(canonical).key);
  });

  it('keeps apart products that only share a word', () => {
    // Fertilizer urea is not the diesel exhaust fluid; a hand pallet jack keeps the word the durable-goods rules read.
    expect(normalize('Urea granulada 50 kg').words).toEqual(['urea', 'granulada']);
    expect(normalize('Estibador manual 2500 kg').words).toEqual(['estibador', 'manual']);
    // A high-impact polystyrene sheet is not icopor (expanded polystyrene); GIS software is not chalk.
    expect(normalize('Lámina poliestireno alto impacto').words).toEqual(['lamina', 'poliestireno', 'alto', 'impacto']);
    expect(normalize('Poliestireno expandido').words).toEqual(['icopor']);
    expect(normalize('Licencia GIS').words).toEqual(['licencia', 'gis']);
  });
});
