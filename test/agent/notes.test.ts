import { afterEach, describe, expect, it } from 'vitest';
import { pauseAgent } from '../../server/agent/agent-switch';
import { getBillOrThrow } from '../../server/agent/bills';
import { buildUbl, cufeFor, type DocumentSpec } from '../support/ubl';
import { fakeCufe, fixtureText, retarget } from '../support/fixtures';
import { byAccount, COMPANY_NIT, entryFacts, invoiceSpec, openHarness, pesos, SUPPLIER, type Harness } from '../support/agent-harness';
import { forEachEngine } from '../support/engines';

/** A gran contribuyente retailer with ReteICA 10 ‰: every withholding shows up on the invoice. */
const PROFILE = { largeTaxpayer: true, icaRatePerMille: '10' };

const INVOICE: DocumentSpec = invoiceSpec('FE-200', {}, '2000000');

function noteSpec(kind: 'credit-note' | 'debit-note', number: string, amount: string, reference: DocumentSpec['billingReference'] | null = { number: 'FE-200', cufe: cufeFor(INVOICE) }): DocumentSpec {
  return {
    ...invoiceSpec(number, {}, amount),
    kind,
    cufe: fakeCufe(`note|${number}`),
    issueDate: '2026-03-12',
    ...(reference ? { billingReference: reference } : {}),
    discrepancy: kind === 'credit-note' ? { code: '1', description: 'Devolución parcial de mercancía' } : { code: '1', description: 'Intereses por mora' },
  };
}

forEachEngine((engine) => {
  describe('credit and debit notes', () => {
    let h: Harness;
    afterEach(async () => h?.close());

    async function documentRow(id: string) {
      return h.db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'reason', 'billId']).where('id', '=', id).executeTakeFirstOrThrow();
    }

    async function registerInvoice() {
      const result = await h.ingest(buildUbl(INVOICE));
      await h.agent.processor.runPending();
      const row = await documentRow(result.documents[0]!.id);
      return getBillOrThrow(h.db, h.company.id, row.billId!);
    }

    it('reverses the affected amounts of the invoice a credit note references by CUFE, withholdings in proportion', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      const invoice = await registerInvoice();
      // 2.000.000 + IVA 380.000; retención 50.000, ReteIVA 57.000, ReteICA 20.000.
      expect(byAccount(invoice)).toEqual({ '1435': pesos(2_000_000), '240810': pesos(380_000), '236540': -pesos(50_000), '236701': -pesos(57_000), '236805': -pesos(20_000), '220505': -pesos(2_253_000) });

      const result = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-1', '500000')));
      await h.agent.processor.runPending();
      const row = await documentRow(result.documents[0]!.id);
      expect(row.status).toBe('registered');
      const note = await getBillOrThrow(h.db, h.company.id, row.billId!);
      expect(note).toMatchObject({ kind: 'credit-note', relatedBillId: invoice.id, total: pesos(595_000) });
      // A quarter of the base: a quarter of each withholding comes back.
      expect(byAccount(note)).toEqual({ '220505': pesos(563_250), '1435': -pesos(500_000), '240810': -pesos(95_000), '236540': pesos(12_500), '236701': pesos(14_250), '236805': pesos(5_000) });
      const { debits, credits } = entryFacts(note);
      expect(debits).toBe(credits);
      expect(note.journal.find((l) => l.accountCode === '220505')!.debit).toBe(pesos(563_250));
    });

    it('two full credit notes against one invoice: the first is booked, the second is refused with the figures', async () => {
      // accounting-co.md §2.1: the credits against one invoice never add up to more than the invoice.
      h = await openHarness({ engine, activate: true, company: PROFILE });
      const invoice = await registerInvoice();
      const first = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-20', '2000000')));
      await h.agent.processor.runPending();
      const firstRow = await documentRow(first.documents[0]!.id);
      expect(firstRow.status, firstRow.reason ?? '').toBe('registered');
      // The whole invoice comes back: Dr 220505 2.253.000 + withholdings; Cr 1435 2.000.000, Cr 240810 380.000.
      expect(byAccount(await getBillOrThrow(h.db, h.company.id, firstRow.billId!))).toEqual({ '220505': pesos(2_253_000), '1435': -pesos(2_000_000), '240810': -pesos(380_000), '236540': pesos(50_000), '236701': pesos(57_000), '236805': pesos(20_000) });

      const second = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-21', '2000000')));
      await h.agent.processor.runPending();
      const secondRow = await documentRow(second.documents[0]!.id);
      expect(secondRow).toMatchObject({ status: 'not_registered', reasonCode: 'NOTE_EXCEEDS_INVOICE', billId: null });
      expect(secondRow.reason).toContain('La nota crédito NC-21 revierte más de lo que queda de la factura FE-200 menos la nota NC-20');
      expect(secondRow.reason).toContain('subtotal: la nota revierte $ 2.000.000 y solo quedan $ 0');
      expect(secondRow.reason).toContain('IVA: la nota revierte $ 380.000 y solo quedan $ 0');
      expect(secondRow.reason).toContain('línea «Cajas de cartón corrugado»');
      const notes = await h.db.selectFrom('bill').select('id').where('relatedBillId', '=', invoice.id).execute();
      expect(notes).toHaveLength(1);
    });

    it('a note larger than its invoice is not booked; a person can register it after checking', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      await registerInvoice();
      const big = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-30', '2500000')));
      await h.agent.processor.runPending();
      const row = await documentRow(big.documents[0]!.id);
      expect(row).toMatchObject({ status: 'not_registered', reasonCode: 'NOTE_EXCEEDS_INVOICE' });
      expect(row.reason).toContain('subtotal: la nota revierte $ 2.500.000 y solo quedan $ 2.000.000');
      expect(row.reason).toContain('total: la nota revierte $ 2.975.000 y solo quedan $ 2.380.000');

      const { registerDocument } = await import('../../server/agent/register-document');
      const outcome = await registerDocument(h.agent.deps, big.documents[0]!.id, { manual: true });
      expect(outcome.status).toBe('registered');
      const note = await getBillOrThrow(h.db, h.company.id, (await documentRow(big.documents[0]!.id)).billId!);
      expect(note.needsReview).toBe(true);
      expect(note.reviewNotes.join(' ')).toMatch(/Registrada a mano a pesar de: La nota crédito NC-30/);
      // Withholdings are reversed at most in full (the base reversed is capped at the invoice's 2.000.000).
      const accounts = byAccount(note);
      expect(accounts).toMatchObject({ '236540': pesos(50_000), '236701': pesos(57_000), '236805': pesos(20_000) });
      expect(entryFacts(note).debits).toBe(entryFacts(note).credits);
    });

    it('partial notes add up: 1.500.000 then 500.000 are booked, a third of 100.000 is refused', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      await registerInvoice();
      const reversedBy = async (number: string, amount: string) => {
        const result = await h.ingest(buildUbl(noteSpec('credit-note', number, amount)));
        await h.agent.processor.runPending();
        const row = await documentRow(result.documents[0]!.id);
        return row.status === 'registered' ? byAccount(await getBillOrThrow(h.db, h.company.id, row.billId!)) : row;
      };
      // Three quarters of the base (Decreto 1189/1988 art. 6: the reversal is booked when the reintegro happens), then the last quarter.
      expect(await reversedBy('NC-10', '1500000')).toMatchObject({ '236540': pesos(37_500), '236701': pesos(42_750), '236805': pesos(15_000) });
      expect(await reversedBy('NC-11', '500000')).toMatchObject({ '236540': pesos(12_500), '236701': pesos(14_250), '236805': pesos(5_000) });
      expect(await reversedBy('NC-12', '100000')).toMatchObject({ status: 'not_registered', reasonCode: 'NOTE_EXCEEDS_INVOICE' });
    });

    it('books a debit note as an additional charge on the same accounts', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      const invoice = await registerInvoice();
      const result = await h.ingest(buildUbl(noteSpec('debit-note', 'ND-1', '100000')));
      await h.agent.processor.runPending();
      const row = await documentRow(result.documents[0]!.id);
      expect(row.status, row.reason ?? '').toBe('registered');
      const note = await getBillOrThrow(h.db, h.company.id, row.billId!);
      expect(note).toMatchObject({ kind: 'debit-note', relatedBillId: invoice.id });
      expect(byAccount(note)).toEqual({ '1435': pesos(100_000), '240810': pesos(19_000), '236540': -pesos(2_500), '236701': -pesos(2_850), '236805': -pesos(1_000), '220505': -pesos(112_650) });
    });

    it('keeps a note that arrives before its invoice, then registers it by itself once the invoice is registered', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      const early = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-2', '500000')));
      await h.agent.processor.runPending();
      const waiting = await documentRow(early.documents[0]!.id);
      expect(waiting).toMatchObject({ status: 'not_registered', reasonCode: 'REFERENCED_INVOICE_UNKNOWN' });
      expect(waiting.reason).toMatch(/factura FE-200.*Se registrará sola cuando llegue esa factura/);

      const invoice = await registerInvoice();
      const after = await documentRow(early.documents[0]!.id);
      expect(after.status).toBe('registered');
      expect((await getBillOrThrow(h.db, h.company.id, after.billId!)).relatedBillId).toBe(invoice.id);
    });

    it('matches a note that references its invoice by number only, also when it came first', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      const early = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-3', '200000', { number: 'FE-200' })));
      await h.agent.processor.runPending();
      expect((await documentRow(early.documents[0]!.id)).reasonCode).toBe('REFERENCED_INVOICE_UNKNOWN');
      const invoice = await registerInvoice();
      const row = await documentRow(early.documents[0]!.id);
      expect(row.status, row.reason ?? '').toBe('registered');
      expect((await getBillOrThrow(h.db, h.company.id, row.billId!)).relatedBillId).toBe(invoice.id);
    });

    it('does not register a note without a reference, with that reason', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      const own = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-4', '100000', null)));
      const dian = await h.ingest(retarget(fixtureText('dian-toolkit__Ejemplificacion_nota_credito_sin_referencia_a_factura.xml'), { customerNit: COMPANY_NIT, cufeSeed: 'nc-sin-ref', number: 'NC-5' }));
      await h.agent.processor.runPending();
      for (const result of [own, dian]) {
        const row = await documentRow(result.documents[0]!.id);
        expect(row).toMatchObject({ status: 'not_registered', reasonCode: 'NOTE_WITHOUT_REFERENCE', billId: null });
        expect(row.reason).toMatch(/no dice a qué factura corresponde/);
      }
    });

    it('does not apply a note to an invoice of another supplier, even if it quotes its CUFE', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      await registerInvoice();
      const stranger = { ...noteSpec('credit-note', 'NC-6', '100000'), supplier: { ...SUPPLIER, nit: '901777666', name: 'Otro Proveedor SAS' } };
      const result = await h.ingest(buildUbl(stranger));
      await h.agent.processor.runPending();
      expect(await documentRow(result.documents[0]!.id)).toMatchObject({ status: 'not_registered', reasonCode: 'REFERENCED_INVOICE_UNKNOWN', billId: null });
    });

    it('never registers by itself a note that arrived while paused, even when its invoice arrives later', async () => {
      h = await openHarness({ engine, activate: true, company: PROFILE });
      await pauseAgent(h.db, h.company.id, 'ana', h.clock);
      h.clock.advance(1000);
      const paused = await h.ingest(buildUbl(noteSpec('credit-note', 'NC-7', '100000')));
      h.clock.advance(1000);
      const { resumeAgent } = await import('../../server/agent/agent-switch');
      await resumeAgent(h.db, h.company.id, 'ana', h.clock);
      h.clock.advance(1000);
      await registerInvoice();
      expect(await documentRow(paused.documents[0]!.id)).toMatchObject({ status: 'arrived_while_paused', billId: null });
    });

    it('registers DIAN’s own USD credit and debit notes against the invoice they reference', async () => {
      h = await openHarness({ engine, activate: true });
      const invoiceCufe = fakeCufe('servicios-usd');
      const invoice = retarget(fixtureText('dian-toolkit__Servicios.xml'), { customerNit: COMPANY_NIT, cufeSeed: 'servicios-usd', number: 'SETP990000015', issueDate: '2026-03-10' });
      const referencing = (name: string, number: string) =>
        // The reference is changed before the supplier signs (after signing it would be tampering).
        retarget(fixtureText(name), {
          customerNit: COMPANY_NIT,
          cufeSeed: number,
          number,
          issueDate: '2026-03-11',
          edit: (xml) => xml.replace(/e988c01fe2901d1bbf37911758961f7083b6e5c58400552b309549d6fbaa6402c8ff67b51d3c6f4ed478dc94b0c8b0fc/g, invoiceCufe),
        });
      const credit = await h.ingest(referencing('dian-toolkit__CreditNote.xml', 'NC-USD'));
      const debit = await h.ingest(referencing('dian-toolkit__DebitNote.xml', 'ND-USD'));
      await h.ingest(invoice);
      await h.agent.processor.runPending();
      // DIAN's own samples do not agree: the credit note's payable (14.994,07 USD) is larger than the invoice's
      // (14.024,07 USD). It is not booked by itself; a person registers it after checking.
      const refused = await documentRow(credit.documents[0]!.id);
      expect(refused).toMatchObject({ status: 'not_registered', reasonCode: 'NOTE_EXCEEDS_INVOICE' });
      expect(refused.reason).toContain('total: la nota revierte $ 46.481.617 y solo quedan $ 43.474.617');
      const { registerDocument } = await import('../../server/agent/register-document');
      expect((await registerDocument(h.agent.deps, credit.documents[0]!.id, { manual: true })).status).toBe('registered');
      for (const result of [credit, debit]) {
        const row = await documentRow(result.documents[0]!.id);
        expect(row.status, row.reason ?? '').toBe('registered');
        const note = await getBillOrThrow(h.db, h.company.id, row.billId!);
        const { debits, credits, notPostable } = entryFacts(note);
        expect(debits).toBe(credits);
        expect(notPostable).toEqual([]);
        // 14.994,07 USD × 3.100.
        expect(note).toMatchObject({ exchangeRate: '3100', total: pesos(46_481_617) });
        const accounts = byAccount(note);
        // Full base of the invoice (12.600,06 USD): its whole retención (976.505) moves with it.
        expect(accounts['236540']).toBe(result === credit ? pesos(976_505) : -pesos(976_505));
        expect(accounts['220505']).toBe(result === credit ? pesos(46_481_617 - 976_505) : -pesos(46_481_617 - 976_505));
      }
    });
  });
});
