import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../project-root';
import type { TrustAnchors } from './trust-anchors';

/**
 * Which files the trust anchors are read from, without reading them. A module of its own, free of the certificate
 * library: the reception path of the main thread only names the files to the verification threads, which parse
 * them (verify-pool.ts), so a process that receives documents does not load @peculiar/x509 twice (trust-anchors.ts
 * reads them).
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

/** The files of the anchors in force: the bundle, the installed ones when there are, and `AGENTE_ANCLAS_CONFIANZA`. */
export function defaultAnchorFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const files = [BUNDLED_ANCHORS];
  const installed = installedAnchorsFile(env);
  if (installed && installedPresent(installed)) files.push(installed);
  const extra = env[ANCHORS_VARIABLE]?.trim();
  if (extra) files.push(extra);
  return files;
}

const present = new Map<string, boolean>();

/**
 * Whether the installed anchors file is there, looked up once per path and process like the anchors themselves
 * (the default anchors are asked for every document checked: a file-system call each time was a measurable part of
 * sending a document to a verification thread).
 */
function installedPresent(file: string): boolean {
  let there = present.get(file);
  if (there === undefined) {
    there = existsSync(file);
    present.set(file, there);
  }
  return there;
}

/** Sets of anchors read from files by `loadAnchors`, by the files' key (see {@link anchorsKey}). */
const loaded = new Map<string, TrustAnchors>();

export function anchorsKey(files: readonly string[]): string {
  return files.join('\u0000');
}

export function loadedAnchors(key: string): TrustAnchors | undefined {
  return loaded.get(key);
}

export function rememberLoadedAnchors(key: string, anchors: TrustAnchors): void {
  loaded.set(key, anchors);
}

/**
 * The files a set of anchors was read from, when it was read by `loadAnchors` (and so can be read again, the
 * same, by another thread); `undefined` for a set built any other way.
 */
export function anchorFiles(anchors: TrustAnchors): string[] | undefined {
  return loaded.get(anchorsKey(anchors.sources)) === anchors ? anchors.sources : undefined;
}
