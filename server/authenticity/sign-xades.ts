import { createHash, createPrivateKey, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';

/**
 * The one XAdES-EPES signer: what DIAN's signature policy asks (docs/authenticity-and-events.md A1) and what the
 * verifier next door (xml-signature.ts, xades.ts) checks. Enveloped in the document's empty `ext:ExtensionContent`,
 * inclusive C14N 1.0, RSA-SHA256, SHA-256 digests, three references (the document with the enveloped transform,
 * KeyInfo, SignedProperties), SigningCertificate (digest + issuer/serial), DIAN's policy v2 with its hash and the
 * signer's ClaimedRole. xml-crypto does the canonicalization, digests and RSA; nothing here is hand-written crypto.
 *
 * Used by the RADIAN event signer (server/radian/sign-event.ts) and by the tests' signing helper, so what the tests
 * verify is what the company sends.
 */

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';
/** DIAN's policy: identifier and the SHA-256 of politicadefirmav2.pdf (the value every sample carries). */
const POLICY = 'https://facturaelectronica.dian.gov.co/politicadefirma/v2/politicadefirmav2.pdf';
const POLICY_HASH = 'dMoMvtcG5aIzgYo0tIsSQeVJBDnUnfSOfBpxXrmor0Y=';

export interface XadesSigner {
  /** The signing certificate, DER. */
  certificateDer: Buffer;
  /** Its private key (a KeyObject or PKCS#8 PEM). */
  privateKey: KeyObject | string;
  /** Intermediates carried in KeyInfo after the signing certificate, DER, in order; may be empty. */
  chainDer?: Buffer[];
}

export interface XadesOptions {
  /** XAdES SigningTime, ISO with the Bogotá offset (`2026-12-03T10:15:00.000-05:00`). */
  signingTime: string;
  /** XAdES ClaimedRole; DIAN's policy names the issuer of a document `supplier` (the default). */
  role?: string;
  /** The `ds:Signature` Id; the other Ids derive from it. Default: `xmldsig-{random UUID}`. */
  id?: string;
}

/** Returns the signed XML. The input must have an empty `ext:ExtensionContent`; the signature goes into the first. */
export function signXadesEpes(xml: string, signer: XadesSigner, options: XadesOptions): string {
  if (!/<ext:ExtensionContent\s*\/>|<ext:ExtensionContent>\s*<\/ext:ExtensionContent>/.test(xml)) {
    throw new Error('El documento no tiene dónde llevar la firma (ext:ExtensionContent vacío).');
  }
  const cert = new X509Certificate(signer.certificateDer);
  const key = typeof signer.privateKey === 'string' ? createPrivateKey(signer.privateKey) : signer.privateKey;
  if (!cert.checkPrivateKey(key)) throw new Error('La llave privada no corresponde al certificado.');
  const id = options.id ?? `xmldsig-${randomUUID()}`;
  const certDigest = createHash('sha256').update(signer.certificateDer).digest('base64');
  // node:crypto prints the issuer one attribute per line, most specific last; XAdES wants one RFC 4514-like line.
  const issuer = cert.issuer.split('\n').reverse().join(',');
  const serial = BigInt(`0x${cert.serialNumber}`).toString(10);
  const carried = [signer.certificateDer, ...(signer.chainDer ?? [])];
  const qualifying =
    `<xades:QualifyingProperties xmlns:xades="${XADES}" Target="#${id}"><xades:SignedProperties Id="${id}-signedprops"><xades:SignedSignatureProperties>` +
    `<xades:SigningTime>${escape(options.signingTime)}</xades:SigningTime>` +
    `<xades:SigningCertificate><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${certDigest}</ds:DigestValue></xades:CertDigest>` +
    `<xades:IssuerSerial><ds:X509IssuerName>${escape(issuer)}</ds:X509IssuerName><ds:X509SerialNumber>${serial}</ds:X509SerialNumber></xades:IssuerSerial></xades:Cert></xades:SigningCertificate>` +
    `<xades:SignaturePolicyIdentifier><xades:SignaturePolicyId><xades:SigPolicyId><xades:Identifier>${POLICY}</xades:Identifier></xades:SigPolicyId>` +
    `<xades:SigPolicyHash><ds:DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${POLICY_HASH}</ds:DigestValue></xades:SigPolicyHash></xades:SignaturePolicyId></xades:SignaturePolicyIdentifier>` +
    `<xades:SignerRole><xades:ClaimedRoles><xades:ClaimedRole>${escape(options.role ?? 'supplier')}</xades:ClaimedRole></xades:ClaimedRoles></xades:SignerRole>` +
    `</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties>`;

  const sig = new SignedXml({
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }) as string,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
    keyInfoAttributes: { Id: `${id}-keyinfo` },
    getKeyInfoContent: () => `<ds:X509Data>${carried.map((der) => `<ds:X509Certificate>${der.toString('base64')}</ds:X509Certificate>`).join('')}</ds:X509Data>`,
    objects: [{ content: qualifying }],
  });
  // Absolute paths, one step per level: `//*[@Id=…]` made xpath visit (and allocate a context for) every node of the
  // document, about 20 MB of garbage per signed invoice. The signature goes where the verifier looks for it (the
  // root's own ext:UBLExtensions, xml-signature.ts), so only there.
  const content = "/*/*[local-name(.)='UBLExtensions']/*[local-name(.)='UBLExtension']/*[local-name(.)='ExtensionContent']";
  const signature = `${content}/*[local-name(.)='Signature']`;
  sig.addReference({ xpath: '/*', isEmptyUri: true, transforms: [ENVELOPED], digestAlgorithm: SHA256, id: `${id}-ref0` });
  sig.addReference({ xpath: `${signature}/*[local-name(.)='KeyInfo' and @Id='${id}-keyinfo']`, transforms: [C14N], digestAlgorithm: SHA256 });
  sig.addReference({
    xpath: `${signature}/*[local-name(.)='Object']/*[local-name(.)='QualifyingProperties']/*[local-name(.)='SignedProperties' and @Id='${id}-signedprops']`,
    transforms: [C14N],
    digestAlgorithm: SHA256,
    type: SIGNED_PROPERTIES_TYPE,
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    attrs: { Id: id },
    location: { reference: `${content}[not(*)]`, action: 'append' },
  });
  return sig.getSignedXml();
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
