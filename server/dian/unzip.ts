import { unzipSync } from 'fflate';
import { DianReadError } from './errors';
import { formatMegabytes, type ReaderLimits } from './limits';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** What is left of the uncompressed-bytes allowance of one received file (shared by nested ZIPs). */
export interface ExpansionBudget {
  remaining: number;
}

const ONE_MIB = 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07);
}

/**
 * Unzips in memory with fflate, deciding from the central directory before inflating anything: too many entries,
 * too many bytes or a suspicious ratio refuse the whole ZIP (a bomb). fflate never writes past the declared size
 * of an entry, so a ZIP that lies about sizes yields a truncated entry (then refused as truncated XML), never a
 * memory blow-up. Entries with unsafe names (`../`, absolute paths) are never inflated and are returned apart.
 *
 * @throws DianReadError `ZIP_INVALID`, `ZIP_TOO_MANY_ENTRIES`, `ZIP_TOO_LARGE`
 */
export function unzipOrThrow(bytes: Uint8Array, limits: ReaderLimits, budget: ExpansionBudget): { entries: ZipEntry[]; unsafeNames: string[] } {
  const unsafeNames: string[] = [];
  let count = 0;
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/')) return false;
        if (++count > limits.maxEntries) {
          throw new DianReadError('ZIP_TOO_MANY_ENTRIES', `El ZIP tiene más de ${limits.maxEntries} archivos; no se procesa.`);
        }
        if (isUnsafeName(file.name)) {
          unsafeNames.push(file.name);
          return false;
        }
        declared += file.originalSize;
        if (declared > budget.remaining) {
          throw new DianReadError(
            'ZIP_TOO_LARGE',
            `El ZIP se expande a más de ${formatMegabytes(limits.maxUncompressedBytes)}; no se procesa (posible bomba ZIP).`,
          );
        }
        if (file.originalSize > ONE_MIB && file.originalSize / Math.max(file.size, 1) > limits.maxCompressionRatio) {
          throw new DianReadError(
            'ZIP_TOO_LARGE',
            `El archivo «${file.name}» del ZIP se comprime más de ${limits.maxCompressionRatio} veces; no se procesa (posible bomba ZIP).`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DianReadError) throw error;
    throw new DianReadError('ZIP_INVALID', `El ZIP está dañado o no se puede abrir (${(error as Error).message}).`, undefined, { cause: error });
  }
  budget.remaining -= declared;
  return { entries: Object.entries(files).map(([name, data]) => ({ name, bytes: data })), unsafeNames };
}

function isUnsafeName(name: string): boolean {
  const normalized = name.replace(/\\/g, '/');
  return (
    normalized.startsWith('/') ||
    /^[A-Za-z]:/.test(normalized) ||
    normalized.includes('\0') ||
    normalized.split('/').some((segment) => segment === '..')
  );
}
