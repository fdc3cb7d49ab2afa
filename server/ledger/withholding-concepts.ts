import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Which retención en la fuente concept a purchase line falls under (accounting-co.md §3.1). Rates and bases of each
 * concept are dated data in `server/data/withholding-rules.json`; how a line is recognised is data too
 * (`server/data/withholding-concepts.json`). `undefined` means the line is not subject to retención (insurance
 * premiums, taxes, domiciliary public services, financial costs).
 */
export { CONCEPT_NAMES, isWithholdingConcept, NO_WITHHOLDING, WITHHOLDING_CONCEPTS, type WithholdingConcept } from '#shared/withholding-concepts';
import { CONCEPT_NAMES, isWithholdingConcept, type WithholdingConcept } from '#shared/withholding-concepts';
import { foldKey } from '../text/fold';

/** Longest prefix wins. 51xx and 52xx (administración / ventas) mirror each other, so rules are written for 51. */
const BY_PREFIX: [prefix: string, concept: WithholdingConcept | null][] = [
  ['14', 'compras'], // inventories
  ['15', 'compras'], // property, plant and equipment
  ['16', 'compras'], // intangibles (licences)
  ['17', 'servicios'], // prepaid expenses (insurance is excluded below)
  ['170520', null], // seguros pagados por anticipado
  ['61', 'compras'],
  ['62', 'compras'],
  ['7', 'compras'],
  ['5105', 'compras'], // dotación, capacitación… bought as goods for staff
  ['510563', 'servicios'], // capacitación al personal
  ['510584', 'servicios'], // gastos médicos
  ['5110', 'honorarios'],
  ['5115', null], // impuestos
  ['5120', 'arrendamiento_muebles'],
  ['512010', 'arrendamiento_inmuebles'], // construcciones y edificaciones
  ['512005', 'arrendamiento_inmuebles'], // terrenos
  ['5125', null], // contribuciones y afiliaciones
  ['5130', null], // seguros
  ['5135', 'servicios'],
  ['513525', null], // acueducto y alcantarillado
  ['513530', null], // energía eléctrica
  ['513555', null], // gas
  ['513550', 'transporte_carga'],
  ['5140', null], // gastos legales (notaría, registro)
  ['5145', 'servicios'],
  ['5150', 'servicios'],
  ['5155', 'servicios'],
  ['515505', 'hoteles_restaurantes'],
  ['5160', null],
  ['5165', null],
  ['5195', 'compras'],
  ['519520', 'hoteles_restaurantes'],
  ['519560', 'hoteles_restaurantes'],
  ['519535', 'combustibles'],
  ['519545', null], // taxis y buses
  ['519565', 'servicios'], // parqueaderos
  ['53', null], // gastos no operacionales (financieros)
];

/** The concept the account group alone suggests (the fallback when the line itself says nothing more specific). */
export function withholdingConcept(accountCode: string): WithholdingConcept | undefined {
  const code = accountCode.startsWith('52') ? `51${accountCode.slice(2)}` : accountCode;
  let best: { length: number; concept: WithholdingConcept | null } | undefined;
  for (const [prefix, concept] of BY_PREFIX) {
    if (code.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, concept };
  }
  if (best) return best.concept ?? undefined;
  return code.startsWith('5') ? 'servicios' : 'compras';
}

/** Goods (not services): owed in 2205 proveedores, and their ReteICA minimum base is the one for compras. */
export function isGoodsConcept(concept: WithholdingConcept | undefined): boolean {
  return concept === 'compras' || concept === 'combustibles' || concept === 'vehiculos' || concept === 'software_licencias';
}

interface ConceptRule {
  concept: WithholdingConcept;
  when: WithholdingConcept[];
  keywords?: string[];
  unspsc?: string[];
  supplierCiiu?: string[];
  account?: string[];
}

interface CompiledRule extends ConceptRule {
  patterns: RegExp[];
}

let compiled: CompiledRule[] | undefined;

function conceptRules(): CompiledRule[] {
  if (compiled) return compiled;
  const file = JSON.parse(readFileSync(fileURLToPath(new URL('../data/withholding-concepts.json', import.meta.url)), 'utf8')) as { rules: ConceptRule[] };
  for (const rule of file.rules) if (!isWithholdingConcept(rule.concept)) throw new Error(`withholding-concepts.json: concepto desconocido ${rule.concept}`);
  return (compiled = file.rules.map((r) => ({ ...r, patterns: (r.keywords ?? []).map((k) => new RegExp(k)) })));
}

export interface LineFacts {
  description: string;
  /** UNSPSC code of the line, when it has one. */
  unspsc?: string;
  /** CIIU codes of the supplier as the document states them. */
  supplierCiiu: string[];
  accountCode: string;
}

export interface ConceptChoice {
  concept: WithholdingConcept | undefined;
  /** Why, in Spanish, for the person looking at the line. */
  explanation: string;
  source: 'agent' | 'user';
}

/**
 * The withholding concept of one line, from the line itself: its description, its UNSPSC code, the account chosen
 * for it, and the supplier's CIIU, in that order of strength (accounting-co.md §3.1, §4.2, §4.4). The account group
 * decides the family (goods, services, fees, rent, none) and the line refines it: a vehicle on 1540 is "vehículos
 * 1 %", not "compras 2,5 %"; software development on 5110 is the 3,5 % of Decreto 2499/2012.
 */
export function conceptForLine(facts: LineFacts): ConceptChoice {
  const byAccount = withholdingConcept(facts.accountCode);
  if (byAccount === undefined) return { concept: undefined, explanation: `La cuenta ${facts.accountCode} no está sujeta a retención en la fuente.`, source: 'agent' };
  const text = foldKey(facts.description);
  const account = facts.accountCode.startsWith('52') ? `51${facts.accountCode.slice(2)}` : facts.accountCode;
  const rules = conceptRules().filter((r) => r.when.includes(byAccount) || r.concept === byAccount);
  for (const rule of rules) {
    const word = rule.patterns.find((p) => p.test(text));
    if (word) return { concept: rule.concept, explanation: `«${facts.description}» es ${CONCEPT_NAMES[rule.concept]} (por la descripción).`, source: 'agent' };
    const code = facts.unspsc && rule.unspsc?.find((u) => facts.unspsc!.startsWith(u));
    if (code) return { concept: rule.concept, explanation: `UNSPSC ${facts.unspsc}: ${CONCEPT_NAMES[rule.concept]}.`, source: 'agent' };
  }
  for (const rule of rules) {
    const prefix = rule.account?.find((a) => account.startsWith(a));
    if (prefix) return { concept: rule.concept, explanation: `Cuenta ${facts.accountCode}: ${CONCEPT_NAMES[rule.concept]}.`, source: 'agent' };
  }
  for (const rule of rules) {
    const ciiu = facts.supplierCiiu.find((c) => rule.supplierCiiu?.some((p) => c.startsWith(p)));
    if (ciiu) return { concept: rule.concept, explanation: `El proveedor tiene la actividad CIIU ${ciiu}: ${CONCEPT_NAMES[rule.concept]}.`, source: 'agent' };
  }
  return { concept: byAccount, explanation: `Por la cuenta ${facts.accountCode}: ${CONCEPT_NAMES[byAccount]}.`, source: 'agent' };
}
