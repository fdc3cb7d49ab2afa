import { createHash } from 'node:crypto';
import { C14nCanonicalization } from 'xml-crypto';
import type { DianCopyFacts } from '#shared/authenticity';
import { readDianFile, signedTextsOf } from '../dian';
import { child, children, NS, parseStrict, path, textOf } from './dom';
import { checkSignature } from './xml-signature';

/**
 * «La copia de la DIAN»: comparing the document received with the copy DIAN stores under its CUFE/CUDE
 * (`GetXmlByDocumentKey`). Offline checks cannot tell an invoice the supplier altered and signed again with the old
 * UUID from the one DIAN validated (docs/authenticity-and-events.md A2); DIAN's copy can.
 *
 * What "the same document" means here, and why:
 * - **Canonical equality** (inclusive C14N 1.0, comments dropped, of each whole document): the received text is the
 *   container's CDATA and DIAN's is the bytes it stored; they may differ only in how the same XML is written — an XML
 *   declaration or byte-order mark, CRLF or LF line ends (XML parsers read both as LF), attribute quotes and order,
 *   `&#x…;` or literal characters, empty-element tags, CDATA or escaped text. C14N writes all of those one way, and
 *   changes nothing a signature covers (it is the very form the supplier's signature digests), so two texts with the
 *   same canonical form are one document. Anything else — one digit, one element, another signature — differs.
 * - **Or the same valid signature**: when the canonical forms differ, the copies are still one document if DIAN's
 *   copy carries a supplier signature that holds and has the received one's SignatureValue and document digest: the
 *   signed content (the whole document, its KeyInfo and SignedProperties) is then byte-identical after C14N, and the
 *   difference lies only where no signature reaches (e.g. how the signature's own base64 is wrapped). The received
 *   one is known to hold already (only such documents are compared).
 * - A re-signed altered invoice has another document digest and another SignatureValue: it differs, however valid its
 *   new signature is. The facts keep both checks, so the accountant sees why.
 */
export interface CopyComparison {
  matches: boolean;
  comparison: NonNullable<DianCopyFacts['comparison']>;
  /** Spanish, when DIAN's copy could not be read as a signed document. */
  problem?: string;
}

export function compareWithDianCopy(received: string, dianXml: string, documentKey: string): CopyComparison {
  const dianText = documentOfCopy(dianXml, documentKey);
  const base = {
    receivedSha256: sha256(received),
    dianSha256: sha256(dianText ?? dianXml),
  };
  const ours = readSignature(received);
  const theirs = dianText === undefined ? undefined : readSignature(dianText);
  const canonicalEqual = !!ours.canonical && !!theirs?.canonical && ours.canonical === theirs.canonical;
  const sameSignatureValue = !!ours.signatureValue && ours.signatureValue === theirs?.signatureValue;
  const sameDocumentDigest = !!ours.documentDigest && ours.documentDigest === theirs?.documentDigest;
  // Checking DIAN's signature costs a full verification: only needed when the canonical forms differ but the
  // signatures look the same. Equal canonical text is the received document itself, whose signature holds.
  let dianCopySignatureValid: boolean | undefined = canonicalEqual ? true : undefined;
  if (!canonicalEqual && sameSignatureValue && sameDocumentDigest && dianText !== undefined) dianCopySignatureValid = checkSignature(dianText).facts.valid;
  const comparison = { canonicalEqual, sameSignatureValue, sameDocumentDigest, ...(dianCopySignatureValid !== undefined ? { dianCopySignatureValid } : {}), ...base };
  const matches = canonicalEqual || (sameSignatureValue && sameDocumentDigest && dianCopySignatureValid === true);
  const problem = dianText === undefined ? 'La copia de la DIAN no contiene un documento electrónico legible con ese CUFE.' : theirs?.problem;
  return { matches, comparison, ...(problem && !matches ? { problem } : {}) };
}

/** The Spanish sentence for a copy that differs: what is not the same. */
export function differenceText(result: CopyComparison): string {
  const { comparison } = result;
  if (result.problem) return result.problem;
  if (!comparison.sameDocumentDigest) return 'el contenido firmado no es el mismo (otra huella del documento): lo modificaron y lo firmaron de nuevo con el mismo CUFE';
  if (!comparison.sameSignatureValue) return 'la firma del proveedor no es la misma';
  return 'los textos no son el mismo documento';
}

/**
 * The document inside DIAN's answer: the XML itself when it is an Invoice/CreditNote/DebitNote, or the embedded
 * document of an AttachedDocument with that CUFE (what DIAN returns is not documented precisely; both are accepted).
 */
function documentOfCopy(xml: string, documentKey: string): string | undefined {
  let root: Element | null | undefined;
  try {
    root = parseStrict(xml).documentElement;
  } catch {
    return undefined;
  }
  if (root?.localName !== 'AttachedDocument') return xml;
  const key = documentKey.toLowerCase();
  for (const outcome of readDianFile(Buffer.from(xml, 'utf8'), { name: 'copia-dian.xml' }).outcomes) {
    const document = outcome.document;
    if (document && document.cufe.toLowerCase() === key) return signedTextsOf(document)?.document;
  }
  return undefined;
}

interface SignatureReading {
  canonical?: string;
  signatureValue?: string;
  documentDigest?: string;
  problem?: string;
}

/** The canonical form of a whole document, and its supplier signature's SignatureValue and document digest. */
function readSignature(xml: string): SignatureReading {
  let doc: Document;
  try {
    doc = parseStrict(xml);
  } catch (error) {
    return { problem: `La copia de la DIAN no es XML válido: ${(error as Error).message}` };
  }
  const root = doc.documentElement!;
  const canonical = new C14nCanonicalization().process(root, { ancestorNamespaces: [] });
  const signature = children(root, 'UBLExtensions')
    .flatMap((e) => children(e, 'UBLExtension'))
    .flatMap((e) => children(e, 'ExtensionContent'))
    .flatMap((e) => children(e, 'Signature', NS.ds))[0];
  const signatureValue = textOf(child(signature, 'SignatureValue', NS.ds))?.replace(/\s+/g, '');
  const documentReference = children(child(signature, 'SignedInfo', NS.ds), 'Reference', NS.ds).find((r) => r.getAttribute('URI') === '');
  const documentDigest = textOf(path(documentReference, 'DigestValue'))?.replace(/\s+/g, '');
  return { canonical, ...(signatureValue ? { signatureValue } : {}), ...(documentDigest ? { documentDigest } : {}) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
