import type { DianDocument } from '#shared/dian-document';

/**
 * The exact texts a document's signatures cover, kept beside the record the reader returns (not inside it: they are
 * large and never stored as JSON): the embedded document as the container's CDATA holds it (or the whole file for
 * a bare document), and DIAN's ApplicationResponse likewise. server/authenticity verifies over these, byte for byte.
 */
export interface SignedTexts {
  document: string;
  applicationResponse?: string;
}

const texts = new WeakMap<DianDocument, SignedTexts>();

export function rememberSignedTexts(document: DianDocument, signed: SignedTexts): void {
  texts.set(document, signed);
}

/** The signed texts of a document read by `readDianFile` in this process; `undefined` for any other object. */
export function signedTextsOf(document: DianDocument): SignedTexts | undefined {
  return texts.get(document);
}
