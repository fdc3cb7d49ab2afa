import type { AuthenticityCode, DianCopyStatus } from './authenticity';
import type { DocumentKind, DocumentWarning, SourcePath } from './dian-document';

/**
 * What happened to each document found in a received file.
 * - `pending`: read, addressed to us, arrived while the agent was active; waiting to be registered (seconds).
 * - `registered`: a purchase bill exists.
 * - `not_registered`: kept with its reason (unreadable, not for us, test environment, rejected by DIAN,
 *   referenced invoice unknown, arrived before the agent was activated…).
 * - `arrived_while_paused`: kept, never registered automatically (not even after resuming).
 * - `duplicate`: the same document (same CUFE, or same supplier + number) arrived before.
 * - `ignored`: not a purchase document (RADIAN events, DIAN responses on their own).
 */
export type DocumentStatus = 'pending' | 'registered' | 'not_registered' | 'arrived_while_paused' | 'duplicate' | 'ignored';

export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['pending', 'registered', 'not_registered', 'arrived_while_paused', 'duplicate', 'ignored'];

/** Stable codes for why a document was not registered (the Spanish text travels beside it). */
export type NotRegisteredReason =
  | 'UNREADABLE'
  | 'NOT_FOR_COMPANY'
  | 'TEST_ENVIRONMENT'
  | 'DIAN_NOT_VALIDATED'
  | 'AGENT_INACTIVE'
  | 'ARRIVED_WHILE_PAUSED'
  /** Arrival time known to the second only (IMAP INTERNALDATE), in the same second as an activation or a pause. */
  | 'ARRIVAL_ORDER_UNKNOWN'
  | 'REFERENCED_INVOICE_UNKNOWN'
  | 'NOTE_WITHOUT_REFERENCE'
  /** A credit note that would take its invoice (after earlier notes) below zero: a person registers it. */
  | 'NOTE_EXCEEDS_INVOICE'
  | 'EXCHANGE_RATE_MISSING'
  | 'TOTALS_DO_NOT_RECONCILE'
  | 'NOT_A_PURCHASE_DOCUMENT'
  | 'DUPLICATE'
  | 'REGISTRATION_FAILED'
  /** A signature does not hold, DIAN's response is not DIAN's or not about this document: never registered. */
  | 'POSSIBLY_ALTERED'
  /** Not altered, but not confirmed either (no DIAN response, unsigned…): waits for a person. */
  | 'AUTHENTICITY_UNCONFIRMED'
  /** Waiting for DIAN's stored copy (`GetXmlByDocumentKey`) to be compared; asked again while DIAN does not answer. */
  | 'AWAITING_DIAN_COPY'
  /** The received file (or mail message) held more documents than one file may bring: refused whole. */
  | 'TOO_MANY_DOCUMENTS';

export type ReceptionChannel = 'upload' | 'folder' | 'mailbox' | 'cli';

export interface InboxDocument {
  id: string;
  status: DocumentStatus;
  reasonCode?: NotRegisteredReason | string;
  reason?: string;
  kind?: DocumentKind;
  cufe?: string;
  number?: string;
  issueDate?: string;
  supplierNit?: string;
  supplierName?: string;
  /** Payable as printed, decimal text in the document's currency. */
  total?: string;
  currency?: string;
  arrivedAt: string;
  channel: ReceptionChannel;
  /** Where the document was inside the received file: `['z0900.zip', 'ad0900.xml']`. */
  source: SourcePath;
  receivedFileId: string;
  duplicateOf?: string;
  billId?: string;
  /** Who sent it, when it came by mail (the From); the supplier is `supplierNit`/`supplierName`. */
  sender?: string;
  warnings: DocumentWarning[];
  /** What the signature checks found (server/authenticity); absent for entries that are not purchase documents. */
  authenticity?: AuthenticitySummary;
}

/** The authenticity result in short, for lists; `GET /documents/:id` adds every fact (`authenticityFacts`). */
export interface AuthenticitySummary {
  code: AuthenticityCode;
  reason: string;
  /** Who signed the document (certificate subject), when it was signed. */
  signer?: string;
  /** True for the codes that mean it may have been altered (never registered, not even by hand), or DIAN's copy says so. */
  mayBeAltered: boolean;
  /** What DIAN's stored copy showed (`matches`, `differs`, …), when the company asks DIAN for it. */
  dianCopy?: DianCopyStatus;
  /** DIAN's copy is identical: confirmed by DIAN although a certificate's authority is unknown. */
  confirmedByDian?: boolean;
}

export interface IngestResult {
  receivedFileId: string;
  documents: InboxDocument[];
  /** The file was refused as a whole (too many documents, nothing readable in it), with why. */
  refused?: { code: string; reason: string };
  /** The very same refused file had arrived before: counted on its first entry, nothing new recorded. */
  repeated?: true;
}

/** One page of a list that can grow. `nextOffset` is null on the last page. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
}
