import { createHash, createVerify, timingSafeEqual, type KeyLike, type KeyObject } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml, type HashAlgorithm, type SignatureAlgorithm } from 'xml-crypto';
// The element-based twin of the XPath-based `findAncestorNs` xml-crypto uses internally (same result, no XPath).
import { findAncestorNsForElement } from 'xml-crypto/lib/utils.js';
import type { ReferenceCheck } from '#shared/authenticity';
import { ALLOWED_DIGESTS, ALLOWED_SIGNATURE_ALGORITHMS, ENVELOPED, INCLUSIVE_C14N, shortAlgorithm } from '../../server/authenticity/algorithms';
import { parseCertificate, publicKeyOf, type ParsedCertificate } from '../../server/authenticity/certificates';
import { child, children, NS, parseStrict, path, textOf, type El } from '../../server/authenticity/dom';

/**
 * The TEST ORACLE for the XMLDSig core (test/authenticity/core-oracle.test.ts): the core the agent used before it
 * moved to libxml2 (server/authenticity/xml-signature.ts), i.e. xml-crypto 6.3.2 over @xmldom/xmldom, with only
 * DIAN's algorithms registered and the speed-ups that were tested against xmlsec1 then. Kept as it was, so that the
 * new core is checked against an independent implementation on every sample, fixture and tampering.
 */

const EXCLUSIVE_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export interface OracleCore {
  references: ReferenceCheck[];
  signatureValueOk?: boolean;
  error?: string;
}

/**
 * xml-crypto's verdict on the one enveloped signature in the root's UBLExtensions, or `undefined` when there is no
 * core to check (not well-formed, no signature or more than one, no SignedInfo certificate).
 */
export function xmlCryptoCore(xml: string): OracleCore | undefined {
  let doc: Document;
  try {
    doc = parseStrict(xml);
  } catch {
    return undefined;
  }
  const signatures = children(doc.documentElement, 'UBLExtensions')
    .flatMap((e) => children(e, 'UBLExtension'))
    .flatMap((e) => children(e, 'ExtensionContent'))
    .flatMap((e) => children(e, 'Signature', NS.ds));
  if (signatures.length !== 1) return undefined;
  const signature = signatures[0]!;
  const certificates = children(path(signature, 'KeyInfo', 'X509Data'), 'X509Certificate', NS.ds).map(textOf).filter((t): t is string => !!t);
  if (certificates.length === 0) return undefined;
  let signer: ParsedCertificate;
  try {
    signer = parseCertificate(certificates[0]!);
  } catch {
    return undefined;
  }
  return checkCore(doc, signature, signer, child(signature, 'SignedInfo', NS.ds));
}

/** xml-crypto's hash plug-in shape for the digests it does not ship (SHA-384). */
function hashAlgorithm(uri: string, node: string): new () => HashAlgorithm {
  return class implements HashAlgorithm {
    getHash = (xml: string) => createHash(node).update(xml, 'utf8').digest('base64');
    getAlgorithmName = () => uri as ReturnType<HashAlgorithm['getAlgorithmName']>;
  };
}

/** RSA PKCS#1 v1.5 with the given hash, verified by node:crypto (xml-crypto 6.3.2 has no rsa-sha384). */
function rsaAlgorithm(uri: string, node: string): new () => SignatureAlgorithm {
  return class {
    getSignature(): string {
      throw new Error('Solo se verifican firmas; no se firma con este algoritmo.');
    }
    verifySignature = (material: string, key: KeyLike, signatureValue: string): boolean => {
      const verifier = createVerify(`RSA-${node.toUpperCase()}`);
      verifier.update(material);
      return verifier.verify(key, signatureValue, 'base64');
    };
    getAlgorithmName = () => uri;
  } as unknown as new () => SignatureAlgorithm;
}

/**
 * A verifier that only knows DIAN's digest and signature algorithms: xml-crypto throws on any other, so a signature
 * made with SHA-1 is refused rather than checked.
 */
function dianSignedXml(certificatePem: string): SignedXml {
  const sig = new SignedXml({ getCertFromKeyInfo: () => certificatePem });
  sig.HashAlgorithms = HASH_ALGORITHMS;
  sig.SignatureAlgorithms = SIGNATURE_ALGORITHMS;
  // Canonicalization stays xml-crypto's: it reads the references through exclusive C14N while loading, so that one
  // cannot be unregistered. What a signature may declare is checked before (xml-signature.ts `checkAlgorithms`).
  tuneForUbl(sig);
  return sig;
}

/** Built once: xml-crypto only reads these tables (it makes a new instance of the class for each use). */
const HASH_ALGORITHMS = Object.fromEntries(Object.entries(ALLOWED_DIGESTS).map(([uri, node]) => [uri, hashAlgorithm(uri, node)])) as SignedXml['HashAlgorithms'];
const SIGNATURE_ALGORITHMS = Object.fromEntries(
  Object.entries(ALLOWED_SIGNATURE_ALGORITHMS).map(([uri, node]) => [uri, rsaAlgorithm(uri, node)]),
) as SignedXml['SignatureAlgorithms'];

const DS = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * Speed, not semantics. xml-crypto 6.3.2 finds nodes with the `xpath` package, which dominated the time on a 30 KB
 * invoice (every `//*[@Id=…]` walks the whole tree several times). Here the same nodes are found by walking the DOM,
 * with the same rules, and everything else (canonicalization, digests, signature) stays xml-crypto's:
 * - a reference `URI=""` is the document element; `#id` is the one element whose `Id` attribute has that value
 *   (two or more are refused, against signature wrapping); DIAN's references only use `Id`;
 * - the ancestor namespaces of a referenced element are those in scope at it (inclusive C14N needs them);
 * - the loaded signature is found again by its SignatureValue, refusing two signatures with the same value.
 * A regression test runs the real samples through this and `xmlsec1` (test/authenticity).
 */
function tuneForUbl(sig: SignedXml): void {
  const internals = sig as unknown as Internals;
  internals.idAttributes = ['Id'];
  internals.validateReference = function (ref, doc) {
    const id = ref.uri.startsWith('#') ? ref.uri.slice(1) : ref.uri;
    let elem: Element | undefined;
    if (id === '') elem = doc.documentElement ?? undefined;
    else {
      const found = elementsWithIdAttribute(doc).get(id) ?? [];
      if (found.length > 1) throw new Error('Cannot validate a document which contains multiple elements with the same value for the Id attribute.');
      elem = found[0];
    }
    if (!elem) {
      ref.validationError = new Error(`invalid signature: the signature references an element with uri ${ref.uri} but could not find such element in the xml`);
      return undefined;
    }
    const canonXml = this.getCanonReferenceXml(doc, ref, elem);
    const digest = this.findHashAlgorithm(ref.digestAlgorithm).getHash(canonXml);
    const a = Buffer.from(digest, 'base64');
    const b = Buffer.from(String(ref.digestValue ?? ''), 'base64');
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      ref.validationError = new Error(`invalid signature: for uri ${ref.uri} calculated digest is ${digest} but the xml to validate supplies digest ${String(ref.digestValue)}`);
      return undefined;
    }
    return canonXml;
  };
  internals.getCanonReferenceXml = function (_doc, ref, node) {
    ref.ancestorNamespaces = findAncestorNsForElement(node as Element);
    const options = { inclusiveNamespacesPrefixList: ref.inclusiveNamespacesPrefixList, ancestorNamespaces: ref.ancestorNamespaces };
    return this.canonicalize(ref.transforms, node, options, { discardComments: ref.uri === '' || ref.uri.startsWith('#') });
  };
  // xml-crypto deep-clones the referenced node before the transforms, because the enveloped-signature transform
  // removes the signature from what it is given; on a whole invoice that clone cost more than the canonicalization.
  // For the transforms DIAN allows (enveloped + inclusive C14N, which neither adds nor rewrites nodes and renders no
  // comments) the same transforms run on the node itself, and the signature the enveloped transform took out is put
  // back where it was. Same input to the same xml-crypto code, same octets; the DOM is ours (verifier-parsed).
  const cloningCanonicalize = internals.canonicalize;
  internals.canonicalize = function (transforms, node, options, flags) {
    const c14nAt = transforms.indexOf(INCLUSIVE_C14N);
    // Exclusive C14N writes namespace declarations into the node when given ancestor namespaces; without them (how
    // loadSignature reads SignedInfo, the only place DIAN's signatures meet it) it only reads.
    const readOnlyExclusive = transforms.length === 1 && transforms[0] === EXCLUSIVE_C14N && !(options as { ancestorNamespaces?: unknown[] }).ancestorNamespaces?.length;
    const inPlace = readOnlyExclusive || (transforms.every((t) => t === ENVELOPED || t === INCLUSIVE_C14N) && (c14nAt < 0 || c14nAt === transforms.length - 1));
    if (!inPlace) return cloningCanonicalize.call(this, transforms, node, options, flags);
    const opts = options as { defaultNsForPrefix?: unknown; signatureNode?: Node | null };
    opts.defaultNsForPrefix ??= (SignedXml as unknown as { defaultNsForPrefix: unknown }).defaultNsForPrefix;
    opts.signatureNode = this.signatureNode;
    const signature = transforms.includes(ENVELOPED) ? this.findLoadedSignature(node) : null;
    const parent = signature?.parentNode ?? null;
    const next = signature?.nextSibling ?? null;
    opts.signatureNode = signature ?? opts.signatureNode;
    try {
      let transformed: unknown = node;
      for (const name of transforms) transformed = this.findCanonicalizationAlgorithm(name).process(transformed as Node, opts);
      if (typeof transformed !== 'string') transformed = this.findCanonicalizationAlgorithm(INCLUSIVE_C14N).process(transformed as Node, opts);
      return String(transformed);
    } finally {
      if (signature && parent && signature.parentNode !== parent) parent.insertBefore(signature, next);
    }
  };
  internals.getCanonSignedInfoXml = function () {
    const signedInfo = childElements(this.signatureNode, 'SignedInfo');
    if (signedInfo.length !== 1) throw new Error('could not find exactly one SignedInfo element in the signature');
    return this.getCanonXml([this.canonicalizationAlgorithm], signedInfo[0]!, { ancestorNamespaces: findAncestorNsForElement(signedInfo[0]!) });
  };
  // xml-crypto's loadSignature finds five things with `.//*[local-name(.)=…]` XPath queries (≈0.3 ms each, the
  // expression compiled every time); the same first-in-document-order descendants are found by walking the signature.
  const xpathLoadSignature = internals.loadSignature;
  internals.loadSignature = function (signatureNode) {
    if (typeof signatureNode === 'string') return xpathLoadSignature.call(this, signatureNode);
    this.signatureNode = signatureNode;
    // xml-crypto keeps the signature's text, and nothing in verifying reads it: serialized only if someone asks.
    lazySignatureXml(this, signatureNode);
    const canonicalization = firstDescendant(signatureNode, 'CanonicalizationMethod', (e) => e.getAttributeNode('Algorithm') !== null);
    if (!canonicalization) throw new Error('could not find CanonicalizationMethod/@Algorithm element');
    this.canonicalizationAlgorithm = canonicalization.getAttributeNode('Algorithm')!.value;
    const method = firstDescendant(signatureNode, 'SignatureMethod', (e) => e.getAttributeNode('Algorithm') !== null);
    if (method) this.signatureAlgorithm = method.getAttributeNode('Algorithm')!.value;
    const signedInfoNodes = findChildren(signatureNode, 'SignedInfo');
    if (signedInfoNodes.length === 0) throw new Error('no signed info node found');
    if (signedInfoNodes.length > 1) throw new Error('could not load signature that contains multiple SignedInfo nodes');
    // As xml-crypto: references are first read from SignedInfo under exclusive C14N (checkSignature reads them again
    // from the inclusive canonical form before checking anything).
    let forSignedInfo = this.canonicalizationAlgorithm;
    if (!forSignedInfo || forSignedInfo === INCLUSIVE_C14N || forSignedInfo === `${INCLUSIVE_C14N}#WithComments`) forSignedInfo = EXCLUSIVE_C14N;
    const canon = this.getCanonXml([forSignedInfo], signedInfoNodes[0]!, {});
    const signedInfoDoc = new DOMParser().parseFromString(canon, 'text/xml').documentElement;
    this.references = [];
    const references = signedInfoDoc ? findChildren(signedInfoDoc, 'Reference') : [];
    if (references.length === 0) throw new Error('could not find any Reference elements');
    for (const reference of references) this.loadReference(reference);
    const value = firstDescendant(signatureNode, 'SignatureValue', (e) => firstText(e) !== undefined);
    const text = value && firstText(value);
    if (text?.nodeType === 3) this.signatureValue = text.data.replace(/\r?\n/g, '');
    const keyInfo = firstDescendant(signatureNode, 'KeyInfo', () => true);
    if (keyInfo) this.keyInfo = keyInfo;
  };
  internals.findLoadedSignature = function (node: Node): Node | null {
    const loaded = this.signatureNode;
    const doc = node.ownerDocument ?? (node as Document);
    if (loaded == null || loaded.ownerDocument === doc) return loaded;
    const value = signatureValueOf(loaded);
    if (!value) return null;
    const matches: Node[] = [];
    const visit = (n: Node) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        if ((c as Element).localName === 'Signature' && (c as Element).namespaceURI === DS && signatureValueOf(c) === value) matches.push(c);
        visit(c);
      }
    };
    visit(node);
    if (matches.length > 1) throw new Error('Cannot validate a document which contains multiple Signature elements with the same SignatureValue.');
    return matches[0] ?? null;
  };
}

interface InternalReference {
  uri: string;
  transforms: string[];
  digestAlgorithm: string;
  digestValue?: unknown;
  inclusiveNamespacesPrefixList: string[];
  ancestorNamespaces?: unknown;
  validationError?: Error;
}

/** The xml-crypto 6.3.2 members replaced above (private in its typings; the version is pinned). */
interface Internals {
  idAttributes: string[];
  signatureNode: Node | null;
  signatureXml: string;
  signatureAlgorithm: string;
  signatureValue: string;
  keyInfo: Node | null;
  references: unknown[];
  loadSignature(this: Internals, signatureNode: Node | string): void;
  loadReference(reference: Element): void;
  canonicalizationAlgorithm: string;
  validateReference(this: Internals, ref: InternalReference, doc: Document): string | undefined;
  getCanonReferenceXml(this: Internals, doc: Document, ref: InternalReference, node: Node): string;
  getCanonSignedInfoXml(this: Internals, doc: Document): string;
  findLoadedSignature(this: Internals, node: Node): Node | null;
  canonicalize(transforms: string[], node: Node, options: object, flags: { discardComments: boolean }): string;
  getCanonXml(transforms: string[], node: Node, options: object): string;
  findCanonicalizationAlgorithm(name: string): { process(node: Node, options: object): unknown };
  findHashAlgorithm(name: string): HashAlgorithm;
}

/** `utils.findChildren` of xml-crypto: child elements by local name, any namespace. */
function findChildren(node: Node, local: string): Element[] {
  const parent = (node as Document).documentElement ?? node;
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === local) out.push(c as Element);
  return out;
}

/** What `select1(".//*[local-name(.)='local']…", node)` returns: the first descendant in document order that fits. */
function firstDescendant(node: Node, local: string, fits: (e: Element) => boolean): Element | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    if ((c as Element).localName === local && fits(c as Element)) return c as Element;
    const below = firstDescendant(c, local, fits);
    if (below) return below;
  }
  return undefined;
}

/** XPath's `text()`: a text or CDATA child (xml-crypto then uses it only if it is plain text). */
function firstText(e: Element): Text | undefined {
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 || c.nodeType === 4) return c as Text;
  return undefined;
}

function childElements(node: Node | null, local: string): Element[] {
  const out: Element[] = [];
  for (let c = node?.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === local && (c as Element).namespaceURI === DS) out.push(c as Element);
  return out;
}

/**
 * Every element by the value of its `Id` attribute (any namespace), in document order: one walk of the document for
 * all its references (two per signature) instead of one each. Kept per document while it is checked; the in-place
 * canonicalization puts back what the enveloped transform takes out, so the elements stay where they were.
 */
const idIndexes = new WeakMap<Document, Map<string, Element[]>>();

function elementsWithIdAttribute(doc: Document): Map<string, Element[]> {
  const cached = idIndexes.get(doc);
  if (cached) return cached;
  const index = new Map<string, Element[]>();
  const visit = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const attributes = (c as Element).attributes as NamedNodeMap;
      for (let i = 0; i < attributes.length; i++) {
        const a = attributes[i]!;
        if ((a.localName ?? a.name) === 'Id') {
          const same = index.get(a.value);
          if (same) same.push(c as Element);
          else index.set(a.value, [c as Element]);
          break;
        }
      }
      visit(c);
    }
  };
  visit(doc);
  idIndexes.set(doc, index);
  return index;
}

function lazySignatureXml(target: object, signatureNode: Node): void {
  let text: string | undefined;
  Object.defineProperty(target, 'signatureXml', {
    configurable: true,
    enumerable: true,
    get: () => (text ??= signatureNode.toString()),
    set(value: string) {
      Object.defineProperty(target, 'signatureXml', { configurable: true, enumerable: true, writable: true, value });
    },
  });
}

function signatureValueOf(signature: Node): string | undefined {
  for (let c = signature.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === 'SignatureValue' && (c as Element).namespaceURI === DS) return c.textContent ?? undefined;
  }
  return undefined;
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

/** Every descendant element with that `Id`, `ID` or `id` (what the reference targets are reported as). */
function elementsWithId(node: Node, id: string): El[] {
  const out: El[] = [];
  const visit = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as El;
      if (el.getAttribute('Id') === id || el.getAttribute('ID') === id || el.getAttribute('id') === id) out.push(el);
      visit(el);
    }
  };
  visit(node);
  return out;
}
