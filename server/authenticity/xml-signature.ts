import type { KeyObject } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import type { ReferenceCheck, SignatureFacts } from '#shared/authenticity';
import { ALLOWED_DIGESTS, ALLOWED_SIGNATURE_ALGORITHMS, dianSignedXml, ENVELOPED, INCLUSIVE_C14N, shortAlgorithm } from './algorithms';
import { parseCertificate, publicKeyOf, type ParsedCertificate } from './certificates';
import { child, children, elementsWithId, NS, parseStrict, path, textOf, type El } from './dom';
import { checkXadesProperties } from './xades';

/** What checking one enveloped signature found, plus the certificates needed for the identity and chain checks. */
export interface SignatureCheck {
  facts: SignatureFacts;
  signer?: ParsedCertificate;
  /** Other certificates the KeyInfo carries (intermediates, sometimes the root). */
  carried: ParsedCertificate[];
  signingTime?: Date;
  /** The parsed document, when it parsed: its signed content can be read from it. */
  doc?: Document;
  /** The text is not well-formed XML: nothing in it can be trusted, whatever signature it may carry. */
  malformed?: boolean;
}

/**
 * Verifies the XAdES-EPES enveloped signature of one standalone UBL document (an Invoice/CreditNote/DebitNote or
 * DIAN's ApplicationResponse), over the exact text given: the CDATA of the container, byte for byte, or the file.
 *
 * - The `ds:Signature` is taken only from the root's own `ext:UBLExtensions/…/ext:ExtensionContent`, never from a
 *   deep search; more than one there is refused.
 * - XMLDSig core (every Reference digest, then SignatureValue over the canonical SignedInfo) is xml-crypto's, with
 *   only DIAN's algorithms registered; each reference is reported on its own so people see *what* changed.
 * - The XAdES properties (signing time, signing certificate, policy) are checked in xades.ts.
 */
export function checkSignature(xml: string): SignatureCheck {
  const facts: SignatureFacts = { present: false, valid: false, references: [], problems: [] };
  const result: SignatureCheck = { facts, carried: [] };
  let doc: Document;
  try {
    doc = parseStrict(xml);
  } catch (error) {
    facts.problems.push((error as Error).message);
    result.malformed = true;
    return result;
  }
  result.doc = doc;
  const signatures = children(doc.documentElement, 'UBLExtensions')
    .flatMap((e) => children(e, 'UBLExtension'))
    .flatMap((e) => children(e, 'ExtensionContent'))
    .flatMap((e) => children(e, 'Signature', NS.ds));
  if (signatures.length === 0) {
    facts.problems.push('El documento no trae firma electrónica.');
    return result;
  }
  facts.present = true;
  if (signatures.length > 1) {
    facts.problems.push('El documento trae más de una firma en sus extensiones; no se sabe cuál vale.');
    return result;
  }
  const signature = signatures[0]!;
  const signedInfo = child(signature, 'SignedInfo', NS.ds);
  facts.canonicalization = shortAlgorithm(path(signedInfo, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? undefined);
  const signatureMethod = path(signedInfo, 'SignatureMethod')?.getAttribute('Algorithm') ?? '';
  facts.signatureAlgorithm = shortAlgorithm(signatureMethod);

  const algorithmProblems = checkAlgorithms(signedInfo, signatureMethod);
  const certificates = children(path(signature, 'KeyInfo', 'X509Data'), 'X509Certificate', NS.ds).map(textOf).filter((t): t is string => !!t);
  if (certificates.length === 0) {
    facts.problems.push('La firma no trae el certificado de quien firmó (KeyInfo/X509Certificate).');
    return result;
  }
  try {
    result.signer = parseCertificate(certificates[0]!);
    result.carried = certificates.slice(1).map(parseCertificate);
  } catch (error) {
    facts.problems.push(`El certificado de la firma no se puede leer: ${(error as Error).message}`);
    return result;
  }
  facts.certificate = result.signer.facts;
  if (algorithmProblems.length > 0) {
    facts.problems.push(...algorithmProblems);
    return result;
  }

  const core = checkCore(doc, signature, result.signer, signedInfo);
  facts.references = core.references;
  facts.signatureValueOk = core.signatureValueOk;
  if (core.error) facts.problems.push(core.error);
  for (const ref of core.references.filter((r) => !r.ok)) facts.problems.push(referenceProblem(ref));
  if (core.signatureValueOk === false) facts.problems.push('El valor de la firma (SignatureValue) no corresponde al certificado.');
  const targets = new Set(core.references.map((r) => r.target));
  for (const needed of ['document', 'keyinfo', 'signed-properties'] as const) {
    if (!targets.has(needed)) facts.problems.push(`La firma no cubre ${TARGET_NAMES[needed]}, como exige la política de firma de la DIAN.`);
  }

  const xades = checkXadesProperties(signature, result.signer, core.references);
  Object.assign(facts, xades.facts);
  facts.problems.push(...xades.problems);
  if (xades.signingTime) result.signingTime = xades.signingTime;
  facts.valid = facts.problems.length === 0;
  return result;
}

const TARGET_NAMES: Record<ReferenceCheck['target'], string> = {
  document: 'el documento',
  keyinfo: 'el certificado (KeyInfo)',
  'signed-properties': 'las propiedades firmadas (SignedProperties)',
  other: 'otra parte',
};

function referenceProblem(ref: ReferenceCheck): string {
  if (ref.target === 'document') return 'El contenido del documento cambió después de firmado (la huella del documento no coincide).';
  if (ref.target === 'keyinfo') return 'El certificado que acompaña la firma cambió después de firmado (la huella de KeyInfo no coincide).';
  if (ref.target === 'signed-properties') return 'Las propiedades firmadas (fecha de firma, certificado, política) cambiaron después de firmado.';
  return `La parte firmada «${ref.uri}» cambió después de firmado.`;
}

/** DIAN allows only RSA-SHA256/384/512, SHA-256/384/512 digests and inclusive C14N (plus the enveloped transform). */
function checkAlgorithms(signedInfo: El | undefined, signatureMethod: string): string[] {
  const problems: string[] = [];
  const c14n = path(signedInfo, 'CanonicalizationMethod')?.getAttribute('Algorithm');
  if (c14n !== INCLUSIVE_C14N) problems.push(`Canonicalización no permitida por la DIAN: ${c14n ?? 'ninguna'}.`);
  if (!ALLOWED_SIGNATURE_ALGORITHMS[signatureMethod]) problems.push(`Algoritmo de firma no permitido por la DIAN: ${signatureMethod || 'ninguno'}.`);
  for (const ref of children(signedInfo, 'Reference', NS.ds)) {
    const digest = path(ref, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
    if (!ALLOWED_DIGESTS[digest]) problems.push(`Algoritmo de huella no permitido por la DIAN: ${digest || 'ninguno'}.`);
    for (const transform of children(path(ref, 'Transforms'), 'Transform', NS.ds)) {
      const algorithm = transform.getAttribute('Algorithm');
      if (algorithm !== ENVELOPED && algorithm !== INCLUSIVE_C14N) problems.push(`Transformación no permitida por la DIAN: ${algorithm}.`);
    }
  }
  return problems;
}

/** xml-crypto internals used to report each reference and SignatureValue on their own (pinned 6.3.2). */
interface SignedXmlInternals {
  references: unknown[];
  loadReference(reference: Element): void;
  validateReference(ref: unknown, doc: Document): string | undefined;
  getCanonSignedInfoXml(doc: Document): string;
  findSignatureAlgorithm(name: string): { verifySignature(material: string, key: KeyObject, value: string): boolean };
  signatureAlgorithm: string;
  signatureValue: string;
}

/**
 * XMLDSig core validation, step by step as xml-crypto's `checkSignature` does it (canonical SignedInfo; references
 * loaded again from that canonical text, never from the document's own copy; every reference's digest; then
 * SignatureValue over the canonical SignedInfo), but over the document already parsed here: `checkSignature(xml)`
 * would parse the whole text a second time, and a failed check a third. Every reference is checked and reported,
 * and the first error that would have stopped xml-crypto is kept as the reason.
 */
function checkCore(doc: Document, signature: El, signer: ParsedCertificate, signedInfo: El | undefined): { references: ReferenceCheck[]; signatureValueOk?: boolean; error?: string } {
  const sig = dianSignedXml(signer.pem);
  const internals = sig as unknown as SignedXmlInternals;
  const failed = (e: unknown) => `La firma no se pudo verificar: ${(e as Error).message}`;
  let error: string | undefined;
  let canon: string | undefined;
  try {
    sig.loadSignature(signature);
    internals.references = [];
    canon = internals.getCanonSignedInfoXml(doc);
    if (!canon) throw new Error('Canonical signed info cannot be empty');
    const canonRoot = new DOMParser().parseFromString(canon, 'text/xml').documentElement;
    if (!canonRoot) throw new Error('Could not parse unverifiedSignedInfoCanon into a document');
    const loaded = children(canonRoot, 'Reference', NS.ds);
    if (loaded.length === 0) throw new Error('could not find any Reference elements');
    for (const reference of loaded) internals.loadReference(reference);
  } catch (e) {
    // Whatever references were loaded before the failure are still checked one by one, for the facts shown.
    error = failed(e);
  }
  const refs = sig.getReferences();
  let allOk = error === undefined;
  const references: ReferenceCheck[] = refs.map((ref) => {
    let refOk: boolean;
    try {
      refOk = internals.validateReference(ref, doc) !== undefined;
    } catch (e) {
      if (allOk) error ??= failed(e);
      refOk = false;
    }
    allOk &&= refOk;
    return { target: referenceTarget(ref.uri, ref.type, signature), uri: ref.uri, digestAlgorithm: shortAlgorithm(ref.digestAlgorithm) ?? ref.digestAlgorithm, ok: refOk };
  });
  if (references.length === 0 && signedInfo) error ??= 'La firma no tiene referencias (SignedInfo/Reference).';
  let signatureValueOk: boolean | undefined;
  if (refs.length > 0) {
    try {
      canon ??= internals.getCanonSignedInfoXml(doc);
      signatureValueOk = internals.findSignatureAlgorithm(internals.signatureAlgorithm).verifySignature(canon, publicKeyOf(signer), internals.signatureValue);
    } catch (e) {
      if (allOk) error ??= failed(e);
      signatureValueOk = false;
    }
  }
  return { references, ...(signatureValueOk !== undefined ? { signatureValueOk } : {}), ...(error ? { error } : {}) };
}

function referenceTarget(uri: string, type: string | undefined, signature: El): ReferenceCheck['target'] {
  if (uri === '') return 'document';
  if (type === 'http://uri.etsi.org/01903#SignedProperties') return 'signed-properties';
  const target = uri.startsWith('#') ? elementsWithId(signature, uri.slice(1))[0] : undefined;
  if (target?.localName === 'KeyInfo') return 'keyinfo';
  if (target?.localName === 'SignedProperties') return 'signed-properties';
  return 'other';
}
