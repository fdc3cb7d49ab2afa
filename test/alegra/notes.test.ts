import { afterEach, describe, expect, it } from 'vitest';
import { alegraBillStatus } from '../../server/alegra/push-status';
import { fakeCufe } from '../support/fixtures';
import { cufeFor, type DocumentSpec } from '../support/ubl';
import { pushRow, registerSpec, SUPPLIER_SPEC, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const INVOICE: Omit<DocumentSpec, 'supplier' | 'customer'> = {
  number: 'FE-900',
  issueDate: '2026-03-09',
  lines: [
    { description: 'Sillas de oficina', quantity: '4', unitPrice: '250000', iva: '19' },
    { description: 'Bolsas', quantity: '2', unitPrice: '0', taxes: [{ code: '22', name: 'Impuesto a las bolsas', perUnit: '66' }] },
  ],
};

function note(kind: 'credit-note' | 'debit-note', number: string, unitPrice: string): Omit<DocumentSpec, 'supplier' | 'customer'> {
  return {
    kind,
    number,
    cufe: fakeCufe(`note|${number}`),
    issueDate: '2026-03-12',
    lines: [{ description: kind === 'credit-note' ? 'Devolución de una silla' : 'Intereses por mora', quantity: '1', unitPrice, iva: '19' }],
    billingReference: { number: 'FE-900', cufe: cufeFor({ ...INVOICE, supplier: SUPPLIER_SPEC }) },
    discrepancy: kind === 'credit-note' ? { code: '1', description: 'Devolución parcial de mercancía' } : { code: '1', description: 'Intereses por mora' },
  };
}

describe('supplier credit and debit notes in Alegra', () => {
  it('sends a supplier’s credit note as an Alegra debit note credited to its bill, with the entry’s figures', async () => {
    w = await world();
    const invoiceId = await registerSpec(w, INVOICE);
    const noteId = await registerSpec(w, note('credit-note', 'NC-90', '250000'));
    const report = await w.pusher.drain();
    expect(report).toEqual({ pushed: 2, retrying: 0, failed: 0 });

    const bill = w.fake.bills[0]!;
    expect((await pushRow(w.db, invoiceId))!.remoteId).toBe(String(bill.id));
    expect(w.fake.debitNotes).toHaveLength(1);
    const debitNote = w.fake.debitNotes[0]!;
    expect(debitNote.client).toMatchObject({ id: (bill.provider as { id: number }).id });
    // 250 000 + IVA 47 500, less the retefuente 2.5 % reversed (6 250): what the note takes off the bill's balance.
    const withholding = await w.db.selectFrom('billWithholding').select('amount').where('billId', '=', noteId).executeTakeFirstOrThrow();
    expect(withholding.amount).toBe(625_000);
    expect(debitNote.bills).toEqual([{ id: String(bill.id), amount: '291250' }]);
    expect(debitNote.retentions).toEqual([{ id: String(w.fake.retentions.find((r) => r.name === 'Retefuente compras 2.5%')!.id), amount: 6250 }]);
    expect(Math.round(Number(debitNote.total) * 100)).toBe(29_750_000);
    expect(Number(bill.balance)).toBe(Number(bill.total) - 291_250);
    expect(debitNote.observations as string).toMatch(/^CUDE [0-9a-f]{96}\. Nota crédito NC-90 de /);

    const status = await alegraBillStatus(w.db, w.companyId, noteId);
    expect(status).toMatchObject({ state: 'pushed', inAlegra: true, remoteId: String(debitNote.id), figures: { ok: true } });
    expect(status.message).toBe(`Registrada en Alegra (nota débito ${debitNote.id}).`);
    expect(status.alegraUrl).toBeUndefined();
  });

  it('waits for its bill to be in Alegra, then goes by itself', async () => {
    w = await world();
    const invoiceId = await registerSpec(w, INVOICE);
    const noteId = await registerSpec(w, note('credit-note', 'NC-91', '250000'));
    // Alegra is refusing bills for now (validation): the invoice fails, the note cannot be credited to it.
    w.fake.inject({ method: 'POST', path: '/bills', status: 400, body: { message: 'Periodo cerrado', code: 2101 } });
    await w.pusher.drain();
    expect((await pushRow(w.db, noteId))!).toMatchObject({ status: 'failed', errorCode: 'ORIGINAL_NOT_IN_ALEGRA' });
    expect((await alegraBillStatus(w.db, w.companyId, noteId)).message).toContain('se envía a Alegra cuando su factura FE-900 esté allá');
    expect(w.fake.debitNotes).toEqual([]);

    // Someone pushes the invoice again: the note follows in the same run.
    const { requeueBill } = await import('../../server/alegra/push-queue');
    await requeueBill(w.db, w.companyId, invoiceId, w.clock);
    const report = await w.pusher.drain();
    expect(report.pushed).toBe(2);
    expect(w.fake.debitNotes).toHaveLength(1);
    expect((await pushRow(w.db, noteId))!.status).toBe('pushed');
  });

  it('never makes a second debit note when the answer is lost: it finds its own by the agent’s mark', async () => {
    w = await world({ tuning: { timeoutMs: 250, backoffMs: 5, maxRetries: 2 } });
    await registerSpec(w, INVOICE);
    const noteId = await registerSpec(w, note('credit-note', 'NC-92', '100000'));
    w.fake.inject({ method: 'POST', path: '/debit-notes', delayAfterMs: 800 });
    const report = await w.pusher.drain();
    expect(report.pushed).toBe(2);
    expect(w.fake.debitNotes).toHaveLength(1);
    expect(w.fake.calls('POST', '/debit-notes')).toHaveLength(1);
    expect((await pushRow(w.db, noteId))!.remoteId).toBe(String(w.fake.debitNotes[0]!.id));
  });

  it('keeps a supplier’s debit note in the agent only, saying why', async () => {
    w = await world();
    await registerSpec(w, INVOICE);
    const noteId = await registerSpec(w, note('debit-note', 'ND-93', '30000'));
    await w.pusher.drain();
    const status = await alegraBillStatus(w.db, w.companyId, noteId);
    expect(status).toMatchObject({ state: 'failed', inAlegra: false, errorCode: 'NOT_SUPPORTED' });
    expect(status.message).toContain('ningún documento público de Alegra dice cómo registrarlas por la API');
    expect(w.fake.calls('POST', '/debit-notes')).toEqual([]);
    expect(w.fake.bills).toHaveLength(1);
  });
});
