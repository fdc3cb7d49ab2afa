import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WithholdingConcept } from './withholding-concepts';

export interface RetefuenteRule {
  concept: WithholdingConcept;
  from: string;
  to?: string;
  /** Minimum base in UVT, as decimal text. */
  baseUvt: string;
  declarante: string;
  noDeclarante: string;
  /** Honorarios to a natural person: 10 %, or `personaNaturalHigh` once the year's payments pass the threshold. */
  personaNatural?: string;
  personaNaturalHigh?: string;
  personaNaturalThresholdUvt?: string;
  /** The base is the AIU (ET art. 462-1 par.): vigilancia, aseo, servicios temporales. */
  aiu?: boolean;
  /** A base the guide says to confirm: between the two bases the bill is "por verificar". */
  alternativeBaseUvt?: string;
  verify?: string;
  account: string;
  norm: string;
  source: string;
}

export interface UvtValue {
  year: number;
  value: number;
  /** Resolución DIAN that set it, when known. */
  resolution?: string;
  /** `data` = shipped in withholding-rules.json; `db` = entered by a person. */
  origin?: 'data' | 'db';
}

export interface WithholdingRules {
  uvt: UvtValue[];
  retefuente: RetefuenteRule[];
  reteiva: { rate: string; account: string; norm?: string };
  reteica: { account: string; norm?: string };
  fixedAssetIvaDiscount: { account: string; norm: string };
}

let cached: WithholdingRules | undefined;

/** The dated rules table in `server/data/withholding-rules.json` (UVT, bases, rates; sources inside). */
export function loadWithholdingRules(): WithholdingRules {
  return (cached ??= JSON.parse(readFileSync(fileURLToPath(new URL('../data/withholding-rules.json', import.meta.url)), 'utf8')) as WithholdingRules);
}

/** The shipped rules with the UVT values a person entered on top (a stored value wins over the shipped one). */
export function withStoredUvt(rules: WithholdingRules, stored: UvtValue[]): WithholdingRules {
  if (stored.length === 0) return rules;
  const byYear = new Map<number, UvtValue>(rules.uvt.map((u) => [u.year, { ...u, origin: 'data' }]));
  for (const u of stored) byYear.set(u.year, { ...u, origin: 'db' });
  return { ...rules, uvt: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

/** The UVT in pesos for the year of a date, or undefined when the table does not have that year. */
export function uvtFor(rules: WithholdingRules, date: string): number | undefined {
  const year = Number(date.slice(0, 4));
  return rules.uvt.find((u) => u.year === year)?.value;
}

/** The retención rule in force on a date for a concept (bases changed on 1 June 2025, Decreto 0572). */
export function retefuenteRuleFor(rules: WithholdingRules, concept: WithholdingConcept, date: string): RetefuenteRule | undefined {
  return rules.retefuente.find((r) => r.concept === concept && r.from <= date && (!r.to || date <= r.to));
}

export interface ReteIcaActivity {
  code: string;
  name: string;
  ratePerMille: string;
  ciiu: string[];
}

export interface ReteIcaMunicipality {
  code: string;
  name: string;
  from: string;
  norm: string;
  sources: string[];
  verify?: string;
  minimumBaseUvt: { compras: string; servicios: string };
  simpleRegimeExempt: boolean;
  activities: ReteIcaActivity[];
  byConcept: Partial<Record<WithholdingConcept, string>>;
}

let icaCached: ReteIcaMunicipality[] | undefined;

/** ReteICA by municipality (DIVIPOLA) and activity: `server/data/reteica-rules.json`. */
export function loadReteIcaRules(): ReteIcaMunicipality[] {
  return (icaCached ??= (JSON.parse(readFileSync(fileURLToPath(new URL('../data/reteica-rules.json', import.meta.url)), 'utf8')) as { municipalities: ReteIcaMunicipality[] }).municipalities);
}

/** The activity of a supplier CIIU in a municipality's table: the longest matching prefix. */
export function icaActivityForCiiu(municipality: ReteIcaMunicipality, ciiu: string): ReteIcaActivity | undefined {
  let best: { activity: ReteIcaActivity; length: number } | undefined;
  for (const activity of municipality.activities) {
    for (const prefix of activity.ciiu) if (ciiu.startsWith(prefix) && (!best || prefix.length > best.length)) best = { activity, length: prefix.length };
  }
  return best?.activity;
}
