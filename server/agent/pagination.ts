import { z } from 'zod';
import type { Page } from '#shared/inbox';
import { InputError } from '../errors';

/** Lists that grow with every arrival are read a page at a time: never an unbounded response. */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** Default and largest page per list. Bills carry their lines and entry, so their pages are smaller. */
export const PAGE_SIZES = {
  documents: { default: 100, max: 500 },
  bills: { default: 50, max: 200 },
  mailboxMessages: { default: 50, max: 500 },
  notRegistered: { default: 100, max: 500 },
  missingConfirmations: { default: 50, max: 500 },
} as const;

export type PagedList = keyof typeof PAGE_SIZES;

/**
 * Reads `limit` and `offset` as a person or a script typed them. Anything but a whole number in range is refused
 * with a Spanish message, never clamped in silence.
 * @throws InputError `INVALID_PAGE`
 */
export function parsePage(list: PagedList, raw: { limit?: string | undefined; offset?: string | undefined }): PageRequest {
  const { default: fallback, max } = PAGE_SIZES[list];
  const limit = raw.limit === undefined ? fallback : wholeNumber('limit', raw.limit, 1, max);
  const offset = raw.offset === undefined ? 0 : wholeNumber('offset', raw.offset, 0, Number.MAX_SAFE_INTEGER);
  return { limit, offset };
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `un número entero desde ${min}` : `un número entero entre ${min} y ${max}`;
    throw new InputError(`«${name}» debe ser ${range}, no «${text}».`, 'INVALID_PAGE');
  }
  return value;
}

/** The query parameters of a paged API list, as text: `parsePage` checks them like the CLI flags (same messages). */
export const pageParams = { limit: z.string().optional(), offset: z.string().optional() };

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  const next = request.offset + items.length;
  return { items, total, limit: request.limit, offset: request.offset, nextOffset: next < total ? next : null };
}
