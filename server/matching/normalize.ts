/**
 * Text normalization for the descriptions on Colombian invoices and catalogs, so that "RESMA CARTA 75GR X500",
 * "Resma de papel carta 75 g (500 hojas)" and "resmas carta 75 gramos" meet: accents and case go; abbreviations
 * that are not mere truncations are expanded ("bco" → blanco, "mtto" → mantenimiento); plurals are reduced; numbers
 * glued to units are split and units canonicalised ("1 kg" and "1000 gr" are the same measure); connectors and
 * invoice noise ("marca", "ref", "promo", "lote") are dropped; model codes ("85A", "TN-1060") are kept apart.
 *
 * Truncations ("deterg", "desinf") are left to the search: every word is also indexed by its first letters.
 */
import { PHRASE_SYNONYMS, WORD_SYNONYMS } from './synonyms';
import { fold as plain } from '../text/fold';

export interface NormalizedText {
  /** Content words, singular, expanded. */
  words: string[];
  /** Canonical measures: "75g", "500ml", "x12", "gal". Sizes change between invoices; they weigh little. */
  measures: string[];
  /** Product or model codes mixed of letters and digits: "85a", "tn1060", "l3250". */
  codes: string[];
  /** Order-free exact key: the same product written in another order gives the same key. */
  key: string;
}

/** How many leading letters stand for a word in the "heads" index (truncated abbreviations meet there). */
export const HEAD_LENGTH = 4;

// Short or vowel-dropped abbreviations common on Colombian invoices; truncations of four letters or more need no
// entry (the heads index matches them).
const ABBREVIATIONS: Record<string, string> = {
  bco: 'blanco', bca: 'blanca', blco: 'blanco', ngo: 'negro', ngr: 'negro', neg: 'negro', az: 'azul', azl: 'azul', rj: 'rojo', vde: 'verde',
  amll: 'amarillo', transp: 'transparente', trans: 'transparente', liq: 'liquido', lqdo: 'liquido', jab: 'jabon', jbn: 'jabon',
  mtto: 'mantenimiento', mant: 'mantenimiento', mantto: 'mantenimiento', mto: 'mantenimiento', serv: 'servicio', svc: 'servicio',
  servs: 'servicio', sv: 'servicio', hon: 'honorario', hnrs: 'honorario', arrto: 'arrendamiento', arrend: 'arrendamiento',
  bsa: 'bolsa', bls: 'bolsa', hig: 'higienico', pap: 'papel', ppl: 'papel', esf: 'esfero', lpz: 'lapiz', bol: 'boligrafo',
  cuad: 'cuaderno', carp: 'carpeta', plast: 'plastico', plas: 'plastico', plasti: 'plastico', elec: 'electrico', elect: 'electrico', cbl: 'cable',
  bomb: 'bombillo', pint: 'pintura', torn: 'tornillo', tor: 'tornillo', inal: 'inalambrico', comp: 'computador', pc: 'computador',
  port: 'portatil', acte: 'aceite', azc: 'azucar', azuc: 'azucar', arz: 'arroz', hvo: 'huevo', hvos: 'huevo', pech: 'pechuga',
  qso: 'queso', lch: 'leche', mem: 'memoria', imp: 'impresora', cem: 'cemento', cmto: 'cemento', tom: 'tomate', ceb: 'cebolla',
  gaseos: 'gaseosa', cerv: 'cerveza', desech: 'desechable', dsch: 'desechable', ext: 'externo', med: 'medicamento',
  merc: 'mercancia', mcia: 'mercancia', transpte: 'transporte', tte: 'transporte', adm: 'administracion', admon: 'administracion',
  cte: 'corriente', ofi: 'oficina', ofic: 'oficina', doc: 'documento', docs: 'documento', tel: 'telefono', cel: 'celular',
  dotac: 'dotacion', prof: 'profesional', inst: 'institucional', dbl: 'doble', cart: 'carton', crtn: 'carton',
  mcdor: 'marcador', lapic: 'lapicero', lpcro: 'lapicero', tnllo: 'tornillo', bbllo: 'bombillo', btlla: 'botella', bot: 'botella',
  btlln: 'botellon', sll: 'silla', rsma: 'resma', cj: 'caja', cja: 'caja', pq: 'paquete', paq: 'paquete', pqt: 'paquete', pqte: 'paquete', pte: 'paquete',
};

// Units, canonicalised; mass and volume go to their base unit so "1 kg" = "1000 g".
const UNITS: Record<string, { unit: string; factor: number }> = {
  g: { unit: 'g', factor: 1 }, gr: { unit: 'g', factor: 1 }, grs: { unit: 'g', factor: 1 }, grm: { unit: 'g', factor: 1 }, gramo: { unit: 'g', factor: 1 }, gramos: { unit: 'g', factor: 1 },
  kg: { unit: 'g', factor: 1000 }, kgs: { unit: 'g', factor: 1000 }, kl: { unit: 'g', factor: 1000 }, kls: { unit: 'g', factor: 1000 }, kilo: { unit: 'g', factor: 1000 }, kilos: { unit: 'g', factor: 1000 }, kilogramo: { unit: 'g', factor: 1000 }, kilogramos: { unit: 'g', factor: 1000 },
  lb: { unit: 'g', factor: 500 }, libra: { unit: 'g', factor: 500 }, libras: { unit: 'g', factor: 500 },
  ml: { unit: 'ml', factor: 1 }, mlt: { unit: 'ml', factor: 1 }, cc: { unit: 'ml', factor: 1 }, mililitro: { unit: 'ml', factor: 1 }, mililitros: { unit: 'ml', factor: 1 },
  l: { unit: 'ml', factor: 1000 }, lt: { unit: 'ml', factor: 1000 }, lts: { unit: 'ml', factor: 1000 }, ltr: { unit: 'ml', factor: 1000 }, litro: { unit: 'ml', factor: 1000 }, litros: { unit: 'ml', factor: 1000 },
  gl: { unit: 'gal', factor: 1 }, gal: { unit: 'gal', factor: 1 }, galon: { unit: 'gal', factor: 1 }, galones: { unit: 'gal', factor: 1 },
  oz: { unit: 'oz', factor: 1 }, onz: { unit: 'oz', factor: 1 }, onza: { unit: 'oz', factor: 1 }, onzas: { unit: 'oz', factor: 1 },
  m: { unit: 'm', factor: 1 }, mt: { unit: 'm', factor: 1 }, mts: { unit: 'm', factor: 1 }, mtr: { unit: 'm', factor: 1 }, metro: { unit: 'm', factor: 1 }, metros: { unit: 'm', factor: 1 },
  cm: { unit: 'cm', factor: 1 }, mm: { unit: 'mm', factor: 1 }, pulg: { unit: 'in', factor: 1 }, pulgada: { unit: 'in', factor: 1 }, pulgadas: { unit: 'in', factor: 1 },
  w: { unit: 'w', factor: 1 }, watt: { unit: 'w', factor: 1 }, watts: { unit: 'w', factor: 1 }, vatio: { unit: 'w', factor: 1 }, vatios: { unit: 'w', factor: 1 }, wts: { unit: 'w', factor: 1 },
  gb: { unit: 'gb', factor: 1 }, giga: { unit: 'gb', factor: 1 }, gigas: { unit: 'gb', factor: 1 }, tb: { unit: 'tb', factor: 1 }, tera: { unit: 'tb', factor: 1 }, teras: { unit: 'tb', factor: 1 },
  mb: { unit: 'mb', factor: 1 }, mbps: { unit: 'mb', factor: 1 }, kwh: { unit: 'kwh', factor: 1 }, m3: { unit: 'm3', factor: 1 },
  h: { unit: 'hojas', factor: 1 }, hjs: { unit: 'hojas', factor: 1 }, hoja: { unit: 'hojas', factor: 1 }, hojas: { unit: 'hojas', factor: 1 },
};

// Unit words that, alone, still say how the product is sold ("por kilo", "galón").
const STANDALONE_UNITS = new Set(['gal', 'gl', 'galon', 'galones', 'kilo', 'kilos', 'kg', 'litro', 'litros', 'lt', 'lts', 'ml', 'cc', 'libra', 'libras', 'metro', 'metros', 'mt', 'mts']);

// Presentations: they say how the product is packed, not what it is.
const PACK_WORDS = new Set(['und', 'un', 'unid', 'unidad', 'unidades', 'u', 'paquete', 'paca', 'bulto', 'blister', 'estuche', 'display', 'docena', 'dz', 'par', 'pares', 'juego', 'kit', 'rll', 'canasta', 'cubeta', 'six', 'pack', 'fardo']);

// Connectors and invoice noise.
const STOPWORDS = new Set([
  'de', 'del', 'la', 'el', 'los', 'las', 'lo', 'para', 'por', 'con', 'sin', 'en', 'y', 'e', 'o', 'a', 'al', 'x', 'un', 'una', 'uno', 'se', 'su',
  'marca', 'tipo', 'ref', 'referencia', 'cod', 'codigo', 'item', 'articulo', 'art', 'promo', 'promocion', 'oferta', 'nuevo', 'nueva', 'lote',
  'pedido', 'bod', 'bodega', 'especial', 'importado', 'nacional', 'color', 'talla', 'presentacion', 'aprox', 'aproximadamente', 'no', 'nro', 'num',
  'mes', 'periodo', 'factura', 'fact', 'valor', 'total', 'iva', 'incluido', 'segun', 'orden', 'compra', 'oc', 'remision', 'guia',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'sept', 'oct', 'nov', 'dic',
  // The expiry date printed next to the lot on medicines and health goods (INVIMA labelling): «LOTE A123 VTO 04/2028».
  'vto', 'venc', 'vence', 'vencimiento',
]);

// Another common name of the same product → the canonical one (synonyms.ts, with sources).
const SYNONYM_OF = new Map(WORD_SYNONYMS.flatMap((s) => s.variants.map((v) => [v, s.canonical] as const)));
// A variant that is the canonical word only as the first word or after some words (synonyms.ts `onlyAfter`).
const ONLY_AFTER = new Map(WORD_SYNONYMS.filter((s) => s.onlyAfter).flatMap((s) => s.variants.map((v) => [v, new Set(s.onlyAfter)] as const)));
const PHRASES = PHRASE_SYNONYMS.flatMap((s) => s.variants.map((v) => ({ first: v.split(' ')[0]!, pattern: new RegExp(`\\b${v.replace(/[.]/g, '\\.').replace(/ /g, '\\s+')}\\b`, 'g'), canonical: s.canonical })));

// Lower case without accents or other marks (server/text/fold.ts): the server's one fold, under the engine's name.
export { plain };

/**
 * Normalizes one description.
 *
 * @example
 * normalize('RESMA PAP. CARTA 75GR X500 REPROGRAF').words // ['resma', 'papel', 'carta', 'reprograf']
 * normalize('Resma de papel carta 75 g').measures         // ['75g']
 */
export function normalize(text: string): NormalizedText {
  const clean = plain(text)
    .replace(/(\d)\s*"/g, '$1 pulg ')
    .replace(/(\d)[.,](\d{3})(?!\d)/g, '$1$2') // thousands separators: 1.000 → 1000
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/[*×]/g, ' x ');
  const named = PHRASES.reduce((text, p) => (text.includes(p.first) ? text.replace(p.pattern, p.canonical) : text), clean);
  const tokens = named.match(/[a-z0-9ñ]+(?:\.[0-9]+)?(?:\/[0-9]+)?/g) ?? [];
  const words: string[] = [];
  const measures: string[] = [];
  const codes: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    // "x 12", "x12": a pack count.
    if (token === 'x' && next && /^\d+$/.test(next)) {
      measures.push(`x${Number(next)}`);
      i++;
      continue;
    }
    const glued = /^x(\d+)$/.exec(token);
    if (glued) {
      measures.push(`x${Number(glued[1])}`);
      continue;
    }
    const numberUnit = /^(\d+(?:\.\d+)?(?:\/\d+)?)([a-z]+\d?)$/.exec(token);
    if (numberUnit) {
      const unit = UNITS[numberUnit[2]!];
      if (unit) measures.push(measure(numberUnit[1]!, unit));
      else codes.push(token);
      continue;
    }
    if (/^\d+(?:\.\d+)?(?:\/\d+)?$/.test(token)) {
      const unit = next ? UNITS[next] : undefined;
      if (unit) {
        measures.push(measure(token, unit));
        i++;
      } else if (token.length <= 4 && !/^0\d|^(19|20)\d\d$/.test(token)) {
        measures.push(token);
      }
      // Years, months ("07") and long numbers (accounts, contracts, invoices) are noise.
      continue;
    }
    if (/\d/.test(token)) {
      codes.push(token.replace(/[^a-z0-9]/g, ''));
      continue;
    }
    if (STANDALONE_UNITS.has(token)) {
      measures.push(UNITS[token]!.unit);
      continue;
    }
    if (PACK_WORDS.has(token) || STOPWORDS.has(token) || UNITS[token] || token.length === 1) continue;
    // Model codes written apart ("TN-1060", "L 3250", "cat 6") are the same code as "TN1060".
    if (token.length <= 3 && next && /^\d+$/.test(next) && !(tokens[i + 2] && UNITS[tokens[i + 2]!])) {
      codes.push(`${token}${next}`);
      i++;
      continue;
    }
    const base = singular(ABBREVIATIONS[token] ?? token);
    const context = ONLY_AFTER.get(base) ?? ONLY_AFTER.get(token);
    // The word before, as a word (a number or a code before it leaves the variant as the line's first word); read
    // only for such a variant: this loop runs on every line and catalog name.
    const before = context && i > 0 && !/\d/.test(tokens[i - 1]!) ? singular(ABBREVIATIONS[tokens[i - 1]!] ?? tokens[i - 1]!) : undefined;
    const word = context && before && !context.has(before) ? base : (SYNONYM_OF.get(base) ?? SYNONYM_OF.get(token) ?? base);
    if (!PACK_WORDS.has(word)) words.push(word);
  }
  const key = [...new Set([...words, ...measures, ...codes])].sort().join(' ');
  return { words: words.map(intern), measures: measures.map(intern), codes: codes.map(intern), key };
}

/** The first letters of a word, for truncated abbreviations ("deterg" and "detergente" share "dete"). */
export function head(word: string): string | undefined {
  return word.length >= HEAD_LENGTH ? word.slice(0, HEAD_LENGTH) : undefined;
}

/** Plural to singular, the way Spanish product names need it: resmas → resma, papeles → papel, unidades → unidad. */
export function singular(word: string): string {
  if (word.length > 4 && /[aeiou]ces$/.test(word)) return `${word.slice(0, -3)}z`;
  if (word.length > 4 && /[lrndzj]es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// The same few thousand words repeat across hundreds of thousands of descriptions: one string each.
const interned = new Map<string, string>();
const INTERN_LIMIT = 200_000;

function intern(token: string): string {
  const known = interned.get(token);
  if (known !== undefined) return known;
  if (interned.size < INTERN_LIMIT) interned.set(token, token);
  return token;
}

function measure(value: string, unit: { unit: string; factor: number }): string {
  if (value.includes('/')) return `${value}${unit.unit}`;
  const n = Number(value) * unit.factor;
  return `${Number.isFinite(n) ? Number(n.toFixed(3)) : value}${unit.unit}`;
}
