import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_ANCHORS, loadAnchors } from '../../server/authenticity';
import { fixtureText } from '../support/fixtures';

/**
 * The bundled trust anchors (server/data/anclas-confianza.pem) are public data whose provenance the README beside
 * them records. These checks are what let a certificate in: every one is a self-signed CA certificate whose
 * signature verifies with its own key, its fingerprint is the one the README lists, and the roots DIAN's own samples
 * name in their signed SigningCertificate are exactly those certificates (same SHA-256 and SHA-384).
 */

const README = readFileSync(fileURLToPath(new URL('../../server/data/anclas-confianza.README.md', import.meta.url)), 'utf8');
const bundled = () => loadAnchors([BUNDLED_ANCHORS]).certificates.map((c) => new X509Certificate(Buffer.from(c.rawData)));
const digest = (algorithm: string, cert: X509Certificate) => createHash(algorithm).update(cert.raw).digest('base64');

/** Every `CertDigest` value a sample's signed SigningCertificate lists (signer, sub-CA and root in the 2019 samples). */
function certDigests(sample: string): string[] {
  return [...fixtureText(sample).matchAll(/<xades:CertDigest>[\s\S]*?<ds:DigestValue>([^<]+)<\/ds:DigestValue>/g)].map((m) => m[1]!.trim());
}

describe('bundled trust anchors', () => {
  it('every certificate is a self-signed CA certificate that verifies with its own key, listed in the README by its SHA-256', () => {
    const certificates = bundled();
    expect(certificates.length).toBeGreaterThan(0);
    for (const cert of certificates) {
      expect(cert.ca, cert.subject).toBe(true);
      expect(cert.checkIssued(cert), cert.subject).toBe(true);
      expect(cert.verify(cert.publicKey), cert.subject).toBe(true);
      expect(README).toContain(createHash('sha256').update(cert.raw).digest('hex'));
    }
  });

  it('ROOT CA ANDES SCD S.A. is the root DIAN\'s own samples name in their signed SigningCertificate (SHA-256 and SHA-384)', () => {
    const andes = bundled().find((c) => c.subject.includes('CN=ROOT CA ANDES SCD S.A.'));
    expect(andes).toBeDefined();
    expect(certDigests('dian-toolkit__Combustible.xml')).toContain(digest('sha256', andes!));
    expect(certDigests('dian-toolkit__Consumidor_Final.xml')).toContain(digest('sha384', andes!));
  });
});
