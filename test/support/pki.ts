import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import * as asn from '@peculiar/asn1-x509';
import { computeDv } from '#shared/nit';

/**
 * The tests' own PKI, made with the libraries at test time (never anyone's real keys): a test certification
 * authority, "DIAN" (serialNumber 8001972684) and one certificate per supplier NIT under it. Tests trust the test
 * CA through `AGENTE_ANCLAS_CONFIANZA`, exactly as DIAN's habilitación would be trusted.
 *
 * Generating RSA keys is the slow part, so the keys are made once and shared by every test process of this user
 * (a file in the temp folder, created atomically); certificates are deterministic, so every process that signs a
 * supplier's document and every process that verifies it (a CLI child, the e2e server) agree.
 */

const VERSION = 'v1';
const STATE_FILE = join(tmpdir(), `agente-pruebas-pki-${VERSION}-${safeUser()}.json`);
/** The PEM file of the test CA: what `AGENTE_ANCLAS_CONFIANZA` points at in tests. */
export const TEST_ANCHOR_FILE = join(tmpdir(), `agente-pruebas-ca-${VERSION}-${safeUser()}.pem`);

const SHA256_RSA = '1.2.840.113549.1.1.11';
const OID = { C: '2.5.4.6', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3', serialNumber: '2.5.4.5' } as const;
const VALID_FROM = new Date('2015-01-01T00:00:00Z');
const VALID_TO = new Date('2045-01-01T00:00:00Z');

export interface TestIdentity {
  /** PKCS#8 PEM of the private key. */
  keyPem: string;
  key: KeyObject;
  /** DER of the certificate. */
  certDer: Buffer;
}

interface State {
  caKey: string;
  signerKey: string;
}

let state: State | undefined;
let ca: TestIdentity | undefined;
const identities = new Map<string, TestIdentity>();

function loadState(): State {
  if (state) return state;
  if (!existsSync(STATE_FILE)) {
    const fresh: State = { caKey: newKeyPem(), signerKey: newKeyPem() };
    const temporary = `${STATE_FILE}.${process.pid}.${Date.now()}`;
    writeFileSync(temporary, JSON.stringify(fresh), { mode: 0o600 });
    try {
      linkSync(temporary, STATE_FILE); // fails if another process made it first: then theirs is used
    } catch {
      // another process won the race
    } finally {
      unlinkSync(temporary);
    }
  }
  state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as State;
  return state;
}

function newKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** The test certification authority (self-signed). Its PEM is written to {@link TEST_ANCHOR_FILE}. */
export function testCa(): TestIdentity {
  if (ca) return ca;
  const key = createPrivateKey(loadState().caKey);
  const subject = [[OID.C, 'CO'], [OID.O, 'Agente de Gastos - pruebas'], [OID.CN, 'Autoridad de Certificación de Pruebas']] as const;
  const certDer = issueCertificate({ subject, issuer: subject, publicKey: createPublicKey(key), issuerKey: key, serial: 'ca', ca: true });
  ca = { key, keyPem: loadState().caKey, certDer };
  const pem = toPem(certDer);
  if (!existsSync(TEST_ANCHOR_FILE) || readFileSync(TEST_ANCHOR_FILE, 'utf8') !== pem) writeFileSync(TEST_ANCHOR_FILE, pem);
  return ca;
}

/** A certificate under the test CA whose subject carries `nit` + DV in serialNumber, as Colombian CAs issue them. */
export function supplierIdentity(nit: string, name = `Proveedor de pruebas ${nit}`): TestIdentity {
  return identityUnder(testCa(), nit, name);
}

/** "DIAN": NIT 800197268 (serialNumber 8001972684), under the test CA. */
export function dianIdentity(): TestIdentity {
  return identityUnder(testCa(), '800197268', 'U.A.E. DIRECCION DE IMPUESTOS Y ADUANAS NACIONALES');
}

/**
 * A self-made authority nobody trusts (for forgery tests): same names as the test CA would use, its own key.
 * `identityUnder(rogueCa(), '800197268', …)` is a "DIAN" certificate a forger could make.
 */
export function rogueCa(): TestIdentity {
  return selfSignedAuthority('rogue', [[OID.C, 'CO'], [OID.O, 'Autoridad falsa'], [OID.CN, 'Autoridad Subordinada 01 GSE']]);
}

/**
 * A forger's authority with exactly the test CA's name (subject and issuer) but its own key: what it issues looks,
 * by names alone, like what the test CA issues (for the tests of the certificate and chain caches).
 */
export function lookalikeCa(): TestIdentity {
  return selfSignedAuthority('lookalike', AsnConvert.parse(testCa().certDer, asn.Certificate).tbsCertificate.subject);
}

/** A self-signed authority on the shared signer key, made once per process. */
function selfSignedAuthority(label: string, subject: NameSpec): TestIdentity {
  const id = identities.get(`${label}-ca`);
  if (id) return id;
  const keyPem = loadState().signerKey;
  const key = createPrivateKey(keyPem);
  const made = { key, keyPem, certDer: issueCertificate({ subject, issuer: subject, publicKey: createPublicKey(key), issuerKey: key, serial: label, ca: true }) };
  identities.set(`${label}-ca`, made);
  return made;
}

/**
 * A holder certificate like {@link identityUnder}'s (same names, same serial) but for a key of its own, made now and
 * kept only for this process.
 */
export function identityWithOwnKey(issuer: TestIdentity, nit: string, name: string): TestIdentity {
  return holderUnder(issuer, nit, name, 'own-key|', newKeyPem);
}

/** A holder certificate for `nit` issued by `issuer` (every holder shares one key: only the certificate differs). */
export function identityUnder(issuer: TestIdentity, nit: string, name: string): TestIdentity {
  return holderUnder(issuer, nit, name, '', () => loadState().signerKey);
}

/** A holder certificate (serialNumber = NIT + DV, as Colombian CAs issue them), kept per issuer, NIT, name and key kind. */
function holderUnder(issuer: TestIdentity, nit: string, name: string, keyKind: string, keyPemOf: () => string): TestIdentity {
  const cacheKey = `${keyKind}${createHash('sha256').update(issuer.certDer).digest('hex')}|${nit}|${name}`;
  const cached = identities.get(cacheKey);
  if (cached) return cached;
  const keyPem = keyPemOf();
  const key = createPrivateKey(keyPem);
  const issuerName = AsnConvert.parse(issuer.certDer, asn.Certificate).tbsCertificate.subject;
  const subject = [[OID.C, 'CO'], [OID.O, name], [OID.CN, name], [OID.serialNumber, `${nit}${computeDv(nit) ?? ''}`]] as const;
  const certDer = issueCertificate({ subject, issuer: issuerName, publicKey: createPublicKey(key), issuerKey: issuer.key, serial: `${nit}|${name}`, ca: false });
  const made = { key, keyPem, certDer };
  identities.set(cacheKey, made);
  return made;
}

export function toPem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
}

type NameSpec = readonly (readonly [string, string])[] | asn.Name;

/** An X.509 v3 certificate built with @peculiar/asn1-x509 and signed (RSA-SHA256) by node:crypto, synchronously. */
function issueCertificate(spec: { subject: NameSpec; issuer: NameSpec; publicKey: KeyObject; issuerKey: KeyObject; serial: string; ca: boolean }): Buffer {
  const algorithm = new asn.AlgorithmIdentifier({ algorithm: SHA256_RSA, parameters: new Uint8Array([0x05, 0x00]).buffer });
  // Positive, deterministic serial (the same certificate in every process).
  const serial = createHash('sha256').update(spec.serial).digest().subarray(0, 12);
  serial[0] = serial[0]! & 0x7f;
  const tbs = new asn.TBSCertificate({
    version: asn.Version.v3,
    serialNumber: new Uint8Array(serial).buffer,
    signature: algorithm,
    issuer: toName(spec.issuer),
    validity: new asn.Validity({ notBefore: VALID_FROM, notAfter: VALID_TO }),
    subject: toName(spec.subject),
    subjectPublicKeyInfo: AsnConvert.parse(spec.publicKey.export({ type: 'spki', format: 'der' }), asn.SubjectPublicKeyInfo),
    extensions: new asn.Extensions([
      new asn.Extension({ extnID: asn.id_ce_basicConstraints, critical: true, extnValue: new OctetString(AsnConvert.serialize(new asn.BasicConstraints({ cA: spec.ca }))) }),
    ]),
  });
  const signature = sign('sha256', Buffer.from(AsnConvert.serialize(tbs)), spec.issuerKey);
  const certificate = new asn.Certificate({ tbsCertificate: tbs, signatureAlgorithm: algorithm, signatureValue: new Uint8Array(signature).buffer });
  return Buffer.from(AsnConvert.serialize(certificate));
}

function toName(spec: NameSpec): asn.Name {
  if (spec instanceof asn.Name) return spec;
  return new asn.Name(
    spec.map(
      ([type, value]) =>
        new asn.RelativeDistinguishedName([
          new asn.AttributeTypeAndValue({ type, value: new asn.AttributeValue(type === OID.C || type === OID.serialNumber ? { printableString: value } : { utf8String: value }) }),
        ]),
    ),
  );
}

function safeUser(): string {
  try {
    return userInfo().username.replace(/\W/g, '') || 'user';
  } catch {
    return 'user';
  }
}

// Everything in a test process (and the CLI or server processes it starts, which inherit the environment) trusts the
// test CA, as an installation configured for DIAN's habilitación would. Tests about untrusted chains pass their own
// anchors explicitly.
testCa();
process.env.AGENTE_ANCLAS_CONFIANZA ??= TEST_ANCHOR_FILE;
