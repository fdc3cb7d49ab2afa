import { afterEach, describe, expect, it } from 'vitest';
import { alegraClientFor } from '../../server/alegra/connection';
import { listOf } from '../../server/alegra/alegra-client';
import { alegraBillStatus } from '../../server/alegra/push-status';
import { pushRow, registerFixture, world, type World } from './setup';
import { forEachEngine } from '../support/engines';

// A 3-line invoice from a natural person (cédula), IVA 19 %, retefuente compras 2.5 %.
const FIXTURE = 'dian-toolkit__Ejemplificacion_cambio_otra_Moneda.xml';
const SLOW = { timeoutMs: 250, backoffMs: 5, maxRetries: 2 };

forEachEngine((engine) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  /** The supplier's Alegra contact, once the agent created it. */
  function providerOf(world: World): number {
    return world.fake.contacts.at(-1)!.id;
  }

  describe('a lost answer never makes a second bill, whatever Alegra’s date filters mean', () => {
    for (const reading of ['strict', 'inclusive', 'ignored'] as const) {
      it(`finds the bill it created when the answer was lost (${reading} date filters)`, async () => {
        w = await world({ engine, tuning: SLOW });
        w.fake.dateFilters = reading;
        const billId = await registerFixture(w, FIXTURE, { number: `FEX-${reading}` });
        // Alegra creates the bill at once; the answer comes after the client's 250 ms timeout.
        w.fake.inject({ method: 'POST', path: '/bills', delayAfterMs: 800 });
        const report = await w.pusher.drain();

        expect(report.pushed).toBe(1);
        expect(w.fake.bills).toHaveLength(1);
        expect(w.fake.calls('POST', '/bills')).toHaveLength(1);
        const push = (await pushRow(w.db, billId))!;
        expect(push.remoteId).toBe(String(w.fake.bills[0]!.id));
        expect(push.lastError).toContain('ya estaba en Alegra');
      });
    }

    it('under strict filters a same-day range is empty — the query the agent no longer relies on', async () => {
      w = await world({ engine });
      w.fake.dateFilters = 'strict';
      await registerFixture(w, FIXTURE, { number: 'FEX-STRICT' });
      await w.pusher.drain();
      const client = (await alegraClientFor(w.db, w.box, w.companyId))!;
      const provider = String(providerOf(w));
      const sameDay = listOf(await client.get('/bills', { client_id: provider, date_after: '2026-03-09', date_before: '2026-03-09' }));
      const window = listOf(await client.get('/bills', { client_id: provider, date_afterOrNow: '2026-03-02', date_beforeOrNow: '2026-03-16' }));
      expect(sameDay.records).toEqual([]);
      expect(window.records).toHaveLength(1);
      // The agent asked with the window, in the OrNow forms, newest first.
      const lookup = w.fake.calls('GET', '/bills').filter((c) => c.query.client_id)[0]!;
      expect(lookup.query).toMatchObject({ client_id: provider, date_afterOrNow: '2026-03-02', date_beforeOrNow: '2026-03-16', order_field: 'id', order_direction: 'DESC' });
    });

    it('pages the supplier’s newest bills when the filters are ignored, and matches by its own mark and the supplier’s number', async () => {
      w = await world({ engine, tuning: SLOW });
      w.fake.dateFilters = 'ignored';
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX-MANY' });
      const supplier = await w.db.selectFrom('bill').innerJoin('supplier', 'supplier.id', 'bill.supplierId').select(['supplier.nit', 'supplier.name']).where('bill.id', '=', billId).executeTakeFirstOrThrow();
      const provider = w.fake.addContact({ name: supplier.name, identification: supplier.nit, kindOfPerson: 'PERSON_ENTITY' });
      // The supplier already has 70 other bills in Alegra on other dates (more than two pages of 30).
      const account = w.fake.categories.find((c) => c.code === '519595')!.id;
      for (let i = 0; i < 70; i++) w.fake.addBill({ providerId: provider, number: `OTRA-${i}`, date: `2025-0${1 + (i % 9)}-1${i % 9}`, lines: [{ categoryId: account, price: '1000' }] });
      w.fake.inject({ method: 'POST', path: '/bills', delayAfterMs: 800 });
      const drained = w.pusher.drain();
      const report = await drained;

      expect(report.pushed).toBe(1);
      const ours = w.fake.bills.filter((b) => (b.numberTemplate as { number: string }).number === 'FEX-MANY');
      expect(ours).toHaveLength(1);
      expect((await pushRow(w.db, billId))!.remoteId).toBe(String(ours[0]!.id));
    });

    it('does not adopt another supplier’s bill with the same number when Alegra ignores every filter', async () => {
      w = await world({ engine });
      w.fake.dateFilters = 'ignored';
      const other = w.fake.addContact({ name: 'Otro proveedor SAS', identification: '800111222' });
      w.fake.addBill({ providerId: other, number: 'FEX-SAME', date: '2026-03-09', lines: [{ categoryId: w.fake.categories.find((c) => c.code === '519595')!.id, price: '100' }] });
      // Alegra ignoring even `client_id`: the list answers everyone's bills.
      w.fake.ignoreClientFilter = true;
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX-SAME' });
      await w.pusher.drain();
      expect(w.fake.calls('POST', '/bills')).toHaveLength(1);
      expect(w.fake.bills).toHaveLength(2);
      expect((await pushRow(w.db, billId))!.remoteId).toBe(String(w.fake.bills[1]!.id));
    });

    it('goes on without date filters when Alegra refuses the OrNow parameters', async () => {
      w = await world({ engine, tuning: SLOW });
      await registerFixture(w, FIXTURE, { number: 'FEX-NOORNOW' });
      w.fake.inject({ method: 'GET', path: '/bills', queryHas: 'date_afterOrNow', status: 400, body: { message: 'Parámetro no válido', code: 400 }, times: 1 });
      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);
      const gets = w.fake.calls('GET', '/bills').filter((c) => c.query.client_id);
      expect(gets[0]!.status).toBe(400);
      expect(gets[1]!.query.date_afterOrNow).toBeUndefined();
      expect(w.fake.bills).toHaveLength(1);
    });

    it('keeps Alegra’s id from an error that still carries the bill, and never posts it again', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX-3051' });
      // Alegra's 3051: the stamp failed, but the answer carries the bill it made (developer.alegra.com, create_bill).
      w.fake.inject({ method: 'POST', path: '/bills', failAfter: { status: 400, code: 3051, message: 'Error en el timbrado' } });
      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);
      expect(w.fake.bills).toHaveLength(1);
      expect(w.fake.calls('POST', '/bills')).toHaveLength(1);
      expect((await pushRow(w.db, billId))!.remoteId).toBe(String(w.fake.bills[0]!.id));
    });

    it('links to a bill a person entered with the same supplier number written differently', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX1700' });
      await w.pusher.drain({ billId: 'none' });
      const supplier = await w.db.selectFrom('bill').innerJoin('supplier', 'supplier.id', 'bill.supplierId').select(['supplier.nit', 'supplier.name']).where('bill.id', '=', billId).executeTakeFirstOrThrow();
      const provider = w.fake.addContact({ name: supplier.name, identification: supplier.nit, kindOfPerson: 'PERSON_ENTITY' });
      // Entered by hand a week later, as «fex-1700».
      const manual = w.fake.addBill({ providerId: provider, number: 'fex-1700', date: '2026-03-16', lines: [{ categoryId: w.fake.categories.find((c) => c.code === '519595')!.id, price: '100' }] });
      await w.pusher.drain();
      expect(w.fake.calls('POST', '/bills')).toEqual([]);
      expect((await pushRow(w.db, billId))!.remoteId).toBe(String(manual));
    });
  });

  describe('attachments', () => {
    it('sends the XML as multipart/form-data with one field named file', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX-ATT1' });
      await w.pusher.drain();
      const upload = w.fake.calls('POST', /\/attachment$/);
      expect(upload).toHaveLength(1);
      expect((upload[0]!.body as { multipart: { field: string; filename?: string }[] }).multipart).toEqual([expect.objectContaining({ field: 'file', filename: 'FEX-ATT1.xml' })]);
      expect(w.fake.attachments).toHaveLength(1);
      expect((await alegraBillStatus(w.db, w.companyId, billId)).attachmentsMissing).toBeUndefined();
    });

    it('falls back to the JSON body with base64 when the multipart form is refused', async () => {
      w = await world({ engine });
      w.fake.attachmentForms = { multipart: false, json: true };
      await registerFixture(w, FIXTURE, { number: 'FEX-ATT2' });
      await w.pusher.drain();
      const uploads = w.fake.calls('POST', /\/attachment$/);
      expect(uploads.map((u) => u.status)).toEqual([400, 201]);
      expect(uploads[1]!.body).toMatchObject({ name: 'FEX-ATT2.xml', file: expect.any(String) });
      expect(w.fake.attachments).toHaveLength(1);
    });

    it('tells the person when the XML could not be attached, and keeps the bill in Alegra', async () => {
      w = await world({ engine });
      w.fake.attachmentForms = { multipart: false, json: false };
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX-ATT3' });
      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);
      const status = await alegraBillStatus(w.db, w.companyId, billId);
      expect(status.state).toBe('pushed');
      expect(status.attachmentsMissing).toEqual([{ name: 'FEX-ATT3.xml', reason: expect.stringContaining('Adjunto / multipart inválido') }]);
      expect(status.message).toContain('Falta adjuntar en Alegra: FEX-ATT3.xml');
      expect(status.detail).toContain('No se pudo adjuntar FEX-ATT3.xml en Alegra');
    });
  });
});
