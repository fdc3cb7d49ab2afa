import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { CertificateView } from '#shared/radian';
import type { Clock } from '../agent/clock';
import { certificateNamesNit, parseCertificate } from '../authenticity/certificates';
import type { Db } from '../db/database';
import type { RadianCertificateRow } from '../db/schema';
import { InputError, NotFoundError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';
import type { CompanyCredential } from './ports';

/**
 * The company's own signing certificate, as the .p12 (PKCS#12) its certification authority delivered. Read with
 * node-forge (pinned): it decrypts the legacy PBE schemes (3DES, RC2) Colombian authorities still use, which
 * node:crypto cannot open. The .p12 and its password are sealed with the same SecretBox key as the mailbox password
 * and opened only for the time of one signature; no route ever returns the password.
 */

export const MAX_P12_BYTES = 64 * 1024;
const WARN_DAYS = 30;
/** PKCS#12 bag types (RFC 7292 §4.2). */
const OIDS = { keyBag: '1.2.840.113549.1.12.10.1.1', pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3' } as const;
const DAY_MS = 86_400_000;

export interface OpenedP12 {
  credential: CompanyCredential;
  certificate: X509Certificate;
}

/**
 * Opens a .p12 with its password: the certificate whose public key matches the private key, and the other
 * certificates as its chain (signer first, self-signed roots left out).
 * @throws InputError in Spanish (wrong password, not a .p12, no key, no certificate for the key)
 */
export function openP12(bytes: Uint8Array, password: string): OpenedP12 {
  if (bytes.length === 0) throw new InputError('El archivo del certificado está vacío.', 'CERTIFICATE_INVALID');
  if (bytes.length > MAX_P12_BYTES) throw new InputError('El archivo no parece un certificado .p12: es demasiado grande.', 'CERTIFICATE_INVALID');
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/mac|password|invalid/i.test(message) && !/too few bytes|unparsed/i.test(message)) {
      throw new InputError('La contraseña del certificado no es correcta.', 'CERTIFICATE_PASSWORD');
    }
    throw new InputError('El archivo no es un certificado .p12 (PKCS#12) que se pueda leer.', 'CERTIFICATE_INVALID');
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(OIDS.pkcs8ShroudedKeyBag), ...bags(OIDS.keyBag)];
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey) throw new InputError('El archivo .p12 no trae la llave privada: expórtalo de nuevo incluyendo la llave.', 'CERTIFICATE_NO_KEY');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey as forge.pki.rsa.PrivateKey));
  const certificates = bags(OIDS.certBag)
    .filter((b) => b.cert)
    .map((b) => new X509Certificate(forge.pki.certificateToPem(b.cert!)));
  const signer = certificates.find((c) => c.checkPrivateKey(privateKey));
  if (!signer) throw new InputError('El archivo .p12 no trae el certificado de su llave privada.', 'CERTIFICATE_NO_KEY');
  const chain = orderChain(signer, certificates.filter((c) => c !== signer));
  return { certificate: signer, credential: { certificatePem: signer.toString(), chainPem: chain.map((c) => c.toString()), privateKey } };
}

/** From the signer's issuer upwards, leaving out self-signed roots (the verifier has its own anchors). */
function orderChain(signer: X509Certificate, others: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current = signer;
  for (;;) {
    const issuer = others.find((c) => !chain.includes(c) && c !== current && current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer || issuer.checkIssued(issuer)) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

/**
 * Stores the company's certificate after checking it: readable with the password, its holder is the company (the
 * NIT in its subject) and it is still valid.
 * @throws InputError `CERTIFICATE_NOT_COMPANY`, `CERTIFICATE_EXPIRED` and those of `openP12`
 */
export async function saveCertificate(db: Db, box: SecretBox, company: { id: string; nit: string; name: string }, bytes: Uint8Array, password: string, actor: string, clock: Clock): Promise<CertificateView> {
  const { certificate } = openP12(bytes, password);
  const parsed = parseCertificate(certificate.raw.toString('base64'));
  if (!certificateNamesNit(parsed.facts, company.nit)) {
    const ids = parsed.facts.identifiers.join(', ') || 'ninguna identificación';
    throw new InputError(`Este certificado es de otra persona (${ids}), no de ${company.name} (NIT ${company.nit}). Sube el certificado de la empresa.`, 'CERTIFICATE_NOT_COMPANY');
  }
  const now = clock.now();
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() < now.getTime()) throw new InputError(`Este certificado venció el ${notAfter.toISOString().slice(0, 10)}: pide uno vigente a tu entidad de certificación.`, 'CERTIFICATE_EXPIRED');
  const row: RadianCertificateRow = {
    companyId: company.id,
    p12Sealed: box.seal(Buffer.from(bytes).toString('base64')),
    passwordSealed: box.seal(password),
    subject: parsed.facts.subject,
    issuer: parsed.facts.issuer,
    nit: company.nit,
    serialNumber: parsed.facts.serialNumber,
    notBefore: parsed.facts.notBefore,
    notAfter: parsed.facts.notAfter,
    sha256: parsed.facts.sha256,
    uploadedBy: actor,
    uploadedAt: now.toISOString(),
  };
  const { companyId: _id, ...changes } = row;
  await db.insertInto('radianCertificate').values(row).onConflict((oc) => oc.column('companyId').doUpdateSet(changes)).execute();
  return certificateView(row, now);
}

export async function getCertificateView(db: Db, companyId: string, now: Date): Promise<CertificateView | undefined> {
  const row = await db.selectFrom('radianCertificate').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  return row ? certificateView(row, now) : undefined;
}

export async function removeCertificate(db: Db, companyId: string): Promise<boolean> {
  const result = await db.deleteFrom('radianCertificate').where('companyId', '=', companyId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The certificate opened for one signature.
 * @throws NotFoundError `CERTIFICATE_MISSING`; InputError when it expired or can no longer be opened
 */
export async function loadCredential(db: Db, box: SecretBox, companyId: string, now: Date): Promise<CompanyCredential> {
  const row = await db.selectFrom('radianCertificate').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  if (!row) throw new NotFoundError('Falta el certificado de firma de la empresa: súbelo en Eventos RADIAN (archivo .p12).', 'CERTIFICATE_MISSING');
  if (new Date(row.notAfter).getTime() < now.getTime()) throw new InputError(`El certificado de la empresa venció el ${row.notAfter.slice(0, 10)}: sube uno vigente.`, 'CERTIFICATE_EXPIRED');
  let bytes: Buffer;
  let password: string;
  try {
    bytes = Buffer.from(box.open(row.p12Sealed), 'base64');
    password = box.open(row.passwordSealed);
  } catch (error) {
    throw new InputError(`${(error as Error).message} (certificado de la empresa: súbelo otra vez).`, 'SECRET_UNREADABLE');
  }
  return openP12(bytes, password).credential;
}

export function certificateView(row: RadianCertificateRow, now: Date): CertificateView {
  const daysLeft = Math.floor((new Date(row.notAfter).getTime() - now.getTime()) / DAY_MS);
  const day = row.notAfter.slice(0, 10);
  const warning =
    daysLeft < 0
      ? `El certificado venció el ${day}: no se pueden firmar eventos hasta que subas uno vigente.`
      : daysLeft <= WARN_DAYS
        ? `El certificado vence el ${day} (${daysLeft === 0 ? 'hoy' : daysLeft === 1 ? 'mañana' : `en ${daysLeft} días`}): pide la renovación a tu entidad de certificación.`
        : undefined;
  return {
    subject: row.subject,
    issuer: row.issuer,
    nit: row.nit,
    serialNumber: row.serialNumber,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    daysLeft,
    ...(warning ? { warning } : {}),
    uploadedAt: row.uploadedAt,
    uploadedBy: row.uploadedBy,
  };
}
