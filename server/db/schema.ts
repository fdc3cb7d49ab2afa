import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types, in the camelCase the code uses (the CamelCasePlugin maps them to snake_case columns).
 * Money columns are integer centavos; timestamps are ISO-8601 UTC text; flags are 0/1; JSON is text.
 */
export interface CompanyTable {
  id: string;
  nit: string;
  dv: string | null;
  name: string;
  userName: string;
  ciiu: string;
  withholdingAgent: number;
  largeTaxpayer: number;
  ivaWithholdingAgent: number;
  ivaResponsible: number;
  icaRatePerMille: string | null;
  icaMunicipality: string | null;
  fixedAssetIva: Generated<string>;
  expenseFunction: string;
  inventory: string;
  createdAt: string;
  /** JSON array of supplier NITs whose bare documents (without DIAN's response) register by themselves. */
  trustedSupplierNits: Generated<string>;
  /**
   * The content hash of the trust anchors its documents waiting for authenticity were last checked under; null
   * before the first check (migration 2026_12_04_1200_anchors_checked).
   */
  anchorsCheckedKey: Generated<string | null>;
}

export interface AgentEventTable {
  id: string;
  companyId: string;
  type: string;
  mode: string | null;
  actor: string;
  /** The user who acted (migration 2026_12_03_1700_users); null for the console or older rows. */
  actorId: Generated<string | null>;
  at: string;
  seq: number;
}

export interface ApiTokenTable {
  id: string;
  tokenHash: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Whose token it is (migration 2026_12_03_1700_users). */
  userId: Generated<string | null>;
  /** Null: never expires (the installation token). */
  expiresAt: Generated<string | null>;
  /** `installation` (first start, `agente token`) or `personal` (`agente token create --user …`). */
  kind: Generated<string>;
}

/** A person who uses the agent (migration 2026_12_03_1700_users). `user` is reserved in PostgreSQL. */
export interface AppUserTable {
  id: string;
  login: string;
  displayName: string | null;
  /** 1: administrador of every company, present and future. */
  generalAdmin: number;
  createdAt: string;
}

export interface UserCompanyRoleTable {
  userId: string;
  companyId: string;
  /** `administrador`, `contador` or `auxiliar`. */
  role: string;
  grantedBy: string;
  grantedAt: string;
}

/** Manual registrations, settings and connection changes, users and tokens: who, when, what. */
export interface AuditEventTable {
  id: string;
  companyId: string | null;
  type: string;
  details: string;
  actorId: string | null;
  actor: string;
  at: string;
}

export interface FileBlobTable {
  sha256: string;
  size: number;
  /** Empty once pruned (see `prunedAt`): the hash and size stay. */
  bytes: Uint8Array;
  prunedAt: string | null;
}

export interface ReceivedFileTable {
  id: string;
  companyId: string;
  channel: string;
  sourceRef: string;
  sha256: string;
  size: number;
  receivedAt: string;
  arrivedAt: string;
  metadata: Generated<string>;
  /** `read`, or `refused` as a whole (too many documents, nothing readable). */
  status: Generated<string>;
  /** The mail's From, when it came by mail. */
  sender: string | null;
  reasonCode: string | null;
  reason: string | null;
  /** How many more times the very same refused bytes arrived. */
  repeats: Generated<number>;
  lastArrivedAt: string | null;
}

export interface InboxDocumentTable {
  id: string;
  companyId: string;
  receivedFileId: string;
  sourcePath: string;
  channel: string;
  status: string;
  reasonCode: string | null;
  reason: string | null;
  kind: string | null;
  cufe: string | null;
  number: string | null;
  issueDate: string | null;
  supplierNit: string | null;
  supplierName: string | null;
  customerNit: string | null;
  total: string | null;
  currency: string | null;
  referencedCufe: string | null;
  dedupeCufe: string | null;
  dedupeNumber: string | null;
  duplicateOf: string | null;
  billId: string | null;
  documentJson: string | null;
  warningsJson: Generated<string>;
  /** AuthenticityCode (shared/authenticity.ts); null for entries that are not purchase documents. */
  authenticity: string | null;
  authenticityJson: string | null;
  attempts: Generated<number>;
  /** The mail's From (the document's supplier is `supplierNit`/`supplierName`). */
  sender: string | null;
  arrivedAt: string;
  createdAt: string;
  updatedAt: string;
  /** The worker registering it now, and until when (migration 2026_12_03_1600_workers; PostgreSQL only). */
  claimedBy: Generated<string | null>;
  claimedUntil: Generated<string | null>;
  /** While waiting for DIAN's stored copy: when to ask next (migration 2026_12_04_0400_dian_copy). */
  dianCopyNextAt: Generated<string | null>;
  dianCopyAttempts: Generated<number>;
}

export interface SupplierTable {
  id: string;
  companyId: string;
  nit: string;
  dv: string | null;
  idType: string | null;
  personType: string | null;
  name: string;
  tradeName: string | null;
  responsibilities: string;
  ciiu: string;
  address: string | null;
  email: string | null;
  phone: string | null;
  declarante: number | null;
  createdFromDocumentId: string | null;
  createdAt: string;
}

export interface BillTable {
  id: string;
  companyId: string;
  documentId: string;
  kind: string;
  number: string;
  cufe: string;
  supplierId: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  exchangeRate: string | null;
  subtotal: number;
  taxes: number;
  withholdings: number;
  total: number;
  payable: number;
  supplierAccount: string;
  relatedBillId: string | null;
  needsReview: number;
  reviewNotes: string;
  infoNotes: string;
  registeredAt: string;
  updatedAt: string;
}

export interface BillWithholdingTable {
  id: string;
  billId: string;
  kind: string;
  concept: string | null;
  accountCode: string;
  base: number;
  rate: string;
  amount: number;
  description: string;
}

export interface BillLineTable {
  id: string;
  billId: string;
  position: number;
  description: string;
  quantity: string;
  unitCode: string | null;
  unitPrice: string | null;
  amount: number;
  capitalizedTaxes: number;
  iva: number;
  accountCode: string;
  itemId: string | null;
  itemName: string | null;
  source: string;
  confidence: number;
  explanation: string;
  sellerCode: string | null;
  standardCode: string | null;
  thirdPartyIncome: number;
  correctedBy: string | null;
  correctedAt: string | null;
  withholdingConcept: string | null;
  conceptExplanation: string | null;
  conceptSource: string | null;
}

export interface JournalEntryTable {
  id: string;
  companyId: string;
  billId: string;
  date: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface JournalLineTable {
  id: string;
  entryId: string;
  position: number;
  accountCode: string;
  description: string;
  debit: number;
  credit: number;
  thirdPartyNit: string | null;
}

export interface LineCorrectionTable {
  id: string;
  companyId: string;
  billLineId: string;
  oldAccountCode: string;
  newAccountCode: string;
  oldItemId: string | null;
  newItemId: string | null;
  actor: string;
  actorId: Generated<string | null>;
  at: string;
}

export interface CompanyAccountTable {
  companyId: string;
  code: string;
  name: string;
  postable: number;
  source: string;
}

export interface DailySummaryTable {
  companyId: string;
  date: string;
  payload: string;
  computedAt: string;
}

/** The process composing a company's summary of a day (migration 2026_12_03_1600_workers). */
export interface DailySummaryClaimTable {
  companyId: string;
  date: string;
  holderId: string;
  claimedAt: string;
}

/** The one process reading a mailbox or a watched folder, until `expiresAt` unless renewed (2026_12_03_1600_workers). */
export interface SourceLeaseTable {
  sourceKey: string;
  holderId: string;
  acquiredAt: string;
  expiresAt: string;
}

export interface UvtValueTable {
  year: number;
  value: number;
  resolution: string;
  enteredBy: string;
  enteredAt: string;
}

export interface RulesEventTable {
  id: string;
  companyId: string | null;
  type: string;
  details: string;
  actor: string;
  actorId: Generated<string | null>;
  at: string;
}

export interface Database {
  appUser: AppUserTable;
  userCompanyRole: UserCompanyRoleTable;
  auditEvent: AuditEventTable;
  uvtValue: UvtValueTable;
  rulesEvent: RulesEventTable;
  company: CompanyTable;
  agentEvent: AgentEventTable;
  apiToken: ApiTokenTable;
  fileBlob: FileBlobTable;
  receivedFile: ReceivedFileTable;
  inboxDocument: InboxDocumentTable;
  supplier: SupplierTable;
  bill: BillTable;
  billWithholding: BillWithholdingTable;
  billLine: BillLineTable;
  journalEntry: JournalEntryTable;
  journalLine: JournalLineTable;
  lineCorrection: LineCorrectionTable;
  companyAccount: CompanyAccountTable;
  dailySummary: DailySummaryTable;
  dailySummaryClaim: DailySummaryClaimTable;
  sourceLease: SourceLeaseTable;
  mailboxConfig: MailboxConfigTable;
  mailboxState: MailboxStateTable;
  mailboxMessage: MailboxMessageTable;
  alegraConnection: AlegraConnectionTable;
  alegraContact: AlegraContactTable;
  alegraItem: AlegraItemTable;
  alegraCategory: AlegraCategoryTable;
  alegraTax: AlegraRateTable;
  alegraRetention: AlegraRateTable;
  alegraBill: AlegraBillTable;
  alegraSyncCursor: AlegraSyncCursorTable;
  alegraBillPush: AlegraBillPushTable;
  matchingItem: MatchingItemTable;
  matchingHistory: MatchingHistoryTable;
  matchingState: MatchingStateTable;
  matchingImport: MatchingImportTable;
  radianSettings: RadianSettingsTable;
  radianCertificate: RadianCertificateTable;
  radianSequence: RadianSequenceTable;
  radianEvent: RadianEventTable;
}

export type CompanyRow = Selectable<CompanyTable>;
export type InboxDocumentRow = Selectable<InboxDocumentTable>;
export type NewInboxDocument = Insertable<InboxDocumentTable>;
export type InboxDocumentUpdate = Updateable<InboxDocumentTable>;
export type SupplierRow = Selectable<SupplierTable>;
export type BillRow = Selectable<BillTable>;
export type BillLineRow = Selectable<BillLineTable>;
export type NewBillLine = Insertable<BillLineTable>;
export type JournalLineRow = Selectable<JournalLineTable>;

/** The company's reception mailbox (migration 2026_11_28_1100_mailbox). The password is sealed by SecretBox. */
export interface MailboxConfigTable {
  companyId: string;
  host: string;
  port: number;
  security: string;
  userName: string;
  passwordSealed: string;
  folder: string;
  enabled: number;
  createdAt: string;
  updatedAt: string;
}

export interface MailboxStateTable {
  companyId: string;
  account: string;
  uidValidity: string | null;
  lastUid: number;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  errorAt: string | null;
  failures: number;
  nextAttemptAt: string | null;
  connectedAt: string | null;
  lastSyncAt: string | null;
  idle: number | null;
  updatedAt: string;
}

export interface MailboxMessageTable {
  id: string;
  companyId: string;
  messageKey: string;
  messageId: string | null;
  partsDigest: string;
  account: string;
  folder: string;
  uid: number | null;
  uidValidity: string | null;
  subject: string | null;
  sender: string | null;
  dianSubject: string | null;
  internalDate: string;
  size: number;
  rawSha256: string | null;
  status: string;
  reasonCode: string | null;
  reason: string | null;
  documents: Generated<number>;
  receivedFileIds: Generated<string>;
  attempts: Generated<number>;
  /** 1 when the message was refused as a whole or every part of it was (junk). */
  refused: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export type MailboxConfigRow = Selectable<MailboxConfigTable>;
export type MailboxStateRow = Selectable<MailboxStateTable>;
export type MailboxMessageRow = Selectable<MailboxMessageTable>;

/** The company's Alegra account (migration 2026_11_28_1200_alegra). The API token is sealed by SecretBox. */
export interface AlegraConnectionTable {
  companyId: string;
  email: string;
  tokenSealed: string;
  baseUrl: string;
  accountName: string | null;
  accountVersion: string | null;
  connectedBy: string;
  connectedAt: string;
  lastTestAt: string | null;
  lastTestOk: number | null;
  lastTestMessage: string | null;
}

/** Columns every synced Alegra list has: Alegra's id, the record as received, its digest. */
interface AlegraSyncedColumns {
  companyId: string;
  remoteId: string;
  raw: string;
  digest: string;
  syncedAt: string;
  removedAt: string | null;
}

export interface AlegraContactTable extends AlegraSyncedColumns {
  name: string;
  identification: string | null;
  isProvider: number;
  status: string | null;
}

export interface AlegraItemTable extends AlegraSyncedColumns {
  name: string;
  reference: string | null;
  description: string | null;
  type: string | null;
  status: string | null;
}

export interface AlegraCategoryTable extends AlegraSyncedColumns {
  parentRemoteId: string | null;
  code: string | null;
  name: string;
  type: string | null;
  status: string | null;
  postable: number;
}

/** Taxes and retentions. */
export interface AlegraRateTable extends AlegraSyncedColumns {
  name: string;
  type: string | null;
  percentage: string | null;
  status: string | null;
}

export interface AlegraBillTable extends AlegraSyncedColumns {
  providerRemoteId: string | null;
  providerIdentification: string | null;
  providerName: string | null;
  number: string | null;
  date: string | null;
  status: string | null;
  total: number | null;
}

export interface AlegraSyncCursorTable {
  companyId: string;
  resource: string;
  lastSyncedAt: string | null;
  lastFullSyncAt: string | null;
  position: string | null;
  records: Generated<number>;
  lastError: string | null;
  updatedAt: string;
}

export interface AlegraBillPushTable {
  billId: string;
  companyId: string;
  status: string;
  remoteId: string | null;
  remoteProviderId: string | null;
  idempotencyKey: string;
  attempts: Generated<number>;
  errorCode: string | null;
  lastError: string | null;
  nextAttemptAt: string;
  leaseUntil: string | null;
  pushedVersion: string | null;
  pushedAt: string | null;
  attachmentsDone: Generated<number>;
  /** JSON `PushReport` of the last attempt (figures compared, attachments missing); migration 2026_12_03_1400. */
  reportJson: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AlegraConnectionRow = Selectable<AlegraConnectionTable>;
export type AlegraCategoryRow = Selectable<AlegraCategoryTable>;
export type AlegraRateRow = Selectable<AlegraRateTable>;
export type AlegraBillPushRow = Selectable<AlegraBillPushTable>;

/** The company's item catalog for the suggestion engine (migration 2026_11_28_1000_matching). */
export interface MatchingItemTable {
  id: string;
  companyId: string;
  code: string | null;
  name: string;
  accountCode: string;
  inventoried: number;
  unitCode: string | null;
  gtin: string | null;
  unspsc: string | null;
  supplierNit: string | null;
  supplierCode: string | null;
  /** import | agente | usuario */
  source: string;
  /** Agent-created items: the confidence of the guess that created them, until a person confirms (then null). */
  confidence: number | null;
  /** The first reading behind that guess: its kind of evidence and own number (migration 2026_12_04_2000_first_reading). */
  firstKind: string | null;
  firstRaw: number | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** Every line the suggestion engine learned from (registered, corrected or imported). */
export interface MatchingHistoryTable {
  id: Generated<number>;
  companyId: string;
  supplierNit: string;
  description: string;
  sellerCode: string | null;
  standardCode: string | null;
  accountCode: string;
  itemId: string | null;
  /** registro | verificacion | correccion | importado | importado-correccion | importado-verificacion */
  origin: string;
  byUser: number;
  at: string;
  /** Agent registrations: the confidence its suggestion had (migration 2026_12_03_1300_matching_provenance). */
  confidence: number | null;
  /** Agent registrations: the first reading behind the guess, kind and own number (migration 2026_12_04_2000_first_reading). */
  firstKind: string | null;
  firstRaw: number | null;
}

export interface MatchingStateTable {
  companyId: string;
  catalogRevision: number;
}

export interface MatchingImportTable {
  id: string;
  companyId: string;
  kind: string;
  fileName: string;
  rows: number;
  skipped: number;
  actor: string;
  at: string;
}

export type MatchingItemRow = Selectable<MatchingItemTable>;
export type MatchingHistoryRow = Selectable<MatchingHistoryTable>;

/** The company's RADIAN settings (migration 2026_12_03_1800_radian_events). PIN and SMTP password sealed by SecretBox. */
export interface RadianSettingsTable {
  companyId: string;
  softwareId: string | null;
  pinSealed: string | null;
  environment: Generated<string>;
  providerNit: string | null;
  /** JSON `ReceivingPerson` (shared/radian.ts). */
  receiverJson: string | null;
  autoSend: Generated<string>;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: number | null;
  smtpUser: string | null;
  smtpPasswordSealed: string | null;
  smtpFrom: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** The company's signing certificate: the .p12 (base64) and its password, both sealed. */
export interface RadianCertificateTable {
  companyId: string;
  p12Sealed: string;
  passwordSealed: string;
  subject: string;
  issuer: string;
  nit: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface RadianSequenceTable {
  companyId: string;
  lastNumber: number;
}

/** Every event built, with the signed XML exactly as sent, DIAN's answer and the copy to the supplier. */
export interface RadianEventTable {
  id: string;
  companyId: string;
  billId: string;
  code: string;
  seq: number;
  number: string;
  cude: string;
  invoiceCufe: string;
  claimCode: string | null;
  xml: string;
  /** pendiente | aceptado | rechazado */
  status: string;
  lastError: string | null;
  attempts: Generated<number>;
  /** JSON `DianAnswer` (server/radian/ports.ts). */
  dianJson: string | null;
  supplierStatus: string | null;
  supplierTo: string | null;
  supplierMessageId: string | null;
  supplierError: string | null;
  supplierAt: string | null;
  actor: string;
  automatic: number;
  createdAt: string;
  sentAt: string | null;
  answeredAt: string | null;
  updatedAt: string;
}

export type RadianEventRow = Selectable<RadianEventTable>;
export type RadianSettingsRow = Selectable<RadianSettingsTable>;
export type RadianCertificateRow = Selectable<RadianCertificateTable>;
