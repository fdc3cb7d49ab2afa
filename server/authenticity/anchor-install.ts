import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bogotaTimeText } from '../agent/format';
import { x509 } from './certificates';
import { exclusionOf, readCertificates, toPemBlock } from './trust-anchors';

export { readCertificates };

/**
 * Installing the certification authorities the bundle lacks (`agente anclas agregar` / `descargar`). The agent ships
 * only the roots it could check (anclas-confianza.README.md); the subordinates that issue suppliers' and DIAN's
 * certificates have to be fetched by whoever installs it, from the entities' own pages. Nobody should have to judge a
 * certificate by eye: one is installed only if its signature verifies under an anchor already in use (a subordinate
 * of a known root), or it is a self-signed root whose fingerprint the data file pins with its source. Anything else —
 * a look-alike «GSE» made by anyone, a test authority, an end-entity certificate — is refused with the reason.
 */

export const KNOWN_AUTHORITIES = fileURLToPath(new URL('../data/anclas-conocidas.json', import.meta.url));
/** A JSON file with the same shape as anclas-conocidas.json, instead of it (tests; never needed in an office). */
export const KNOWN_AUTHORITIES_VARIABLE = 'AGENTE_ANCLAS_CONOCIDAS';

export interface PinnedRoot {
  nombre: string;
  sha1?: string;
  sha256?: string;
  fuente: string;
}

export interface PublishedAuthority {
  url: string;
  nombre: string;
  fuente: string;
}

export interface KnownAuthorities {
  raices: PinnedRoot[];
  descargas: PublishedAuthority[];
}

export function knownAuthorities(env: NodeJS.ProcessEnv = process.env): KnownAuthorities {
  const file = env[KNOWN_AUTHORITIES_VARIABLE]?.trim() || KNOWN_AUTHORITIES;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<KnownAuthorities>;
  return { raices: data.raices ?? [], descargas: data.descargas ?? [] };
}

export type AuthorityOutcome = 'aceptada' | 'ya_estaba' | 'rechazada';

export interface AuthorityVerdict {
  certificate: x509.X509Certificate;
  subject: string;
  sha256: string;
  outcome: AuthorityOutcome;
  /** In Spanish, for the person installing. */
  reason: string;
}

export function sha256Of(cert: x509.X509Certificate): string {
  return createHash('sha256').update(Buffer.from(cert.rawData)).digest('hex');
}

function sha1Of(cert: x509.X509Certificate): string {
  return createHash('sha1').update(Buffer.from(cert.rawData)).digest('hex');
}

function isAuthority(cert: x509.X509Certificate): boolean {
  return !!cert.getExtension(x509.BasicConstraintsExtension)?.ca;
}

async function signedBy(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (cert.issuer !== issuer.subject) return false;
  try {
    return await cert.verify({ publicKey: issuer, signatureOnly: true });
  } catch {
    return false;
  }
}

/**
 * Judges each candidate against the anchors in use (`trusted`) and the pinned roots. Candidates may depend on each
 * other (a root and its subordinate in the same file, in any order): what is accepted becomes trusted for the rest.
 */
export async function judgeAuthorities(candidates: x509.X509Certificate[], trusted: x509.X509Certificate[], pinned: PinnedRoot[], now: Date = new Date()): Promise<AuthorityVerdict[]> {
  const inUse = new Set(trusted.map(sha256Of));
  const accepted: x509.X509Certificate[] = [...trusted];
  const verdicts = new Map<string, AuthorityVerdict>();
  const decide = (cert: x509.X509Certificate, outcome: AuthorityOutcome, reason: string) => verdicts.set(sha256Of(cert), { certificate: cert, subject: cert.subject, sha256: sha256Of(cert), outcome, reason: reason + validityNote(cert, now) });

  const pending: x509.X509Certificate[] = [];
  for (const cert of candidates) {
    const sha256 = sha256Of(cert);
    if (verdicts.has(sha256)) continue;
    const exclusion = exclusionOf(cert);
    if (inUse.has(sha256)) decide(cert, 'ya_estaba', 'Ya es un ancla de confianza del agente.');
    else if (!isAuthority(cert)) decide(cert, 'rechazada', 'No es un certificado de una entidad de certificación (no dice «CA» en sus restricciones básicas): un certificado de una persona o una empresa no puede ser ancla.');
    else if (exclusion) decide(cert, 'rechazada', `No se acepta: ${exclusion.motivo}.`);
    else if (await cert.isSelfSigned()) {
      const pin = pinned.find((p) => p.sha256?.toLowerCase() === sha256 || p.sha1?.toLowerCase() === sha1Of(cert));
      if (pin) {
        decide(cert, 'aceptada', `Raíz reconocida por su huella publicada (${pin.nombre}: ${pin.fuente}).`);
        accepted.push(cert);
      } else {
        decide(cert, 'rechazada', 'Es una raíz (autofirmada) cuya huella no está entre las publicadas que conoce el agente (server/data/anclas-conocidas.json): cualquiera puede fabricar una raíz con el nombre de una entidad; compara su huella con la que publica la entidad y, si coincide, agrégala a ese archivo con su fuente.');
      }
    } else pending.push(cert);
  }
  // Subordinates: accepted when signed by something accepted, repeating while the file keeps adding links.
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    for (const cert of [...pending]) {
      let issuer: x509.X509Certificate | undefined;
      for (const candidate of accepted) if (await signedBy(cert, candidate)) issuer = candidate;
      if (!issuer) continue;
      decide(cert, 'aceptada', `Su firma verifica con la llave de «${issuer.subject}», que ya es de confianza.`);
      accepted.push(cert);
      pending.splice(pending.indexOf(cert), 1);
      progress = true;
    }
  }
  for (const cert of pending) {
    decide(cert, 'rechazada', `No se encadena a ninguna entidad de confianza del agente: la emitió «${cert.issuer}», que no está entre las anclas. Agrega también ese certificado (o su raíz) y vuelve a intentarlo.`);
  }
  return candidates.map((c) => verdicts.get(sha256Of(c))!).filter((v, i, all) => all.indexOf(v) === i);
}

function validityNote(cert: x509.X509Certificate, now: Date): string {
  if (cert.notAfter < now) return ` Venció el ${day(cert.notAfter)}: sirve para documentos firmados antes.`;
  if (cert.notBefore > now) return ` Solo rige desde el ${day(cert.notBefore)}.`;
  return '';
}

function day(date: Date): string {
  return bogotaTimeText(date).slice(0, 10);
}

/**
 * Adds the accepted authorities to the installation's anchors file (created with its folder if missing): each with
 * its subject, fingerprint and why it was accepted, as comments above its PEM block. Written to a temporary file and
 * renamed, so the file is never half-written.
 */
export function installAuthorities(file: string, verdicts: AuthorityVerdict[], now: Date = new Date()): number {
  const accepted = verdicts.filter((v) => v.outcome === 'aceptada');
  if (accepted.length === 0) return 0;
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Anclas de confianza instaladas con `agente anclas` (además de server/data/anclas-confianza.pem).\n';
  const blocks = accepted.map((v) => [`# ${v.subject}`, `# SHA-256 ${v.sha256} · vigente del ${day(v.certificate.notBefore)} al ${day(v.certificate.notAfter)}`, `# Instalada el ${bogotaTimeText(now)} (Bogotá): ${v.reason}`, toPemBlock(v.certificate)].join('\n'));
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${before.trimEnd()}\n\n${blocks.join('\n\n')}\n`, { mode: 0o644 });
  renameSync(temporary, file);
  return accepted.length;
}

export interface DownloadOptions {
  fetch?: typeof fetch;
  /** Per request. */
  timeoutMs?: number;
  /** A certificate file is a few kilobytes; anything larger is not one. */
  maxBytes?: number;
  /** Requests in all, following the issuers' addresses (AIA) too: a loop of addresses ends here. */
  maxRequests?: number;
}

export interface Downloaded {
  certificates: { url: string; certificate: x509.X509Certificate }[];
  failures: { url: string; motivo: string }[];
}

/**
 * Downloads the published authority certificates and, for each subordinate, its issuer from the address the
 * certificate itself names (caIssuers), so a root comes with its subordinate. Only http and https, a size limit and
 * a request budget. Nothing downloaded is trusted because of where it came from: it is judged like a file given by
 * hand ({@link judgeAuthorities}).
 */
export async function downloadAuthorities(urls: string[], options: DownloadOptions = {}): Promise<Downloaded> {
  const get = options.fetch ?? fetch;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const budget = { left: options.maxRequests ?? 20 };
  const result: Downloaded = { certificates: [], failures: [] };
  const queue = [...urls];
  const asked = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (asked.has(url)) continue;
    asked.add(url);
    if (!/^https?:\/\//i.test(url)) {
      result.failures.push({ url, motivo: 'Solo se descargan direcciones http o https.' });
      continue;
    }
    if (budget.left-- <= 0) {
      result.failures.push({ url, motivo: 'Se alcanzó el máximo de descargas de una vez.' });
      continue;
    }
    let certificates: x509.X509Certificate[];
    try {
      const response = await get(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), redirect: 'follow' });
      if (!response.ok) throw new Error(`el servidor respondió ${response.status}`);
      const bytes = await readLimited(response, maxBytes);
      certificates = readCertificates(bytes);
      if (certificates.length === 0) throw new Error('no trae ningún certificado (ni PEM ni DER)');
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause ? ` (${cause.code ?? cause.message})` : '';
      result.failures.push({ url, motivo: `No se pudo descargar o no es un certificado: ${(error as Error).message}${detail}` });
      continue;
    }
    for (const certificate of certificates) {
      result.certificates.push({ url, certificate });
      if (await certificate.isSelfSigned()) continue;
      const issuers = certificate.getExtension(x509.AuthorityInfoAccessExtension)?.caIssuers ?? [];
      for (const name of issuers) if (name.type === 'url' && !asked.has(name.value)) queue.push(name.value);
    }
  }
  return result;
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`ocupa ${declared} bytes; un certificado ocupa pocos kilobytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw new Error(`ocupa más de ${maxBytes} bytes; un certificado ocupa pocos kilobytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
