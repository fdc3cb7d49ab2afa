/**
 * The buyer's RADIAN events (issue 16) as the API, the panel and the summary see them. What the law asks for credit
 * purchases (art. 616-1 ET): 030 acuse de recibo and 032 recibo del bien y/o servicio; then 033 aceptación expresa
 * or 031 reclamo, both a person's decision; 034 aceptación tácita is the seller's, three business days after 032.
 *
 * @module
 */

/** The events we send. */
export type RadianCode = '030' | '031' | '032' | '033';

export const RADIAN_EVENT_NAMES: Record<RadianCode | '034', string> = {
  '030': 'Acuse de recibo de Factura Electrónica de Venta',
  '031': 'Reclamo de la Factura Electrónica de Venta',
  '032': 'Recibo del bien y/o prestación del servicio',
  '033': 'Aceptación expresa',
  '034': 'Aceptación Tácita',
};

/** Claim concepts of a 031 (`ResponseCode@listID` and `@name`, Anexo técnico table 13.3.12; dian-ubl.md §8). */
export type ClaimCode = '01' | '02' | '03' | '04';

export const CLAIM_REASONS: Record<ClaimCode, string> = {
  '01': 'Documento con inconsistencias',
  '02': 'Mercancía no entregada',
  '03': 'Mercancía entregada parcialmente',
  '04': 'Servicio no prestado',
};

/**
 * Where one event is:
 * - `pendiente`: built, signed and stored, not yet answered by DIAN (not sent, or the sending failed; `error` says why);
 * - `aceptado`: DIAN accepted it (or answered that it already had it: «procesado anteriormente»);
 * - `rechazado`: DIAN refused it (`dian.errors` say why); a new one may be sent.
 */
export type RadianEventStatus = 'pendiente' | 'aceptado' | 'rechazado';

/** The copy to the supplier, after DIAN accepted the event. */
export type SupplierNoticeStatus = 'pendiente' | 'enviado' | 'sin_correo' | 'sin_smtp' | 'error';

export interface RadianEventView {
  id: string;
  code: RadianCode;
  name: string;
  /** Our own number (`EV00000001`). */
  number: string;
  cude: string;
  status: RadianEventStatus;
  /** Spanish, e.g. «Aceptado por la DIAN», «Rechazado por la DIAN: …», «Pendiente: Falta configurar el envío a la DIAN». */
  statusText: string;
  /** 031: the claim concept. */
  claim?: { code: ClaimCode; name: string };
  /** Who decided (a person's name, or `agente` when sent automatically). */
  actor: string;
  automatic: boolean;
  createdAt: string;
  sentAt?: string;
  answeredAt?: string;
  /** The last sending failure (network, not configured…), when still pending. */
  error?: string;
  dian?: { statusCode: string; description: string; errors: string[]; alreadyProcessed: boolean };
  supplierNotice?: { status: SupplierNoticeStatus; to?: string; text: string; at?: string };
}

/** State of one required event on a bill. */
export type RequiredEventState = 'falta' | 'pendiente' | 'aceptado' | 'rechazado';

/**
 * - `sin_decision`: no 033 nor 031 and the tacit term has not run (or 032 is missing);
 * - `expresa`: our 033 accepted by DIAN;
 * - `tacita`: three business days passed after the 032 without a claim (computed; the seller's 034 makes it formal);
 * - `reclamo`: our 031 accepted by DIAN.
 */
export type AcceptanceState = 'sin_decision' | 'expresa' | 'tacita' | 'reclamo';

export interface BillRadianState {
  /** Whether the law asks for 030/032 (credit or payment term). */
  required: boolean;
  /** Why (or why not), in Spanish: «Forma de pago crédito», «Vence el 2026-12-30, después de emitida», «De contado». */
  reason: string;
  receipt: RequiredEventState;
  goods: RequiredEventState;
  acceptance: AcceptanceState;
  /** Spanish: «Aceptada expresamente», «Aceptación tácita desde el 2026-12-09», «Se puede reclamar hasta el 2026-12-08»… */
  acceptanceText: string;
  /** Last day a claim or an express acceptance is still possible (the third business day after the 032). */
  tacitDeadline?: string;
  /** A credit invoice without DIAN's acceptance of both 030 and 032: its IVA descontable is at risk. */
  ivaAtRisk: boolean;
  /** «IVA descontable en riesgo: falta el acuse de recibo (030) y el recibo del bien (032)». */
  warning?: string;
  /** What a person may do now (the panel shows these buttons). */
  allowed: RadianCode[];
  events: RadianEventView[];
}

/** One credit invoice whose confirmations are missing (status view, daily summary), oldest first. */
export interface MissingConfirmation {
  billId: string;
  number: string;
  supplierName: string;
  supplierNit: string;
  issueDate: string;
  registeredAt: string;
  missing: ('030' | '032')[];
  /** «Falta el acuse de recibo (030)»… */
  text: string;
}

export type AutoSendSetting = 'none' | '030' | '030_032';

export type DianEnvironmentName = 'habilitacion' | 'produccion';

/** The person who receives the goods and services (IssuerParty/Person of 030/032). */
export interface ReceivingPerson {
  firstName: string;
  familyName: string;
  /** DIAN ID type (`13` cédula de ciudadanía, `22` cédula de extranjería, `31` NIT…). */
  idType: string;
  idNumber: string;
  jobTitle: string;
  department: string;
}

/** The company's RADIAN settings as the API shows them: never the PIN nor the SMTP password. */
export interface RadianSettingsView {
  software?: { softwareId: string; environment: DianEnvironmentName; providerNit: string; hasPin: true };
  receiver?: ReceivingPerson;
  autoSend: AutoSendSetting;
  smtp?: { host: string; port: number; secure: boolean; user: string | null; from: string; hasPassword: boolean };
  certificate?: CertificateView;
  updatedAt?: string;
  updatedBy?: string;
}

export interface CertificateView {
  subject: string;
  issuer: string;
  /** The NIT the certificate names (the company's: others are refused). */
  nit: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Days until it expires (negative once expired). */
  daysLeft: number;
  /** From 30 days before expiry, in Spanish. */
  warning?: string;
  uploadedAt: string;
  uploadedBy: string;
}
