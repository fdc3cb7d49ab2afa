import { randomUUID, X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { CompanyCredential } from '../ports';
import { DIAN_SERVICE_NS, soapAction, type DianMethod } from './endpoints';

/**
 * The SOAP 1.2 envelope DIAN's WcfDianCustomerServices expects, signed under WS-Security with the company's own
 * certificate (docs/ingestion-channels.md §1c; the shapes of public clients, none copied):
 *
 * - `soap:Header` carries `wsa:Action` and `wsa:To` (WS-Addressing 2005/08; `wsa:To` with a `wsu:Id`) and
 *   `wsse:Security` with a `wsu:Timestamp` (Created/Expires, UTC), the certificate as a `wsse:BinarySecurityToken`
 *   (X.509v3, Base64Binary) and a `ds:Signature`;
 * - the signature is RSA-SHA256 over exclusive C14N (SignedInfo with InclusiveNamespaces `wsa soap wcf`), one
 *   SHA-256 reference to `wsa:To` (exclusive C14N transform, InclusiveNamespaces `soap wcf`), as DIAN's guide shows
 *   and the public clients that work against DIAN send. xml-crypto applies both prefix lists (it reads SignedInfo's
 *   from its CanonicalizationMethod), and xmlsec1 verifies the result in the tests. `signTimestamp` adds a second
 *   reference to the Timestamp (WS-Security practice; DIAN's guide does not show it, so it is off unless asked for);
 * - canonicalization, digests and RSA are xml-crypto's: nothing here is hand-written cryptography.
 *
 * KeyInfo: a `wsse:SecurityTokenReference` with a **direct reference** (`wsse:Reference URI="#X509-…"`) to the
 * BinarySecurityToken in the same header. DIAN's WSDL policy names a `ThumbprintSHA1` key identifier instead, while
 * DIAN's guide and the public clients use the direct reference (docs/authenticity-and-events.md B4: open question).
 * We chose the direct reference because the certificate travels in the message anyway, so the server needs nothing
 * it has not been given, and because that is the form reported to work against DIAN's hosts; a thumbprint would only
 * name a certificate the server must already hold. Switching is one function (`keyInfoContent`) if DIAN refuses it.
 */

export const NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  wsa: 'http://www.w3.org/2005/08/addressing',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  wcf: DIAN_SERVICE_NS,
} as const;

export const X509V3 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3';
export const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

export interface EnvelopeOptions {
  method: DianMethod;
  /** The endpoint URL; it also goes, signed, into `wsa:To` (WCF's address filter compares them). */
  to: string;
  /** Children of the `wcf:{method}` element, already escaped XML (e.g. `<wcf:contentFile>…</wcf:contentFile>`). */
  body: string;
  credential: CompanyCredential;
  /** Time the message is made (default now) and how long it may travel (default 60 s, as WCF's usual skew). */
  now?: Date;
  ttlSeconds?: number;
  signTimestamp?: boolean;
}

/** Builds the envelope for one call and signs it. Returns the exact text to POST. */
export function signedEnvelope(options: EnvelopeOptions): string {
  const suffix = randomUUID();
  const ids = { token: `X509-${suffix}`, timestamp: `TS-${suffix}`, to: `ID-${suffix}`, signature: `SIG-${suffix}`, keyInfo: `KI-${suffix}`, str: `STR-${suffix}` };
  const created = options.now ?? new Date();
  const expires = new Date(created.getTime() + (options.ttlSeconds ?? 60) * 1000);
  const certificate = base64Der(options.credential.certificatePem);

  const unsigned =
    `<soap:Envelope xmlns:soap="${NS.soap}" xmlns:wcf="${NS.wcf}">` +
    `<soap:Header xmlns:wsa="${NS.wsa}">` +
    `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}">` +
    `<wsu:Timestamp wsu:Id="${ids.timestamp}"><wsu:Created>${isoSeconds(created)}</wsu:Created><wsu:Expires>${isoSeconds(expires)}</wsu:Expires></wsu:Timestamp>` +
    `<wsse:BinarySecurityToken EncodingType="${BASE64_BINARY}" ValueType="${X509V3}" wsu:Id="${ids.token}">${certificate}</wsse:BinarySecurityToken>` +
    `</wsse:Security>` +
    `<wsa:Action>${soapAction(options.method)}</wsa:Action>` +
    `<wsa:To xmlns:wsu="${NS.wsu}" wsu:Id="${ids.to}">${escapeText(options.to)}</wsa:To>` +
    `</soap:Header>` +
    `<soap:Body><wcf:${options.method}>${options.body}</wcf:${options.method}></soap:Body>` +
    `</soap:Envelope>`;

  const sig = new SignedXml({
    privateKey: options.credential.privateKey,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    inclusiveNamespacesPrefixList: 'wsa soap wcf',
    idMode: 'wssecurity',
    keyInfoAttributes: { Id: ids.keyInfo },
    getKeyInfoContent: () => keyInfoContent(ids.token, ids.str),
  });
  sig.addReference({
    xpath: `//*[local-name(.)='To' and namespace-uri(.)='${NS.wsa}']`,
    transforms: [EXC_C14N],
    digestAlgorithm: SHA256,
    inclusiveNamespacesPrefixList: ['soap', 'wcf'],
  });
  if (options.signTimestamp) {
    sig.addReference({ xpath: `//*[local-name(.)='Timestamp' and namespace-uri(.)='${NS.wsu}']`, transforms: [EXC_C14N], digestAlgorithm: SHA256, inclusiveNamespacesPrefixList: ['wsse', 'soap', 'wcf'] });
  }
  sig.computeSignature(unsigned, {
    prefix: 'ds',
    attrs: { Id: ids.signature },
    location: { reference: `//*[local-name(.)='Security' and namespace-uri(.)='${NS.wsse}']`, action: 'append' },
    existingPrefixes: { wsse: NS.wsse, wsu: NS.wsu },
  });
  return sig.getSignedXml();
}

/** Direct reference to the BinarySecurityToken (see the module comment for why not ThumbprintSHA1). */
function keyInfoContent(tokenId: string, referenceId: string): string {
  return `<wsse:SecurityTokenReference wsu:Id="${referenceId}"><wsse:Reference URI="#${tokenId}" ValueType="${X509V3}"/></wsse:SecurityTokenReference>`;
}

/** The DER of a PEM certificate, base64 on one line (what BinarySecurityToken carries). Throws in Spanish. */
export function base64Der(certificatePem: string): string {
  try {
    return new X509Certificate(certificatePem).raw.toString('base64');
  } catch (error) {
    throw new Error(`El certificado de la empresa no se puede leer (${(error as Error).message}).`, { cause: error });
  }
}

/** `2026-12-03T15:04:05Z`: UTC with seconds, as WCF writes and expects Timestamp values. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
