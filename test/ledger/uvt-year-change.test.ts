import { afterEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import { getBillOrThrow } from '../../server/agent/bills';
import { getDailySummary } from '../../server/agent/daily-summary';
import { recomputeYear } from '../../server/agent/recompute';
import { enterUvt, rulesWarnings } from '../../server/agent/uvt-values';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { buildUbl } from '../support/ubl';
import { byAccount, entryFacts, invoiceSpec, openHarness, pesos, UnspscClassifier, type Harness } from '../support/agent-harness';
import { runAgente, type CliRun } from '../support/cli';
import { tempDir } from '../support/agent-harness';
import { forEachEngine } from '../support/engines';

forEachEngine((engine) => {
  /**
   * The year changes: UVT 2027 is not in the guide (accounting-co.md §3.1). DIAN publishes it by resolution; until a
   * person enters it, 2027 documents register "por verificar" without retención, and one command re-computes them.
   */
  describe('next year’s UVT', () => {
    let h: Harness | undefined;
    afterEach(async () => {
      await h?.close();
      h = undefined;
    });

    async function register(number: string, issueDate: string, amount = '5000000'): Promise<Bill> {
      const result = await h!.ingest(buildUbl(invoiceSpec(number, { issueDate }, amount)));
      await h!.agent.processor.runPending();
      const row = await h!.db.selectFrom('inboxDocument').select(['status', 'reason', 'billId']).where('id', '=', result.documents[0]!.id).executeTakeFirstOrThrow();
      expect(row.status, row.reason ?? '').toBe('registered');
      return getBillOrThrow(h!.db, h!.company.id, row.billId!);
    }

    it('is validated: positive, with its resolution, within the IPC band of the previous year', async () => {
      h = await openHarness({ engine, activate: true });
      const now = new Date('2026-12-20T15:00:00Z');
      const base = { year: 2027, resolution: '000200 del 18-dic-2026', actor: 'ana', now };
      await expect(enterUvt(h.db, { ...base, value: -55_000 })).rejects.toThrow(/mayor que cero/);
      await expect(enterUvt(h.db, { ...base, value: 55_000, resolution: '' })).rejects.toThrow(/resolución/);
      // A typo: 5.500 or 550.000 instead of 55.000.
      await expect(enterUvt(h.db, { ...base, value: 5_500 })).rejects.toThrow(/frente a la de 2026 \(\$52\.374\)/);
      await expect(enterUvt(h.db, { ...base, value: 550_000 })).rejects.toThrow(/Revisa el valor/);
      await expect(enterUvt(h.db, { ...base, year: 2029, value: 55_000 })).rejects.toThrow(/No hay UVT del año 2028/);
      expect(await enterUvt(h.db, { ...base, value: 55_075 })).toMatchObject({ year: 2027, value: 55_075, origin: 'db' });
    });

    it('is asked for from 1 December in the status and the daily summary, not before', async () => {
      h = await openHarness({ engine, activate: true, start: '2026-11-30T15:00:00Z' });
      expect(await rulesWarnings(h.db, h.clock.now())).toEqual([]);
      h.clock.set(new Date('2026-12-01T15:00:00Z'));
      expect((await rulesWarnings(h.db, h.clock.now())).join(' ')).toMatch(/Falta la UVT de 2027/);
      const summary = await getDailySummary(h.db, h.company.id, '2026-12-01', h.clock);
      expect(summary.warnings?.join(' ')).toMatch(/Falta la UVT de 2027/);
      // The status the panel reads (GET /agent).
      const app = createApp(h.agent);
      const token = await createToken(h.db, 'prueba', h.clock);
      const status = (await (await app.request('/api/v1/agent', { headers: { Authorization: `Bearer ${token}` } })).json()) as { warnings?: string[] };
      expect(status.warnings?.join(' ')).toMatch(/Falta la UVT de 2027/);
      await enterUvt(h.db, { year: 2027, value: 55_075, resolution: '000200 del 18-dic-2026', actor: 'ana', now: h.clock.now() });
      expect(await rulesWarnings(h.db, h.clock.now())).toEqual([]);
    });

    it('a 2027 document waits "por verificar"; entering the UVT and one re-computation books its retención, with a trail', async () => {
      h = await openHarness({ engine, activate: true, start: '2027-01-05T15:00:00Z', agent: { classifier: new UnspscClassifier({ '2411': '1435' }) } });
      const waiting = await register('FE-2027-1', '2027-01-04');
      expect(waiting.withholdings).toBe(0);
      expect(waiting.needsReview).toBe(true);
      expect(waiting.reviewNotes.join(' ')).toMatch(/No hay UVT para el año 2027/);
      const done2026 = await register('FE-2026-9', '2026-12-28');
      expect(byAccount(done2026)['236540']).toBe(-pesos(125_000));

      await enterUvt(h.db, { year: 2027, value: 55_075, resolution: '000200 del 18-dic-2026', actor: 'ana', now: h.clock.now() });
      const result = await recomputeYear(h.agent.deps, 2027, 'ana');
      expect(result.bills.map((b) => b.number)).toEqual(['FE-2027-1']);
      const after = await getBillOrThrow(h.db, h.company.id, waiting.id);
      // 5.000.000 ≥ 10 UVT (550.750 → 551.000): 2,5 % = 125.000; payable 5.950.000 − 125.000.
      expect(byAccount(after)).toEqual({ '1435': pesos(5_000_000), '240810': pesos(950_000), '236540': -pesos(125_000), '220505': -pesos(5_825_000) });
      expect(after.needsReview).toBe(false);
      expect(entryFacts(after).debits).toBe(entryFacts(after).credits);
      const trail = await h.db.selectFrom('rulesEvent').select(['type', 'details', 'actor']).orderBy('at').execute();
      expect(trail.map((t) => t.type)).toEqual(['uvt_entered', 'recomputed']);
      expect(JSON.parse(trail[1]!.details)).toMatchObject({ year: 2027, bills: [{ number: 'FE-2027-1', withholdingsBefore: 0, withholdingsAfter: pesos(125_000) }] });
      // Nothing left to re-compute: running it again changes nothing.
      expect((await recomputeYear(h.agent.deps, 2027, 'ana')).bills).toEqual([]);
    });

    // The command line runs on a SQLite file here; on PostgreSQL it is tested in test/db/engines.test.ts.
    if (engine === 'sqlite') it('from the command line: agente reglas uvt 2027 … --resolucion, then agente reglas recalcular 2027', { timeout: 120_000 }, async () => {
      const tmp = tempDir();
      try {
        h = await openHarness({ activate: true, file: tmp.file('agente.db'), start: '2027-01-05T15:00:00Z', agent: { classifier: new UnspscClassifier({ '2411': '1435' }) } });
        const waiting = await register('FE-2027-2', '2027-01-04');
        await h.close();
        h = undefined;
        const env = { ...process.env, AGENTE_DB: tmp.file('agente.db') };
        const bad: CliRun = await runAgente(['reglas', 'uvt', '2027', '5507', '--resolucion', '000200 del 18-dic-2026'], { env });
        expect(bad.code).toBe(1);
        expect(bad.stderr).toMatch(/Revisa el valor/);
        const ok = await runAgente(['reglas', 'uvt', '2027', '55.075', '--resolucion', '000200 del 18-dic-2026'], { env });
        expect(ok.code, ok.stderr).toBe(0);
        expect(JSON.parse(ok.stdout)).toMatchObject({ year: 2027, value: 55_075 });
        const recomputed = await runAgente(['reglas', 'recalcular', '2027'], { env });
        expect(recomputed.code, recomputed.stderr).toBe(0);
        expect(JSON.parse(recomputed.stdout).bills).toHaveLength(1);
        h = await openHarness({ file: tmp.file('agente.db'), company: { nit: '900999888', name: 'Otra' } });
        const after = await h.db.selectFrom('bill').select(['withholdings', 'needsReview']).where('id', '=', waiting.id).executeTakeFirstOrThrow();
        expect(after).toEqual({ withholdings: pesos(125_000), needsReview: 0 });
      } finally {
        await h?.close();
        h = undefined;
        tmp.remove();
      }
    });
  });
});
