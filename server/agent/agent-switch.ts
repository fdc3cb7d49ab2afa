import { randomUUID } from 'node:crypto';
import type { ActivationMode, AgentEvent, AgentEventType, AgentState } from '#shared/agent';
import type { Db } from '../db/database';
import { ConflictError } from '../errors';
import { actorId, actorName, type ActorLike } from '../users/actor';
import type { Clock } from './clock';
import { preparedQuery } from '../db/prepared-query';

/**
 * The Activo/Desactivado switch, as users were told (see shared/agent.ts). The state is never stored apart: it is
 * derived from the audit trail of events, so "was the agent active when this document arrived?" has one answer
 * for any instant, including arrivals we only learn about later (a mailbox read after a restart).
 */
// Asked before every document: only the latest event, not the whole trail; compiled once.
const latestEvent = preparedQuery((db, v: { companyId: string; at: string }) =>
  db.selectFrom('agentEvent').selectAll().where('companyId', '=', v.companyId).where('at', '<=', v.at).orderBy('at', 'desc').orderBy('seq', 'desc').limit(1),
);

export async function agentStateAt(db: Db, companyId: string, instant: Date): Promise<AgentState> {
  const [last] = (await latestEvent(db, { companyId, at: instant.toISOString() })).rows;
  if (!last) return { status: 'inactive' };
  const status = last.type === 'paused' ? 'paused' : 'active';
  return {
    status,
    ...(last.mode ? { mode: last.mode as ActivationMode } : {}),
    ...(status === 'active' ? { activeSince: last.at } : {}),
    updatedAt: last.at,
  };
}

/**
 * The switch event (activation, pause, resume) that happened within the same whole second as `instant`, if any.
 * For arrival times known only to the second (IMAP INTERNALDATE), such an event leaves the order unknown.
 */
export async function switchEventInSameSecond(db: Db, companyId: string, instant: Date): Promise<AgentEvent | undefined> {
  const second = Math.floor(instant.getTime() / 1000) * 1000;
  const row = await db
    .selectFrom('agentEvent')
    .selectAll()
    .where('companyId', '=', companyId)
    .where('at', '>=', new Date(second).toISOString())
    .where('at', '<', new Date(second + 1000).toISOString())
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row && { id: row.id, type: row.type as AgentEventType, ...(row.mode ? { mode: row.mode as ActivationMode } : {}), actor: row.actor, at: row.at };
}

/** Whether the agent registers automatically right now (active, not paused nor never activated). */
export async function isAgentActive(db: Db, companyId: string, clock: Clock): Promise<boolean> {
  return (await currentAgentState(db, companyId, clock)).status === 'active';
}

export async function currentAgentState(db: Db, companyId: string, clock: Clock): Promise<AgentState> {
  return agentStateAt(db, companyId, clock.now());
}

/** "Registrar los más recientes" + Activar: from this instant on, arrivals are registered automatically. */
export async function activateAgent(db: Db, companyId: string, mode: ActivationMode, actor: ActorLike, clock: Clock): Promise<AgentState> {
  const state = await currentAgentState(db, companyId, clock);
  if (state.status === 'active') return state;
  await record(db, companyId, 'activated', actor, clock, mode);
  return currentAgentState(db, companyId, clock);
}

/**
 * Desactivado: nothing is registered automatically any more. What arrives from now on is kept, marked, and never
 * registered automatically; what was already waiting stays waiting until the agent is active again (PAUSE_EFFECT).
 */
export async function pauseAgent(db: Db, companyId: string, actor: ActorLike, clock: Clock): Promise<AgentState> {
  const state = await currentAgentState(db, companyId, clock);
  if (state.status === 'paused') return state;
  if (state.status === 'inactive') throw new ConflictError('El agente no está activo: no hay nada que pausar.');
  await record(db, companyId, 'paused', actor, clock, state.mode);
  return currentAgentState(db, companyId, clock);
}

/**
 * Activo again: documents that arrive from this instant on, and those still waiting from before the pause (they
 * arrived while active); what arrived while paused stays as it is.
 */
export async function resumeAgent(db: Db, companyId: string, actor: ActorLike, clock: Clock): Promise<AgentState> {
  const state = await currentAgentState(db, companyId, clock);
  if (state.status === 'active') return state;
  if (state.status === 'inactive') throw new ConflictError('El agente nunca se ha activado: usa «Activar» con «Registrar los más recientes».');
  await record(db, companyId, 'resumed', actor, clock, state.mode);
  return currentAgentState(db, companyId, clock);
}

export async function listAgentEvents(db: Db, companyId: string, limit = 100): Promise<AgentEvent[]> {
  const rows = await db.selectFrom('agentEvent').selectAll().where('companyId', '=', companyId).orderBy('at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, type: r.type as AgentEventType, ...(r.mode ? { mode: r.mode as ActivationMode } : {}), actor: r.actor, ...(r.actorId ? { actorId: r.actorId } : {}), at: r.at }));
}

async function record(db: Db, companyId: string, type: AgentEventType, actor: ActorLike, clock: Clock, mode?: ActivationMode): Promise<void> {
  const latest = await db.selectFrom('agentEvent').select((eb) => eb.fn.max('seq').as('seq')).where('companyId', '=', companyId).executeTakeFirst();
  await db
    .insertInto('agentEvent')
    .values({ id: randomUUID(), companyId, type, mode: mode ?? null, actor: actorName(actor), actorId: actorId(actor), at: clock.now().toISOString(), seq: (latest?.seq ?? 0) + 1 })
    .execute();
}
