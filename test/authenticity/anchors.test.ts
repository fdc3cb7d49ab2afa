import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_ANCHORS, loadAnchors, verifyOutcome } from '../../server/authenticity';
import { checkChain, EXCLUDED_AUTHORITIES } from '../../server/authenticity/trust-anchors';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { x509 } from '../../server/authenticity/certificates';
import { readDianFile, signedTextsOf } from '../../server/dian';
import { encoder, fixtureNames, fixtureText } from '../support/fixtures';

/**
 * The bundled trust anchors (server/data/anclas-confianza.pem) are public data whose provenance the README beside
 * them records. These checks are what let a certificate in: every one is a CA certificate; a root's signature
 * verifies with its own key, an intermediate's under a root of the bundle; its fingerprint is the one the README
 * lists; and where an independent source exists (DIAN's own signed samples, a trust program's published
 * fingerprint), the bytes are exactly those. Then what the bundle does to the real samples: nothing changes outcome,
 * and the facts say which authority is still missing.
 */

const CLASE_II_2018 = fileURLToPath(new URL('../fixtures/anchors/andes-clase-ii-2018.pem', import.meta.url));
const README = readFileSync(fileURLToPath(new URL('../../server/data/anclas-confianza.README.md', import.meta.url)), 'utf8');
const PRODUCTION = loadAnchors([BUNDLED_ANCHORS]);
const bundled = () => PRODUCTION.certificates.map((c) => new X509Certificate(Buffer.from(c.rawData)));
const hex = (algorithm: string, cert: X509Certificate) => createHash(algorithm).update(cert.raw).digest('hex');
const digest = (algorithm: string, cert: X509Certificate) => createHash(algorithm).update(cert.raw).digest('base64');
const selfSigned = (cert: X509Certificate) => cert.checkIssued(cert) && cert.verify(cert.publicKey);
const cn = (name: string) => /CN=([^\n]+)/.exec(name)?.[1];

/** Key identifiers, hex (node:crypto does not expose them; @peculiar/x509 does). */
function keyIds(cert: X509Certificate): { ski?: string; aki?: string } {
  const parsed = new x509.X509Certificate(cert.raw);
  const ski = parsed.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const aki = parsed.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId;
  return { ...(ski ? { ski } : {}), ...(aki ? { aki } : {}) };
}

/** Every `CertDigest` value a sample's signed SigningCertificate lists (signer, sub-CA and root in the 2019 samples). */
function certDigests(sample: string): string[] {
  return [...fixtureText(sample).matchAll(/<xades:CertDigest>[\s\S]*?<ds:DigestValue>([^<]+)<\/ds:DigestValue>/g)].map((m) => m[1]!.trim());
}

/** Every distinct certificate the real samples carry in their KeyInfo (signers only: none carries its chain). */
function sampleCertificates(): Map<string, { cert: X509Certificate; samples: string[] }> {
  const found = new Map<string, { cert: X509Certificate; samples: string[] }>();
  for (const name of fixtureNames()) {
    for (const m of fixtureText(name).matchAll(/<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/g)) {
      const cert = new X509Certificate(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
      const key = hex('sha256', cert);
      const entry = found.get(key) ?? { cert, samples: [] };
      if (!entry.samples.includes(name)) entry.samples.push(name);
      found.set(key, entry);
    }
  }
  return found;
}

// Published elsewhere, independently of the bytes we ship (sources in the README): what the bytes must hash to.
const CERTICAMARA_SHA256_MOZILLA = 'a6c51e0da5ca0a9309d2e4c0e40c2af9107aae8203857fe198e3e769e343085c'; // NSS 3.41 release notes
const CERTICAMARA_SHA1_TRUST_LISTS = 'cba1c5f8b0e35eb8b94512d3f934a2e90610d336'; // Microsoft / Mozilla root listings
// CA ANDES SCD S.A. Clase II (2011 and 2018 issues share this key): issuer of Andes's public test certificates.
const ANDES_CLASE_II_KEY = 'a84bb4f40ba7b65bd4a02885109d041333c4a7f7';

describe('bundled trust anchors', () => {
  it('lists every certificate with subject, issuer, validity and SHA-256, each one in the README', () => {
    const certificates = bundled();
    expect(certificates.length).toBeGreaterThan(1);
    const table = certificates.map((c) => ({ subject: cn(c.subject), issuer: cn(c.issuer), from: c.validFrom, to: c.validTo, sha256: hex('sha256', c) }));
    console.info(`Anclas de confianza (${BUNDLED_ANCHORS}):\n${table.map((r) => `  ${r.subject} ← ${r.issuer} | ${r.from} → ${r.to} | SHA-256 ${r.sha256}`).join('\n')}`);
    for (const row of table) {
      expect(README, row.subject).toContain(row.sha256);
      expect(README, row.sha256).toContain(row.subject!);
    }
  });

  it('every certificate is a CA; a root verifies with its own key; an intermediate verifies under a root of the bundle', () => {
    const certificates = bundled();
    for (const cert of certificates) {
      expect(cert.ca, cert.subject).toBe(true);
      if (cert.checkIssued(cert)) {
        expect(cert.verify(cert.publicKey), `${cert.subject}: autofirma`).toBe(true);
        continue;
      }
      const issuers = certificates.filter((other) => other !== cert && cert.checkIssued(other) && cert.verify(other.publicKey));
      expect(issuers.map((i) => i.subject), `${cert.subject}: emisor en el paquete`).not.toEqual([]);
      expect(issuers.some(selfSigned), `${cert.subject}: su cadena termina en una raíz del paquete`).toBe(true);
    }
  });

  it('ROOT CA ANDES SCD S.A. is the root DIAN\'s own samples name in their signed SigningCertificate (SHA-256 and SHA-384)', () => {
    const andes = bundled().find((c) => c.subject.includes('CN=ROOT CA ANDES SCD S.A.'));
    expect(andes).toBeDefined();
    expect(selfSigned(andes!)).toBe(true);
    expect(certDigests('dian-toolkit__Combustible.xml')).toContain(digest('sha256', andes!));
    expect(certDigests('dian-toolkit__Consumidor_Final.xml')).toContain(digest('sha384', andes!));
  });

  it('AC Raíz Certicámara S.A. is byte for byte the root Mozilla and Microsoft published by fingerprint, and the chain builder accepts its SHA-1 self-signature', async () => {
    const certicamara = bundled().find((c) => c.subject.includes('CN=AC Raíz Certicámara S.A.'));
    expect(certicamara).toBeDefined();
    expect(hex('sha256', certicamara!)).toBe(CERTICAMARA_SHA256_MOZILLA);
    expect(hex('sha1', certicamara!)).toBe(CERTICAMARA_SHA1_TRUST_LISTS);
    expect(selfSigned(certicamara!)).toBe(true);
    // The same builder the verifier uses (WebCrypto, RSASSA-PKCS1-v1_5 with SHA-1) takes it as an anchor of itself.
    const root = new x509.X509Certificate(certicamara!.raw);
    const chain = await checkChain(root, [], PRODUCTION, new Date('2026-03-10T15:00:00Z'));
    expect(chain).toMatchObject({ anchored: true, validAtSigningTime: true, anchor: root.subject });
    // No real sample is signed under it: nothing in test/fixtures/dian names its key.
    const { ski } = keyIds(certicamara!);
    expect([...sampleCertificates().values()].map((s) => keyIds(s.cert).aki)).not.toContain(ski);
  });

  it('CA ANDES SCD S.A. Clase II, which issued Andes’s public test certificates, stays out', () => {
    for (const cert of bundled()) {
      expect(cert.subject).not.toMatch(/CN=CA ANDES SCD S\.A\. Clase II$/m);
      expect(keyIds(cert).ski).not.toBe(ANDES_CLASE_II_KEY);
    }
  });

  it('the signers of the real samples: whoever names a bundled key verifies under it, and the authorities still missing are exactly the ones the README lists', () => {
    const keys = new Map(bundled().map((c) => [keyIds(c).ski, c]));
    const missing = new Set<string>();
    for (const { cert, samples } of sampleCertificates().values()) {
      const { aki } = keyIds(cert);
      const issuer = aki ? keys.get(aki) : undefined;
      if (issuer) {
        expect(cert.verify(issuer.publicKey), `${samples[0]}: ${cert.subject}`).toBe(true);
      } else {
        missing.add(`${cn(cert.issuer)} (${aki ?? 'sin AKI'})`);
        expect(README, `${samples[0]}: su emisor falta y el README debe decirlo`).toContain(cn(cert.issuer)!);
      }
    }
    expect([...missing].sort()).toEqual([
      'Autoridad Subordinada 01 GSE (41bcd43978b883a3171a089aa9b80402092dd899)',
      'CA ANDES SCD S.A. Clase II (a84bb4f40ba7b65bd4a02885109d041333c4a7f7)',
      'CA ANDES SCD S.A. Clase II v2 (3a5750d0771b3ed68beaff9799d7ff840248290f)',
      'GSE SUB001_CO (8e4a035ea3fd09a763b564ee75467a6cddbe4549)',
    ]);
  });
});

describe('what the bundle does to the real samples', () => {
  const NOW = new Date('2026-03-10T15:00:00Z');

  it('volt (real production container, altered after signing) stays altered; DIAN’s response was signed by DIAN’s certificate, whose chain ends at «Autoridad Subordinada 01 GSE», which the bundle lacks', async () => {
    const [outcome] = readDianFile(encoder.encode(fixtureText('volt__example.js.AttachedDocument.xml'))).outcomes;
    const result = await verifyOutcome(outcome!, NOW, { anchors: PRODUCTION });
    expect(result?.code).toBe('supplier_signature_invalid');
    expect(result?.reason).toMatch(/Puede haber sido alterado/);

    // The verifier stops at the broken supplier signature; the facts of DIAN's response, checked on their own: its
    // text was anonymised too (document digest), but its SignedInfo, KeyInfo and SignedProperties are as DIAN signed
    // them, so the certificate is the one whose key made the signature.
    const texts = signedTextsOf(outcome!.document!)!;
    const response = checkSignature(texts.applicationResponse!);
    expect(Object.fromEntries(response.facts.references.map((r) => [r.target, r.ok]))).toEqual({ document: false, keyinfo: true, 'signed-properties': true });
    expect(response.facts).toMatchObject({ signatureValueOk: true, certDigestOk: true, issuerSerialOk: true });
    expect(response.facts.certificate?.subject).toMatch(/U\.A\.E\. DIRECCION DE IMPUESTOS Y ADUANAS NACIONALES/);
    expect(response.facts.certificate?.issuer).toMatch(/Autoridad Subordinada 01 GSE/);
    const dianChain = await checkChain(response.signer!.cert, response.carried.map((c) => c.cert), PRODUCTION, response.signingTime);
    expect(dianChain.anchored).toBe(false);
    expect(dianChain.problem).toMatch(/la cadena termina en «.*Autoridad Subordinada 01 GSE/);

    // The supplier's certificate (real, Andes SCD) is one step short too: its issuer, Clase II v2, is not bundled.
    const supplier = checkSignature(texts.document);
    const supplierChain = await checkChain(supplier.signer!.cert, supplier.carried.map((c) => c.cert), PRODUCTION, supplier.signingTime);
    expect(supplierChain.anchored).toBe(false);
    expect(supplierChain.problem).toMatch(/CA ANDES SCD S\.A\. Clase II v2/);
  });

  it('every real sample keeps the outcome it had with the single Andes root', async () => {
    const expected: Record<string, string | undefined> = {
      'dian-toolkit__Compra_o_Venta_de_Divisas.xml': 'unsigned',
      'dian-toolkit__Consumidor_Final.xml': 'no_dian_validation',
      'dian-toolkit__CreditNote.xml': 'no_dian_validation',
      'dian-toolkit__DebitNote.xml': 'no_dian_validation',
      'ubl21dian__invoice_signed_dian_v2.xml': 'no_dian_validation',
      'volt__example.js.AttachedDocument.xml': 'supplier_signature_invalid',
      // RADIAN events are not purchase documents: nothing to verify.
      'dian-toolkit__RADIAN_030_-_Acuse_ReciboFEV.xml': undefined,
      'dian-toolkit__RADIAN_031_-_Reclamo_de_la_factura_Electronica_de_Venta.xml': undefined,
      'dian-toolkit__RADIAN_032_-_Recibo_BandS.xml': undefined,
      'dian-toolkit__RADIAN_034_-_Aceptacion_Tacita_FEV.xml': undefined,
    };
    const names = fixtureNames();
    expect(names.length).toBe(35);
    for (const name of names) {
      const [outcome] = readDianFile(encoder.encode(fixtureText(name))).outcomes;
      const result = await verifyOutcome(outcome!, NOW, { anchors: PRODUCTION });
      // Every other DIAN sample was edited by DIAN after it was signed.
      const want = name in expected ? expected[name] : 'supplier_signature_invalid';
      expect(result?.code, name).toBe(want);
      if (result?.supplier.chain) expect(result.supplier.chain.anchored, name).toBe(false);
    }
  });
});

describe('authorities refused even when a document carries them', () => {
  it('the exclusions are data, each with its reason, and none of them is bundled', () => {
    const data = JSON.parse(readFileSync(EXCLUDED_AUTHORITIES, 'utf8')) as { autoridades: { identificadorLlave: string; nombre: string; motivo: string }[] };
    expect(data.autoridades.map((a) => a.identificadorLlave)).toContain(ANDES_CLASE_II_KEY);
    for (const a of data.autoridades) {
      expect(a.identificadorLlave).toMatch(/^[0-9a-f]{40}$/);
      expect(a.motivo.length, a.nombre).toBeGreaterThan(20);
      expect(README, a.nombre).toContain(a.identificadorLlave);
    }
    expect(bundled().map((c) => keyIds(c).ski).filter((k) => data.autoridades.some((a) => a.identificadorLlave === k))).toEqual([]);
  });

  it('Andes’s public test certificate (ubl21dian sample) does not reach the Andes root by carrying «CA ANDES SCD S.A. Clase II»; an operator who names that authority as an anchor still can', async () => {
    const [claseII] = loadAnchors([CLASE_II_2018]).certificates.map((c) => new X509Certificate(Buffer.from(c.rawData)));
    // The real 2018 certificate: the hash the README records, issued by the bundled Andes root, with the excluded key.
    expect(hex('sha256', claseII!)).toBe('2199a8b8e3d3e2eada7b036504d2d9e7f57899eae2f1b076b15f292240774f4a');
    const andes = bundled().find((c) => c.subject.includes('CN=ROOT CA ANDES SCD S.A.'))!;
    expect(claseII!.checkIssued(andes) && claseII!.verify(andes.publicKey)).toBe(true);
    expect(keyIds(claseII!).ski).toBe(ANDES_CLASE_II_KEY);

    const signed = checkSignature(fixtureText('ubl21dian__invoice_signed_dian_v2.xml'));
    expect(signed.signer!.cert.subject).toMatch(/Usuario de Pruebas/);
    const carried = new x509.X509Certificate(claseII!.raw);
    const chain = await checkChain(signed.signer!.cert, [carried], PRODUCTION, signed.signingTime);
    expect(chain.anchored).toBe(false);
    expect(chain.problem).toMatch(/«[^»]*CN=CA ANDES SCD S\.A\. Clase II,[^»]*», que no se acepta aunque venga en el documento: emitió los certificados de pruebas/);

    // DIAN's habilitación: whoever puts it among the anchors on purpose (AGENTE_ANCLAS_CONFIANZA) gets the chain.
    const explicit = await checkChain(signed.signer!.cert, [], loadAnchors([BUNDLED_ANCHORS, CLASE_II_2018]), signed.signingTime);
    expect(explicit).toMatchObject({ anchored: true, validAtSigningTime: true });
    expect(explicit.anchor).toMatch(/CA ANDES SCD S\.A\. Clase II/);
  });
});
