import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { correctBillLine, listBills } from '../../server/agent/bills';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import type { Db } from '../../server/db/database';
import { COMPANY_NIT, invoiceXml, SUPPLIER } from '../support/agent-harness';
import { encoder } from '../support/fixtures';
import { forEachEngine, openTestDatabase } from '../support/engines';

forEachEngine((engine) => {
  /**
   * The engine as the agent's default classifier, through real registration: DIAN UBL invoices read by the real
   * reader, registered in the database (each engine), corrected by a person; the next invoice from that supplier follows the correction.
   */
  describe('suggestions inside registration (the agent’s default engine)', () => {
    let db: Db;
    let agent: Agent;
    let close: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await agent?.stop();
      await close?.();
    });

    async function start(ciiu: string[]) {
      ({ db, close } = await openTestDatabase(engine));
      const clock = new ManualClock('2026-03-10T15:00:00Z');
      agent = new Agent(db, { clock });
      const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Soluciones Digitales SAS', userName: 'Ana', ciiu, inventory: 'none' }, clock);
      await activateAgent(db, company.id, 'recent', 'ana', clock);
      clock.advance(1000);
      let n = 0;
      const receive = async (xml: string) => {
        await agent.ingest({ companyId: company.id, bytes: encoder.encode(xml), channel: 'upload', sourceRef: `f${++n}.xml` });
        await agent.processor.runPending();
        clock.advance(60_000);
      };
      return { company, clock, receive };
    }

    it('registers with an explanation on every line, flags low confidence «por verificar», and learns from a correction', async () => {
      const { company, receive } = await start(['6201']);
      const lines = [
        { description: 'Cajas de cartón corrugado', quantity: '1', unitPrice: '1000000', iva: '19', unspsc: '24112700', sellerCode: 'CAJ-01' },
        { description: 'Servicio de energía eléctrica marzo', quantity: '1', unitPrice: '300000', iva: '19', sellerCode: 'EN-1', unitCode: 'E48' },
      ];
      await receive(invoiceXml('FE-1', { lines }));
      const [bill] = await listBills(db, company.id);
      expect(bill!.lines.map((l) => [l.accountCode, l.source])).toEqual([
        ['519540', 'activity'],
        ['513530', 'activity'],
      ]);
      expect(bill!.lines.every((l) => l.explanation.length > 10)).toBe(true);
      expect(bill!.lines[0]!.explanation).toMatch(/^Actividad 6201: envases y empaques → 519540/);

      // The boxes are office moving boxes in this company: a person corrects the line once.
      await correctBillLine(agent.deps, company.id, bill!.id, bill!.lines[0]!.id, { accountCode: '519595' }, 'Ana');
      await receive(invoiceXml('FE-2', { issueDate: '2026-03-11', lines: [lines[0]!] }));
      const newest = (await listBills(db, company.id)).find((b) => b.number === 'FE-2')!;
      expect(newest.lines[0]).toMatchObject({ accountCode: '519595', source: 'history' });
      expect(newest.lines[0]!.confidence).toBeGreaterThanOrEqual(0.95);
      expect(newest.lines[0]!.explanation).toMatch(/Corregida por una persona/);
      expect(newest.needsReview).toBe(false);
    });

    it('an unknown line is still registered, but flagged «por verificar» and listed first', async () => {
      const { company, receive } = await start(['6201']);
      await receive(invoiceXml('FE-10', { lines: [{ description: 'Servicio de energía eléctrica', quantity: '1', unitPrice: '300000', iva: '19', unitCode: 'E48' }] }));
      await receive(invoiceXml('FE-11', { supplier: { ...SUPPLIER, ciiu: [] }, lines: [{ description: 'Concepto 7781-QX', quantity: '1', unitPrice: '500000', iva: '19' }] }));
      const bills = await listBills(db, company.id);
      expect(bills.map((b) => [b.number, b.needsReview])).toEqual([
        ['FE-11', true],
        ['FE-10', false],
      ]);
      expect(bills[0]!.reviewNotes[0]).toMatch(/Línea 1 \(«Concepto 7781-QX»\): cuenta 519595 con confianza \d+ %; verifícala\./);
    });
  });
});
