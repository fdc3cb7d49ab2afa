import { timingSafeEqual, verify } from 'node:crypto';
import type { ReferenceCheck, SignatureFacts } from '#shared/authenticity';
import { ALLOWED_DIGESTS, ALLOWED_SIGNATURE_ALGORITHMS, ENVELOPED, INCLUSIVE_C14N, shortAlgorithm } from './algorithms';
import { parseCertificate, publicKeyOf, type ParsedCertificate } from './certificates';
import { NS, refuseAmbiguousXml, refuseCostlyXml } from './dom';
import { attrOf, canonicalBytes, canonicalDigest, elementsById, isNamed, isWithin, localName, nodeOf, ownText, rootOf, withXmlDocument, xchild, xchildren, xelements, xpath, xtext, type CanonicalOptions, type XmlDocument, type XmlElement, type XNode } from './libxml';
import { checkXadesProperties } from './xades';

/** What checking one enveloped signature found, plus the certificates needed for the identity and chain checks. */
export interface SignatureCheck<R = undefined> {
  facts: SignatureFacts;
  signer?: ParsedCertificate;
  /** Other certificates the KeyInfo carries (intermediates, sometimes the root). */
  carried: ParsedCertificate[];
  signingTime?: Date;
  /** What `read` returned from the verified document's root (when it parsed). */
  read?: R;
  /** The text is not well-formed XML: nothing in it can be trusted, whatever signature it may carry. */
  malformed?: boolean;
  /** Well-formed or not, the text is too costly to check (dom.ts `refuseCostlyXml`): its signature is not checked. */
  costly?: boolean;
}

/**
 * Verifies the XAdES-EPES enveloped signature of one standalone UBL document (an Invoice/CreditNote/DebitNote or
 * DIAN's ApplicationResponse), over the exact text given: the CDATA of the container, byte for byte, or the file.
 *
 * - The text must be well-formed XML 1.0 with namespaces as written, decided by libxml2 (libxml.ts), a conformant
 *   parser that refuses, never repairs (a stray closing tag, an undeclared prefix, a repeated attribute, an undefined
 *   entity…); before it, dom.ts `refuseAmbiguousXml` refuses what two XML readers could see differently (DOCTYPE,
 *   NEL, LINE SEPARATOR). Until 4-dic-2026 a saxes pass decided well-formedness first (for @xmldom, which repaired);
 *   libxml2 refuses everything it refused in test/authenticity, and the pass was ≈ 1 ms per document.
 * - The `ds:Signature` is taken only from the root's own `ext:UBLExtensions/…/ext:ExtensionContent`, never from a
 *   deep search; more than one there is refused.
 * - XMLDSig core ({@link checkCore}): every Reference digest, then SignatureValue over the canonical SignedInfo;
 *   each reference is reported on its own so people see *what* changed.
 * - The XAdES properties (signing time, signing certificate, policy) are checked in xades.ts.
 *
 * `read`, when given, is run on the document's root, after the checks and before the document is freed (the checks
 * of DIAN's response read its content from its own signed text).
 */
export function checkSignature<R = undefined>(xml: string, read?: (root: XNode, doc: XmlDocument) => R): SignatureCheck<R> {
  const facts: SignatureFacts = { present: false, valid: false, references: [], problems: [] };
  const result: SignatureCheck<R> = { facts, carried: [] };
  try {
    refuseAmbiguousXml(xml);
  } catch (error) {
    facts.problems.push((error as Error).message);
    result.malformed = true;
    return result;
  }
  try {
    refuseCostlyXml(xml);
  } catch (error) {
    facts.problems.push((error as Error).message);
    result.costly = true;
    return result;
  }
  let parsed = false;
  try {
    withXmlDocument(xml, (doc) => {
      parsed = true;
      check(doc, result);
      if (read) result.read = read(rootOf(doc), doc);
    });
  } catch (error) {
    if (parsed) throw error;
    // Not well-formed as written (libxml2 says where), or beyond its limits (nesting depth): not verified either way.
    facts.problems.push(`El XML no está bien formado: ${(error as Error).message.trim().split('\n').join('; ')}`);
    result.malformed = true;
    return result;
  }
  return result;
}

function check(doc: XmlDocument, result: SignatureCheck<unknown>): void {
  const { facts } = result;
  const signatures = xchildren(rootOf(doc), 'UBLExtensions')
    .flatMap((e) => xchildren(e, 'UBLExtension'))
    .flatMap((e) => xchildren(e, 'ExtensionContent'))
    .flatMap((e) => xchildren(e, 'Signature', NS.ds));
  if (signatures.length === 0) {
    facts.problems.push('El documento no trae firma electrónica.');
    return;
  }
  facts.present = true;
  if (signatures.length > 1) {
    facts.problems.push('El documento trae más de una firma en sus extensiones; no se sabe cuál vale.');
    return;
  }
  const signature = signatures[0]!;
  const signedInfo = xchild(signature, 'SignedInfo', NS.ds);
  facts.canonicalization = shortAlgorithm(attrOf(xpath(signedInfo, 'CanonicalizationMethod'), 'Algorithm'));
  const signatureMethod = attrOf(xpath(signedInfo, 'SignatureMethod'), 'Algorithm') ?? '';
  facts.signatureAlgorithm = shortAlgorithm(signatureMethod);

  const algorithmProblems = checkAlgorithms(signedInfo, signatureMethod);
  const certificates = xchildren(xpath(signature, 'KeyInfo', 'X509Data'), 'X509Certificate', NS.ds).map(xtext).filter((t): t is string => !!t);
  if (certificates.length === 0) {
    facts.problems.push('La firma no trae el certificado de quien firmó (KeyInfo/X509Certificate).');
    return;
  }
  try {
    result.signer = parseCertificate(certificates[0]!);
    result.carried = certificates.slice(1).map(parseCertificate);
  } catch (error) {
    facts.problems.push(`El certificado de la firma no se puede leer: ${(error as Error).message}`);
    return;
  }
  facts.certificate = result.signer.facts;
  if (algorithmProblems.length > 0) {
    facts.problems.push(...algorithmProblems);
    return;
  }

  const core = coreCheck(doc, signature, result.signer);
  facts.references = core.references;
  if (core.signatureValueOk !== undefined) facts.signatureValueOk = core.signatureValueOk;
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
function checkAlgorithms(signedInfo: XNode | undefined, signatureMethod: string): string[] {
  const problems: string[] = [];
  const c14n = attrOf(xpath(signedInfo, 'CanonicalizationMethod'), 'Algorithm');
  if (c14n !== INCLUSIVE_C14N) problems.push(`Canonicalización no permitida por la DIAN: ${c14n ?? 'ninguna'}.`);
  if (!ALLOWED_SIGNATURE_ALGORITHMS[signatureMethod]) problems.push(`Algoritmo de firma no permitido por la DIAN: ${signatureMethod || 'ninguno'}.`);
  for (const ref of xchildren(signedInfo, 'Reference', NS.ds)) {
    const digest = attrOf(xpath(ref, 'DigestMethod'), 'Algorithm') ?? '';
    if (!ALLOWED_DIGESTS[digest]) problems.push(`Algoritmo de huella no permitido por la DIAN: ${digest || 'ninguno'}.`);
    for (const transform of xchildren(xpath(ref, 'Transforms'), 'Transform', NS.ds)) {
      const algorithm = attrOf(transform, 'Algorithm');
      if (algorithm !== ENVELOPED && algorithm !== INCLUSIVE_C14N) problems.push(`Transformación no permitida por la DIAN: ${algorithm}.`);
    }
  }
  return problems;
}

/** One `ds:Reference` as the canonical SignedInfo states it. */
interface Reference {
  uri: string;
  type?: string;
  transforms: string[];
  digestAlgorithm: string;
  digestValue: string;
}

export interface CoreCheck {
  references: ReferenceCheck[];
  signatureValueOk?: boolean;
  /** The first error that stopped a step (as xml-crypto's `checkSignature` would have thrown it), in Spanish. */
  error?: string;
}

/**
 * XMLDSig core validation (W3C XML Signature 1.1 §3.2), restricted to what DIAN's signature policy allows, with
 * libxml2's canonicalization and node:crypto's digests and RSA, step by step:
 * 1. SignedInfo (exactly one) is canonicalized in its context (inclusive C14N 1.0: the namespaces it inherits are
 *    rendered); the References are read from that canonical text, never from the document's own copy.
 * 2. Each Reference's digest is recomputed over what it points at:
 *    - `URI=""`: the whole document without comments, minus exactly the Signature element that holds the reference
 *      when the enveloped-signature transform is stated;
 *    - `URI="#id"`: the ONE element of the whole document whose `Id`, `ID` or `id` attribute has that value; none,
 *      or more than one (signature wrapping), and the reference does not hold;
 *    - anything else (other URIs, other transform orders) does not hold.
 * 3. SignatureValue is verified over the canonical SignedInfo octets with the signer's public key.
 * Every reference is checked and reported on its own (the person sees *what* changed); `error` keeps the first
 * failure that is not a plain digest mismatch. The verdicts are checked against xml-crypto's on every sample,
 * fixture and tampering of the tests (test/authenticity/core-oracle.test.ts).
 */
export function checkCore(doc: XmlDocument, signature: XmlElement, signer: ParsedCertificate): CoreCheck {
  return coreCheck(doc, nodeOf(signature), signer);
}

function coreCheck(doc: XmlDocument, signature: XNode, signer: ParsedCertificate): CoreCheck {
  let byId: Map<string, XNode[]> | undefined;
  const withId = (id: string) => (byId ??= elementsById(doc)).get(id) ?? [];
  const failed = (message: string) => `La firma no se pudo verificar: ${message}`;
  const signedInfos = xchildren(signature, 'SignedInfo', NS.ds);
  if (signedInfos.length !== 1) return { references: [], error: failed(signedInfos.length === 0 ? 'no trae SignedInfo.' : 'trae más de un SignedInfo.') };
  const canonical = canonicalBytes(doc, { subtree: signedInfos[0]! });
  let error: string | undefined;
  const loaded = withXmlDocument(canonical, (signedInfo) => {
    const references: Reference[] = [];
    const nodes = xchildren(rootOf(signedInfo), 'Reference', NS.ds);
    if (nodes.length === 0) error = failed('la firma no tiene referencias (SignedInfo/Reference).');
    for (const node of nodes) {
      const digestAlgorithm = attrOf(xchild(node, 'DigestMethod', NS.ds), 'Algorithm');
      const digestValue = ownText(xchild(node, 'DigestValue', NS.ds));
      const uri = attrOf(node, 'URI');
      if (digestAlgorithm === undefined || digestValue === undefined || uri === undefined) {
        // As xml-crypto: a reference it cannot load stops the loading; those before it are still checked.
        error = failed(`una referencia (SignedInfo/Reference) no trae ${uri === undefined ? 'URI' : digestAlgorithm === undefined ? 'DigestMethod' : 'DigestValue'}.`);
        break;
      }
      const type = attrOf(node, 'Type');
      const transforms = xchildren(xchild(node, 'Transforms', NS.ds), 'Transform', NS.ds).map((t) => attrOf(t, 'Algorithm') ?? '');
      references.push({ uri, ...(type !== undefined ? { type } : {}), transforms, digestAlgorithm, digestValue });
    }
    return references;
  });

  const references = loaded.map((ref): ReferenceCheck => {
    let ok = false;
    try {
      ok = digestHolds(doc, signature, ref, withId);
    } catch (e) {
      error ??= failed((e as Error).message);
    }
    return { target: referenceTarget(ref, signature, withId), uri: ref.uri, digestAlgorithm: shortAlgorithm(ref.digestAlgorithm) ?? ref.digestAlgorithm, ok };
  });
  if (references.length === 0) return { references, ...(error ? { error } : {}) };

  let signatureValueOk = false;
  const method = ALLOWED_SIGNATURE_ALGORITHMS[attrOf(xpath(signedInfos[0], 'SignatureMethod'), 'Algorithm') ?? ''];
  const value = signatureValueText(signature);
  if (!method) error ??= failed('algoritmo de firma no permitido.');
  else if (value === undefined) error ??= failed('no trae SignatureValue.');
  else signatureValueOk = verify(method, canonical, publicKeyOf(signer), Buffer.from(value, 'base64'));
  return { references, signatureValueOk, ...(error ? { error } : {}) };
}

/** Does the reference's digest hold? Throws (with why) for what DIAN's profile does not allow or cannot decide. */
function digestHolds(doc: XmlDocument, signature: XNode, ref: Reference, withId: (id: string) => XNode[]): boolean {
  const hash = ALLOWED_DIGESTS[ref.digestAlgorithm];
  if (!hash) throw new Error(`algoritmo de huella no permitido: ${ref.digestAlgorithm}.`);
  const enveloped = ref.transforms[0] === ENVELOPED;
  const rest = ref.transforms.slice(enveloped ? 1 : 0);
  if (rest.length > 1 || (rest.length === 1 && rest[0] !== INCLUSIVE_C14N)) throw new Error(`transformaciones no admitidas en la referencia «${ref.uri}».`);
  let options: CanonicalOptions;
  if (ref.uri === '') {
    options = enveloped ? { omit: signature } : {};
  } else if (ref.uri.startsWith('#')) {
    const found = withId(ref.uri.slice(1));
    if (found.length > 1) throw new Error(`hay ${found.length} elementos con el mismo Id «${ref.uri.slice(1)}» (posible envoltura de firma).`);
    const target = found[0];
    if (!target) return false;
    if (enveloped && isWithin(target, signature)) throw new Error(`la transformación enveloped-signature no aplica a «${ref.uri}», que está dentro de la firma.`);
    options = { subtree: target, ...(enveloped && isWithin(signature, target) ? { omit: signature } : {}) };
  } else {
    throw new Error(`referencia «${ref.uri}» no admitida: solo "" o "#Id".`);
  }
  const computed = canonicalDigest(doc, options, hash);
  const stated = Buffer.from(ref.digestValue, 'base64');
  return computed.length === stated.length && timingSafeEqual(computed, stated);
}

/** The first SignatureValue in the signature (document order) with text, line breaks removed (as xml-crypto read it). */
function signatureValueText(signature: XNode): string | undefined {
  const visit = (node: XNode): string | undefined => {
    for (const c of xelements(node)) {
      const text = isNamed(c, 'SignatureValue') ? ownText(c) : undefined;
      if (text !== undefined) return text.replace(/\r?\n/g, '');
      const below = visit(c);
      if (below !== undefined) return below;
    }
    return undefined;
  };
  return visit(signature);
}

function referenceTarget(ref: Reference, signature: XNode, withId: (id: string) => XNode[]): ReferenceCheck['target'] {
  if (ref.uri === '') return 'document';
  if (ref.type === 'http://uri.etsi.org/01903#SignedProperties') return 'signed-properties';
  const target = ref.uri.startsWith('#') ? withId(ref.uri.slice(1)).find((e) => isWithin(e, signature)) : undefined;
  const name = target && localName(target);
  if (name === 'KeyInfo') return 'keyinfo';
  if (name === 'SignedProperties') return 'signed-properties';
  return 'other';
}
