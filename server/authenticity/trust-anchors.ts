import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChainFacts } from '#shared/authenticity';
import { ANCHORS_VARIABLE, anchorsKey, BUNDLED_ANCHORS, defaultAnchorFiles, installedAnchorsFile, loadedAnchors, rememberLoadedAnchors } from './anchor-files';
import { validAt, x509 } from './certificates';

// Which files, without reading them (anchor-files.ts): re-exported, as every caller has always found them here.
export { anchorFiles, ANCHORS_VARIABLE, BUNDLED_ANCHORS, defaultAnchorFiles, INSTALLED_ANCHORS_VARIABLE, installedAnchorsFile } from './anchor-files';

/**
 * Trust anchors are data: the PEM bundle of Colombian certification authorities in server/data (sources in its
 * README), the authorities this installation added with `agente anclas` (each checked before it was written:
 * anchor-install.ts), plus the file named by `AGENTE_ANCLAS_CONFIANZA` (DIAN's habilitación, tests). Never anything
 * else: Node's own store holds no Colombian root, and a document is only `verified` when its chain ends here.
 */

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

/** Reads PEM files into a set of anchors; the same files are read once per process. */
export function loadAnchors(files: string[]): TrustAnchors {
  const key = anchorsKey(files);
  const cached = loadedAnchors(key);
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
  rememberLoadedAnchors(key, anchors);
  return anchors;
}

/**
 * The anchors in force: the bundle, the installed ones when there are, and `AGENTE_ANCLAS_CONFIANZA` when set. Read
 * once per process: anchors installed while the agent runs count after it restarts (`agente anclas` says so).
 */
export function defaultAnchors(env: NodeJS.ProcessEnv = process.env): TrustAnchors {
  return loadAnchors(defaultAnchorFiles(env));
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

/** What a chain is, whatever the signing time: kept per signer, carried certificates and anchors (see below). */
type BuiltChain =
  | {
      /** The path from the signer up to the first anchor (or as far as it goes when it reaches none). */
      trusted: x509.X509Certificate[];
      anchored: boolean;
      /** An issuer on the path that is not a certification authority. */
      notCa?: x509.X509Certificate;
      /** Carried certificates left out because their authority is excluded. */
      refused: { cert: x509.X509Certificate; exclusion: ExcludedAuthority }[];
    }
  | { error: string };

const chains = new Map<string, Promise<BuiltChain>>();
const CHAINS_KEPT = 2000;
const fingerprints = new WeakMap<x509.X509Certificate, string>();

/** SHA-256 of the certificate's DER, once per certificate object (parseCertificate keeps one per certificate). */
function fingerprint(cert: x509.X509Certificate): string {
  let value = fingerprints.get(cert);
  if (!value) {
    value = createHash('sha256').update(Buffer.from(cert.rawData)).digest('base64');
    fingerprints.set(cert, value);
  }
  return value;
}

/**
 * Builds the path from the signer to an anchor (@peculiar/x509's builder: issuer name, key identifiers and each
 * signature checked), using the anchors and the certificates the document itself carries; then checks, at the
 * signing time, that every certificate was valid and every issuer is a CA.
 *
 * The path, where it meets an anchor and whether every issuer is a CA depend only on the certificates' bytes, so they
 * are kept (per thread, the last {@link CHAINS_KEPT} combinations of signer, carried certificates and anchors, each by
 * the SHA-256 of its DER, never by its names): DIAN's certificate is on every container and suppliers repeat. Whether
 * each one was valid depends on the document's signing time and is decided here on every call.
 */
export async function checkChain(signer: x509.X509Certificate, carried: x509.X509Certificate[], anchors: TrustAnchors, signingTime: Date | undefined): Promise<ChainFacts> {
  // The certificates a document carries are part of the key: another document with the same signer may carry others.
  const cacheKey = `${anchors.key}|${fingerprint(signer)}|${carried.map(fingerprint).join(',')}`;
  let kept = chains.get(cacheKey);
  if (kept) {
    // Most recently used last: the oldest combination is the one dropped.
    chains.delete(cacheKey);
  } else {
    kept = buildChain(signer, carried, anchors);
    if (chains.size >= CHAINS_KEPT) chains.delete(chains.keys().next().value!);
  }
  chains.set(cacheKey, kept);
  const built = await kept;
  if ('error' in built) {
    return { anchored: false, path: [signer.subject], validAtSigningTime: false, problem: `No se pudo construir la cadena del certificado: ${built.error}` };
  }
  const { trusted, anchored, notCa, refused } = built;
  const top = trusted[trusted.length - 1]!;
  const when = signingTime ?? new Date();
  const invalid = trusted.find((c) => !validAt(c, when));
  const facts: ChainFacts = { anchored: anchored && !notCa, path: trusted.map((c) => c.subject), validAtSigningTime: !invalid };
  if (anchored) facts.anchor = top.subject;
  if (!anchored) {
    facts.problem = `El certificado no viene de ninguna entidad de certificación conocida (la cadena termina en «${top.issuer}»).`;
    for (const { cert, exclusion } of refused) {
      facts.problem += ` El documento trae «${cert.subject}», que no se acepta aunque venga en el documento: ${exclusion.motivo}.`;
    }
  } else if (notCa) facts.problem = `«${notCa.subject}» emitió un certificado sin ser una entidad de certificación.`;
  else if (invalid) facts.problem = `El certificado «${invalid.subject}» no estaba vigente al firmar (${when.toISOString()}; vigente de ${invalid.notBefore.toISOString()} a ${invalid.notAfter.toISOString()}).`;
  return facts;
}

async function buildChain(signer: x509.X509Certificate, carried: x509.X509Certificate[], anchors: TrustAnchors): Promise<BuiltChain> {
  const refused = carried.flatMap((c) => {
    const exclusion = exclusionOf(c);
    return exclusion ? [{ cert: c, exclusion }] : [];
  });
  const usable = carried.filter((c) => !refused.some((r) => r.cert === c));
  let path: x509.X509Certificate[];
  try {
    path = [...(await new x509.X509ChainBuilder({ certificates: [...anchors.certificates, ...usable] }).build(signer))];
  } catch (error) {
    return { error: (error as Error).message };
  }
  // The path stops at the first anchor: an anchor may be a root or an intermediate authority.
  const anchorIndex = path.findIndex((c) => anchors.certificates.some((a) => sameCertificate(a, c)));
  const trusted = anchorIndex >= 0 ? path.slice(0, anchorIndex + 1) : path;
  const notCa = trusted.slice(1).find((c) => !isCa(c));
  return { trusted, anchored: anchorIndex >= 0, ...(notCa ? { notCa } : {}), refused };
}

function sameCertificate(a: x509.X509Certificate, b: x509.X509Certificate): boolean {
  return Buffer.from(a.rawData).equals(Buffer.from(b.rawData));
}

function isCa(cert: x509.X509Certificate): boolean {
  const constraints = cert.getExtension(x509.BasicConstraintsExtension);
  return !!constraints?.ca;
}
