import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/agent/clock';
import { AlegraClient } from '../../server/alegra/alegra-client';
import { adoptAlegraChart } from '../../server/alegra/adopt-chart';
import { syncAlegra, syncCursors } from '../../server/alegra/sync';
import { Chart } from '../../server/ledger/chart';
import { createCompany } from '../../server/companies/companies';
import { openDatabase, type Db } from '../../server/db/database';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { FakeAlegra } from '../support/fake-alegra';

const EMAIL = 'contador@empresa.co';
const TOKEN = 'token-valido-123';

interface Ctx {
  db: Db;
  fake: FakeAlegra;
  client: AlegraClient;
  clock: ManualClock;
  companyId: string;
}

let ctx: Ctx | undefined;
afterEach(async () => {
  await ctx?.fake.close();
  await ctx?.db.destroy();
  ctx = undefined;
});

async function setup(): Promise<Ctx> {
  const db = await openDatabase(':memory:');
  const clock = new ManualClock('2026-03-10T15:00:00Z');
  const fake = await FakeAlegra.start([{ email: EMAIL, token: TOKEN }]);
  fake.seedColombianAccount();
  const company = await createCompany(db, { nit: '900123456', name: 'Prueba SAS', userName: 'Ana', ciiu: ['4711'] }, clock);
  ctx = { db, fake, clock, companyId: company.id, client: new AlegraClient({ baseUrl: fake.url, email: EMAIL, token: TOKEN, backoffMs: 5 }) };
  return ctx;
}

describe('sync of the company’s own Alegra data', () => {
  it('copies the chart (which accounts accept movements), taxes, retentions, contacts, items and bills with Alegra’s ids', async () => {
    const { db, fake, client, clock, companyId } = await setup();
    fake.addContact({ name: 'Papelería El Lápiz SAS', identification: '860001234', dv: '5' });
    fake.addContact({ name: 'Cliente', identification: '1020304050', type: ['client'] });
    fake.addItem({ name: 'Resma carta', reference: 'RES-01' });
    const report = await syncAlegra(db, client, companyId, { clock });
    expect(report.ok).toBe(true);
    expect(report.resources.categories).toMatchObject({ fetched: fake.categories.length, added: fake.categories.length, full: true });
    // The chart spans two pages of 30.
    expect(fake.calls('GET', '/categories').map((r) => r.query.start)).toEqual(['0', '30']);

    const categories = await db.selectFrom('alegraCategory').select(['code', 'postable', 'remoteId', 'parentRemoteId']).where('companyId', '=', companyId).execute();
    const byCode = new Map(categories.map((c) => [c.code, c]));
    expect(byCode.get('143505')).toMatchObject({ postable: 1, remoteId: String(fake.categories.find((c) => c.code === '143505')!.id) });
    expect(byCode.get('1435')).toMatchObject({ postable: 0 });
    expect(byCode.get('5135')).toMatchObject({ postable: 0 });
    expect(byCode.get('513505')?.parentRemoteId).toBe(byCode.get('5135')?.remoteId);

    const taxes = await db.selectFrom('alegraTax').select(['name', 'type', 'percentage', 'status']).where('companyId', '=', companyId).orderBy('name').execute();
    expect(taxes).toContainEqual({ name: 'IVA 19%', type: 'IVA', percentage: '19', status: 'active' });
    expect(taxes).toContainEqual({ name: 'IVA 19% (antiguo)', type: 'IVA', percentage: '19', status: 'inactive' });
    const retentions = await db.selectFrom('alegraRetention').select(['type', 'percentage']).where('companyId', '=', companyId).execute();
    expect(retentions).toContainEqual({ type: 'ICA', percentage: '0.966' });

    const contacts = await db.selectFrom('alegraContact').select(['name', 'identification', 'isProvider']).where('companyId', '=', companyId).orderBy('name').execute();
    expect(contacts).toEqual([
      { name: 'Cliente', identification: '1020304050', isProvider: 0 },
      { name: 'Papelería El Lápiz SAS', identification: '860001234', isProvider: 1 },
    ]);
    expect(await db.selectFrom('alegraItem').select(['name', 'reference']).execute()).toEqual([{ name: 'Resma carta', reference: 'RES-01' }]);
    const cursors = await syncCursors(db, companyId);
    expect(cursors.map((c) => c.resource).sort()).toEqual(['bills', 'categories', 'contacts', 'items', 'retentions', 'taxes']);
    expect(cursors.every((c) => c.lastSyncedAt === '2026-03-10T15:00:00.000Z' && c.lastError === null)).toBe(true);
  });

  it('is incremental: unchanged pages stop the walk, new records are added, a weekly full walk marks deletions', async () => {
    const { db, fake, client, clock, companyId } = await setup();
    for (let i = 0; i < 65; i++) fake.addContact({ name: `Proveedor ${i}`, identification: String(800000000 + i) });
    const first = await syncAlegra(db, client, companyId, { clock, resources: ['contacts'] });
    expect(first.resources.contacts).toMatchObject({ fetched: 65, added: 65, full: true });
    expect(fake.calls('GET', '/contacts').map((r) => [r.query.start, r.query.order_field, r.query.order_direction])).toEqual([
      ['0', 'id', 'DESC'],
      ['30', 'id', 'DESC'],
      ['60', 'id', 'DESC'],
    ]);

    fake.addContact({ name: 'Proveedor nuevo', identification: '900999999' });
    fake.requests.length = 0;
    clock.advance(3600_000);
    const second = await syncAlegra(db, client, companyId, { clock, resources: ['contacts'] });
    expect(second.resources.contacts).toMatchObject({ fetched: 60, added: 1, changed: 0, full: false });
    // The first page had the new one, so the second page was read too; it brought nothing new and the walk stopped.
    expect(fake.calls('GET', '/contacts')).toHaveLength(2);

    fake.contacts.splice(fake.contacts.findIndex((c) => c.name === 'Proveedor 3'), 1);
    clock.advance(8 * 24 * 3600_000);
    const weekly = await syncAlegra(db, client, companyId, { clock, resources: ['contacts'] });
    expect(weekly.resources.contacts).toMatchObject({ fetched: 65, added: 0, removed: 1, full: true });
    const removed = await db.selectFrom('alegraContact').select('name').where('removedAt', 'is not', null).execute();
    expect(removed).toEqual([{ name: 'Proveedor 3' }]);
  });

  it('reads recent bills as history and feeds their account lines to the suggestion engine', async () => {
    const { db, fake, client, clock, companyId } = await setup();
    const provider = fake.addContact({ name: 'Aseo Total SAS', identification: '900700800', dv: '1' });
    const aseo = fake.categories.find((c) => c.code === '513505')!.id;
    fake.addBill({ providerId: provider, number: 'AT-77', date: '2026-02-01', lines: [{ categoryId: aseo, price: '350000.50', observations: 'Servicio de aseo febrero' }] });
    fake.addBill({ providerId: provider, number: 'AT-10', date: '2024-01-01', lines: [{ categoryId: aseo, price: '1', observations: 'Muy antigua' }] });
    const learned: LearnedLine[] = [];
    const report = await syncAlegra(db, client, companyId, { clock, learn: async (lines) => void learned.push(...lines) });
    expect(report.resources.bills).toMatchObject({ fetched: 1, added: 1 });
    expect(fake.calls('GET', '/bills')[0]!.query).toMatchObject({ date_afterOrNow: '2025-03-10' });
    expect(report.learned).toBe(1);
    expect(learned).toEqual([{ companyId, supplierNit: '900700800', description: 'Servicio de aseo febrero', accountCode: '513505', byUser: false, origin: 'importado', at: '2026-03-10T15:00:00.000Z' }]);
    const stored = await db.selectFrom('alegraBill').select(['number', 'date', 'total', 'providerIdentification']).execute();
    expect(stored).toEqual([{ number: 'AT-77', date: '2026-02-01', total: 35000050, providerIdentification: '900700800' }]);

    // Next time from the last bill date minus a week; the same bill is not learnt twice.
    learned.length = 0;
    const again = await syncAlegra(db, client, companyId, { clock, resources: ['bills'], learn: async (lines) => void learned.push(...lines) });
    expect(fake.calls('GET', '/bills').at(-1)!.query).toMatchObject({ date_afterOrNow: '2026-01-25' });
    expect(again.learned).toBe(0);
  });

  it('keeps going when one list is not in the plan (402), and says so in Spanish', async () => {
    const { db, fake, client, clock, companyId } = await setup();
    fake.accounts[0]!.planBlocks = ['/items'];
    const report = await syncAlegra(db, client, companyId, { clock });
    expect(report.ok).toBe(false);
    expect(report.resources.items?.error).toContain('El plan de esta cuenta de Alegra no incluye esta función');
    expect(report.resources.contacts?.error).toBeUndefined();
    expect(report.resources.bills?.error).toBeUndefined();
    const cursor = (await syncCursors(db, companyId)).find((c) => c.resource === 'items')!;
    expect(cursor.lastError).toContain('plan');
  });

  it('stops at wrong credentials instead of failing every list the same way', async () => {
    const { db, fake, clock, companyId } = await setup();
    const wrong = new AlegraClient({ baseUrl: fake.url, email: EMAIL, token: 'mal' });
    const report = await syncAlegra(db, wrong, companyId, { clock });
    expect(Object.keys(report.resources)).toEqual(['categories']);
    expect(report.resources.categories?.error).toContain('no aceptó el correo y el token');
  });

  it('can make Alegra’s chart the company’s chart in the agent, through the suggestion engine’s import', async () => {
    const { db, fake, client, clock, companyId } = await setup();
    await syncAlegra(db, client, companyId, { clock, resources: ['categories'] });
    expect((await Chart.forCompany(db, companyId)).isPostable('519595')).toBe(true); // the PUC until then
    const result = await adoptAlegraChart(db, companyId, 'Ana', clock.now());
    expect(result).toMatchObject({ kind: 'accounts', imported: fake.categories.length, skipped: 0 });
    const chart = await Chart.forCompany(db, companyId);
    expect(chart.isPostable('143505')).toBe(true);
    expect(chart.isPostable('1435')).toBe(false);
    expect(chart.isPostable('519530')).toBe(true);
    // An account Alegra does not have is no longer offered.
    expect(chart.get('510506')).toBeUndefined();
  });
});
