import { isWithholdingConcept, type WithholdingConcept } from '#shared/withholding-concepts';
import { Dec } from '../dian/decimal';
import { fold } from '../text/fold';
import { isActive } from './synced-records';

/**
 * How the agent's books (PUC codes, DIAN tax codes, its own withholding kinds) find their counterparts in the
 * company's Alegra account, using only what was synced from that account: never hard-coded Alegra ids, which differ
 * from one account to another. Pure functions.
 */

export interface SyncedCategory {
  remoteId: string;
  code: string | null;
  name: string;
  postable: number;
  removedAt?: string | null;
}

export interface SyncedRate {
  remoteId: string;
  name: string;
  type: string | null;
  percentage: string | null;
  status: string | null;
  removedAt?: string | null;
}

export type Match<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

/**
 * The Alegra account for a PUC code, matched by code among accounts that accept movements: the same code; else
 * its only movement sub-account in Alegra (`513505` → `51350501`); else the most specific movement account that
 * contains it (`519595` → `5195` when Alegra stops at the cuenta).
 */
export function categoryForAccount(categories: readonly SyncedCategory[], accountCode: string): Match<SyncedCategory> {
  const live = categories.filter((c) => !c.removedAt && c.code);
  const postable = live.filter((c) => c.postable === 1);
  const exact = postable.find((c) => c.code === accountCode);
  if (exact) return { ok: true, value: exact };
  const below = postable.filter((c) => c.code!.startsWith(accountCode));
  if (below.length === 1) return { ok: true, value: below[0]!, note: `La cuenta ${accountCode} se registró en Alegra en su subcuenta ${below[0]!.code} ${below[0]!.name}.` };
  if (below.length > 1) {
    const list = below.slice(0, 5).map((c) => `${c.code} ${c.name}`).join(', ');
    return { ok: false, reason: `La cuenta ${accountCode} no acepta movimientos en Alegra y tiene ${below.length} subcuentas (${list}${below.length > 5 ? '…' : ''}); corrige la línea con la subcuenta que corresponde.` };
  }
  const above = postable.filter((c) => accountCode.startsWith(c.code!)).sort((a, b) => b.code!.length - a.code!.length)[0];
  if (above) return { ok: true, value: above, note: `La cuenta ${accountCode} no existe en Alegra; se usó ${above.code} ${above.name}, que la contiene.` };
  const blocked = live.find((c) => c.code === accountCode);
  if (blocked) return { ok: false, reason: `La cuenta ${accountCode} ${blocked.name} no acepta movimientos en Alegra (es una cuenta mayor o acumulativa); corrige la línea con una subcuenta.` };
  return { ok: false, reason: `La cuenta ${accountCode} no existe en el catálogo de cuentas de Alegra: créala en Alegra y sincroniza (\`npx agente alegra sync\`), o corrige la línea.` };
}

/** Alegra tax types by DIAN tributo code. Only percentage taxes are matched; the rest are cost (see the payload). */
const TAX_TYPES: Record<string, { types: string[]; name: string }> = {
  '01': { types: ['IVA'], name: 'IVA' },
  '04': { types: ['INC', 'IMPOCONSUMO', 'CONSUMO', 'IMPUESTO AL CONSUMO'], name: 'impuesto nacional al consumo (INC)' },
};

export function isMatchableTax(dianCode: string): boolean {
  return dianCode in TAX_TYPES;
}

/** The Alegra tax for a DIAN tax code and percentage (`01` + `19` → the account's active «IVA 19%»). */
export function taxFor(taxes: readonly SyncedRate[], dianCode: string, rate: string): Match<SyncedRate> {
  const kind = TAX_TYPES[dianCode];
  if (!kind) return { ok: false, reason: `El impuesto con código DIAN ${dianCode} no tiene equivalente en Alegra.` };
  const found = pick(taxes.filter((t) => matchesType(t, kind.types) && samePercent(t.percentage, rate)));
  if (found) return { ok: true, value: found };
  return { ok: false, reason: `En Alegra no hay un impuesto ${kind.name} del ${formatPercent(rate)} % activo. Créalo en Alegra (Configuración › Impuestos) y sincroniza (\`npx agente alegra sync\`).` };
}

export type WithholdingKind = 'retefuente' | 'reteiva' | 'reteica';

const RETENTION_TYPES: Record<WithholdingKind, { types: string[]; name: string }> = {
  retefuente: { types: ['FUENTE', 'RETEFUENTE', 'RETE FUENTE', 'RTF'], name: 'retención en la fuente' },
  reteiva: { types: ['IVA', 'RETEIVA', 'RETE IVA'], name: 'retención de IVA (ReteIVA)' },
  reteica: { types: ['ICA', 'RETEICA', 'RETE ICA'], name: 'retención de ICA (ReteICA)' },
};

/** Words of a withholding concept that an Alegra retention's name may carry, to choose among equal percentages. */
/**
 * Words that name each withholding concept in an Alegra retention's name (folded: no accents, lower case). Typed by
 * the concept list, so a concept added to the ledger cannot be forgotten here.
 */
const CONCEPT_WORDS: Record<WithholdingConcept, string[]> = {
  compras: ['compra'],
  vehiculos: ['vehiculo'],
  combustibles: ['combustible'],
  servicios: ['servicio'],
  software_licencias: ['software', 'licencia'],
  software_servicios: ['software', 'desarrollo', 'diseno web', 'consultoria informatica'],
  vigilancia_aseo: ['vigilancia', 'aseo', 'aiu'],
  servicios_temporales: ['temporal', 'aiu'],
  hoteles_restaurantes: ['hotel', 'restaurante'],
  transporte_carga: ['transporte', 'carga'],
  transporte_pasajeros_terrestre: ['pasajero', 'terrestre'],
  transporte_pasajeros_aereo: ['pasajero', 'aereo'],
  salud_ips: ['salud', 'ips'],
  construccion: ['construccion', 'obra'],
  honorarios: ['honorario'],
  arrendamiento_inmuebles: ['arrendamiento', 'inmueble'],
  arrendamiento_muebles: ['arrendamiento', 'mueble'],
};

/**
 * The Alegra retention for one of our withholdings, by kind and percentage. Our ReteICA rate is per mille; Alegra
 * states retentions in percent, so 9.66 ‰ is matched as 0.966 %. Among several with the same percentage, the one
 * whose name names the concept (compras, servicios…) wins, else the oldest.
 */
export function retentionFor(retentions: readonly SyncedRate[], kind: WithholdingKind, rate: string, concept?: string | null): Match<SyncedRate> {
  const spec = RETENTION_TYPES[kind];
  const percent = kind === 'reteica' ? new Dec(rate).dividedBy(10).toString() : rate;
  const candidates = retentions.filter((r) => matchesType(r, spec.types) && samePercent(r.percentage, percent));
  const words = concept ? (isWithholdingConcept(concept) ? CONCEPT_WORDS[concept] : [concept]) : [];
  const named = candidates.filter((r) => words.some((w) => fold(r.name).trim().includes(w)));
  const found = pick(named.length > 0 ? named : candidates);
  if (found) return { ok: true, value: found };
  return { ok: false, reason: `En Alegra no hay una ${spec.name} del ${formatPercent(percent)} % activa. Créala en Alegra (Configuración › Retenciones) y sincroniza (\`npx agente alegra sync\`).` };
}

function matchesType(rate: SyncedRate, types: string[]): boolean {
  if (rate.removedAt || !isActive(rate.status)) return false;
  const type = fold(rate.type ?? '').trim().toUpperCase();
  return types.includes(type);
}

function samePercent(a: string | null, b: string): boolean {
  if (a === null) return false;
  try {
    return new Dec(a).equals(b);
  } catch {
    return false;
  }
}

/** Deterministic choice: the lowest id (numeric when both are numbers). */
function pick<T extends { remoteId: string }>(list: T[]): T | undefined {
  return [...list].sort((a, b) => {
    const na = Number(a.remoteId);
    const nb = Number(b.remoteId);
    if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    return a.remoteId < b.remoteId ? -1 : a.remoteId > b.remoteId ? 1 : 0;
  })[0];
}

function formatPercent(rate: string): string {
  return new Dec(rate).toString().replace('.', ',');
}
