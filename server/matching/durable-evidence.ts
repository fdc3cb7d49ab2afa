import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';
import { unspscName } from './reference-data';

/**
 * What in a line says it is a durable good — equipment kept and used for years, a fixed asset candidate
 * (accounting-co.md §2.2) — whatever the supplier usually sells (issue #13: «the supplier's usual account is a prior,
 * not a verdict»). Consumables carry lots and expiry dates; equipment carries a serial number and a rating (volts,
 * watts, horsepower, revolutions, engine displacement). Nothing here names a product: only how invoices describe
 * equipment, so it holds for trades the rules have never seen.
 */
export interface DurableEvidence {
  /** In Spanish, for the explanation («número de serie», «potencia 4 HP»). */
  why: string;
  /**
   * A serial number is said of equipment only; a rating also of parts and consumables (a 9 W bulb, a 25 A contactor):
   * it supports a reading of equipment, it does not make one.
   */
  strong: boolean;
  /**
   * A power or speed rating (HP, kVA, kW, RPM): a powered machine, which a company books as maquinaria y equipo
   * (1520, accounting-co.md §4.2 row 11) unless its words say which other asset it is.
   */
  machine: boolean;
  /** A serial number: said of equipment only (a rating of engine size is also said of a bottle of oil, «1000 CC»). */
  serial?: boolean;
  /** Read from the line's first noun only (`machineHead`), not from a serial number or a rating. */
  named?: boolean;
  /** A measuring or viewing instrument by its name («-metro», «-scopio»): equipment, not necessarily a machine. */
  instrument?: boolean;
  /**
   * The head noun overruled a rating or the supplier's habit on its own (round 19, part T): measured as its own kind of
   * evidence (suggestion-engine.ts `evidenceKind`), so the calibration learns how often that is right.
   */
  byHead?: boolean;
  /**
   * The rating is a rated load in tons («4 TON», round 25): said of hoists, lifts and presses, but new evidence, so the
   * line is measured as its own kind (suggestion-engine.ts `evidenceKind`, tag `capacidad`), and a name of the
   * equipment or of a machine, when the line has one, stays the reason given.
   */
  capacity?: boolean;
}

const SERIAL = /\b(?:serial|s\/n|n(?:o|ro|um)?\.?\s*(?:de\s+)?serie|serie\s+n(?:o|ro)?\.?)\b/i;
/** A number with a unit of power, voltage, current, speed or engine size; not an oil grade («10W40», «5W-30»). */
const RATING = /\b(\d+(?:[.,]\d+)?)\s*(hp|mva|kva|kw|w|vatios|v|voltios|vac|amp|a|rpm|cc|ton)\b(?![-/]?\d)/i;
// Megavolt-amperes (a power transformer) are said of machines even more plainly; not «MW», which invoices also write
// for milliwatts (a curing lamp of «1400 mW»).
// A capacity in tons written «4 TON» (DLE «tonelada»; the abbreviation of a rated load) is said of hoists, lifts, presses
// and winches; bulk goods sold by weight are billed «x tonelada» or in kilos, not rated «N TON» after their name.
const MACHINE_UNITS = new Set(['hp', 'mva', 'kva', 'kw', 'rpm', 'ton']);
const UNIT_NAMES: Record<string, string> = { hp: 'potencia', mva: 'potencia', kva: 'potencia', kw: 'potencia', w: 'potencia', vatios: 'potencia', v: 'voltaje', voltios: 'voltaje', vac: 'voltaje', amp: 'corriente', a: 'corriente', rpm: 'velocidad', cc: 'cilindrada', ton: 'capacidad' };

/**
 * Units of weight (DIAN unit codes, dian-units.csv): a line billed in them is a quantity of a good sold by weight, so
 * a «N TON» in it is how much was bought (gravel, steel, coal), not a machine's rated load.
 */
const WEIGHT_UNITS = new Set(['TNE', 'STN', 'LTN', 'KTN', 'DTN', 'KGM', 'GRM', 'LBR', 'ONZ']);
/** «X 15 TON», «POR 2 TON»: the tons are the quantity bought, not a rating. */
const QUANTITY_BEFORE = /\b(?:x|por)\s*$/i;

export function durableEvidence(description: string, unitCode?: string): DurableEvidence | undefined {
  if (SERIAL.test(description)) return { why: 'trae número de serie', strong: true, machine: false, serial: true };
  const rating = RATING.exec(description);
  if (rating) {
    const unit = rating[2]!.toLowerCase();
    // Tons bought, not a rated load: billed by weight, or written as the quantity («X 15 TON»).
    if (unit === 'ton' && ((unitCode && WEIGHT_UNITS.has(unitCode.toUpperCase())) || QUANTITY_BEFORE.test(description.slice(0, rating.index)))) return undefined;
    // Horsepower, kilovolt-amperes, kilowatts and revolutions are said of machines; engine size of vehicles too; volts,
    // amperes and watts also of bulbs, batteries and contactors.
    const machine = MACHINE_UNITS.has(unit);
    return { why: `trae ${UNIT_NAMES[unit]} (${rating[1]} ${rating[2]!.toUpperCase()})`, strong: machine || unit === 'cc', machine, ...(unit === 'ton' ? { capacity: true } : {}) };
  }
  return undefined;
}

/**
 * Spanish names a machine by what it does: a noun of the verb with the suffix «-dora» (lavadora, aspiradora,
 * mezcladora, canteadora, pulidora) is an apparatus. The masculine «-dor» also names agents and products (limpiador,
 * sellador, marcador), so it counts only with a word that describes a mechanism (hidráulico, automático,
 * industrial, profesional, manual); and neither counts with a pack count (x 50).
 * What a line is, is its first noun (issue #13): «Mantenimiento lavadora industrial» is a service, «Filtro para
 * aspiradora» a part; only a line that starts with the machine's name is the machine. Nothing here names a product,
 * so it holds for trades the rules have never seen. `knownGoods` says whether the rules already read the word as some
 * consumable or office good (a «cosedora» is papelería), which the rules' own reading then decides.
 */
export function machineHead(words: readonly string[], measures: readonly string[], knownGoods: (word: string) => boolean): DurableEvidence | undefined {
  const head = words[0];
  if (!head || head.length < 7 || knownGoods(head)) return undefined;
  // A machine is not sold by the hundred: «inyectadora x 100» is a box of syringes.
  if (measures.some((m) => /^x\d+$/.test(m))) return undefined;
  const feminine = /[aei]dora$/.test(head);
  const masculine = !feminine && /[aei]dor$/.test(head) && words.slice(1).some((w) => MECHANISM.has(w));
  if (feminine || masculine) return { why: `empieza por «${head}», nombre de una máquina o aparato`, strong: true, machine: true, named: true };
  // The DLE's compounding elements «-metro» («que mide»: termómetro, turbidímetro) and «-scopio» («instrumento para
  // ver o examinar»: microscopio, videoscopio) name instruments; a unit of length («centímetro») or a geometric
  // measure («diámetro», «perímetro») is not one.
  if (/(?:metro|scopio)$/.test(head) && !NOT_INSTRUMENT.test(head)) return { why: `empieza por «${head}», nombre de un instrumento`, strong: true, machine: false, named: true, instrument: true, byHead: true };
  return undefined;
}

/** Units of length (SI prefixes + «metro») and geometric measures end in «-metro» without naming an instrument. */
const NOT_INSTRUMENT = /^(?:kilo|hecto|deca|deci|centi|mili|micro|nano)metro$|^(?:dia|peri|para)metro$/;

/** Words that describe how an apparatus works or how big it is, not what a consumable is made of. */
const MECHANISM = new Set(['electrico', 'electrica', 'hidraulico', 'hidraulica', 'neumatico', 'neumatica', 'automatico', 'automatica', 'industrial', 'profesional', 'digital', 'motor', 'manual', 'estacionario', 'estacionaria']);

/** What `equipmentName` read: the evidence, and the group-15 account the equipment's own name points to. */
export interface NamedEquipment extends DurableEvidence {
  /** A PUC group-15 account (cuenta or subcuenta) from server/data/equipo-durable.csv. */
  account: string;
  /** The kind of equipment, in Spanish, for the explanation («báscula», «microscopio»). */
  kind: string;
  /** Words of the names of its UNSPSC class, family and segment: what a shop that sells this kind of good is called. */
  trade: ReadonlySet<string>;
}

/**
 * A line whose first noun names a piece of equipment a company keeps and uses (server/data/equipo-durable.csv: the
 * goods of the UNSPSC equipment classes — pumps, scales, hoists, microscopes, playground and gym equipment, furniture,
 * audiovisual equipment — with the PUC group-15 account each belongs to). What a line is, is its first noun (issue
 * #13): «Bomba de espalda» is a pump, «Repuesto para bomba» or «Sello bomba» a part. A word next to it may say whose
 * equipment it is (a «cama hospitalaria» is equipo médico, a «balanza analítica» equipo de laboratorio). A pack count
 * (x 50) or a word of spare parts and refills says it is consumed, not kept. Nothing here names a line of the sets:
 * the table lists kinds of equipment from the public classification, so it holds for trades the rules never saw.
 */
export function equipmentName(words: readonly string[], measures: readonly string[]): NamedEquipment | undefined {
  const table = equipmentTable();
  let start = 0;
  // A generic first word («equipo», «set», «smart», «mini») names no kind: the next one does.
  while (start < 2 && GENERIC_HEADS.has(words[start] ?? '')) start++;
  const head = words[start];
  if (!head) return undefined;
  const pair = words[start + 1] ? table.names.get(`${head} ${words[start + 1]}`) : undefined;
  const row = pair ?? table.names.get(head);
  if (!row) return undefined;
  // «x 12» after a bare number is a size («6 x 4 m»), not a pack count.
  if (measures.some((m, i) => /^x\d+$/.test(m) && !/^\d+([.,]\d+)?$/.test(measures[i - 1] ?? ''))) return undefined;
  if (saysConsumed(words)) return undefined;
  const qualifier = words.slice(start + 1).map((w) => table.qualifiers.get(w)).find((q) => q !== undefined);
  const account = qualifier?.account ?? row.account;
  const kind = qualifier ? `${row.kind} ${qualifier.kind}` : row.kind;
  return { why: `parece un equipo que la empresa usa (${kind})`, strong: true, machine: account === '1520', named: true, account, kind, trade: row.trade };
}

/** Words of the UNSPSC names that say nothing of what a shop sells. */
const GENERIC_TRADE = new Set(['equipo', 'producto', 'articulo', 'accesorio', 'suministro', 'componente', 'sistema', 'material', 'relacionado', 'general', 'servicio', 'herramienta', 'instrumento', 'aparato', 'maquinaria', 'dispositivo']);

/** First words that say «a piece of equipment» without saying which. */
const GENERIC_HEADS = new Set(['equipo', 'set', 'smart', 'mini', 'nuevo', 'nueva', 'dispositivo']);
/** Words of what is consumed, rented or replaced, not kept: a spare part, a refill, a seal of the machine, a service. */
const CONSUMED = new Set(['repuesto', 'recarga', 'accesorio', 'pieza', 'parte', 'empaque', 'empaquetadura', 'sello', 'cuchilla', 'kit', 'mantenimiento', 'reparacion', 'alquiler', 'arriendo', 'servicio', 'instalacion',
  // A server in the cloud is rented by the month: a service (PUC 513520), not a machine the company keeps.
  'cloud', 'nube', 'hosting', 'virtual', 'vps', 'suscripcion', 'mensual', 'licencia',
  // Work done with the machine, not the machine: UNSPSC 731810 «Servicios de maquinado» («Torno: maquinado de tapa»).
  'maquinado', 'mecanizado']);

/** This word (a line's head noun) names something consumed, rented, serviced or replaced, not kept. */
export function namesConsumed(word: string): boolean {
  return CONSUMED.has(word);
}

/** The line names something consumed, rented, serviced or replaced (a spare part, a refill, a repair), not kept. */
export function saysConsumed(words: readonly string[]): boolean {
  return words.some((w) => CONSUMED.has(w));
}

interface EquipmentRow {
  account: string;
  kind: string;
  trade: ReadonlySet<string>;
}

let equipment: { names: Map<string, EquipmentRow>; qualifiers: Map<string, EquipmentRow> } | undefined;

function equipmentTable(): { names: Map<string, EquipmentRow>; qualifiers: Map<string, EquipmentRow> } {
  if (!equipment) {
    const names = new Map<string, EquipmentRow>();
    const qualifiers = new Map<string, EquipmentRow>();
    for (const row of readDataCsv('equipo-durable.csv')) {
      if (!/^15\d{2}(\d{2})?$/.test(row.cuenta ?? '') || !row.unspsc || !row.fuente) throw new Error(`equipo-durable.csv: «${row.palabra}» necesita una cuenta del grupo 15, su código UNSPSC y su fuente`);
      // The class, its family and its segment: «Equipos audiovisuales» is in «Artículos domésticos … electrónicos de consumo».
      const codes = row.unspsc.split(' ').flatMap((c) => [c, c.slice(0, 4), c.slice(0, 2)]);
      const trade = new Set(codes.flatMap((c) => normalize(unspscName(c) ?? '').words).filter((w) => w.length >= 5 && !GENERIC_TRADE.has(w)));
      (row.tipo === 'calificativo' ? qualifiers : names).set(row.palabra!, { account: row.cuenta!, kind: row.equipo ?? row.palabra!, trade });
    }
    equipment = { names, qualifiers };
  }
  return equipment;
}
