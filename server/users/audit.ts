import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { actorId, actorName, type ActorLike } from './actor';

/**
 * What the audit trail keeps besides the agent's switch (agent_event) and line corrections (line_correction):
 * manual registrations, settings and connection changes, users and tokens, and every time a RADIAN event is given
 * to DIAN (by whom: the first sending and each resend).
 */
export type AuditType = 'manual_registration' | 'radian_event_sent' | 'settings_changed' | 'user_created' | 'role_granted' | 'role_revoked' | 'token_created' | 'token_revoked';

export interface AuditEvent {
  id: string;
  companyId: string | null;
  type: AuditType;
  details: Record<string, unknown>;
  /** The user id, when a person identified by a token or `--usuario` acted. */
  actorId: string | null;
  actor: string;
  at: string;
}

export async function recordAudit(db: Db, entry: { companyId: string | null; type: AuditType; details?: Record<string, unknown>; actor: ActorLike; at: Date }): Promise<void> {
  await db
    .insertInto('auditEvent')
    .values({ id: randomUUID(), companyId: entry.companyId, type: entry.type, details: JSON.stringify(entry.details ?? {}), actorId: actorId(entry.actor), actor: actorName(entry.actor), at: entry.at.toISOString() })
    .execute();
}

/** The company's trail, newest first. */
export async function listAudit(db: Db, companyId: string, limit = 100): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('auditEvent').selectAll().where('companyId', '=', companyId).orderBy('at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, companyId: r.companyId, type: r.type as AuditType, details: JSON.parse(r.details) as Record<string, unknown>, actorId: r.actorId, actor: r.actor, at: r.at }));
}
