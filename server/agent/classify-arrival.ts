import type { AgentEvent, AgentState } from '#shared/agent';
import type { CompanyProfile } from '#shared/company';
import type { ReadOutcome } from '#shared/dian-document';
import type { DocumentStatus, NotRegisteredReason, ReceptionChannel } from '#shared/inbox';
import { normalizeNit } from '#shared/nit';
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
 */
export function classifyArrival(outcome: ReadOutcome, company: CompanyProfile, state: AgentState, arrivedAt: Date, sameSecondSwitch?: AgentEvent): ArrivalVerdict {
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
  return { status: 'pending' };
}
