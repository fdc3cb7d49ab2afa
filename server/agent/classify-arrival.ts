import type { AgentEvent, AgentState } from '#shared/agent';
import { mayBeAltered, type AuthenticityResult } from '#shared/authenticity';
import type { CompanyProfile } from '#shared/company';
import type { ReadOutcome } from '#shared/dian-document';
import type { DocumentStatus, NotRegisteredReason, ReceptionChannel } from '#shared/inbox';
import { normalizeNit } from '#shared/nit';
import { AWAITING_DIAN_COPY_BARE_REASON, AWAITING_DIAN_COPY_REASON, wantsDianCopy } from './awaiting-dian-copy';
import { bogotaSecondsText, bogotaTimeText } from './format';

/**
 * Channels whose arrival time has whole seconds only: the mailbox's is the message's IMAP INTERNALDATE
 * (RFC 3501 date-time, no fractions). The others stamp arrivals with the clock, to the millisecond.
 */
export const WHOLE_SECOND_CHANNELS: readonly ReceptionChannel[] = ['mailbox'];

const SWITCH_VERB = { activated: 'se activó', paused: 'se desactivó', resumed: 'se activó de nuevo' } as const;

export interface ArrivalVerdict {
  status: DocumentStatus;
  reasonCode?: NotRegisteredReason;
  reason?: string;
}

/**
 * What becomes of a document the moment it arrives: waiting to be registered, or kept as not registered with a
 * reason a person can act on. Duplicates are decided afterwards, by the database's unique keys.
 *
 * Authenticity (server/authenticity) comes before the agent's state: a document that may have been altered is
 * never registered, and one that could not be confirmed waits for a person, whatever the agent is doing.
 */
export interface ArrivalContext {
  /** What the offline signature checks found (server/authenticity). */
  authenticity?: AuthenticityResult;
  /** An activation or pause in the same whole second as a mailbox arrival: the order cannot be known. */
  sameSecondSwitch?: AgentEvent;
  /** The company asks DIAN for its stored copy (awaiting-dian-copy.ts): what would register waits for it first. */
  askDianCopy?: boolean;
}

export function classifyArrival(outcome: ReadOutcome, company: CompanyProfile, state: AgentState, arrivedAt: Date, context: ArrivalContext = {}): ArrivalVerdict {
  const { authenticity, sameSecondSwitch } = context;
  // A forged or altered file addressed to us often also fails the container's own cross-checks (another CUFE…):
  // say what matters most.
  const forUs = !!outcome.document && normalizeNit(outcome.document.customer.nit) === normalizeNit(company.nit);
  if (!outcome.ok && forUs && authenticity && mayBeAltered(authenticity.code)) return alteredVerdict(authenticity);
  if (!outcome.ok) {
    const rejected = outcome.error.code === 'DIAN_REJECTED';
    return { status: 'not_registered', reasonCode: rejected ? 'DIAN_NOT_VALIDATED' : 'UNREADABLE', reason: outcome.error.message };
  }
  const document = outcome.document;
  if (document.kind === 'application-response' || document.kind === 'radian-event') {
    const what = document.kind === 'radian-event' ? `un evento RADIAN (${document.response?.code} ${document.response?.description ?? ''})`.replace(/ \)$/, ')') : 'una respuesta de la DIAN';
    return { status: 'ignored', reasonCode: 'NOT_A_PURCHASE_DOCUMENT', reason: `Es ${what}, no una factura ni una nota de compra.` };
  }
  if (normalizeNit(document.customer.nit) !== normalizeNit(company.nit)) {
    return {
      status: 'not_registered',
      reasonCode: 'NOT_FOR_COMPANY',
      reason: `El documento está dirigido a ${document.customer.name} (NIT ${document.customer.nit}), no a ${company.name} (NIT ${company.nit}).`,
    };
  }
  if (document.environment === 'test') {
    return { status: 'not_registered', reasonCode: 'TEST_ENVIRONMENT', reason: 'Es un documento del ambiente de pruebas de la DIAN (habilitación): no tiene validez fiscal.' };
  }
  const unconfirmed = authenticityVerdict(authenticity, company, document.supplier.nit);
  // DIAN's copy may confirm (or refute) what the signatures alone could not: asked only with the agent active.
  const askDian = !!context.askDianCopy && wantsDianCopy(authenticity);
  if (unconfirmed && !askDian) return unconfirmed;
  const waiting = stateVerdict(state, arrivedAt, sameSecondSwitch);
  if (waiting) return unconfirmed ?? waiting;
  // A bare document (unconfirmed, yet worth asking about) is compared first, then waits for a person.
  if (askDian) return { status: 'not_registered', reasonCode: 'AWAITING_DIAN_COPY', reason: unconfirmed ? AWAITING_DIAN_COPY_BARE_REASON : AWAITING_DIAN_COPY_REASON };
  return { status: 'pending' };
}

/** What the agent's state at arrival decides: undefined when it was active (and the order is known). */
function stateVerdict(state: AgentState, arrivedAt: Date, sameSecondSwitch: AgentEvent | undefined): ArrivalVerdict | undefined {
  if (sameSecondSwitch) {
    // Only known to the second, and the switch moved within that second: before or after, nobody can tell.
    return {
      status: 'not_registered',
      reasonCode: 'ARRIVAL_ORDER_UNKNOWN',
      reason:
        `Llegó el ${bogotaSecondsText(arrivedAt)} y el agente ${SWITCH_VERB[sameSecondSwitch.type]} el ${bogotaSecondsText(new Date(sameSecondSwitch.at))}, en el mismo segundo. ` +
        'La hora del correo no tiene fracciones de segundo, así que no se sabe si llegó antes o después: no se registra automáticamente. Revísalo y regístralo tú si corresponde.',
    };
  }
  if (state.status === 'paused') {
    return {
      status: 'arrived_while_paused',
      reasonCode: 'ARRIVED_WHILE_PAUSED',
      reason: `Llegó el ${bogotaTimeText(arrivedAt)}, con el agente en pausa: no se registra automáticamente, ni siquiera al reactivarlo.`,
    };
  }
  if (state.status === 'inactive') {
    return {
      status: 'not_registered',
      reasonCode: 'AGENT_INACTIVE',
      reason: `Llegó el ${bogotaTimeText(arrivedAt)}, antes de activar el agente: solo se registran los que llegan después de activarlo.`,
    };
  }
  return undefined;
}

/**
 * The authenticity policy (README «¿Cómo sé que una factura es auténtica?»):
 * - `verified` registers by itself;
 * - signatures and DIAN's response genuine, only the supplier's authority unknown: registers by itself, "por
 *   verificar" (register-document adds the reason to the bill's review notes);
 * - may have been altered (broken signature, DIAN's response not DIAN's or about another document, another NIT's
 *   certificate): never registered, not even by hand;
 * - anything else (bare document, unsigned, unconfirmed authority): waits for a person, who may register it. A
 *   supplier the company trusts relaxes only the bare-document case, and only when the supplier's own signature
 *   verifies under a known authority.
 * Entries without a result (not a purchase document) are not affected.
 */
export function authenticityVerdict(authenticity: AuthenticityResult | undefined, company: CompanyProfile, supplierNit: string): ArrivalVerdict | undefined {
  if (!authenticity || authenticity.code === 'verified') return undefined;
  if (mayBeAltered(authenticity.code)) return alteredVerdict(authenticity);
  if (authenticity.code === 'unverifiable' && authenticity.onlySupplierChainUnknown) return undefined;
  const trusted = (company.trustedSupplierNits ?? []).includes(normalizeNit(supplierNit));
  const supplierAnchored = authenticity.supplier.valid && !!authenticity.supplier.chain?.anchored && authenticity.supplier.chain.validAtSigningTime;
  if (authenticity.code === 'no_dian_validation' && !authenticity.dian && trusted && supplierAnchored) return undefined;
  return { status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', reason: `${authenticity.reason} Puedes registrarlo a mano si lo revisaste.` };
}

function alteredVerdict(authenticity: AuthenticityResult): ArrivalVerdict {
  return { status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED', reason: `${authenticity.reason} No se registra: pídele al proveedor que te envíe de nuevo el original.` };
}
