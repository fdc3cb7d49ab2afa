import { afterEach, describe, expect, it } from 'vitest';
import { bogotaDate } from '#shared/bogota-time';
import { activateAgent, pauseAgent, resumeAgent } from '../../server/agent/agent-switch';
import { computeDailySummary, getDailySummary, storeMissingSummaries } from '../../server/agent/daily-summary';
import { startSummaryScheduler } from '../../server/agent/summary-scheduler';
import { InputError } from '../../server/errors';
import { fixtureText, retarget } from '../support/fixtures';
import { COMPANY_NIT, invoiceXml, openHarness, type Harness } from '../support/agent-harness';
import { forEachEngine } from '../support/engines';

/** Bogotá is UTC−5 all year: 23:59 on 9 March in Bogotá is 04:59Z on 10 March. */
const at = (iso: string) => new Date(iso);

forEachEngine((engine) => {
  describe('daily summary at midnight in Bogotá', () => {
    let h: Harness;
    afterEach(async () => h?.close());

    async function storedDates(): Promise<string[]> {
      return (await h.db.selectFrom('dailySummary').select('date').where('companyId', '=', h.company.id).orderBy('date').execute()).map((r) => r.date);
    }

    it('puts arrivals at 23:59 and 00:01 Bogotá time in different days, and stores yesterday at midnight', async () => {
      h = await openHarness({ engine, start: '2026-03-09T13:00:00Z' }); // 08:00 in Bogotá on 9 March
      await activateAgent(h.db, h.company.id, 'recent', 'ana', h.clock);

      h.clock.set('2026-03-09T20:00:00Z');
      const morning = await h.ingest(invoiceXml('FE-1'));
      await h.ingest(invoiceXml('FE-1'), { name: 'copia.xml' }); // duplicate: not counted anywhere
      await h.ingest(fixtureText('dian-toolkit__RADIAN_030_-_Acuse_ReciboFEV.xml')); // RADIAN event: ignored, not counted
      const notForUs = await h.ingest(invoiceXml('FE-2', { customer: { nit: '811000111', name: 'Otra SAS' } }));
      const testEnv = await h.ingest(retarget(fixtureText('dian-toolkit__Generica.xml'), { customerNit: COMPANY_NIT, keepEnvironment: true, cufeSeed: 'test-env', number: 'SETP1' }));
      h.clock.set('2026-03-09T22:00:00Z');
      await pauseAgent(h.db, h.company.id, 'ana', h.clock);
      h.clock.set('2026-03-09T22:30:00Z');
      const paused = await h.ingest(invoiceXml('FE-3'));
      h.clock.set('2026-03-09T23:00:00Z');
      await resumeAgent(h.db, h.company.id, 'ana', h.clock);

      h.clock.set('2026-03-10T04:59:00Z'); // 23:59 on 9 March in Bogotá
      const late = await h.ingest(invoiceXml('FE-4'));
      h.clock.set('2026-03-10T05:01:00Z'); // 00:01 on 10 March in Bogotá
      const early = await h.ingest(invoiceXml('FE-5'));
      await h.agent.processor.runPending();
      expect(bogotaDate(new Date(late.documents[0]!.arrivedAt))).toBe('2026-03-09');
      expect(bogotaDate(new Date(early.documents[0]!.arrivedAt))).toBe('2026-03-10');

      // The midnight job (run here at 00:01): stores 9 March, nothing for 10 March (still running).
      expect(await storeMissingSummaries(h.db, h.company.id, h.clock)).toEqual(['2026-03-09']);
      const yesterday = await getDailySummary(h.db, h.company.id, '2026-03-09', h.clock);
      expect(yesterday).toMatchObject({ date: '2026-03-09', registered: 2, timeSavedMinutes: 6, notRegistered: 3, pending: 0, agentStatus: 'active', final: true });
      expect(yesterday.notRegisteredDocuments.map((d) => [d.documentId, d.status, d.reasonCode])).toEqual([
        [notForUs.documents[0]!.id, 'not_registered', 'NOT_FOR_COMPANY'],
        [testEnv.documents[0]!.id, 'not_registered', 'TEST_ENVIRONMENT'],
        [paused.documents[0]!.id, 'arrived_while_paused', 'ARRIVED_WHILE_PAUSED'],
      ]);
      for (const entry of yesterday.notRegisteredDocuments) expect(entry.reason.length).toBeGreaterThan(20);
      expect(yesterday.notRegisteredDocuments[0]).toMatchObject({ number: 'FE-2', supplierName: 'Distribuidora del Norte SAS' });
      expect(morning.documents[0]!.status).toBe('pending');

      const today = await getDailySummary(h.db, h.company.id, '2026-03-10', h.clock);
      expect(today).toMatchObject({ date: '2026-03-10', registered: 1, timeSavedMinutes: 3, notRegistered: 0, final: false });
      expect(await storedDates()).toEqual(['2026-03-09']); // "today so far" is never stored

      // The stored summary is what midnight saw, even if someone registers the paused one by hand later.
      const { registerDocument } = await import('../../server/agent/register-document');
      await registerDocument(h.agent.deps, paused.documents[0]!.id, { manual: true });
      expect((await getDailySummary(h.db, h.company.id, '2026-03-09', h.clock)).registered).toBe(2);
      expect((await computeDailySummary(h.db, h.company.id, '2026-03-09', h.clock)).registered).toBe(3);
    });

    it('registers what is pending before storing the day (a document at 23:59 counts as registered)', async () => {
      h = await openHarness({ engine, start: '2026-03-09T13:00:00Z', activate: true });
      h.clock.set('2026-03-10T04:59:30Z');
      const late = await h.ingest(invoiceXml('FE-9'));
      expect(late.documents[0]!.status).toBe('pending');
      h.clock.set('2026-03-10T05:00:00Z');
      const scheduler = startSummaryScheduler(h.agent.deps, h.agent.processor);
      try {
        await scheduler.catchUp();
      } finally {
        await scheduler.stop();
      }
      const stored = await getDailySummary(h.db, h.company.id, '2026-03-09', h.clock);
      expect(stored).toMatchObject({ registered: 1, pending: 0, final: true });
    });

    it('computes the summaries missed while the server was down, on start, without gaps', async () => {
      h = await openHarness({ engine, start: '2026-03-01T15:00:00Z', activate: true });
      for (const [day, count] of [['2026-03-02', 2], ['2026-03-04', 1], ['2026-03-06', 3]] as const) {
        for (let i = 0; i < count; i++) {
          h.clock.set(`${day}T1${i}:00:00Z`);
          await h.ingest(invoiceXml(`FE-${day}-${i}`));
        }
      }
      await h.agent.processor.runPending();
      // Midnight of 1→2 March was served; then the server was down until 8 March at 09:00 Bogotá.
      h.clock.set('2026-03-02T05:00:00Z');
      expect(await storeMissingSummaries(h.db, h.company.id, h.clock)).toEqual(['2026-03-01']);
      h.clock.set('2026-03-08T14:00:00Z');
      // Someone looked at 5 March before the catch-up ran (stored on demand, the day being over).
      expect((await getDailySummary(h.db, h.company.id, '2026-03-05', h.clock)).final).toBe(true);
      const stored = await storeMissingSummaries(h.db, h.company.id, h.clock);
      expect(stored).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06', '2026-03-07']);
      expect(await storedDates()).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
      const figures = await Promise.all(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06'].map((d) => getDailySummary(h.db, h.company.id, d, h.clock)));
      expect(figures.map((s) => [s.registered, s.timeSavedMinutes])).toEqual([[2, 6], [0, 0], [1, 3], [3, 9]]);
      // Running it again stores nothing new.
      expect(await storeMissingSummaries(h.db, h.company.id, h.clock)).toEqual([]);
    });

    it('stops between two documents and between two days when the server is asked to stop; the next start does the rest', async () => {
      h = await openHarness({ engine, start: '2026-03-01T15:00:00Z', activate: true });
      for (let i = 0; i < 3; i++) await h.ingest(invoiceXml(`FE-ALTO-${i}`));
      h.clock.set('2026-03-08T14:00:00Z');
      const pending = async () => (await h.db.selectFrom('inboxDocument').select('id').where('status', '=', 'pending').execute()).length;
      // Ctrl+C right after the start: neither the backlog nor the missed days hold the stop back.
      const first = startSummaryScheduler(h.agent.deps, h.agent.processor);
      const catchingUp = first.catchUp();
      await Promise.all([h.agent.processor.stop(), first.stop(), catchingUp]);
      expect(await pending()).toBe(3);
      expect(await storedDates()).toEqual([]);
      // The next start registers the backlog and composes every missed day.
      h.agent.processor.start();
      const second = startSummaryScheduler(h.agent.deps, h.agent.processor);
      try {
        await second.catchUp();
      } finally {
        await second.stop();
      }
      expect(await pending()).toBe(0);
      expect(await storedDates()).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    });

    it('refuses a date that has not come yet, in Bogotá time', async () => {
      h = await openHarness({ engine, start: '2026-03-10T04:30:00Z' }); // still 9 March in Bogotá
      await expect(getDailySummary(h.db, h.company.id, '2026-03-10', h.clock)).rejects.toBeInstanceOf(InputError);
      await expect(getDailySummary(h.db, h.company.id, '2026-03-10', h.clock)).rejects.toThrow(/todavía no ha llegado/);
      expect((await getDailySummary(h.db, h.company.id, '2026-03-09', h.clock)).final).toBe(false);
    });

    it('reports the agent state of the day: paused at the end of the day stays paused in its summary', async () => {
      h = await openHarness({ engine, start: '2026-03-09T13:00:00Z', activate: true });
      h.clock.set('2026-03-10T02:00:00Z');
      await pauseAgent(h.db, h.company.id, 'ana', h.clock);
      h.clock.set('2026-03-10T15:00:00Z');
      await resumeAgent(h.db, h.company.id, 'ana', h.clock);
      expect((await getDailySummary(h.db, h.company.id, '2026-03-09', h.clock)).agentStatus).toBe('paused');
      expect((await getDailySummary(h.db, h.company.id, '2026-03-10', h.clock)).agentStatus).toBe('active');
      expect(at('2026-03-10T02:00:00Z').getTime()).toBeLessThan(at('2026-03-10T05:00:00Z').getTime());
    });
  });
});
