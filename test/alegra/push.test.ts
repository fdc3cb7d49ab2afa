import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { correctBillLine } from '../../server/agent/bills';
import { agentReference } from '../../server/alegra/bill-payload';
import { alegraBillStatus } from '../../server/alegra/push-status';
import { disconnectAlegra } from '../../server/alegra/connection';
import { AlegraPusher, MAX_PUSH_ATTEMPTS } from '../../server/alegra/push-queue';
import { Agent } from '../../server/agent/agent';
import { DefaultAccountRule } from '../../server/matching/default-account-rule';
import { fixtureText, retarget } from '../support/fixtures';
import { COMPANY_NIT, pushRow, registerFixture, TUNING, world, type World } from './setup';
import { forEachEngine } from '../support/engines';

// A 3-line invoice from a natural person (cédula), IVA 19 %, on which the buyer practises retefuente compras 2.5 %.
const FIXTURE = 'dian-toolkit__Ejemplificacion_cambio_otra_Moneda.xml';

forEachEngine((engine) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  describe('push of registered bills to Alegra', () => {
    it('creates the supplier and the bill with the company’s own Alegra ids, attaches the XML and keeps Alegra’s id', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX100' });
      const report = await w.pusher.drain();
      expect(report).toEqual({ pushed: 1, retrying: 0, failed: 0 });

      const bill = await w.db.selectFrom('bill').selectAll().where('id', '=', billId).executeTakeFirstOrThrow();
      const supplier = await w.db.selectFrom('supplier').selectAll().where('id', '=', bill.supplierId).executeTakeFirstOrThrow();
      // The supplier did not exist in Alegra: created once, as a natural person with its cédula.
      const created = w.fake.contacts.filter((c) => (c.identificationObject as { number: string }).number === supplier.nit);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ kindOfPerson: 'PERSON_ENTITY', type: ['provider'], identificationObject: { type: 'CC', number: supplier.nit } });

      expect(w.fake.bills).toHaveLength(1);
      const remote = w.fake.bills[0]!;
      const categoryIds = w.fake.categories.filter((c) => c.code === '143505').map((c) => c.id);
      const iva19 = w.fake.taxes.find((t) => t.name === 'IVA 19%')!.id;
      const compras = w.fake.retentions.find((r) => r.name === 'Retefuente compras 2.5%')!.id;
      const purchases = remote.purchases as { categories: { id: string; tax?: { id: string }[] }[] };
      expect(purchases.categories).toHaveLength(3);
      for (const line of purchases.categories) {
        // The PUC account 143505 went as Alegra's own category id; IVA 19 % as the active tax, not the inactive twin.
        expect(line.id).toBe(String(categoryIds[0]));
        expect(line.tax).toEqual([{ id: String(iva19) }]);
      }
      // Two 2.5 % retefuente retentions exist; the one named for «compras» is chosen.
      const withholding = await w.db.selectFrom('billWithholding').selectAll().where('billId', '=', billId).executeTakeFirstOrThrow();
      expect(remote.retentions).toEqual([{ id: String(compras), amount: withholding.amount / 100 }]);
      expect(remote.numberTemplate).toEqual({ number: 'FEX100' });
      expect(remote.date).toBe('2026-03-09');
      const push = (await pushRow(w.db, billId))!;
      // The CUFE and the supplier's number first, within Alegra's 500 characters.
      expect((remote.observations as string).startsWith(`CUFE ${bill.cufe}. Factura FEX100 de `)).toBe(true);
      expect((remote.observations as string).length).toBeLessThanOrEqual(500);
      expect(remote.observations).toContain(agentReference(push.idempotencyKey));
      // Alegra's total (lines + IVA, computed by the fake) is the invoice's total: nothing was lost on the way.
      expect(Math.round(Number(remote.total) * 100)).toBe(bill.subtotal + bill.taxes);

      // The original XML, byte for byte.
      const xml = retarget(fixtureText(FIXTURE), { customerNit: COMPANY_NIT, number: 'FEX100', cufeSeed: `${FIXTURE}|FEX100`, issueDate: '2026-03-09' });
      expect(w.fake.attachments).toEqual([{ billId: remote.id, name: 'FEX100.xml', size: Buffer.byteLength(xml), sha256: createHash('sha256').update(xml).digest('hex') }]);

      expect(push).toMatchObject({ status: 'pushed', remoteId: String(remote.id), attempts: 1, attachmentsDone: 1, pushedVersion: bill.updatedAt });
      const status = await alegraBillStatus(w.db, w.companyId, billId);
      expect(status).toMatchObject({ state: 'pushed', inAlegra: true, remoteId: String(remote.id) });
    });

    it('never creates a second bill when Alegra created it but the answer arrived after the client gave up', async () => {
      w = await world({ engine, tuning: { timeoutMs: 250, backoffMs: 5, maxRetries: 2 } });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX200' });
      // The bill is created at once; the response comes after the client's 250 ms timeout.
      w.fake.inject({ method: 'POST', path: '/bills', delayAfterMs: 800 });
      const report = await w.pusher.drain();

      expect(report.pushed).toBe(1);
      expect(w.fake.bills).toHaveLength(1);
      expect(w.fake.calls('POST', '/bills')).toHaveLength(1);
      const push = (await pushRow(w.db, billId))!;
      expect(push.remoteId).toBe(String(w.fake.bills[0]!.id));
      expect(push.lastError).toContain('ya estaba en Alegra');
    });

    it('finds its own lost bill on a later attempt instead of creating it again', async () => {
      w = await world({ engine, tuning: { timeoutMs: 250, backoffMs: 5, maxRetries: 1 } });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX300' });
      await w.pusher.drain({ companyId: w.companyId, billId: 'none' }); // reads the catalog; nothing due under that id
      // The POST takes effect but its answer is lost, and every lookup in this attempt fails (Alegra down).
      w.fake.inject({ method: 'POST', path: '/bills', delayAfterMs: 800 });
      // (The first two GETs are the lookups before creating: the windowed one and the one without dates.)
      w.fake.inject({ method: 'GET', path: '/bills', status: 503, skip: 2, times: 2 });
      const first = await w.pusher.drain();
      expect(first.retrying).toBe(1);
      let push = (await pushRow(w.db, billId))!;
      expect(push).toMatchObject({ status: 'pending', remoteId: null, errorCode: 'ALEGRA_SERVER' });
      expect(w.fake.bills).toHaveLength(1);

      // Nothing is due until the backoff has passed.
      expect((await w.pusher.drain()).retrying + (await w.pusher.drain()).pushed).toBe(0);
      w.clock.advance(60_000);
      const second = await w.pusher.drain();
      expect(second.pushed).toBe(1);
      push = (await pushRow(w.db, billId))!;
      expect(push.remoteId).toBe(String(w.fake.bills[0]!.id));
      expect(w.fake.bills).toHaveLength(1);
      expect(w.fake.calls('POST', '/bills')).toHaveLength(1);
    });

    it('sends the bill again after a 5xx that did nothing, and only once', async () => {
      w = await world({ engine });
      await registerFixture(w, FIXTURE, { number: 'FEX400' });
      w.fake.inject({ method: 'POST', path: '/bills', status: 500 });
      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);
      expect(w.fake.calls('POST', '/bills').map((r) => r.status)).toEqual([500, 201]);
      expect(w.fake.bills).toHaveLength(1);
    });

    it('waits out a 429 as Alegra’s headers say and then sends', async () => {
      w = await world({ engine });
      await registerFixture(w, FIXTURE, { number: 'FEX500' });
      w.fake.inject({ method: 'POST', path: '/bills', status: 429, headers: { 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '1' } });
      const started = Date.now();
      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(w.fake.calls('POST', '/bills').map((r) => r.status)).toEqual([429, 201]);
      expect(w.fake.bills).toHaveLength(1);
    });

    it('keeps within the rate limit by waiting for the window instead of collecting 429s', async () => {
      w = await world({ engine });
      w.fake.rateLimit = { limit: 8, windowMs: 1000 };
      w.fake.resetRateWindow();
      await registerFixture(w, FIXTURE, { number: 'FEX600' });
      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);
      expect(w.fake.requests.filter((r) => r.status === 429)).toEqual([]);
      // More requests than one window allows were needed, so the client must have waited at least one reset.
      expect(w.fake.requests.length).toBeGreaterThan(8);
    });

    it('shows Alegra’s validation message on the bill, not in Alegra, and keeps the local registration', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX700' });
      w.fake.inject({ method: 'POST', path: '/bills', status: 400, body: { message: 'La fecha de la factura está en un periodo cerrado', code: 2101 } });
      const report = await w.pusher.drain();
      expect(report).toEqual({ pushed: 0, retrying: 0, failed: 1 });
      const status = await alegraBillStatus(w.db, w.companyId, billId);
      expect(status).toMatchObject({ state: 'failed', inAlegra: false, errorCode: 'ALEGRA_VALIDATION' });
      expect(status.message).toContain('No registrada en Alegra');
      expect(status.message).toContain('«La fecha de la factura está en un periodo cerrado» (código 2101)');
      // The books are untouched.
      const bill = await w.db.selectFrom('bill').select('id').where('id', '=', billId).executeTakeFirst();
      const entry = await w.db.selectFrom('journalEntry').select('id').where('billId', '=', billId).executeTakeFirst();
      expect(bill).toBeDefined();
      expect(entry).toBeDefined();
      // Failed bills are not retried by themselves.
      w.clock.advance(24 * 3600 * 1000);
      expect(await w.pusher.drain()).toEqual({ pushed: 0, retrying: 0, failed: 0 });
    });

    it('refuses, in Spanish, a line whose account does not accept movements in Alegra, without calling POST /bills', async () => {
      w = await world({ engine });
      const account = w.fake.categories.find((c) => c.code === '143505')!;
      account.use = 'accumulative';
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX800' });
      await w.pusher.drain();
      const status = await alegraBillStatus(w.db, w.companyId, billId);
      expect(status).toMatchObject({ state: 'failed', inAlegra: false, errorCode: 'ACCOUNT_NOT_IN_ALEGRA' });
      // Our books use 1435; Alegra's only sub-account 143505 would take it, but it is accumulative there too.
      expect(status.message).toContain('La cuenta 1435 Mercancías no fabricadas por la empresa no acepta movimientos en Alegra');
      expect(w.fake.calls('POST', '/bills')).toEqual([]);
    });

    it('updates the bill in Alegra when a person corrects a line in the panel', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX900' });
      await w.pusher.drain();
      const remoteId = w.fake.bills[0]!.id;
      const line = await w.db.selectFrom('billLine').select('id').where('billId', '=', billId).orderBy('position').executeTakeFirstOrThrow();
      w.clock.advance(60_000);
      await correctBillLine(w.agent.deps, w.companyId, billId, line.id, { accountCode: '519530' }, 'Ana');
      expect((await pushRow(w.db, billId))!.status).toBe('pending');
      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);

      expect(w.fake.calls('PUT', `/bills/${remoteId}`)).toHaveLength(1);
      expect(w.fake.bills).toHaveLength(1);
      const papeleria = w.fake.categories.find((c) => c.code === '519530')!.id;
      const lines = (w.fake.bills[0]!.purchases as { categories: { id: string }[] }).categories;
      expect(lines[0]!.id).toBe(String(papeleria));
      // The attachments were not sent twice.
      expect(w.fake.attachments).toHaveLength(1);
      const bill = await w.db.selectFrom('bill').select('updatedAt').where('id', '=', billId).executeTakeFirstOrThrow();
      expect((await pushRow(w.db, billId))!).toMatchObject({ status: 'pushed', pushedVersion: bill.updatedAt });
    });

    it('does not push bills of a company that is not connected, and registration works the same', async () => {
      w = await world({ engine, connect: false });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX1000' });
      expect(await pushRow(w.db, billId)).toBeUndefined();
      expect(await w.pusher.drain()).toEqual({ pushed: 0, retrying: 0, failed: 0 });
      expect(w.fake.requests).toEqual([]);
      expect((await alegraBillStatus(w.db, w.companyId, billId)).state).toBe('not_connected');
    });

    it('never blocks registration: with Alegra unreachable the bill is registered and waits, retried with backoff, then given up', async () => {
      w = await world({ engine });
      await w.pusher.drain({ billId: 'none' });
      await w.fake.close();
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX1100' });
      expect((await w.db.selectFrom('inboxDocument').select('status').where('billId', '=', billId).executeTakeFirstOrThrow()).status).toBe('registered');
      for (let i = 1; i <= MAX_PUSH_ATTEMPTS; i++) {
        await w.pusher.drain();
        const row = (await pushRow(w.db, billId))!;
        expect(row.attempts).toBe(i);
        expect(row.errorCode).toBe('ALEGRA_NETWORK');
        if (i < MAX_PUSH_ATTEMPTS) {
          expect(row.status).toBe('pending');
          // The wait grows: 30 s, 60 s, 120 s… capped at an hour.
          const wait = Date.parse(row.nextAttemptAt) - w.clock.now().getTime();
          expect(wait).toBe(Math.min(30_000 * 2 ** (i - 1), 3_600_000));
          w.clock.set(row.nextAttemptAt);
        } else {
          expect(row.status).toBe('failed');
          expect(row.lastError).toContain(`después de ${MAX_PUSH_ATTEMPTS} intentos`);
        }
      }
    });

    it('waits for a fixed connection after a 401 without spending the bill’s attempts', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX1200' });
      w.fake.accounts[0]!.token = 'token-revocado';
      await w.pusher.drain();
      const row = (await pushRow(w.db, billId))!;
      expect(row).toMatchObject({ status: 'pending', attempts: 0, errorCode: 'ALEGRA_AUTH' });
      expect(row.lastError).toContain('no aceptó el correo y el token');
      expect(Date.parse(row.nextAttemptAt) - w.clock.now().getTime()).toBe(3_600_000);
    });

    it('picks up bills registered by another process after connecting (no listener), and not those before', async () => {
      w = await world({ engine, connect: false });
      const before = await registerFixture(w, FIXTURE, { number: 'FEX1300' });
      w.clock.advance(1000);
      const { connectAlegra } = await import('../../server/alegra/connection');
      await connectAlegra(w.db, w.box, w.companyId, { email: 'contador@empresa.co', token: 'token-valido-123', baseUrl: w.fake.url }, 'test', w.clock);
      w.clock.advance(1000);
      // `npx agente run` registers with an agent that has no listeners.
      const other = new Agent(w.db, { clock: w.clock, classifier: new DefaultAccountRule() });
      const xml = retarget(fixtureText(FIXTURE), { customerNit: COMPANY_NIT, number: 'FEX1301', cufeSeed: 'other', issueDate: '2026-03-09' });
      await other.ingest({ companyId: w.companyId, bytes: new TextEncoder().encode(xml), channel: 'cli', sourceRef: 'FEX1301.xml' });
      await other.processor.runPending(w.companyId);
      const after = (await w.db.selectFrom('bill').select('id').where('number', '=', 'FEX1301').executeTakeFirstOrThrow()).id;

      const report = await w.pusher.drain();
      expect(report.pushed).toBe(1);
      expect((await pushRow(w.db, after))!.status).toBe('pushed');
      expect(await pushRow(w.db, before)).toBeUndefined();
      expect((await alegraBillStatus(w.db, w.companyId, before)).state).toBe('not_queued');
      await disconnectAlegra(w.db, w.companyId);
    });

    it('links to a bill a person already entered in Alegra (same supplier and number) instead of duplicating it', async () => {
      w = await world({ engine });
      const billId = await registerFixture(w, FIXTURE, { number: 'FEX1400' });
      const supplier = await w.db.selectFrom('bill').innerJoin('supplier', 'supplier.id', 'bill.supplierId').select(['supplier.nit', 'supplier.name']).where('bill.id', '=', billId).executeTakeFirstOrThrow();
      const provider = w.fake.addContact({ name: supplier.name, identification: supplier.nit, kindOfPerson: 'PERSON_ENTITY' });
      const manual = w.fake.addBill({ providerId: provider, number: 'FEX1400', date: '2026-03-09', lines: [{ categoryId: w.fake.categories.find((c) => c.code === '519595')!.id, price: '100' }] });
      await w.pusher.drain();
      expect(w.fake.bills).toHaveLength(1);
      expect(w.fake.calls('POST', '/bills')).toEqual([]);
      expect((await pushRow(w.db, billId))!).toMatchObject({ status: 'pushed', remoteId: String(manual) });
      // The supplier was found by NIT, not created again.
      expect(w.fake.contacts.filter((c) => (c.identificationObject as { number: string }).number === supplier.nit)).toHaveLength(1);
    });

    it('pushes once even when the listener, the timer and a manual push all fire', async () => {
      w = await world({ engine });
      await registerFixture(w, FIXTURE, { number: 'FEX1500' });
      w.pusher.start();
      const [a, b] = await Promise.all([w.pusher.drain(), w.pusher.drain()]);
      await w.pusher.stop();
      expect(a.pushed + b.pushed).toBe(1);
      expect(w.fake.bills).toHaveLength(1);
      expect(w.fake.calls('POST', '/bills')).toHaveLength(1);
    });

    it('pushes once when two workers (two processes on one database) drain at the same time', async () => {
      w = await world({ engine });
      await registerFixture(w, FIXTURE, { number: 'FEX1600' });
      await w.pusher.drain({ billId: 'none' });
      const other = new AlegraPusher(w.db, w.box, { clock: w.clock, tuning: TUNING, lookupDelayMs: 20 });
      const [a, b] = await Promise.all([w.pusher.drain(), other.drain()]);
      expect(a.pushed + b.pushed).toBe(1);
      expect(w.fake.calls('POST', '/bills')).toHaveLength(1);
    });
  });
});
