import { afterEach, describe, expect, it } from 'vitest';
import { correctBillLine, getBillOrThrow, listBills } from '../../server/agent/bills';
import type { BillEvent } from '../../server/agent/register-document';
import { InputError, NotFoundError } from '../../server/errors';
import { byAccount, entryFacts, invoiceXml, openHarness, pesos, UnspscClassifier, type Harness } from '../support/agent-harness';
import { fixtureText, retarget } from '../support/fixtures';
import { forEachEngine } from '../support/engines';

forEachEngine((engine) => {
  describe('correcting the account of a registered line', () => {
    let h: Harness;
    afterEach(async () => h?.close());

    async function setup() {
      const classifier = new UnspscClassifier({}, '1435');
      const corrected: (BillEvent & { lineId: string })[] = [];
      h = await openHarness({ engine, activate: true, agent: { classifier, listeners: [{ billCorrected: (e) => void corrected.push(e) }] } });
      await h.ingest(invoiceXml('FE-700'));
      await h.agent.processor.runPending();
      const [bill] = await listBills(h.db, h.company.id);
      return { classifier, corrected, bill: bill! };
    }

    it('re-posts the entry, still balanced, with the withholding concept and supplier account of the new account', async () => {
      const { classifier, corrected, bill } = await setup();
      expect(byAccount(bill)).toEqual({ '1435': pesos(1_000_000), '240810': pesos(190_000), '236540': -pesos(25_000), '220505': -pesos(1_165_000) });
      expect(bill.needsReview).toBe(true);
      h.clock.advance(60_000);

      const after = await correctBillLine(h.agent.deps, h.company.id, bill.id, bill.lines[0]!.id, { accountCode: '513520' }, 'Ana Gómez');
      // Hosting is a service: retención servicios 4 % to 236525, owed in 2335.
      const accounts = byAccount(after);
      expect(accounts).toMatchObject({ '513520': pesos(1_000_000), '240810': pesos(190_000), '236525': -pesos(40_000) });
      expect(Object.entries(accounts).find(([code]) => code.startsWith('2335'))?.[1]).toBe(-pesos(1_150_000));
      expect(accounts['236540']).toBeUndefined();
      expect(accounts['220505']).toBeUndefined();
      const { debits, credits, notPostable } = entryFacts(after);
      expect(debits).toBe(credits);
      expect(notPostable).toEqual([]);
      expect(after).toMatchObject({ withholdings: pesos(40_000), payable: pesos(1_150_000), needsReview: false });
      expect(after.lines[0]).toMatchObject({ accountCode: '513520', source: 'user', confidence: 1, correctedBy: 'Ana Gómez', correctedAt: h.clock.now().toISOString() });
      expect(after.lines[0]!.explanation).toMatch(/Corregida por Ana Gómez \(antes 1435\)/);

      const audit = await h.db.selectFrom('lineCorrection').selectAll().execute();
      expect(audit).toEqual([expect.objectContaining({ companyId: h.company.id, billLineId: bill.lines[0]!.id, oldAccountCode: '1435', newAccountCode: '513520', actor: 'Ana Gómez', at: h.clock.now().toISOString() })]);
      expect(await h.db.selectFrom('billWithholding').select(['accountCode', 'amount']).execute()).toEqual([{ accountCode: '236525', amount: pesos(40_000) }]);
      expect(classifier.learned.at(-1)).toMatchObject({ accountCode: '513520', byUser: true, supplierNit: '900555111' });
      expect(corrected).toEqual([{ companyId: h.company.id, billId: bill.id, documentId: bill.documentId, lineId: bill.lines[0]!.id }]);
      // Stored as read back.
      expect(await getBillOrThrow(h.db, h.company.id, bill.id)).toEqual(after);
    });

    it('books a third-party line where a person puts it (instead of the 138095 holding account)', async () => {
      h = await openHarness({ engine, activate: true });
      // DIAN's currency-exchange sample: line 1 (Dólares, 2.000.000) is income for third parties inside the payable.
      await h.ingest(retarget(fixtureText('dian-toolkit__Compra_o_Venta_de_Divisas.xml'), { customerNit: h.company.nit, cufeSeed: 'divisas-correccion', number: 'DIV-1', issueDate: '2026-03-10' }));
      await h.agent.processor.runPending();
      const [bill] = await listBills(h.db, h.company.id);
      const thirdParty = bill!.lines.find((l) => l.thirdPartyIncome)!;
      expect(byAccount(bill!)['138095']).toBeGreaterThan(0);
      const after = await correctBillLine(h.agent.deps, h.company.id, bill!.id, thirdParty.id, { accountCode: '133005' }, 'Ana Gómez');
      const accounts = byAccount(after);
      expect(accounts['138095']).toBeUndefined();
      expect(accounts['133005']).toBe(byAccount(bill!)['138095']);
      const { debits, credits } = entryFacts(after);
      expect(debits).toBe(credits);
    });

    it('moves the IVA into the cost when the line becomes a fixed asset', async () => {
      const { bill } = await setup();
      const after = await correctBillLine(h.agent.deps, h.company.id, bill.id, bill.lines[0]!.id, { accountCode: '152805' }, 'ana');
      expect(byAccount(after)).toEqual({ '152805': pesos(1_190_000), '236540': -pesos(25_000), '220505': -pesos(1_165_000) });
    });

    it('verifying a line (same account) keeps the entry and clears the review flag', async () => {
      const { bill } = await setup();
      const after = await correctBillLine(h.agent.deps, h.company.id, bill.id, bill.lines[0]!.id, { accountCode: '1435' }, 'ana');
      expect(after.journal).toEqual(bill.journal);
      expect(after.needsReview).toBe(false);
      expect(after.lines[0]!.explanation).toBe('Verificada por ana');
    });

    it('refuses accounts that do not accept movements, and unknown bills or lines, with a clear message', async () => {
      const { bill } = await setup();
      const refuse = (accountCode: string) => correctBillLine(h.agent.deps, h.company.id, bill.id, bill.lines[0]!.id, { accountCode }, 'ana');
      await expect(refuse('5135')).rejects.toThrow(new InputError('La cuenta 5135 no acepta movimientos (es una cuenta mayor).'));
      await expect(refuse('999999')).rejects.toThrow('La cuenta 999999 no existe en el plan de cuentas.');
      await expect(correctBillLine(h.agent.deps, h.company.id, 'no-existe', bill.lines[0]!.id, { accountCode: '1435' }, 'ana')).rejects.toBeInstanceOf(NotFoundError);
      await expect(correctBillLine(h.agent.deps, h.company.id, bill.id, 'no-existe', { accountCode: '1435' }, 'ana')).rejects.toBeInstanceOf(NotFoundError);
      // Nothing changed.
      expect(await getBillOrThrow(h.db, h.company.id, bill.id)).toEqual(bill);
      expect(await h.db.selectFrom('lineCorrection').select('id').execute()).toEqual([]);
    });
  });
});
