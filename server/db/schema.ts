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
  expenseFunction: string;
  inventory: string;
  createdAt: string;
}

export interface AgentEventTable {
  id: string;
  companyId: string;
  type: string;
  mode: string | null;
  actor: string;
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
}

export interface FileBlobTable {
  sha256: string;
  size: number;
  bytes: Uint8Array;
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
  attempts: Generated<number>;
  arrivedAt: string;
  createdAt: string;
  updatedAt: string;
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

export interface Database {
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
