/**
 * Errors that carry what went wrong for a person, in Spanish, and how the API answers them (mapped once, in
 * `server/api/app.ts`). Anything else that escapes is a bug.
 */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 = 400;
  /** Stable code for programs (the extension shows a company form on `NO_COMPANY`…). */
  readonly code: string;

  constructor(message: string, code?: string) {
    super(message);
    this.code = code ?? 'INVALID_REQUEST';
  }
}

export class NotFoundError extends InputError {
  override readonly name: string = 'NotFoundError';
  override readonly status = 404;

  constructor(message: string, code = 'NOT_FOUND') {
    super(message, code);
  }
}

export class ConflictError extends InputError {
  override readonly name: string = 'ConflictError';
  override readonly status = 409;

  constructor(message: string, code = 'CONFLICT') {
    super(message, code);
  }
}

/** No valid token: missing, unknown, expired or revoked (API 401). */
export class UnauthorizedError extends InputError {
  override readonly name: string = 'UnauthorizedError';
  override readonly status = 401;

  constructor(message: string, code = 'UNAUTHORIZED') {
    super(message, code);
  }
}

/** A person who may not do this, or a company they do not cover (API 403). */
export class ForbiddenError extends InputError {
  override readonly name: string = 'ForbiddenError';
  override readonly status = 403;

  constructor(message: string, code = 'FORBIDDEN') {
    super(message, code);
  }
}

/** Spanish, for every place that can meet a full disk (API 507, CLI, logs). */
export const DISK_FULL_MESSAGE =
  'Disco lleno: el agente no pudo guardar y no dejó nada escrito a medias. Libera espacio en el disco donde está la base de datos y vuelve a intentarlo; lo recibido antes está a salvo.';

/** SQLite's SQLITE_FULL (or the system's ENOSPC), however deep it is wrapped. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === 'SQLITE_FULL' || e.code === 'ENOSPC') return true;
  }
  return false;
}
