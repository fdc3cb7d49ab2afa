import type { AuthenticityResult } from '#shared/authenticity';
import type { ReadOutcome } from '#shared/dian-document';
import { signedTextsOf } from '../dian';
import { verifyAuthenticity, type VerifyOptions } from './verify-document';

/**
 * The authenticity of one document the reader found, as the inbox records it: purchase documents only (an
 * Invoice, CreditNote or DebitNote, read or refused with its data); DIAN responses and RADIAN events on their own
 * are not booked and get none. Never throws: a failure of the checks themselves is `unverifiable`, with why.
 */
export async function verifyOutcome(outcome: ReadOutcome, now: Date, options: Omit<VerifyOptions, 'now'> = {}): Promise<AuthenticityResult | undefined> {
  const document = outcome.document;
  if (!document || (document.kind !== 'invoice' && document.kind !== 'credit-note' && document.kind !== 'debit-note')) return undefined;
  const empty = { present: false, valid: false, references: [], problems: [] };
  const texts = signedTextsOf(document);
  if (!texts) {
    return { code: 'unverifiable', reason: 'No se conservó el texto firmado del documento; no se pudo comprobar su firma.', checkedAt: now.toISOString(), supplier: empty };
  }
  try {
    return await verifyAuthenticity(document, texts, { ...options, now });
  } catch (error) {
    return { code: 'unverifiable', reason: `No se pudo comprobar la firma: ${(error as Error).message}`, checkedAt: now.toISOString(), supplier: empty };
  }
}
