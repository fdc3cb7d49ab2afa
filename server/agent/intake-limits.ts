import type { ReceptionChannel } from '#shared/inbox';

/**
 * How much one sender can make the agent keep. The reception address is public: anyone can write to it, so what a
 * single received file can add to the inbox, and what refused junk may occupy on disk, are bounded.
 */
export interface IntakeLimits {
  /**
   * Documents one received file (an upload, a dropped file, a file given to `agente ingest`) may hold. A supplier's
   * ZIP carries one invoice; a person uploading a month of invoices in one ZIP rarely goes past a few dozen. 200 is
   * well above that and well below what floods a day's summary.
   */
  maxDocumentsPerFile: number;
  /**
   * Documents one e-mail message may hold, across all its attachments. DIAN's rule (Anexo técnico 1.9, §9.1) is one
   * document per message; 10 leaves room for a supplier who attaches a few resends or notes together.
   */
  maxDocumentsPerMail: number;
  /** Bytes of refused files kept per company; past it the oldest are emptied (their hash, size, sender and reason stay). */
  refusedBytesQuota: number;
  /** Refused messages from senders never seen with a genuine document, in 24 h, above which the mailbox status warns. */
  floodThreshold: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  maxDocumentsPerFile: 200,
  maxDocumentsPerMail: 10,
  refusedBytesQuota: 50 * 1024 * 1024,
  floodThreshold: 20,
};

/**
 * The limits, from the environment: `AGENTE_MAX_DOCUMENTOS_ARCHIVO`, `AGENTE_MAX_DOCUMENTOS_CORREO`,
 * `AGENTE_CUOTA_RECHAZADOS_MB` and `AGENTE_ALERTA_INUNDACION`; each unset one keeps its default.
 * @throws Error (Spanish) when a variable is not a positive whole number
 */
export function intakeLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): IntakeLimits {
  const read = (name: string, fallback: number, scale = 1): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback * scale;
    const value = Number(raw.trim());
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} debe ser un número entero mayor o igual a 0, no «${raw}».`);
    return value * scale;
  };
  return {
    maxDocumentsPerFile: Math.max(1, read('AGENTE_MAX_DOCUMENTOS_ARCHIVO', DEFAULT_INTAKE_LIMITS.maxDocumentsPerFile)),
    maxDocumentsPerMail: Math.max(1, read('AGENTE_MAX_DOCUMENTOS_CORREO', DEFAULT_INTAKE_LIMITS.maxDocumentsPerMail)),
    refusedBytesQuota: read('AGENTE_CUOTA_RECHAZADOS_MB', DEFAULT_INTAKE_LIMITS.refusedBytesQuota / (1024 * 1024), 1024 * 1024),
    floodThreshold: Math.max(1, read('AGENTE_ALERTA_INUNDACION', DEFAULT_INTAKE_LIMITS.floodThreshold)),
  };
}

export function maxDocumentsFor(channel: ReceptionChannel, limits: IntakeLimits): number {
  return channel === 'mailbox' ? limits.maxDocumentsPerMail : limits.maxDocumentsPerFile;
}

export function tooManyDocumentsReason(found: number, max: number, what: 'archivo' | 'mensaje'): string {
  const where = what === 'mensaje' ? 'por mensaje de correo' : 'por archivo';
  return `${what === 'mensaje' ? 'El mensaje' : 'El archivo'} trae ${found} documentos y se reciben como máximo ${max} ${where}. No se registró ninguno: si son facturas reales, divídelas en archivos más pequeños y súbelas de nuevo.`;
}
