import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../agent/clock';
import type { Db } from '../db/database';

/**
 * API tokens: random, shown once, stored only as a SHA-256 hash. Rotating revokes every earlier token.
 * The extension keeps its token in its own storage; the CLI prints a new one with `npx agente token` (revoking the others).
 */
export async function createToken(db: Db, label: string, clock: Clock): Promise<string> {
  const token = `ag_${randomBytes(32).toString('base64url')}`;
  await db.insertInto('apiToken').values({ id: randomUUID(), tokenHash: hash(token), label, createdAt: clock.now().toISOString(), lastUsedAt: null, revokedAt: null }).execute();
  return token;
}

export async function rotateToken(db: Db, label: string, clock: Clock): Promise<string> {
  await db.updateTable('apiToken').set({ revokedAt: clock.now().toISOString() }).where('revokedAt', 'is', null).execute();
  return createToken(db, label, clock);
}

export async function hasActiveToken(db: Db): Promise<boolean> {
  return (await db.selectFrom('apiToken').select('id').where('revokedAt', 'is', null).executeTakeFirst()) !== undefined;
}

export async function isValidToken(db: Db, token: string): Promise<boolean> {
  const digest = hash(token);
  const row = await db.selectFrom('apiToken').select('tokenHash').where('tokenHash', '=', digest).where('revokedAt', 'is', null).executeTakeFirst();
  // Looked up by hash; compared in constant time anyway so timing says nothing about near misses.
  return row !== undefined && timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(digest));
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
