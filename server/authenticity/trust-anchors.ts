import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../project-root';
import type { ChainFacts } from '#shared/authenticity';
import { validAt, x509 } from './certificates';

/**
 * Trust anchors are data: the PEM bundle of Colombian certification authorities in server/data (sources in its
 * README), the authorities this installation added with `agente anclas` (each checked before it was written:
 * anchor-install.ts), plus the file named by `AGENTE_ANCLAS_CONFIANZA` (DIAN's habilitación, tests). Never anything
 * else: Node's own store holds no Colombian root, and a document is only `verified` when its chain ends here.
 */
export const BUNDLED_ANCHORS = fileURLToPath(new URL('../data/anclas-confianza.pem', import.meta.url));
export const ANCHORS_VARIABLE = 'AGENTE_ANCLAS_CONFIANZA';
/** Where `agente anclas agregar/descargar` writes; empty means none (the tests, so a developer's own do not leak in). */
export const INSTALLED_ANCHORS_VARIABLE = 'AGENTE_ANCLAS_INSTALADAS';

/** The installation's own anchors file: `AGENTE_ANCLAS_INSTALADAS`, or data/anclas-instaladas.pem in the project. */
export function installedAnchorsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env[INSTALLED_ANCHORS_VARIABLE];
  if (named !== undefined) return named.trim() || undefined;
  return join(projectRoot(), 'data', 'anclas-instaladas.pem');
}
/**
 * Authorities never taken from a document's own KeyInfo (data, with its reasons): production CAs whose test
 * certificates' private keys are public. Leaving them out of the bundle is not enough, because a document may carry
 * them; an operator who names one as an anchor on purpose (DIAN's habilitación) still gets it.
 */
export const EXCLUDED_AUTHORITIES = fileURLToPath(new URL('../data/anclas-excluidas.json', import.meta.url));

interface ExcludedAuthority {
  identificadorLlave: string;
  nombre: string;
  motivo: string;
}

let excluded: Map<string, ExcludedAuthority> | undefined;

function excludedAuthorities(): Map<string, ExcludedAuthority> {
  if (!excluded) {
    const data = JSON.parse(readFileSync(EXCLUDED_AUTHORITIES, 'utf8')) as { autoridades: ExcludedAuthority[] };
    excluded = new Map(data.autoridades.map((a) => [a.identificadorLlave.toLowerCase(), a]));
  }
  return excluded;
}

export function exclusionOf(cert: x509.X509Certificate): ExcludedAuthority | undefined {
  const keyId = cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  return keyId ? excludedAuthorities().get(keyId.toLowerCase()) : undefined;
}

export interface TrustAnchors {
  /** Where they came from (for the facts shown to people). */
  sources: string[];
  certificates: x509.X509Certificate[];
  /** Stable key of this set, for caches. */
  key: string;
}

const loaded = new Map<string, TrustAnchors>();

/** Reads PEM files into a set of anchors; the same files are read once per process. */
export function loadAnchors(files: string[]): TrustAnchors {
  const key = files.join('\u0000');
  const cached = loaded.get(key);
  if (cached) return cached;
  const certificates: x509.X509Certificate[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new Error(`No se pudo leer el archivo de anclas de confianza ${file}: ${(error as Error).message}`);
    }
    certificates.push(...readCertificates(bytes));
  }
  const anchors = { sources: files, certificates, key: createHash('sha256').update(certificates.map((c) => Buffer.from(c.rawData).toString('base64')).join()).digest('hex') };
  loaded.set(key, anchors);
  return anchors;
}

/**
 * The files a set of anchors was read from, when it was read by {@link loadAnchors} (and so can be read again, the
 * same, by another thread); `undefined` for a set built any other way.
 */
export function anchorFiles(anchors: TrustAnchors): string[] | undefined {
  return loaded.get(anchors.sources.join('\u0000')) === anchors ? anchors.sources : undefined;
}

/**
 * The anchors in force: the bundle, the installed ones when there are, and `AGENTE_ANCLAS_CONFIANZA` when set. Read
 * once per process: anchors installed while the agent runs count after it restarts (`agente anclas` says so).
 */
export function defaultAnchors(env: NodeJS.ProcessEnv = process.env): TrustAnchors {
  const files = [BUNDLED_ANCHORS];
  const installed = installedAnchorsFile(env);
  if (installed && existsSync(installed)) files.push(installed);
  const extra = env[ANCHORS_VARIABLE]?.trim();
  if (extra) files.push(extra);
  return loadAnchors(files);
}

/** For the start-up lines: how many anchors, from where, and what to do when only the bundle's roots are there. */
export function describeAnchors(anchors: TrustAnchors, env: NodeJS.ProcessEnv = process.env): string {
  const installed = installedAnchorsFile(env);
  const fromFile = (file: string) => loadAnchors([file]).certificates.length;
  const parts = anchors.sources.map((file) => (file === BUNDLED_ANCHORS ? `${fromFile(file)} del agente` : file === installed ? `${fromFile(file)} instaladas (${file})` : `${fromFile(file)} de ${ANCHORS_VARIABLE}`));
  const advice = anchors.sources.length === 1 ? '; faltan las subordinadas que emiten los certificados de hoy: `npx agente anclas descargar`' : '';
  return `Anclas de confianza: ${parts.join(', ')}${advice}`;
}

/**
 * Reads every certificate of a file: PEM (one or several, comments around them allowed) or a single DER (which always
 * starts with a SEQUENCE, 0x30). A text without PEM blocks holds none.
 */
export function readCertificates(bytes: Buffer): x509.X509Certificate[] {
  if (bytes[0] === 0x30) return [new x509.X509Certificate(Uint8Array.from(bytes))];
  const blocks = bytes.toString('latin1').matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g);
  return [...blocks].map((m) => new x509.X509Certificate(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

/** One certificate as a PEM block. */
export function toPemBlock(cert: x509.X509Certificate): string {
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(cert.rawData).toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----`;
}

const chains = new Map<string, Promise<x509.X509Certificate[]>>();

/**
 * Builds the path from the signer to an anchor (@peculiar/x509's builder: issuer name, key identifiers and each
 * signature checked), using the anchors and the certificates the document itself carries; then checks, at the
 * signing time, that every certificate was valid and every issuer is a CA.
 */
export async function checkChain(signer: x509.X509Certificate, carried: x509.X509Certificate[], anchors: TrustAnchors, signingTime: Date | undefined): Promise<ChainFacts> {
  const refused = carried.flatMap((c) => {
    const exclusion = exclusionOf(c);
    return exclusion ? [{ cert: c, exclusion }] : [];
  });
  const usable = carried.filter((c) => !refused.some((r) => r.cert === c));
  const thumb = Buffer.from(signer.rawData).toString('base64');
  // The certificates a document carries are part of the key: another document with the same signer may carry others.
  const carriedKey = createHash('sha256').update(usable.map((c) => Buffer.from(c.rawData).toString('base64')).join()).digest('base64');
  const cacheKey = `${anchors.key}|${thumb}|${carriedKey}`;
  let built = chains.get(cacheKey);
  if (!built) {
    const builder = new x509.X509ChainBuilder({ certificates: [...anchors.certificates, ...usable] });
    built = builder.build(signer).then((chain) => [...chain]);
    if (chains.size > 2000) chains.clear();
    chains.set(cacheKey, built);
  }
  let path: x509.X509Certificate[];
  try {
    path = await built;
  } catch (error) {
    return { anchored: false, path: [signer.subject], validAtSigningTime: false, problem: `No se pudo construir la cadena del certificado: ${(error as Error).message}` };
  }
  // The path stops at the first anchor: an anchor may be a root or an intermediate authority.
  const anchorIndex = path.findIndex((c) => anchors.certificates.some((a) => sameCertificate(a, c)));
  const trusted = anchorIndex >= 0 ? path.slice(0, anchorIndex + 1) : path;
  const top = trusted[trusted.length - 1]!;
  const when = signingTime ?? new Date();
  const invalid = trusted.find((c) => !validAt(c, when));
  const notCa = trusted.slice(1).find((c) => !isCa(c));
  const facts: ChainFacts = { anchored: anchorIndex >= 0 && !notCa, path: trusted.map((c) => c.subject), validAtSigningTime: !invalid };
  if (anchorIndex >= 0) facts.anchor = top.subject;
  if (anchorIndex < 0) {
    facts.problem = `El certificado no viene de ninguna entidad de certificación conocida (la cadena termina en «${top.issuer}»).`;
    for (const { cert, exclusion } of refused) {
      facts.problem += ` El documento trae «${cert.subject}», que no se acepta aunque venga en el documento: ${exclusion.motivo}.`;
    }
  } else if (notCa) facts.problem = `«${notCa.subject}» emitió un certificado sin ser una entidad de certificación.`;
  else if (invalid) facts.problem = `El certificado «${invalid.subject}» no estaba vigente al firmar (${when.toISOString()}; vigente de ${invalid.notBefore.toISOString()} a ${invalid.notAfter.toISOString()}).`;
  return facts;
}

function sameCertificate(a: x509.X509Certificate, b: x509.X509Certificate): boolean {
  return Buffer.from(a.rawData).equals(Buffer.from(b.rawData));
}

function isCa(cert: x509.X509Certificate): boolean {
  const constraints = cert.getExtension(x509.BasicConstraintsExtension);
  return !!constraints?.ca;
}
