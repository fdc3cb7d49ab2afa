// @peculiar/x509 resolves its ASN.1 services through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import { createHash, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { CertificateFacts } from '#shared/authenticity';
import { computeDv, normalizeNit } from '#shared/nit';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** X.520 serialNumber: where Colombian CAs put the holder's NIT (with DV) or cédula. */
const SERIAL_NUMBER = '2.5.4.5';
/** GSE's own attribute for the holder's identification number. */
const GSE_ID = '1.3.6.1.4.1.4710.1.3.2';
const ID_ATTRIBUTES = [SERIAL_NUMBER, GSE_ID];

export const DIAN_NIT = '800197268';

export interface ParsedCertificate {
  cert: x509.X509Certificate;
  der: Buffer;
  pem: string;
  facts: CertificateFacts;
}

const cache = new Map<string, ParsedCertificate>();
const CERTIFICATES_KEPT = 2000;

/**
 * Parses a base64 DER certificate (the text of `ds:X509Certificate`). The last {@link CERTIFICATES_KEPT} certificates
 * parsed are kept (per thread), by their exact bytes: DIAN's is on every container and suppliers repeat. Nothing about
 * a document is kept with them: validity at signing time and the holder are decided for each document.
 */
export function parseCertificate(base64: string): ParsedCertificate {
  const compact = base64.replace(/\s+/g, '');
  const cached = cache.get(compact);
  if (cached) {
    // Most recently used last: the oldest certificate is the one dropped.
    cache.delete(compact);
    cache.set(compact, cached);
    return cached;
  }
  const der = Buffer.from(compact, 'base64');
  const cert = new x509.X509Certificate(der);
  const facts: CertificateFacts = {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sha256: createHash('sha256').update(der).digest('hex'),
    identifiers: [...new Set(ID_ATTRIBUTES.flatMap((oid) => cert.subjectName.getField(oid)).map((v) => v.trim()).filter(Boolean))],
  };
  const pem = `-----BEGIN CERTIFICATE-----\n${compact.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  const parsed = { cert, der, pem, facts };
  if (cache.size >= CERTIFICATES_KEPT) cache.delete(cache.keys().next().value!);
  cache.set(compact, parsed);
  return parsed;
}

const publicKeys = new WeakMap<ParsedCertificate, KeyObject>();

/**
 * The certificate's public key, read once per certificate: node:crypto would otherwise parse the PEM again on every
 * signature check. Throws as verifying with the PEM would (same OpenSSL reading).
 */
export function publicKeyOf(parsed: ParsedCertificate): KeyObject {
  let key = publicKeys.get(parsed);
  if (!key) {
    key = createPublicKey(parsed.pem);
    publicKeys.set(parsed, key);
  }
  return key;
}

/**
 * Whether a certificate's subject identifies the holder of `nit`: its serialNumber (or GSE's id attribute) is the
 * NIT, the NIT followed by its DV (DIAN: 8001972684), or a cédula for a natural person. Digits are compared, so
 * "NIT 900.123.456-7" and "9001234567" both match.
 */
export function certificateNamesNit(facts: CertificateFacts, nit: string): boolean {
  const wanted = normalizeNit(nit);
  if (!wanted) return false;
  const withDv = wanted + (computeDv(wanted) ?? '');
  return facts.identifiers.some((value) => {
    const digits = normalizeNit(value);
    return digits === wanted || digits === withDv;
  });
}

/** Valid at `when` (signing time): not before notBefore, not after notAfter. */
export function validAt(cert: x509.X509Certificate, when: Date): boolean {
  return cert.notBefore.getTime() <= when.getTime() && when.getTime() <= cert.notAfter.getTime();
}

/** The issuer's CN, to compare with XAdES IssuerSerial (written in several name formats by signers). */
export function commonName(name: x509.Name | undefined): string | undefined {
  return name?.getField('CN')[0];
}

export { x509 };
