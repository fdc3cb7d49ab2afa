import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { CompanyCredential } from './ports';

/**
 * Signs an event the way DIAN's signature policy asks (docs/authenticity-and-events.md A1; the same shape the
 * verifier in server/authenticity checks): XAdES-EPES enveloped in the document's empty `ext:ExtensionContent`,
 * inclusive C14N 1.0, RSA-SHA256, SHA-256 digests, three references (the document with the enveloped transform,
 * KeyInfo, SignedProperties), SigningCertificate (digest + issuer/serial) and DIAN's policy v2 with its hash.
 * xml-crypto does the canonicalization, digests and RSA; nothing here is hand-written crypto.
 */

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
/** DIAN's policy: identifier and the SHA-256 of politicadefirmav2.pdf (the value every sample carries). */
const POLICY = 'https://facturaelectronica.dian.gov.co/politicadefirma/v2/politicadefirmav2.pdf';
const POLICY_HASH = 'dMoMvtcG5aIzgYo0tIsSQeVJBDnUnfSOfBpxXrmor0Y=';

export interface SignOptions {
  /** XAdES SigningTime, ISO with the Bogotá offset (`2026-12-03T10:15:00.000-05:00`). */
  signingTime: string;
  /** The signer's role (XAdES ClaimedRole); DIAN's policy names the issuer of a document `supplier`. */
  role?: string;
}

/** Returns the signed XML. The input must have exactly one empty `ext:ExtensionContent` (event-document.ts makes it). */
export function signEvent(xml: string, credential: CompanyCredential, options: SignOptions): string {
  if (!/<ext:ExtensionContent\s*\/>/.test(xml)) throw new Error('El evento no tiene dónde llevar la firma (ext:ExtensionContent vacío).');
  const cert = new X509Certificate(credential.certificatePem);
  if (!cert.checkPrivateKey(credential.privateKey)) throw new Error('La llave privada no corresponde al certificado de la empresa.');
  const id = `xmldsig-${randomUUID()}`;
  const certDer = cert.raw;
  const certDigest = createHash('sha256').update(certDer).digest('base64');
  const issuer = cert.issuer.split('\n').reverse().join(',');
  const serial = BigInt(`0x${cert.serialNumber}`).toString(10);
  const chain = [certDer, ...credential.chainPem.map((pem) => new X509Certificate(pem).raw)];
  const qualifying =
    `<xades:QualifyingProperties xmlns:xades="${XADES}" Target="#${id}"><xades:SignedProperties Id="${id}-signedprops"><xades:SignedSignatureProperties>` +
    `<xades:SigningTime>${options.signingTime}</xades:SigningTime>` +
    `<xades:SigningCertificate><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${certDigest}</ds:DigestValue></xades:CertDigest>` +
    `<xades:IssuerSerial><ds:X509IssuerName>${escape(issuer)}</ds:X509IssuerName><ds:X509SerialNumber>${serial}</ds:X509SerialNumber></xades:IssuerSerial></xades:Cert></xades:SigningCertificate>` +
    `<xades:SignaturePolicyIdentifier><xades:SignaturePolicyId><xades:SigPolicyId><xades:Identifier>${POLICY}</xades:Identifier></xades:SigPolicyId>` +
    `<xades:SigPolicyHash><ds:DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${POLICY_HASH}</ds:DigestValue></xades:SigPolicyHash></xades:SignaturePolicyId></xades:SignaturePolicyIdentifier>` +
    `<xades:SignerRole><xades:ClaimedRoles><xades:ClaimedRole>${escape(options.role ?? 'supplier')}</xades:ClaimedRole></xades:ClaimedRoles></xades:SignerRole>` +
    `</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties>`;

  const sig = new SignedXml({
    privateKey: credential.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
    keyInfoAttributes: { Id: `${id}-keyinfo` },
    getKeyInfoContent: () => `<ds:X509Data>${chain.map((der) => `<ds:X509Certificate>${der.toString('base64')}</ds:X509Certificate>`).join('')}</ds:X509Data>`,
    objects: [{ content: qualifying }],
  });
  sig.addReference({ xpath: '/*', isEmptyUri: true, transforms: [ENVELOPED], digestAlgorithm: SHA256, id: `${id}-ref0` });
  sig.addReference({ xpath: `//*[@Id='${id}-keyinfo']`, transforms: [C14N], digestAlgorithm: SHA256 });
  sig.addReference({ xpath: `//*[@Id='${id}-signedprops']`, transforms: [C14N], digestAlgorithm: SHA256, type: 'http://uri.etsi.org/01903#SignedProperties' });
  sig.computeSignature(xml, {
    prefix: 'ds',
    attrs: { Id: id },
    location: { reference: "//*[local-name(.)='ExtensionContent' and not(*)]", action: 'append' },
  });
  return sig.getSignedXml();
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
