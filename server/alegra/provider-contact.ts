import type { Address } from '#shared/dian-document';
import type { Clock } from '../agent/clock';
import { fromJson, type Db } from '../db/database';
import type { SupplierRow } from '../db/schema';
import type { AlegraClient } from './alegra-client';
import { AlegraError } from './alegra-error';
import { digestOf, field, identificationDigits, remoteId } from './alegra-values';
import { contactFields } from './synced-records';

/** DIAN identification type codes → Alegra Colombia identification types (assumed; see README). */
const ID_TYPES: Record<string, string> = { '31': 'NIT', '13': 'CC', '22': 'CE', '41': 'PP', '12': 'TI', '42': 'DIE', '50': 'NIT' };

/**
 * The supplier's contact in Alegra, found by NIT or created, exactly once: first among the synced contacts, then
 * asking Alegra (`GET /contacts?identification=…`, checked here digit by digit because a filter Alegra ignored would
 * return unrelated contacts), and only then `POST /contacts`. A creation whose response was lost (timeout, 5xx) is
 * looked up again before anything else is written.
 */
export async function ensureProviderContact(db: Db, client: AlegraClient, companyId: string, supplier: SupplierRow, clock: Clock): Promise<string> {
  const local = await db
    .selectFrom('alegraContact')
    .select(['remoteId', 'isProvider'])
    .where('companyId', '=', companyId)
    .where('identification', '=', supplier.nit)
    .where('removedAt', 'is', null)
    .orderBy('isProvider', 'desc')
    .executeTakeFirst();
  if (local) return local.remoteId;

  const found = await findRemote(db, client, companyId, supplier.nit, clock);
  if (found) return found;
  try {
    const created = await client.post('/contacts', contactPayload(supplier));
    const id = remoteId(field(created, 'id'));
    if (!id) throw new AlegraError('server', 'Alegra creó el proveedor pero no devolvió su id.', { outcomeUnknown: true });
    await remember(db, companyId, id, created, clock);
    return id;
  } catch (error) {
    if (error instanceof AlegraError && error.details.outcomeUnknown) {
      const again = await findRemote(db, client, companyId, supplier.nit, clock);
      if (again) return again;
    }
    throw error;
  }
}

/** `POST /contacts` body for a supplier read from its invoice. */
export function contactPayload(supplier: SupplierRow): Record<string, unknown> {
  const natural = supplier.personType === 'natural';
  const address = fromJson<Address | undefined>(supplier.address, undefined);
  const idType = ID_TYPES[supplier.idType ?? '31'] ?? 'NIT';
  const [firstName, ...rest] = supplier.name.trim().split(/\s+/);
  return {
    name: supplier.name,
    identificationObject: { type: idType, number: supplier.nit, ...(idType === 'NIT' && supplier.dv ? { dv: supplier.dv } : {}) },
    kindOfPerson: natural ? 'PERSON_ENTITY' : 'LEGAL_ENTITY',
    ...(natural ? { nameObject: { firstName: firstName ?? supplier.name, lastName: rest.join(' ') } } : {}),
    type: ['provider'],
    ...(supplier.email ? { email: supplier.email } : {}),
    ...(supplier.phone ? { phonePrimary: supplier.phone } : {}),
    ...(address?.line || address?.city ? { address: { ...(address.line ? { address: address.line } : {}), ...(address.city ? { city: address.city } : {}), ...(address.department ? { department: address.department } : {}) } } : {}),
  };
}

async function findRemote(db: Db, client: AlegraClient, companyId: string, nit: string, clock: Clock): Promise<string | undefined> {
  for await (const page of client.pages('/contacts', { identification: nit })) {
    const match = page.find((c) => (identificationDigits(field(c, 'identificationObject', 'number')) ?? identificationDigits(field(c, 'identification'))) === nit);
    const id = match ? remoteId(field(match, 'id')) : undefined;
    if (match && id) {
      await remember(db, companyId, id, match, clock);
      return id;
    }
    // A filter Alegra honoured returns only matches; more pages of unrelated contacts mean it was ignored.
    break;
  }
  return undefined;
}

async function remember(db: Db, companyId: string, id: string, raw: unknown, clock: Clock): Promise<void> {
  const fields = contactFields(raw);
  const values = { ...fields, raw: JSON.stringify(raw), digest: digestOf(raw), syncedAt: clock.now().toISOString(), removedAt: null };
  await db
    .insertInto('alegraContact')
    .values({ companyId, remoteId: id, ...values })
    .onConflict((oc) => oc.columns(['companyId', 'remoteId']).doUpdateSet(values))
    .execute();
}
