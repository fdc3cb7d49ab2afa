import type { CompanyProfile } from '#shared/company';
import type { Centavos } from '#shared/money';
import { formatPesos } from '#shared/money';
import { percentOf, uvtToCentavos } from './money';
import { CONCEPT_NAMES, isGoodsConcept, type WithholdingConcept } from './withholding-concepts';
import { icaActivityForCiiu, loadReteIcaRules, loadWithholdingRules, retefuenteRuleFor, uvtFor, type ReteIcaMunicipality, type WithholdingRules } from './withholding-rules';

export interface WithholdingBase {
  concept: WithholdingConcept | undefined;
  /** Taxable base of the line before IVA, without charges that are not part of the price (propina). */
  amount: Centavos;
  /** For AIU concepts: the AIU part of the line when the document states it; `undefined` when it does not. */
  aiuBase?: Centavos;
  /** For messages: "línea 2 («Vigilancia enero»)". */
  label?: string;
}

export interface WithholdingInput {
  /** Issue date of the document: decides the UVT and the rules in force. */
  date: string;
  company: Pick<CompanyProfile, 'withholdingAgent' | 'largeTaxpayer' | 'ivaWithholdingAgent' | 'icaRatePerMille' | 'icaMunicipality'>;
  supplier: {
    responsibilities: string[];
    personType?: 'juridica' | 'natural';
    declarante?: boolean | null;
    /** CIIU codes on the document (the supplier's activity decides the ReteICA rate). */
    ciiu?: string[];
    /** Base of the purchases already registered from this supplier in the document's year (honorarios 3.300 UVT). */
    paidThisYear?: Centavos;
  };
  /** Taxable base of each cost line (before IVA) with its concept. */
  bases: WithholdingBase[];
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

/**
 * The withholdings the buyer practises on one purchase (accounting-co.md §3), from the dated rules tables.
 * The supplier's own `WithholdingTaxTotal` is information only: the buyer is the withholding agent and decides.
 */
export function computeWithholdings(input: WithholdingInput, rules: WithholdingRules = loadWithholdingRules(), icaRules: ReteIcaMunicipality[] = loadReteIcaRules()): WithholdingResult {
  const lines: WithholdingLine[] = [];
  const notes: string[] = [];
  const info: string[] = [];
  const responsibilities = new Set(input.supplier.responsibilities);
  const selfWithholder = responsibilities.has('O-15');
  const simpleRegime = responsibilities.has('O-47');
  const uvt = uvtFor(rules, input.date);

  // The base of each concept: the AIU for vigilancia, aseo and temporales (ET art. 462-1 par.), else the line value.
  const byConcept = new Map<WithholdingConcept, Centavos>();
  const unknownAiu = new Map<WithholdingConcept, string[]>();
  for (const base of input.bases) {
    if (!base.concept) continue;
    const rule = retefuenteRuleFor(rules, base.concept, input.date);
    if (rule?.aiu && base.aiuBase === undefined) {
      unknownAiu.set(base.concept, [...(unknownAiu.get(base.concept) ?? []), base.label ?? '']);
      continue;
    }
    byConcept.set(base.concept, (byConcept.get(base.concept) ?? 0) + (rule?.aiu ? base.aiuBase! : base.amount));
  }
  for (const [concept, labels] of unknownAiu) {
    notes.push(
      `${capitalize(CONCEPT_NAMES[concept])}: la retención va sobre el AIU (ET art. 462-1) y el documento no dice cuánto es la administración, los imprevistos y la utilidad (${labels.filter(Boolean).join(', ') || 'sin detalle'}). No se practicaron retención en la fuente ni ReteICA sobre esas líneas: pídele al proveedor el AIU o registra la retención a mano.`,
    );
  }
  const totalBase = input.bases.filter((b) => b.concept).reduce((a, b) => a + b.amount, 0);

  if (input.company.withholdingAgent && byConcept.size > 0) {
    if (selfWithholder) info.push('El proveedor es autorretenedor (O-15): no se practica retención en la fuente.');
    else if (simpleRegime) info.push('El proveedor está en el Régimen Simple (O-47): no se practica retención en la fuente.');
    else if (uvt === undefined) notes.push(`No hay UVT para el año ${input.date.slice(0, 4)} en la tabla de retenciones: no se calculó la retención en la fuente. Cuando la DIAN la publique, regístrala con \`agente reglas uvt ${input.date.slice(0, 4)} <valor> --resolucion "…"\` y recalcula.`);
    else {
      for (const [concept, base] of byConcept) {
        const rule = retefuenteRuleFor(rules, concept, input.date);
        if (!rule || base <= 0) continue;
        const threshold = uvtToCentavos(rule.baseUvt, uvt);
        if (base < threshold) continue;
        if (rule.alternativeBaseUvt && base < uvtToCentavos(rule.alternativeBaseUvt, uvt)) {
          notes.push(`${capitalize(CONCEPT_NAMES[concept])} de ${formatPesos(base)}: está entre ${rule.baseUvt} y ${rule.alternativeBaseUvt} UVT. Se retuvo con la base de ${rule.baseUvt} UVT; ${rule.verify ?? 'confirma la base vigente.'}`);
        }
        const natural = input.supplier.personType === 'natural';
        if (input.supplier.declarante == null && rule.declarante !== rule.noDeclarante && natural) {
          notes.push(`No se sabe si el proveedor (persona natural) es declarante: se aplicó la tarifa de declarante (${rule.declarante} %). Indíquelo en la ficha del proveedor.`);
        }
        let rate = input.supplier.declarante === false ? rule.noDeclarante : rule.declarante;
        let why = '';
        if (natural && rule.personaNatural) {
          rate = rule.personaNatural;
          if (rule.personaNaturalHigh && rule.personaNaturalThresholdUvt) {
            const threshold = uvtToCentavos(rule.personaNaturalThresholdUvt, uvt);
            const year = (input.supplier.paidThisYear ?? 0) + base;
            if (year > threshold) {
              rate = rule.personaNaturalHigh;
              why = ` (los pagos del año a este proveedor suman ${formatPesos(year)}, más de ${rule.personaNaturalThresholdUvt} UVT)`;
            }
          }
        }
        const amount = percentOf(base, rate);
        if (amount <= 0) continue;
        lines.push({
          kind: 'retefuente',
          concept,
          account: rule.account,
          base,
          rate,
          amount,
          description: `Retención en la fuente ${CONCEPT_NAMES[concept]} ${rate} % sobre ${formatPesos(base)}${why}`,
        });
      }
    }
  }

  const practisesReteIva = input.company.largeTaxpayer || input.company.ivaWithholdingAgent;
  const largeToLarge = input.company.largeTaxpayer && responsibilities.has('O-13');
  if (practisesReteIva && input.iva > 0 && !largeToLarge && totalBase > 0) {
    // ReteIVA minimum bases have traditionally followed the renta bases; we use the lowest base of the concepts
    // on the invoice (accounting-co.md §3.2 flags this as to be confirmed).
    const concepts = input.bases.map((b) => b.concept).filter((c) => c !== undefined);
    const thresholds = uvt === undefined ? [] : concepts.map((c) => retefuenteRuleFor(rules, c, input.date)).filter((r) => r !== undefined).map((r) => uvtToCentavos(r.baseUvt, uvt));
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

  lines.push(...reteIca(input, rules, icaRules, uvt, simpleRegime, notes, info));
  return { lines, notes, info };
}

/**
 * ReteICA where the company says it withholds, at the rate of the supplier's activity (its CIIU on the document, or
 * what the line is), only from the municipality's minimum base (accounting-co.md §3.3). An unknown municipality or
 * activity is never guessed: no ReteICA, and the bill is "por verificar" with the reason.
 */
function reteIca(input: WithholdingInput, rules: WithholdingRules, icaRules: ReteIcaMunicipality[], uvt: number | undefined, simpleRegime: boolean, notes: string[], info: string[]): WithholdingLine[] {
  const subject = input.bases.filter((b) => b.concept && b.amount > 0);
  if (subject.length === 0) return [];
  const { icaMunicipality, icaRatePerMille } = input.company;
  if (!icaMunicipality) {
    if (!icaRatePerMille) return [];
    // The old single-rate setting: still applied, but never silently.
    if (simpleRegime) return [];
    const base = subject.reduce((a, b) => a + b.amount, 0);
    const amount = percentOf(base, icaRatePerMille, true);
    notes.push(`La empresa no indicó el municipio donde practica ReteICA: se aplicó su tarifa única de ${icaRatePerMille} ‰ sin mirar la actividad del proveedor. Indica el municipio en la configuración de la empresa.`);
    return amount > 0 ? [{ kind: 'reteica', account: rules.reteica.account, base, rate: icaRatePerMille, amount, description: `ReteICA ${icaRatePerMille} ‰ (tarifa única de la empresa) sobre ${formatPesos(base)}` }] : [];
  }
  const municipality = icaRules.find((m) => m.code === icaMunicipality && m.from <= input.date);
  if (!municipality) {
    notes.push(`No hay tabla de ReteICA para el municipio ${icaMunicipality}: no se practicó ReteICA. Regístrela a mano si corresponde.`);
    return [];
  }
  if (simpleRegime && municipality.simpleRegimeExempt) {
    info.push(`El proveedor está en el Régimen Simple (O-47): en ${municipality.name} no se le practica ReteICA.`);
    return [];
  }
  const ciiu = (input.supplier.ciiu ?? []).map((c) => ({ c, a: icaActivityForCiiu(municipality, c) })).find((x) => x.a);
  const byActivity = new Map<string, { activity: NonNullable<ReturnType<typeof icaActivityForCiiu>>; base: Centavos; goods: Centavos; services: Centavos; why: string }>();
  const unknown: string[] = [];
  for (const line of subject) {
    const rule = retefuenteRuleFor(rules, line.concept!, input.date);
    if (rule?.aiu && line.aiuBase === undefined) continue; // already flagged: the AIU is unknown
    const base = rule?.aiu ? line.aiuBase! : line.amount;
    const fromConcept = municipality.byConcept[line.concept!];
    const activity = ciiu?.a ?? municipality.activities.find((a) => a.code === fromConcept);
    if (!activity) {
      unknown.push(line.label ?? CONCEPT_NAMES[line.concept!]);
      continue;
    }
    const entry = byActivity.get(activity.code) ?? { activity, base: 0, goods: 0, services: 0, why: ciiu ? `CIIU ${ciiu.c} del proveedor` : CONCEPT_NAMES[line.concept!] };
    entry.base += base;
    if (isGoodsConcept(line.concept)) entry.goods += base;
    else entry.services += base;
    byActivity.set(activity.code, entry);
  }
  if (unknown.length) {
    notes.push(`No se sabe la actividad del proveedor para la ReteICA de ${municipality.name} (el documento no trae su CIIU y la tabla no asocia ${unknown.join(', ')} a una actividad): no se practicó ReteICA sobre esas líneas.`);
  }
  if (byActivity.size === 0) return [];
  if (uvt === undefined) {
    notes.push(`No hay UVT para el año ${input.date.slice(0, 4)}: no se pudo comparar con la base mínima de ReteICA de ${municipality.name}; no se practicó.`);
    return [];
  }
  const goods = [...byActivity.values()].reduce((a, e) => a + e.goods, 0);
  const services = [...byActivity.values()].reduce((a, e) => a + e.services, 0);
  const goodsMinimum = uvtToCentavos(municipality.minimumBaseUvt.compras, uvt);
  const servicesMinimum = uvtToCentavos(municipality.minimumBaseUvt.servicios, uvt);
  const goodsApply = goods >= goodsMinimum;
  const servicesApply = services >= servicesMinimum;
  if (goods > 0 && !goodsApply) info.push(`Compras por ${formatPesos(goods)}: por debajo de la base mínima de ReteICA de ${municipality.name} (${municipality.minimumBaseUvt.compras} UVT = ${formatPesos(goodsMinimum)}).`);
  if (services > 0 && !servicesApply) info.push(`Servicios por ${formatPesos(services)}: por debajo de la base mínima de ReteICA de ${municipality.name} (${municipality.minimumBaseUvt.servicios} UVT = ${formatPesos(servicesMinimum)}).`);
  const lines: WithholdingLine[] = [];
  for (const entry of byActivity.values()) {
    const base = (goodsApply ? entry.goods : 0) + (servicesApply ? entry.services : 0);
    const amount = percentOf(base, entry.activity.ratePerMille, true);
    if (amount <= 0) continue;
    lines.push({
      kind: 'reteica',
      account: rules.reteica.account,
      base,
      rate: entry.activity.ratePerMille,
      amount,
      description: `ReteICA ${municipality.name} ${entry.activity.ratePerMille.replace('.', ',')} ‰ (${entry.activity.name}; por ${entry.why}) sobre ${formatPesos(base)}`,
    });
  }
  return lines;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
