import type { CompanyProfile } from '#shared/company';
import type { Centavos } from '#shared/money';
import { formatPesos } from '#shared/money';
import { percentOf, uvtToCentavos } from './money';
import type { WithholdingConcept } from './withholding-concepts';
import { loadWithholdingRules, retefuenteRuleFor, uvtFor, type WithholdingRules } from './withholding-rules';

export interface WithholdingInput {
  /** Issue date of the document: decides the UVT and the rules in force. */
  date: string;
  company: Pick<CompanyProfile, 'withholdingAgent' | 'largeTaxpayer' | 'ivaWithholdingAgent' | 'icaRatePerMille'>;
  supplier: { responsibilities: string[]; personType?: 'juridica' | 'natural'; declarante?: boolean | null };
  /** Taxable base of each cost line (before IVA) with its concept. */
  bases: { concept: WithholdingConcept | undefined; amount: Centavos }[];
  /** IVA the supplier charged. */
  iva: Centavos;
}

export interface WithholdingLine {
  kind: 'retefuente' | 'reteiva' | 'reteica';
  concept?: WithholdingConcept;
  account: string;
  base: Centavos;
  /** Percent (retefuente, ReteIVA) or per mille (ReteICA). */
  rate: string;
  amount: Centavos;
  description: string;
}

export interface WithholdingResult {
  lines: WithholdingLine[];
  /** Assumptions a person should check (the bill is flagged "por verificar"). */
  notes: string[];
  /** Why something was not withheld, for the record (no review needed). */
  info: string[];
}

const CONCEPT_NAMES: Record<WithholdingConcept, string> = {
  compras: 'compras',
  combustibles: 'combustibles',
  servicios: 'servicios',
  hoteles_restaurantes: 'hoteles y restaurantes',
  transporte_carga: 'transporte de carga',
  honorarios: 'honorarios',
  arrendamiento_inmuebles: 'arrendamiento de inmuebles',
  arrendamiento_muebles: 'arrendamiento de muebles',
};

/**
 * The withholdings the buyer practises on one purchase (accounting-co.md §3), from the dated rules table.
 * The supplier's own `WithholdingTaxTotal` is information only: the buyer is the withholding agent and decides.
 */
export function computeWithholdings(input: WithholdingInput, rules: WithholdingRules = loadWithholdingRules()): WithholdingResult {
  const lines: WithholdingLine[] = [];
  const notes: string[] = [];
  const info: string[] = [];
  const responsibilities = new Set(input.supplier.responsibilities);
  const selfWithholder = responsibilities.has('O-15');
  const simpleRegime = responsibilities.has('O-47');
  const byConcept = new Map<WithholdingConcept, Centavos>();
  for (const { concept, amount } of input.bases) if (concept) byConcept.set(concept, (byConcept.get(concept) ?? 0) + amount);
  const totalBase = [...byConcept.values()].reduce((a, b) => a + b, 0);
  const uvt = uvtFor(rules, input.date);

  if (input.company.withholdingAgent && byConcept.size > 0) {
    if (selfWithholder) info.push('El proveedor es autorretenedor (O-15): no se practica retención en la fuente.');
    else if (simpleRegime) info.push('El proveedor está en el Régimen Simple (O-47): no se practica retención en la fuente.');
    else if (uvt === undefined) notes.push(`No hay UVT para el año ${input.date.slice(0, 4)} en la tabla de retenciones: no se calculó la retención en la fuente.`);
    else {
      for (const [concept, base] of byConcept) {
        const rule = retefuenteRuleFor(rules, concept, input.date);
        if (!rule || base <= 0) continue;
        const threshold = uvtToCentavos(rule.baseUvt, uvt);
        if (base < threshold) continue;
        if (input.supplier.declarante == null && rule.declarante !== rule.noDeclarante && input.supplier.personType === 'natural') {
          notes.push(`No se sabe si el proveedor (persona natural) es declarante: se aplicó la tarifa de declarante (${rule.declarante} %).`);
        }
        const rate =
          input.supplier.personType === 'natural' && rule.personaNatural
            ? rule.personaNatural
            : input.supplier.declarante === false
              ? rule.noDeclarante
              : rule.declarante;
        const amount = percentOf(base, rate);
        if (amount <= 0) continue;
        lines.push({
          kind: 'retefuente',
          concept,
          account: rule.account,
          base,
          rate,
          amount,
          description: `Retención en la fuente ${CONCEPT_NAMES[concept]} ${rate} % sobre ${formatPesos(base)}`,
        });
      }
    }
  }

  const practisesReteIva = input.company.largeTaxpayer || input.company.ivaWithholdingAgent;
  const largeToLarge = input.company.largeTaxpayer && responsibilities.has('O-13');
  if (practisesReteIva && input.iva > 0 && !largeToLarge && totalBase > 0) {
    // ReteIVA minimum bases have traditionally followed the renta bases; we use the lowest base of the concepts
    // on the invoice (accounting-co.md §3.2 flags this as to be confirmed).
    const thresholds = uvt === undefined ? [] : [...byConcept.keys()].map((c) => retefuenteRuleFor(rules, c, input.date)).filter((r) => r !== undefined).map((r) => uvtToCentavos(r.baseUvt, uvt));
    const threshold = thresholds.length ? Math.min(...thresholds) : 0;
    if (totalBase >= threshold) {
      const amount = percentOf(input.iva, rules.reteiva.rate);
      if (amount > 0) {
        lines.push({ kind: 'reteiva', account: rules.reteiva.account, base: input.iva, rate: rules.reteiva.rate, amount, description: `ReteIVA ${rules.reteiva.rate} % del IVA (${formatPesos(input.iva)})` });
      }
    }
  } else if (practisesReteIva && largeToLarge && input.iva > 0) {
    info.push('Gran contribuyente que compra a otro gran contribuyente: no se practica ReteIVA.');
  }

  if (input.company.icaRatePerMille && totalBase > 0 && !simpleRegime) {
    const amount = percentOf(totalBase, input.company.icaRatePerMille, true);
    if (amount > 0) {
      lines.push({ kind: 'reteica', account: rules.reteica.account, base: totalBase, rate: input.company.icaRatePerMille, amount, description: `ReteICA ${input.company.icaRatePerMille} ‰ sobre ${formatPesos(totalBase)}` });
    }
  }
  return { lines, notes, info };
}
