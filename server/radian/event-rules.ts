import { RADIAN_EVENT_NAMES, type AcceptanceState, type RadianCode, type RadianEventStatus } from '#shared/radian';
import { addBusinessDays } from './business-days';

/**
 * The order of the buyer's events, enforced before anything is built or sent (docs/authenticity-and-events.md B2:
 * OCA's prerequisites and exclusions, Odoo's state machine, the rejections in DIAN's own platform code):
 * - 032 needs 030 accepted by DIAN, and not after a claim;
 * - 033 needs 032 accepted, and never after a claim (031);
 * - 031 needs 030 accepted, and never after an express (033) or tacit (034) acceptance;
 * - no event twice; 033 and 031 only on credit invoices; events only on invoices (not on notes).
 * A rejected event does not count: it may be sent again.
 */

export interface EventFact {
  code: RadianCode;
  status: RadianEventStatus;
}

export interface RuleInput {
  code: RadianCode;
  kind: string;
  credit: boolean;
  events: EventFact[];
  /** Bogotá date today. */
  today: string;
  /** The day the tacit term ends, when the 032 was accepted (see `tacitDeadline`). */
  tacitDeadline?: string;
  /** The seller's own 034 reached us. */
  sellerTacit?: boolean;
}

const label = (code: RadianCode) => `${RADIAN_EVENT_NAMES[code].toLowerCase()} (${code})`;

/** Why `code` may not be sent now (Spanish), or undefined when it may. */
export function orderProblem(input: RuleInput): string | undefined {
  const { code, events } = input;
  const accepted = (c: RadianCode) => events.some((e) => e.code === c && e.status === 'aceptado');
  const live = (c: RadianCode) => events.some((e) => e.code === c && e.status !== 'rechazado');
  if (input.kind !== 'invoice') return 'Los eventos RADIAN se envían sobre facturas, no sobre notas crédito o débito.';
  if (accepted(code)) return `La DIAN ya aceptó el ${label(code)} de esta factura: no se envía dos veces.`;
  if (live(code)) return `El ${label(code)} de esta factura ya está guardado y pendiente de envío: reintenta ese mismo, no uno nuevo.`;
  if ((code === '031' || code === '033') && !input.credit) return 'La aceptación y el reclamo solo aplican a facturas a crédito o con plazo; esta es de contado.';
  switch (code) {
    case '030':
      return undefined;
    case '032':
      if (live('031')) return 'Ya reclamaste esta factura (031): después del reclamo no se envía el recibo del bien.';
      if (!accepted('030')) return 'Primero el acuse de recibo (030): el recibo del bien (032) va después de que la DIAN lo acepte.';
      return undefined;
    case '033':
      if (live('031')) return 'Ya reclamaste esta factura (031): después del reclamo no se puede aceptar.';
      if (!accepted('032')) return 'Primero el recibo del bien o servicio (032): la aceptación (033) va después de que la DIAN lo acepte.';
      return undefined;
    case '031':
      if (live('033')) return 'Ya aceptaste esta factura expresamente (033): después de aceptarla no se puede reclamar.';
      if (!accepted('030')) return 'Primero el acuse de recibo (030): el reclamo (031) va después de que la DIAN lo acepte.';
      if (tacitlyAccepted(input)) {
        return `La factura quedó aceptada tácitamente${input.tacitDeadline ? ` (el plazo para reclamar terminó el ${input.tacitDeadline})` : ' (el proveedor envió la aceptación tácita, 034)'}: ya no se puede reclamar.`;
      }
      return undefined;
  }
}

/** The codes a person may send now (the panel's buttons). */
export function allowedCodes(input: Omit<RuleInput, 'code'>): RadianCode[] {
  return (['030', '032', '033', '031'] as const).filter((code) => orderProblem({ ...input, code }) === undefined);
}

/** The last day to accept or claim: the third business day after the day DIAN accepted the 032 (C.Co. art. 773). */
export function tacitDeadline(goodsReceivedOn: string): string {
  return addBusinessDays(goodsReceivedOn, 3);
}

function tacitlyAccepted(input: Omit<RuleInput, 'code'>): boolean {
  if (input.sellerTacit) return true;
  const decided = input.events.some((e) => (e.code === '031' || e.code === '033') && e.status !== 'rechazado');
  return !decided && !!input.tacitDeadline && input.today > input.tacitDeadline;
}

/** Where the acceptance stands, in a word and in a sentence. */
export function acceptanceOf(input: Omit<RuleInput, 'code'>): { state: AcceptanceState; text: string } {
  const accepted = (c: RadianCode) => input.events.some((e) => e.code === c && e.status === 'aceptado');
  if (accepted('033')) return { state: 'expresa', text: 'Aceptada expresamente (033).' };
  if (accepted('031')) return { state: 'reclamo', text: 'Reclamada (031).' };
  if (tacitlyAccepted(input)) {
    return input.sellerTacit
      ? { state: 'tacita', text: 'Aceptada tácitamente: el proveedor envió la aceptación tácita (034).' }
      : { state: 'tacita', text: `Aceptada tácitamente: pasaron tres días hábiles después del recibo del bien sin reclamo (plazo hasta el ${input.tacitDeadline}).` };
  }
  if (!input.credit) return { state: 'sin_decision', text: 'De contado: no hay aceptación que decidir.' };
  if (input.tacitDeadline) return { state: 'sin_decision', text: `Puedes aceptarla o reclamar hasta el ${input.tacitDeadline}; después queda aceptada tácitamente.` };
  return { state: 'sin_decision', text: 'La aceptación se decide después del recibo del bien (032).' };
}
