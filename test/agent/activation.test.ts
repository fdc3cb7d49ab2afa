import { afterEach, describe, expect, it } from 'vitest';
import { activateAgent, agentStateAt, currentAgentState, listAgentEvents, pauseAgent, resumeAgent } from '../../server/agent/agent-switch';
import { listDocuments } from '../../server/agent/inbox-documents';
import { registerDocument } from '../../server/agent/register-document';
import { createCompany } from '../../server/companies/companies';
import { ConflictError } from '../../server/errors';
import { invoiceXml, openHarness, type Harness } from '../support/agent-harness';

const MINUTE = 60_000;

describe('activation and pause, exactly as users were told', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  async function statusOf(documentId: string) {
    const row = await h.db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'reason', 'billId']).where('id', '=', documentId).executeTakeFirstOrThrow();
    return row;
  }

  it('registers nothing before activation, then only what arrives from the activation instant on', async () => {
    h = await openHarness();
    const before = await h.ingest(invoiceXml('FE-1'));
    expect(before.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'AGENT_INACTIVE' });
    expect(before.documents[0]!.reason).toMatch(/antes de activar el agente/);
    await h.agent.processor.runPending();
    expect(await statusOf(before.documents[0]!.id)).toMatchObject({ status: 'not_registered', billId: null });

    h.clock.advance(MINUTE);
    const activatedAt = h.clock.now();
    await activateAgent(h.db, h.company.id, 'recent', 'Ana Gómez', h.clock);
    // Exactly at the activation instant: already active.
    const atInstant = await h.ingest(invoiceXml('FE-2'));
    expect(atInstant.documents[0]!.status).toBe('pending');
    h.clock.advance(1);
    const after = await h.ingest(invoiceXml('FE-3'));
    expect(after.documents[0]!.status).toBe('pending');

    const report = await h.agent.processor.runPending();
    expect(report).toEqual({ registered: 2, notRegistered: 0, failed: 0 });
    expect((await statusOf(atInstant.documents[0]!.id)).status).toBe('registered');
    expect((await statusOf(after.documents[0]!.id)).status).toBe('registered');
    // What arrived before activation is still not registered, whatever happens later.
    expect(await statusOf(before.documents[0]!.id)).toMatchObject({ status: 'not_registered', reasonCode: 'AGENT_INACTIVE', billId: null });
    expect(await h.db.selectFrom('bill').select('number').orderBy('number').execute()).toEqual([{ number: 'FE-2' }, { number: 'FE-3' }]);
    expect((await currentAgentState(h.db, h.company.id, h.clock)).activeSince).toBe(activatedAt.toISOString());
  });

  it('keeps what arrives while paused, marked, and never registers it automatically, not even after resuming', async () => {
    h = await openHarness({ activate: true });
    const active = await h.ingest(invoiceXml('FE-10'));
    h.clock.advance(MINUTE);
    const pausedAt = h.clock.now();
    await pauseAgent(h.db, h.company.id, 'Ana Gómez', h.clock);
    const atPause = await h.ingest(invoiceXml('FE-11'));
    h.clock.advance(10 * MINUTE);
    const duringPause = await h.ingest(invoiceXml('FE-12'));
    for (const result of [atPause, duringPause]) {
      expect(result.documents[0]).toMatchObject({ status: 'arrived_while_paused', reasonCode: 'ARRIVED_WHILE_PAUSED' });
      expect(result.documents[0]!.reason).toMatch(/ni siquiera al reactivarlo/);
    }
    // The document that arrived while active waits: pause means stop (issue 17); it is registered on resuming.
    await h.agent.processor.runPending();
    expect((await statusOf(active.documents[0]!.id)).status).toBe('pending');

    h.clock.advance(MINUTE);
    const resumedAt = h.clock.now();
    await resumeAgent(h.db, h.company.id, 'Luis Pérez', h.clock);
    const afterResume = await h.ingest(invoiceXml('FE-13'));
    expect(afterResume.documents[0]!.status).toBe('pending');
    await h.agent.processor.runPending();
    await h.agent.processor.runPending();

    expect((await statusOf(afterResume.documents[0]!.id)).status).toBe('registered');
    expect((await statusOf(active.documents[0]!.id)).status).toBe('registered');
    for (const result of [atPause, duringPause]) {
      expect(await statusOf(result.documents[0]!.id)).toMatchObject({ status: 'arrived_while_paused', billId: null });
    }
    expect((await h.db.selectFrom('bill').select('number').orderBy('number').execute()).map((b) => b.number)).toEqual(['FE-10', 'FE-13']);

    const events = await listAgentEvents(h.db, h.company.id);
    expect(events.map((e) => [e.type, e.actor, e.at])).toEqual([
      ['resumed', 'Luis Pérez', resumedAt.toISOString()],
      ['paused', 'Ana Gómez', pausedAt.toISOString()],
      ['activated', 'ana', expect.any(String)],
    ]);
    expect(events.at(-1)!.mode).toBe('recent');
    expect((await currentAgentState(h.db, h.company.id, h.clock)).activeSince).toBe(resumedAt.toISOString());
  });

  it('judges a late-read arrival (explicit arrivedAt in the past) by the state at that instant', async () => {
    h = await openHarness();
    const t0 = h.clock.now();
    h.clock.advance(MINUTE);
    await activateAgent(h.db, h.company.id, 'recent', 'ana', h.clock); // t0 + 1 min
    h.clock.advance(MINUTE);
    await pauseAgent(h.db, h.company.id, 'ana', h.clock); // t0 + 2 min
    h.clock.advance(MINUTE);
    await resumeAgent(h.db, h.company.id, 'ana', h.clock); // t0 + 3 min
    h.clock.advance(60 * MINUTE); // the mailbox is read an hour later

    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const cases: [string, number, string][] = [
      ['FE-20', 0.5, 'not_registered'],
      ['FE-21', 1.5, 'pending'],
      ['FE-22', 2.5, 'arrived_while_paused'],
      ['FE-23', 3.5, 'pending'],
    ];
    for (const [number, minute, status] of cases) {
      const result = await h.ingest(invoiceXml(number), { channel: 'mailbox', arrivedAt: at(minute) });
      expect(result.documents[0]!.status, number).toBe(status);
      expect(result.documents[0]!.arrivedAt).toBe(at(minute).toISOString());
    }
    await h.agent.processor.runPending();
    expect((await h.db.selectFrom('bill').select('number').orderBy('number').execute()).map((b) => b.number)).toEqual(['FE-21', 'FE-23']);
    expect(await agentStateAt(h.db, h.company.id, at(2.5))).toMatchObject({ status: 'paused' });
    expect(await agentStateAt(h.db, h.company.id, at(0.5))).toEqual({ status: 'inactive' });
  });

  it('refuses to pause or resume an agent that was never activated, and records one event per real change', async () => {
    h = await openHarness();
    await expect(pauseAgent(h.db, h.company.id, 'ana', h.clock)).rejects.toBeInstanceOf(ConflictError);
    await expect(resumeAgent(h.db, h.company.id, 'ana', h.clock)).rejects.toThrow(/nunca se ha activado/);
    await activateAgent(h.db, h.company.id, 'recent', 'ana', h.clock);
    h.clock.advance(1000);
    await activateAgent(h.db, h.company.id, 'recent', 'ana', h.clock); // already active: no new event
    await resumeAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    expect((await listAgentEvents(h.db, h.company.id)).map((e) => e.type)).toEqual(['paused', 'activated']);
  });

  it('keeps each company’s switch apart in one database', async () => {
    h = await openHarness({ activate: true });
    const other = await createCompany(h.db, { nit: '800111222', name: 'Otra Empresa SAS', userName: 'Beto' }, h.clock);
    expect((await currentAgentState(h.db, other.id, h.clock)).status).toBe('inactive');
    const xml = invoiceXml('FE-30', { customer: { nit: '800111222', name: 'Otra Empresa SAS' } });
    const result = await h.agent.ingest({ companyId: other.id, bytes: new TextEncoder().encode(xml), channel: 'upload', sourceRef: 'x.xml' });
    expect(result.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'AGENT_INACTIVE' });
    expect(await listDocuments(h.db, h.company.id)).toHaveLength(0);
  });

  it('lets a person register by hand what arrived while paused (their decision, not the agent’s)', async () => {
    h = await openHarness({ activate: true });
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    const paused = await h.ingest(invoiceXml('FE-40'));
    expect(await registerDocument(h.agent.deps, paused.documents[0]!.id)).toEqual({ status: 'skipped' });
    const outcome = await registerDocument(h.agent.deps, paused.documents[0]!.id, { manual: true });
    expect(outcome.status).toBe('registered');
    expect((await statusOf(paused.documents[0]!.id)).status).toBe('registered');
  });
});
