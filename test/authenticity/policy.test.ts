import { afterEach, describe, expect, it } from 'vitest';
import type { InboxDocument } from '#shared/inbox';
import { pauseAgent } from '../../server/agent/agent-switch';
import { getBillOrThrow } from '../../server/agent/bills';
import { recoverUnreadFiles } from '../../server/agent/ingest';
import { registerDocument } from '../../server/agent/register-document';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { updateCompany } from '../../server/companies/companies';
import { invoiceSpec, openHarness, type Harness } from '../support/agent-harness';
import { identityUnder, rogueCa } from '../support/pki';
import { containerFor, embeddedDocument, signAsSupplier, signUbl } from '../support/signing';
import { buildUbl, cufeFor, unsignedUbl } from '../support/ubl';

/**
 * What the agent does with each authenticity result (server/agent/classify-arrival.ts and registration): verified
 * registers by itself, altered never (not even by hand), unconfirmed waits for a person.
 */
describe('authenticity policy', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  const spec = (number: string) => invoiceSpec(number, { issueDate: '2026-03-09' });
  const metaOf = (s: ReturnType<typeof spec>) => ({ number: s.number, cufe: cufeFor(s), supplierNit: s.supplier.nit, customerNit: s.customer.nit, issueDate: s.issueDate });
  const tampered = (number: string) => buildUbl(spec(number)).replace('<cbc:PayableAmount currencyID="COP">1190000.00<', '<cbc:PayableAmount currencyID="COP">1190009.00<');

  async function registered(doc: InboxDocument) {
    await h.agent.processor.runPending();
    const row = await h.db.selectFrom('inboxDocument').selectAll().where('id', '=', doc.id).executeTakeFirstOrThrow();
    return { row, bill: row.billId ? await getBillOrThrow(h.db, h.company.id, row.billId) : undefined };
  }

  it('a verified document registers by itself, and its bill says so', async () => {
    h = await openHarness({ activate: true });
    const [doc] = (await h.ingest(buildUbl(spec('FE-1')))).documents;
    expect(doc).toMatchObject({ status: 'pending', authenticity: { code: 'verified', mayBeAltered: false } });
    const { row, bill } = await registered(doc!);
    expect(row.status).toBe('registered');
    expect(bill?.authenticity?.code).toBe('verified');
    expect(bill?.reviewNotes.some((n) => n.startsWith('Autenticidad'))).toBe(false);
  });

  it('an altered document is never registered: not by the agent, not by hand, and the API says to ask for the original', async () => {
    h = await openHarness({ activate: true });
    const [doc] = (await h.ingest(tampered('FE-2'))).documents;
    expect(doc).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED', authenticity: { code: 'supplier_signature_invalid', mayBeAltered: true } });
    expect(doc!.reason).toMatch(/Puede haber sido alterado.*pídele al proveedor que te envíe de nuevo el original/);
    expect(await registerDocument(h.agent.deps, doc!.id, { manual: true })).toEqual({ status: 'skipped' });

    const app = createApp(h.agent);
    const token = await createToken(h.db, 'prueba', h.clock);
    const response = await app.request(`/api/v1/documents/${doc!.id}/register`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('POSSIBLY_ALTERED');
    expect(body.error.message).toMatch(/pídele al proveedor que te envíe de nuevo el original/i);
    const details = (await (await app.request(`/api/v1/documents/${doc!.id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { authenticityFacts: { supplier: { references: { target: string; ok: boolean }[] } } };
    expect(details.authenticityFacts.supplier.references.find((r) => r.target === 'document')?.ok).toBe(false);
  });

  it('an altered document arriving while the agent is paused is still reported as altered', async () => {
    h = await openHarness({ activate: true });
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    const [doc] = (await h.ingest(tampered('FE-3'))).documents;
    expect(doc).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
  });

  it('a bare document (no DIAN response) waits; a person may register it, and the bill is "por verificar" saying why', async () => {
    h = await openHarness({ activate: true });
    const [doc] = (await h.ingest(signAsSupplier(unsignedUbl(spec('FE-4'))))).documents;
    expect(doc).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', authenticity: { code: 'no_dian_validation' } });
    expect((await registered(doc!)).row.status).toBe('not_registered');
    const outcome = await registerDocument(h.agent.deps, doc!.id, { manual: true });
    expect(outcome.status).toBe('registered');
    const bill = await getBillOrThrow(h.db, h.company.id, (outcome as { billId: string }).billId);
    expect(bill.needsReview).toBe(true);
    expect(bill.reviewNotes).toContain('Autenticidad: Llegó solo el documento, sin la respuesta de la DIAN que lo valida.');
  });

  it('a trusted supplier relaxes only the bare-document rule: signed bare documents register, unsigned or altered ones do not', async () => {
    h = await openHarness({ activate: true });
    await updateCompany(h.db, h.company.id, { trustedSupplierNits: [`${spec('x').supplier.nit}-1`] });
    const [bare] = (await h.ingest(signAsSupplier(unsignedUbl(spec('FE-5'))))).documents;
    expect(bare?.status).toBe('pending');
    const { row, bill } = await registered(bare!);
    expect(row.status).toBe('registered');
    expect(bill?.needsReview).toBe(true);

    const [unsigned] = (await h.ingest(unsignedUbl(spec('FE-6')))).documents;
    expect(unsigned).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', authenticity: { code: 'unsigned' } });
    const [altered] = (await h.ingest(tampered('FE-7'))).documents;
    expect(altered).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
    // A bare document signed with a certificate from no known authority is not trusted either.
    const rogue = signUbl(unsignedUbl(spec('FE-8')), identityUnder(rogueCa(), spec('x').supplier.nit, 'Otro'));
    expect((await h.ingest(rogue)).documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED' });
  });

  it('signatures and DIAN genuine, supplier authority unknown: registers by itself as "por verificar", with that reason', async () => {
    h = await openHarness({ activate: true });
    const s = spec('FE-9');
    const inner = signUbl(unsignedUbl(s), identityUnder(rogueCa(), s.supplier.nit, 'Proveedor con otra autoridad'));
    const [doc] = (await h.ingest(containerFor(inner, metaOf(s)))).documents;
    expect(doc).toMatchObject({ status: 'pending', authenticity: { code: 'unverifiable' } });
    const { row, bill } = await registered(doc!);
    expect(row.status).toBe('registered');
    expect(bill?.needsReview).toBe(true);
    expect(bill?.reviewNotes.find((n) => n.startsWith('Autenticidad'))).toMatch(/no se pudo confirmar el certificado del proveedor/);
  });

  it('files read again after a crash get their authenticity too', async () => {
    h = await openHarness({ activate: true });
    const [doc] = (await h.ingest(buildUbl(spec('FE-10')))).documents;
    await h.db.deleteFrom('inboxDocument').where('id', '=', doc!.id).execute();
    expect(await recoverUnreadFiles(h.db, h.clock)).toBe(1);
    const row = await h.db.selectFrom('inboxDocument').select(['authenticity', 'authenticityJson', 'status']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ authenticity: 'verified', status: 'pending' });
    expect(JSON.parse(row.authenticityJson!).dian.responseCode).toBe('02');
  });

  it('the embedded document of a container is what builders sign (sanity of the test tooling)', () => {
    const container = buildUbl(spec('FE-11'));
    expect(embeddedDocument(container)).toMatch(/<ds:SignatureValue>/);
  });
});
