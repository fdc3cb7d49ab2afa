/**
 * The seams of the buyer's RADIAN events (issue 16), agreed before the work was split:
 * - the event side (`server/radian/*` except the transports) decides which bills need events, builds and signs the
 *   ApplicationResponse, enforces the order rules and stores every attempt;
 * - the transports (`server/radian/dian/*`, `server/radian/supplier-mail.ts`) carry a signed event to DIAN's
 *   `SendEventUpdateStatus` and, once DIAN accepts it, to the supplier by e-mail.
 * Both sides depend on these types only, so either can be tested without the other.
 */
import type { KeyObject } from 'node:crypto';

/** The buyer's events we send. 034 (aceptación tácita) is the seller's, we only read it. */
export type RadianEventCode = '030' | '031' | '032' | '033';

/** DIAN's two hosts: `vpfe-hab` (habilitación, ProfileExecutionID 2) and `vpfe` (producción, 1). */
export type DianEnvironment = 'habilitacion' | 'produccion';

/** The company's own certificate (from the .p12 it uploaded), decrypted only for the time of one signature. */
export interface CompanyCredential {
  /** Signing certificate, PEM. */
  certificatePem: string;
  /** Intermediates up to (not including) the root, PEM, in order; may be empty. */
  chainPem: string[];
  privateKey: KeyObject;
}

/** What a company registered at DIAN as its own software: enters the SoftwareSecurityCode, the CUDE and the call. */
export interface DianSoftware {
  softwareId: string;
  pin: string;
  environment: DianEnvironment;
  /** NIT of the software's owner (ProviderID); the company's own NIT when it registered the software itself. */
  providerNit: string;
}

/** DIAN's `DianResponse`, as parsed from the SOAP answer. */
export interface DianAnswer {
  isValid: boolean;
  statusCode: string;
  statusDescription: string;
  statusMessage: string;
  errors: string[];
  /** CUDE DIAN echoes back. */
  documentKey: string | null;
  /** DIAN's own ApplicationResponse about our event (XmlBase64Bytes), decoded; null when it sent none. */
  applicationResponseXml: string | null;
  /** `Regla: 90 … Documento procesado anteriormente`: the event is already at DIAN, treated as sent. */
  alreadyProcessed: boolean;
}

/** A signed event ready to travel. */
export interface SignedEvent {
  code: RadianEventCode;
  /** Our own number for the event (e.g. `ACR0021`); also the ZIP entry name's stem. */
  number: string;
  cude: string;
  /** CUFE of the supplier's invoice the event is about. */
  invoiceCufe: string;
  /** The signed ApplicationResponse, exactly the bytes that were signed. */
  xml: string;
}

/** Carries one event to DIAN. Implementations retry transient failures themselves and then answer or throw. */
export interface DianEventGateway {
  sendEvent(event: SignedEvent, software: DianSoftware, credential: CompanyCredential, options?: SendOptions): Promise<DianAnswer>;
}

export interface SendOptions {
  /**
   * Gives up, retries included, when this fires (a person waiting on «Enviar»): the call then fails as a timeout,
   * and the event stays pending for the later resend. Without it only the client's own timeouts and retries apply.
   */
  signal?: AbortSignal;
}

/** What DIAN says about a received CUFE (GetStatus / GetStatusEvent), as an extra authenticity signal. */
export interface DianDocumentStatus {
  /** DIAN knows the document and says it is valid. */
  exists: boolean;
  isValid: boolean;
  statusCode: string;
  statusDescription: string;
  /** RADIAN event codes DIAN lists for the document, oldest first (e.g. ['030', '032', '034']). */
  events: string[];
}

export interface DianStatusGateway {
  documentStatus(cufe: string, software: DianSoftware, credential: CompanyCredential): Promise<DianDocumentStatus>;
}

/**
 * DIAN's answer to `GetXmlByDocumentKey(trackId)`: its `EventResponse` (docs/ingestion-channels.md §1c). `code`
 * 100 is found (and `xml` holds DIAN's stored signed XML, decoded), 404 not found, 401 not authorised (the
 * certificate's NIT is neither the document's sender nor its receiver); `message` is DIAN's own text.
 */
export interface DianStoredCopy {
  code: string;
  message: string;
  xml: string | null;
}

/** Asks DIAN for its stored copy of a document. Throws (DianServiceError) only when no answer came. */
export interface DianCopyGateway {
  storedCopy(documentKey: string, environment: DianEnvironment, credential: CompanyCredential): Promise<DianStoredCopy>;
}

/** After DIAN accepts an event: the AttachedDocument (event + DIAN's answer) goes to the supplier's e-mail. */
export interface SupplierNotice {
  to: string;
  companyName: string;
  companyNit: string;
  supplierName: string;
  supplierNit: string;
  event: SignedEvent;
  dianAnswer: DianAnswer;
}

export interface SupplierNotifier {
  /** Resolves with the SMTP message id once the server accepted the message. */
  notify(notice: SupplierNotice): Promise<{ messageId: string }>;
}

/** The company's outgoing mail server, for copies of its events to suppliers. The password is stored encrypted. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The From address, normally the company's reception or billing address. */
  from: string;
}
