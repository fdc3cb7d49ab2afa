import type { AuthenticityResult } from '#shared/authenticity';
import type { ReadOutcome } from '#shared/dian-document';
// The module itself, not '../dian': the verification threads (verify-worker.ts) load this file and need no reader.
import { signedTextsOf, type SignedTexts } from '../dian/signed-texts';
import { purchaseDocument, type DocumentToVerify } from './to-verify';
import { verifyAuthenticity, type VerifyOptions } from './verify-document';

export { purchaseDocument };

/**
 * The authenticity of one document the reader found, as the inbox records it: purchase documents only (an
 * Invoice, CreditNote or DebitNote, read or refused with its data); DIAN responses and RADIAN events on their own
 * are not booked and get none. Never throws: a failure of the checks themselves is `unverifiable`, with why.
 */
export async function verifyOutcome(outcome: ReadOutcome, now: Date, options: Omit<VerifyOptions, 'now'> = {}): Promise<AuthenticityResult | undefined> {
  const document = purchaseDocument(outcome);
  return document && verifySignedTexts(document, signedTextsOf(document), now, options);
}

/**
 * {@link verifyOutcome} once the document and its signed texts are in hand: the one function both the main thread
 * and the verification threads (verify-pool.ts) run, so a result never depends on where it was computed.
 */
export async function verifySignedTexts(document: DocumentToVerify, texts: SignedTexts | undefined, now: Date, options: Omit<VerifyOptions, 'now'> = {}): Promise<AuthenticityResult> {
  const empty = { present: false, valid: false, references: [], problems: [] };
  if (!texts) {
    return { code: 'unverifiable', reason: 'No se conservó el texto firmado del documento; no se pudo comprobar su firma.', checkedAt: now.toISOString(), supplier: empty };
  }
  try {
    return await verifyAuthenticity(document, texts, { ...options, now });
  } catch (error) {
    return { code: 'unverifiable', reason: `No se pudo comprobar la firma: ${(error as Error).message}`, checkedAt: now.toISOString(), supplier: empty };
  }
}
