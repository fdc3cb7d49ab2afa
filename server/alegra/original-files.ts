import type { Db } from '../db/database';
import { fromJson } from '../db/database';
import { readDianFile } from '../dian';
import { DEFAULT_LIMITS } from '../dian/limits';
import { isZip, unzipOrThrow } from '../dian/unzip';

export interface OriginalFile {
  name: string;
  bytes: Uint8Array;
}

/** Alegra's attachment size limit is not published; larger files are left out (and said so) rather than refused. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The supplier's original documents for a registered bill, as the agent stored them on arrival: the XML the bill
 * was read from (the AttachedDocument or bare invoice, taken out of its ZIP when it came zipped) and every PDF that
 * came in the same file (the graphic representation).
 */
export async function originalFilesOf(db: Db, documentId: string): Promise<OriginalFile[]> {
  const row = await db
    .selectFrom('inboxDocument')
    .innerJoin('receivedFile', 'receivedFile.id', 'inboxDocument.receivedFileId')
    .innerJoin('fileBlob', 'fileBlob.sha256', 'receivedFile.sha256')
    .select(['inboxDocument.sourcePath', 'receivedFile.sourceRef', 'fileBlob.bytes'])
    .where('inboxDocument.id', '=', documentId)
    .executeTakeFirst();
  if (!row) return [];
  const bytes = new Uint8Array(row.bytes);
  const path = fromJson<string[]>(row.sourcePath, [row.sourceRef]);
  const files: OriginalFile[] = [];
  const xml = entryAt(bytes, path.slice(1));
  if (xml) files.push({ name: baseName(path[path.length - 1] ?? row.sourceRef, 'factura.xml'), bytes: xml });
  for (const attachment of readDianFile(bytes, { name: row.sourceRef }).attachments) {
    if (attachment.kind === 'pdf') files.push({ name: baseName(attachment.source[attachment.source.length - 1] ?? '', 'factura.pdf'), bytes: attachment.bytes });
  }
  return files.filter((f) => f.bytes.length > 0 && f.bytes.length <= MAX_ATTACHMENT_BYTES);
}

/** Follows a source path (`['z1.zip', 'inner.zip', 'ad1.xml']` minus the outer name) through nested ZIPs. */
function entryAt(bytes: Uint8Array, path: string[]): Uint8Array | undefined {
  if (path.length === 0) return isZip(bytes) ? undefined : bytes;
  if (!isZip(bytes)) return undefined;
  try {
    const { entries } = unzipOrThrow(bytes, DEFAULT_LIMITS, { remaining: DEFAULT_LIMITS.maxUncompressedBytes });
    const entry = entries.find((e) => e.name === path[0]);
    return entry ? entryAt(entry.bytes, path.slice(1)) : undefined;
  } catch {
    return undefined;
  }
}

function baseName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop()?.trim();
  return base || fallback;
}
