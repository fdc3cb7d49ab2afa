import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WithholdingConcept } from './withholding-concepts';

interface RetefuenteRule {
  concept: WithholdingConcept;
  from: string;
  to?: string;
  /** Minimum base in UVT, as decimal text. */
  baseUvt: string;
  declarante: string;
  noDeclarante: string;
  personaNatural?: string;
  account: string;
}

export interface WithholdingRules {
  uvt: { year: number; value: number }[];
  retefuente: RetefuenteRule[];
  reteiva: { rate: string; account: string };
  reteica: { account: string };
}

let cached: WithholdingRules | undefined;

/** The dated rules table in `server/data/withholding-rules.json` (UVT, bases, rates; sources inside). */
export function loadWithholdingRules(): WithholdingRules {
  return (cached ??= JSON.parse(readFileSync(fileURLToPath(new URL('../data/withholding-rules.json', import.meta.url)), 'utf8')) as WithholdingRules);
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
