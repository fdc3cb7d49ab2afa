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
}

const SERIAL = /\b(?:serial|s\/n|n(?:o|ro|um)?\.?\s*(?:de\s+)?serie|serie\s+n(?:o|ro)?\.?)\b/i;
/** A number with a unit of power, voltage, current, speed or engine size; not an oil grade («10W40», «5W-30»). */
const RATING = /\b(\d+(?:[.,]\d+)?)\s*(hp|kva|kw|w|vatios|v|voltios|vac|amp|a|rpm|cc)\b(?![-/]?\d)/i;
const MACHINE_UNITS = new Set(['hp', 'kva', 'kw', 'rpm']);
const UNIT_NAMES: Record<string, string> = { hp: 'potencia', kva: 'potencia', kw: 'potencia', w: 'potencia', vatios: 'potencia', v: 'voltaje', voltios: 'voltaje', vac: 'voltaje', amp: 'corriente', a: 'corriente', rpm: 'velocidad', cc: 'cilindrada' };

export function durableEvidence(description: string): DurableEvidence | undefined {
  if (SERIAL.test(description)) return { why: 'trae número de serie', strong: true, machine: false, serial: true };
  const rating = RATING.exec(description);
  if (rating) {
    const unit = rating[2]!.toLowerCase();
    // Horsepower, kilovolt-amperes, kilowatts and revolutions are said of machines; engine size of vehicles too; volts,
    // amperes and watts also of bulbs, batteries and contactors.
    const machine = MACHINE_UNITS.has(unit);
    return { why: `trae ${UNIT_NAMES[unit]} (${rating[1]} ${rating[2]!.toUpperCase()})`, strong: machine || unit === 'cc', machine };
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
  if (!feminine && !masculine) return undefined;
  return { why: `empieza por «${head}», nombre de una máquina o aparato`, strong: true, machine: true, named: true };
}

/** Words that describe how an apparatus works or how big it is, not what a consumable is made of. */
const MECHANISM = new Set(['electrico', 'electrica', 'hidraulico', 'hidraulica', 'neumatico', 'neumatica', 'automatico', 'automatica', 'industrial', 'profesional', 'digital', 'motor', 'manual', 'estacionario', 'estacionaria']);
