import { afterEach, describe, expect, it } from 'vitest';
import { PAUSE_EFFECT } from '#shared/agent';
import { activateAgent, pauseAgent, resumeAgent } from '../../server/agent/agent-switch';
import { createApp } from '../../server/api/app';
import { createCompany } from '../../server/companies/companies';
import { createToken } from '../../server/api/tokens';
import { invoiceXml, openHarness, tempDir, type Harness } from '../support/agent-harness';
import { runAgente } from '../support/cli';

/** Issue 17, «Pause means stop»: after «Desactivar» nothing is registered automatically, not even what was waiting. */
describe('pause means stop', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  const statusOf = async (id: string) => (await h.db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'reason']).where('id', '=', id).executeTakeFirstOrThrow());
  const bills = async () => (await h.db.selectFrom('bill').select('number').orderBy('number').execute()).map((b) => b.number);

  it('keeps what was waiting until reactivation, then registers it; what arrived while paused still is not', async () => {
    h = await openHarness({ activate: true });
    const waiting = [await h.ingest(invoiceXml('FE-40')), await h.ingest(invoiceXml('FE-41'))];
    h.clock.advance(1000);
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);

    expect(await h.agent.processor.runPending()).toEqual({ registered: 0, notRegistered: 0, failed: 0 });
    for (const result of waiting) expect((await statusOf(result.documents[0]!.id)).status).toBe('pending');
    h.clock.advance(60_000);
    const whilePaused = await h.ingest(invoiceXml('FE-42'));
    expect(await h.agent.processor.runPending()).toEqual({ registered: 0, notRegistered: 0, failed: 0 });
    expect(await bills()).toEqual([]);

    h.clock.advance(60_000);
    await resumeAgent(h.db, h.company.id, 'ana', h.clock);
    expect((await h.agent.processor.runPending()).registered).toBe(2);
    expect(await bills()).toEqual(['FE-40', 'FE-41']);
    expect(await statusOf(whilePaused.documents[0]!.id)).toMatchObject({ status: 'arrived_while_paused', reasonCode: 'ARRIVED_WHILE_PAUSED' });
  });

  it('stops in the middle of a batch: a pause after the first registration leaves the rest waiting', async () => {
    let pausedOnce = false;
    h = await openHarness({
      activate: true,
      agent: {
        listeners: [
          {
            billRegistered: async () => {
              if (pausedOnce) return;
              pausedOnce = true;
              await pauseAgent(h.db, h.company.id, 'ana', h.clock);
            },
          },
        ],
      },
    });
    for (const number of ['FE-50', 'FE-51', 'FE-52']) await h.ingest(invoiceXml(number));
    h.clock.advance(1000);
    expect((await h.agent.processor.runPending()).registered).toBe(1);
    expect(await bills()).toEqual(['FE-50']);
    h.clock.advance(1000);
    await resumeAgent(h.db, h.company.id, 'ana', h.clock);
    expect((await h.agent.processor.runPending()).registered).toBe(2);
  });

  it('only stops the company that paused', async () => {
    h = await openHarness({ activate: true });
    const other = await createCompany(h.db, { nit: '800111222', name: 'Otra Empresa SAS', userName: 'Beto' }, h.clock);
    await activateAgent(h.db, other.id, 'recent', 'beto', h.clock);
    h.clock.advance(1000);
    const mine = await h.ingest(invoiceXml('FE-60'));
    const xml = invoiceXml('FE-61', { customer: { nit: '800111222', name: 'Otra Empresa SAS' } });
    const theirs = await h.agent.ingest({ companyId: other.id, bytes: new TextEncoder().encode(xml), channel: 'upload', sourceRef: 'x.xml' });
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    expect((await h.agent.processor.runPending()).registered).toBe(1);
    expect((await statusOf(theirs.documents[0]!.id)).status).toBe('registered');
    expect((await statusOf(mine.documents[0]!.id)).status).toBe('pending');
  });

  it('says so in the API’s and the CLI’s answer to a pause', async () => {
    h = await openHarness({ activate: true });
    const app = createApp(h.agent);
    const token = await createToken(h.db, 'prueba', h.clock);
    const response = await app.request('/api/v1/agent/pause', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'paused', notice: PAUSE_EFFECT });
    expect(PAUSE_EFFECT).toMatch(/ni lo que ya estaba en espera/);

    const tmp = tempDir('agente-pause-cli-');
    try {
      const db = tmp.file('agente.db');
      expect((await runAgente(['--db', db, 'init'])).code).toBe(0);
      expect((await runAgente(['--db', db, 'company', 'create', '--nit', '900123456', '--name', 'Prueba SAS'])).code).toBe(0);
      expect((await runAgente(['--db', db, 'agent', 'activate'])).code).toBe(0);
      const paused = await runAgente(['--db', db, 'agent', 'pause']);
      expect(JSON.parse(paused.stdout)).toMatchObject({ status: 'paused', notice: PAUSE_EFFECT });
      expect((await runAgente(['--db', db, 'agent', '--help'])).stdout).toMatch(/también lo que ya estaba\s+en espera/);
    } finally {
      tmp.remove();
    }
  });
});

/**
 * An IMAP INTERNALDATE has whole seconds only. When it falls in the same second as an activation or a pause, the
 * order is unknown: the document is kept, not registered automatically, with a reason that shows the seconds.
 */
describe('arrival times known to the second only', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('keeps a mailbox arrival in the same second as an activation, with both times to the second', async () => {
    h = await openHarness({ start: '2026-03-10T15:00:05.400Z' });
    await activateAgent(h.db, h.company.id, 'recent', 'ana', h.clock); // 10:00:05.400 in Bogotá
    h.clock.advance(60_000);
    const sameSecond = await h.ingest(invoiceXml('FE-70'), { channel: 'mailbox', arrivedAt: new Date('2026-03-10T15:00:05Z') });
    expect(sameSecond.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'ARRIVAL_ORDER_UNKNOWN' });
    expect(sameSecond.documents[0]!.reason).toContain('Llegó el 10/03/2026 10:00:05 y el agente se activó el 10/03/2026 10:00:05, en el mismo segundo');
    expect(sameSecond.documents[0]!.reason).toMatch(/no se registra automáticamente/);

    // The second before and the second after are clear; so is an upload stamped to the millisecond.
    const before = await h.ingest(invoiceXml('FE-71'), { channel: 'mailbox', arrivedAt: new Date('2026-03-10T15:00:04Z') });
    const after = await h.ingest(invoiceXml('FE-72'), { channel: 'mailbox', arrivedAt: new Date('2026-03-10T15:00:06Z') });
    const uploadBefore = await h.ingest(invoiceXml('FE-73'), { channel: 'upload', arrivedAt: new Date('2026-03-10T15:00:05.100Z') });
    const uploadAfter = await h.ingest(invoiceXml('FE-74'), { channel: 'upload', arrivedAt: new Date('2026-03-10T15:00:05.500Z') });
    expect(before.documents[0]!.reasonCode).toBe('AGENT_INACTIVE');
    expect(after.documents[0]!.status).toBe('pending');
    expect(uploadBefore.documents[0]!.reasonCode).toBe('AGENT_INACTIVE');
    expect(uploadAfter.documents[0]!.status).toBe('pending');

    await h.agent.processor.runPending();
    expect((await h.db.selectFrom('bill').select('number').orderBy('number').execute()).map((b) => b.number)).toEqual(['FE-72', 'FE-74']);
  });

  it('keeps a mailbox arrival in the same second as a pause', async () => {
    h = await openHarness({ activate: true, start: '2026-03-10T14:00:00Z' });
    h.clock.set('2026-03-10T15:30:10.900Z');
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(5 * 60_000);
    const result = await h.ingest(invoiceXml('FE-80'), { channel: 'mailbox', arrivedAt: new Date('2026-03-10T15:30:10Z') });
    expect(result.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'ARRIVAL_ORDER_UNKNOWN' });
    expect(result.documents[0]!.reason).toContain('Llegó el 10/03/2026 10:30:10 y el agente se desactivó el 10/03/2026 10:30:10');
    await resumeAgent(h.db, h.company.id, 'ana', h.clock);
    await h.agent.processor.runPending();
    expect(await h.db.selectFrom('bill').select('number').execute()).toEqual([]);
  });
});
