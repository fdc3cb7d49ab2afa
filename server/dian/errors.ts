import type { DianDocument, ReadError, ReadErrorCode } from '#shared/dian-document';

/**
 * A file or document the reader refuses. Carries a stable `code` for programs and a Spanish `message` for people;
 * `xmlPath` says where in the document the problem is when that helps.
 */
export class DianReadError extends Error implements ReadError {
  override readonly name = 'DianReadError';

  /** A document that was read but must not be booked (rejected by DIAN, container parts disagree). */
  readonly document?: DianDocument;

  constructor(
    readonly code: ReadErrorCode,
    message: string,
    readonly xmlPath?: string,
    options?: { cause?: unknown; document?: DianDocument },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.document) this.document = options.document;
  }

  toJSON(): ReadError {
    return { code: this.code, message: this.message, ...(this.xmlPath ? { xmlPath: this.xmlPath } : {}) };
  }
}

/**
 * Turns anything thrown while reading into a `ReadError`, so one bad file never stops a batch. Anything that is not
 * a `DianReadError` is a bug in the reader and is reported as `INTERNAL_ERROR` (tests assert it never happens).
 */
export function toReadError(error: unknown): ReadError {
  if (error instanceof DianReadError) return error.toJSON();
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL_ERROR', message: `Error interno al leer el documento: ${detail}` };
}
