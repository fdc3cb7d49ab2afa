import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { bogotaDayRange, isIsoDate } from '#shared/bogota-time';
import type { Clock } from '../agent/clock';
import type { Db } from '../db/database';
import { InputError, NotFoundError } from '../errors';
import type { ActorLike } from '../users/actor';
import { recordAudit } from '../users/audit';
import { ensureFirstAdministrator, getUserById, type User } from '../users/users';

/**
 * API tokens: random, shown once, stored only as a SHA-256 hash, each one a person's.
 * - The installation token (first start, `npx agente token`) is the first administrator's and does not expire:
 *   `agente token` replaces it (revoking the earlier installation tokens, never other people's).
 * - Personal tokens (`npx agente token create --user ana --expires 90d`) expire and can be revoked one by one.
 */
export type TokenKind = 'installation' | 'personal';

/** Default life of a personal token, and the longest one allowed. */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 730;

/** `lastUsedAt` is written at most this often per token: one write a minute, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenInfo {
  id: string;
  userId: string | null;
  login: string | null;
  label: string;
  kind: TokenKind;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Whether it opens the API now (not revoked, not expired). */
  active: boolean;
}

/** A new installation token for the first administrator (created if missing). Earlier ones keep working. */
export async function createToken(db: Db, label: string, clock: Clock): Promise<string> {
  const admin = await ensureFirstAdministrator(db, clock);
  return (await insertToken(db, { userId: admin.id, label, kind: 'installation', expiresAt: null }, clock)).token;
}

/** `npx agente token`: a new installation token; the earlier installation tokens stop working. Personal ones stay. */
export async function rotateToken(db: Db, label: string, clock: Clock): Promise<string> {
  await db.updateTable('apiToken').set({ revokedAt: clock.now().toISOString() }).where('revokedAt', 'is', null).where('kind', '=', 'installation').execute();
  return createToken(db, label, clock);
}

/** Whether any token opens the API now (the first start prints one when none does). */
export async function hasActiveToken(db: Db, clock?: Clock): Promise<boolean> {
  const now = (clock?.now() ?? new Date()).toISOString();
  const row = await db
    .selectFrom('apiToken')
    .select('id')
    .where('revokedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** A personal token for a person, expiring at `expiresAt`. The token is returned once; only its hash is kept. */
export async function createPersonalToken(db: Db, input: { user: User; label?: string; expiresAt: Date }, actor: ActorLike, clock: Clock): Promise<{ id: string; token: string; expiresAt: string }> {
  if (input.expiresAt.getTime() <= clock.now().getTime()) throw new InputError('La fecha de vencimiento del token ya pasó: indica una fecha futura.', 'INVALID_EXPIRY');
  const created = await insertToken(db, { userId: input.user.id, label: input.label ?? 'personal', kind: 'personal', expiresAt: input.expiresAt.toISOString() }, clock);
  await recordAudit(db, { companyId: null, type: 'token_created', details: { tokenId: created.id, userId: input.user.id, login: input.user.login, expiresAt: input.expiresAt.toISOString() }, actor, at: clock.now() });
  return { id: created.id, token: created.token, expiresAt: input.expiresAt.toISOString() };
}

/** Revokes one token by its id (from `agente token list`). Revoking twice keeps the first date. */
export async function revokeToken(db: Db, id: string, actor: ActorLike, clock: Clock): Promise<TokenInfo> {
  const row = await db.selectFrom('apiToken').select('id').where('id', '=', id.trim()).executeTakeFirst();
  if (!row) throw new NotFoundError(`No existe el token ${id}: mira los ids con \`npx agente token list\`.`, 'TOKEN_NOT_FOUND');
  await db.updateTable('apiToken').set({ revokedAt: clock.now().toISOString() }).where('id', '=', row.id).where('revokedAt', 'is', null).execute();
  const info = (await listTokens(db, clock, { id: row.id }))[0]!;
  await recordAudit(db, { companyId: null, type: 'token_revoked', details: { tokenId: row.id, userId: info.userId, login: info.login }, actor, at: clock.now() });
  return info;
}

/** Revokes every token of a person (someone who leaves the office); how many were active. */
export async function revokeTokensOf(db: Db, user: User, clock: Clock): Promise<number> {
  const result = await db.updateTable('apiToken').set({ revokedAt: clock.now().toISOString() }).where('userId', '=', user.id).where('revokedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Tokens (never their hashes), newest first; of one person, or one token. */
export async function listTokens(db: Db, clock: Clock, filter: { userId?: string; id?: string } = {}): Promise<TokenInfo[]> {
  let query = db
    .selectFrom('apiToken')
    .leftJoin('appUser', 'appUser.id', 'apiToken.userId')
    .select(['apiToken.id', 'apiToken.userId', 'appUser.login', 'apiToken.label', 'apiToken.kind', 'apiToken.createdAt', 'apiToken.expiresAt', 'apiToken.lastUsedAt', 'apiToken.revokedAt'])
    .orderBy('apiToken.createdAt', 'desc')
    .orderBy('apiToken.id');
  if (filter.userId) query = query.where('apiToken.userId', '=', filter.userId);
  if (filter.id) query = query.where('apiToken.id', '=', filter.id);
  const now = clock.now().toISOString();
  return (await query.execute()).map((r) => ({
    id: r.id,
    userId: r.userId,
    login: r.login,
    label: r.label,
    kind: r.kind === 'installation' ? 'installation' : 'personal',
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    active: r.revokedAt === null && (r.expiresAt === null || r.expiresAt > now),
  }));
}

export type Authentication = { ok: true; user: User; tokenId: string } | { ok: false; reason: 'invalid' | 'expired' | 'revoked'; at?: string; kind?: TokenKind };

/**
 * Who a bearer token is: looked up by hash, compared in constant time anyway, checked for revocation and expiry.
 * Marks it used (at most once a minute, see LAST_USED_RESOLUTION_MS).
 */
export async function authenticate(db: Db, token: string, clock: Clock): Promise<Authentication> {
  const digest = hash(token);
  const row = await db.selectFrom('apiToken').select(['id', 'tokenHash', 'userId', 'expiresAt', 'revokedAt', 'lastUsedAt', 'kind']).where('tokenHash', '=', digest).executeTakeFirst();
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(digest))) return { ok: false, reason: 'invalid' };
  const now = clock.now();
  const kind: TokenKind = row.kind === 'installation' ? 'installation' : 'personal';
  if (row.revokedAt !== null) return { ok: false, reason: 'revoked', at: row.revokedAt, kind };
  if (row.expiresAt !== null && row.expiresAt <= now.toISOString()) return { ok: false, reason: 'expired', at: row.expiresAt, kind };
  // A token without a person cannot come from this version; refuse it rather than guess whose it is.
  const user = row.userId ? await getUserById(db, row.userId) : undefined;
  if (!user) return { ok: false, reason: 'invalid' };
  if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
    // Conditional, so concurrent requests of one token write once.
    await db
      .updateTable('apiToken')
      .set({ lastUsedAt: now.toISOString() })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<=', stale)]))
      .execute();
  }
  return { ok: true, user, tokenId: row.id };
}

/** Whether the token opens the API now (kept for callers that only need yes or no). */
export async function isValidToken(db: Db, token: string, clock?: Clock): Promise<boolean> {
  return (await authenticate(db, token, clock ?? { now: () => new Date() })).ok;
}

/**
 * `--expires`: `90d` (days from now), or a date `AAAA-MM-DD` (valid through that whole day in Bogotá).
 * @throws InputError in Spanish when it is neither, already past, or beyond MAX_TOKEN_DAYS
 */
export function parseExpiry(text: string | undefined, now: Date): Date {
  const value = (text ?? `${DEFAULT_TOKEN_DAYS}d`).trim().toLowerCase();
  let expires: Date;
  const days = /^(\d{1,4})\s*d(ías|ias|ia|ía)?$/.exec(value);
  if (days) {
    expires = new Date(now.getTime() + Number(days[1]) * 86_400_000);
  } else if (isIsoDate(value)) {
    // Valid through that whole day in Bogotá: it ends when the next Bogotá day starts.
    expires = bogotaDayRange(value).end;
  } else {
    throw new InputError(`«${text}» no es un vencimiento: escribe días (por ejemplo 90d) o una fecha AAAA-MM-DD.`, 'INVALID_EXPIRY');
  }
  if (expires.getTime() <= now.getTime()) throw new InputError('El vencimiento ya pasó: indica una fecha futura.', 'INVALID_EXPIRY');
  if (expires.getTime() - now.getTime() > MAX_TOKEN_DAYS * 86_400_000) throw new InputError(`Un token dura como máximo ${MAX_TOKEN_DAYS} días: pide uno nuevo cuando venza.`, 'INVALID_EXPIRY');
  return expires;
}

async function insertToken(db: Db, input: { userId: string; label: string; kind: TokenKind; expiresAt: string | null }, clock: Clock): Promise<{ id: string; token: string }> {
  const token = `ag_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await db
    .insertInto('apiToken')
    .values({ id, tokenHash: hash(token), label: input.label, createdAt: clock.now().toISOString(), lastUsedAt: null, revokedAt: null, userId: input.userId, expiresAt: input.expiresAt, kind: input.kind })
    .execute();
  return { id, token };
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
