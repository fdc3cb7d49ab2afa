/** Size limits that keep a hostile file from exhausting memory. DIAN's own e-mail limit is 2 MB per message. */
export interface ReaderLimits {
  /** Largest file accepted as received (ZIP or XML). */
  maxFileBytes: number;
  /** Largest single XML document. */
  maxXmlBytes: number;
  /** Total uncompressed bytes one received file may expand to, across nested ZIPs. */
  maxUncompressedBytes: number;
  /** Largest compression ratio for entries over 1 MiB (XML compresses ~10–20×; bombs ~1000×). */
  maxCompressionRatio: number;
  maxEntries: number;
  /** ZIP inside ZIP inside ZIP… The CCCE rule allows one inner ZIP of annexes. */
  maxZipDepth: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxXmlBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 60 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 500,
  maxZipDepth: 3,
};

/** `25 MB`, or `9,8 KB` below one megabyte so that small limits do not read as "0 MB". */
export function formatMegabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('es-CO', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`;
}
