import type { AuthenticitySummary } from './inbox';
import type { Centavos } from './money';
import type { ClassificationSource } from './classification';
import type { DocumentKind } from './dian-document';
import type { BillRadianState } from './radian';

export interface BillLine {
  id: string;
  position: number;
  description: string;
  quantity: string;
  unitCode?: string;
  unitPrice?: string;
  /** Net amount of the line in COP centavos (before IVA). */
  amount: Centavos;
  /** Non-deductible taxes added to the line's cost (INC, bolsas, IBUA…), in centavos. */
  capitalizedTaxes: Centavos;
  accountCode: string;
  accountName?: string;
  itemId?: string;
  itemName?: string;
  source: ClassificationSource;
  confidence: number;
  explanation: string;
  sellerCode?: string;
  standardCode?: string;
  /** Income the supplier collected for a third party: not booked as our cost. */
  thirdPartyIncome: boolean;
  correctedBy?: string;
  correctedAt?: string;
  /**
   * Retención en la fuente concept of the line (`compras`, `vehiculos`, `software_servicios`…, or `ninguno`), chosen
   * from the line itself or by a person; absent for third-party income.
   */
  withholdingConcept?: string;
  /** Its name in Spanish and why it was chosen. */
  withholdingConceptName?: string;
  conceptExplanation?: string;
  conceptSource?: 'agent' | 'user';
}

export interface JournalLine {
  accountCode: string;
  accountName?: string;
  description: string;
  debit: Centavos;
  credit: Centavos;
}

export interface Bill {
  id: string;
  documentId: string;
  kind: Extract<DocumentKind, 'invoice' | 'credit-note' | 'debit-note'>;
  number: string;
  cufe: string;
  supplier: { id: string; nit: string; dv?: string; name: string };
  /** Fecha de creación (issue date of the document). */
  issueDate: string;
  /** Fecha de vencimiento. */
  dueDate: string;
  currency: string;
  exchangeRate?: string;
  subtotal: Centavos;
  taxes: Centavos;
  withholdings: Centavos;
  /** Total of the document as printed (PayableAmount), in COP centavos. */
  total: Centavos;
  /** What is owed to the supplier after our withholdings. */
  payable: Centavos;
  /** For notes: the bill they adjust. */
  relatedBillId?: string;
  /** Some line's suggestion is below the confidence threshold, or the document had inconsistencies. */
  needsReview: boolean;
  reviewNotes: string[];
  /** Whether its document is genuine, as checked when it arrived (absent for bills from before those checks). */
  authenticity?: AuthenticitySummary;
  registeredAt: string;
  /** The buyer's RADIAN events of an invoice: whether 030/032 are needed, each event, the acceptance (issue 16). */
  radian?: BillRadianState;
  lines: BillLine[];
  journal: JournalLine[];
}
