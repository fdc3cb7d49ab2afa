import type { DianDocument, ReadOutcome } from '#shared/dian-document';

/**
 * What the signature checks are given from a read document: plain data and functions with no library behind them,
 * so the main thread can hand documents to the verification threads (verify-pool.ts) without loading the XML and
 * certificate libraries the checks themselves use.
 */

/**
 * What the checks read from the document the reader made: its CUFE/CUDE, date, environment and supplier NIT. All the
 * rest is read from the signed texts themselves (and the verification threads are sent only this, not the lines).
 */
export type DocumentToVerify = Pick<DianDocument, 'cufe' | 'issueDate' | 'environment'> & { supplier: Pick<DianDocument['supplier'], 'nit'> };

/** The part of a read document the checks use ({@link DocumentToVerify}), as plain data. */
export function documentToVerify(document: DocumentToVerify): DocumentToVerify {
  return { cufe: document.cufe, issueDate: document.issueDate, environment: document.environment, supplier: { nit: document.supplier.nit } };
}

/** The document whose authenticity is checked: a purchase document (invoice, credit or debit note), else none. */
export function purchaseDocument(outcome: ReadOutcome): DianDocument | undefined {
  const document = outcome.document;
  return document && (document.kind === 'invoice' || document.kind === 'credit-note' || document.kind === 'debit-note') ? document : undefined;
}
