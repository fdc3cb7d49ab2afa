import type { InboxDocument, IngestResult } from '#shared/inbox';

/**
 * The agent's limit per request (`MAX_UPLOAD_BYTES` in server/api/app.ts; a test keeps both equal). Each file
 * travels in a request of its own with its bytes as the body, so a file passes here exactly when it passes there.
 */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** What the file picker offers: DIAN documents arrive as XML, or as the ZIP the supplier e-mails. */
export const ACCEPTED_FILES = '.xml,.zip,application/xml,text/xml,application/zip';

/** One received file as `POST /api/v1/uploads` answers it. */
export type UploadedFile = IngestResult & { name: string };

const megabytes = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 1 });

/** Why a file is not sent at all (the agent would refuse it too), or undefined when it may go. */
export function refusalFor(file: { size: number }): string | undefined {
  // Rounded up: a file just over the limit must not read "25 MB".
  if (file.size > MAX_UPLOAD_BYTES) return `Pesa ${megabytes.format(Math.ceil((file.size / 1024 / 1024) * 10) / 10)} MB y el límite es 25 MB por archivo: no se envió.`;
  if (file.size === 0) return 'Está vacío: no se envió.';
  return undefined;
}

export type OutcomeTone = 'progress' | 'ok' | 'warning' | 'muted';

export interface DocumentOutcome {
  /** "Factura FE-201", or the file inside the ZIP; absent when the file's own name already says it. */
  title?: string;
  supplier?: string;
  /** What happened, in a sentence a person can act on. */
  text: string;
  tone: OutcomeTone;
}

const KIND_LABELS: Record<string, string> = { invoice: 'Factura', 'credit-note': 'Nota crédito', 'debit-note': 'Nota débito' };

/** One document found in an uploaded file, as the panel tells it ("Registrándose…", "No se registrará: …"). */
export function describeDocument(document: InboxDocument): DocumentOutcome {
  const inner = document.source.length > 1 ? document.source.at(-1) : undefined;
  const title = document.number ? `${KIND_LABELS[document.kind ?? ''] ?? 'Documento'} ${document.number}` : inner;
  return { ...(title ? { title } : {}), ...(document.supplierName ? { supplier: document.supplierName } : {}), ...statusText(document) };
}

function statusText(document: InboxDocument): { text: string; tone: OutcomeTone } {
  switch (document.status) {
    case 'pending':
      return { text: 'Registrándose…', tone: 'progress' };
    case 'registered':
      return { text: 'Registrada', tone: 'ok' };
    case 'not_registered':
      return { text: `No se registrará: ${document.reason ?? 'el agente no dio el motivo.'}`, tone: 'warning' };
    case 'arrived_while_paused':
      return { text: 'Llegó con el agente en pausa: no se registra sola. Puedes registrarla a mano en «Facturas no registradas».', tone: 'warning' };
    case 'duplicate':
      return { text: 'Ya había llegado (duplicado): no se registra dos veces.', tone: 'muted' };
    case 'ignored':
      return { text: `No es una compra, se guarda sin registrar${document.reason ? `: ${document.reason}` : '.'}`, tone: 'muted' };
  }
}

/** "1 registrada, 1 registrándose, 1 sin registrar": the live summary screen readers hear as statuses change. */
export function summarizeDocuments(documents: InboxDocument[]): string {
  if (documents.length === 0) return '';
  const registered = documents.filter((d) => d.status === 'registered').length;
  const pending = documents.filter((d) => d.status === 'pending').length;
  const other = documents.length - registered - pending;
  const parts = [
    registered > 0 ? `${registered} ${registered === 1 ? 'registrada' : 'registradas'}` : '',
    pending > 0 ? `${pending} registrándose` : '',
    other > 0 ? `${other} sin registrar` : '',
  ].filter(Boolean);
  return `${documents.length === 1 ? '1 documento' : `${documents.length} documentos`}: ${parts.join(', ')}.`;
}
