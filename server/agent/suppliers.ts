import { randomUUID } from 'node:crypto';
import type { Party } from '#shared/dian-document';
import type { Supplier, SupplierTaxChange } from '#shared/supplier';
import { computeDv } from '#shared/nit';
import { fromJson, toJson, type Db } from '../db/database';
import type { SupplierRow } from '../db/schema';
import { InputError, NotFoundError } from '../errors';
import type { SupplierFacts } from '../ledger/prepare-bill';
import { preparedQuery } from '../db/prepared-query';

/** The supplier of a document, as already known to the company, or the row to create from the document. */
// Looked up for every registered document: compiled once.
const supplierByNit = preparedQuery((db, v: { companyId: string; nit: string }) => db.selectFrom('supplier').selectAll().where('companyId', '=', v.companyId).where('nit', '=', v.nit));

export async function findOrDraftSupplier(db: Db, companyId: string, party: Party, documentId: string, now: Date): Promise<{ row: SupplierRow; isNew: boolean }> {
  const [existing] = (await supplierByNit(db, { companyId, nit: party.nit })).rows;
  if (existing) return { row: existing, isNew: false };
  return {
    isNew: true,
    row: {
      id: randomUUID(),
      companyId,
      nit: party.nit,
      // The DV we compute ourselves: documents send wrong or empty ones (docs/dian-ubl.md §4).
      dv: party.dvComputed ?? (party.idType === '31' ? (computeDv(party.nit) ?? null) : null),
      idType: party.idType ?? null,
      personType: party.personType ?? null,
      name: party.name,
      tradeName: party.tradeNames[0] ?? null,
      responsibilities: toJson(party.responsibilities),
      ciiu: toJson(party.ciiu),
      address: party.address ? toJson(party.address) : null,
      email: party.email ?? null,
      phone: party.phone ?? null,
      // Legal entities are always income-tax filers; for natural persons the XML does not say.
      declarante: party.personType === 'juridica' ? 1 : null,
      createdFromDocumentId: documentId,
      createdAt: now.toISOString(),
    },
  };
}

export function supplierFacts(row: SupplierRow, party: Party): SupplierFacts {
  return {
    nit: row.nit,
    name: row.name,
    // The document's responsibilities are the current ones (a supplier may have become autorretenedor).
    responsibilities: party.responsibilities.length ? party.responsibilities : fromJson<string[]>(row.responsibilities, []),
    // A person's setting on the supplier wins; otherwise what the document says (AdditionalAccountID).
    ...(row.personType || party.personType ? { personType: (row.personType ?? party.personType) as 'juridica' | 'natural' } : {}),
    declarante: row.declarante === null ? null : row.declarante === 1,
    ...(party.address?.countryCode ? { countryCode: party.address.countryCode } : {}),
    // The document's CIIU is the current one; the stored one covers documents that do not send it.
    ciiu: party.ciiu.length ? party.ciiu : fromJson<string[]>(row.ciiu, []),
  };
}

/** The company's suppliers, by name. */
export async function listSuppliers(db: Db, companyId: string): Promise<Supplier[]> {
  const rows = await db.selectFrom('supplier').selectAll().where('companyId', '=', companyId).orderBy('name').execute();
  return rows.map(toSupplier);
}

/**
 * A person states whether a supplier is a natural person or a legal entity and whether it files income tax
 * (declarante): that decides the 3,5 % / 6 % rates (compras / servicios, no declarante) and the honorarios rule.
 * Bills registered before keep their entries; later ones use the new profile. Kept in the audit trail.
 */
export async function updateSupplierTaxProfile(db: Db, companyId: string, nit: string, change: SupplierTaxChange, actor: string, now: Date): Promise<Supplier> {
  const row = await db.selectFrom('supplier').selectAll().where('companyId', '=', companyId).where('nit', '=', nit.replace(/\D/g, '')).executeTakeFirst();
  if (!row) throw new NotFoundError(`No hay ningún proveedor con NIT ${nit}: llega con su primera factura.`);
  const personType = change.personType ?? (row.personType as Supplier['personType']);
  if (personType === 'juridica' && change.declarante === false) throw new InputError('Una persona jurídica siempre es declarante de renta.');
  const values = {
    ...(change.personType ? { personType: change.personType } : {}),
    ...(change.declarante !== undefined ? { declarante: change.declarante === null ? null : change.declarante ? 1 : 0 } : {}),
    ...(change.personType === 'juridica' ? { declarante: 1 } : {}),
  };
  if (Object.keys(values).length === 0) throw new InputError('Indica qué cambia: persona (natural o jurídica) o si es declarante.');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('supplier').set(values).where('id', '=', row.id).execute();
    await trx
      .insertInto('rulesEvent')
      .values({ id: randomUUID(), companyId, type: 'supplier_profile', details: JSON.stringify({ nit: row.nit, before: { personType: row.personType, declarante: row.declarante }, after: values }), actor, at: now.toISOString() })
      .execute();
  });
  return toSupplier((await db.selectFrom('supplier').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()));
}

/**
 * Supplier profiles from a CSV (`nit;persona;declarante`, header optional; persona `natural`/`juridica`, declarante
 * `si`/`no`): how an accountant brings what the RUTs say for many suppliers at once. Unknown NITs are reported.
 */
export async function importSupplierProfiles(db: Db, companyId: string, text: string, actor: string, now: Date): Promise<{ updated: number; errors: string[] }> {
  const errors: string[] = [];
  let updated = 0;
  const rows = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of rows.entries()) {
    const [nit = '', persona = '', declarante = ''] = line.split(/[;,\t]/).map((c) => c.trim().toLowerCase());
    if (i === 0 && /nit/.test(nit)) continue;
    const personType = persona.startsWith('nat') ? 'natural' : persona.startsWith('jur') ? 'juridica' : undefined;
    const flag = /^(s|si|sí|true|1)$/.test(declarante) ? true : /^(n|no|false|0)$/.test(declarante) ? false : undefined;
    if (!/\d{5,}/.test(nit) || (persona && !personType) || (declarante && flag === undefined)) {
      errors.push(`Fila ${i + 1}: «${line}» no se entiende (usa nit;natural|juridica;si|no).`);
      continue;
    }
    try {
      await updateSupplierTaxProfile(db, companyId, nit, { ...(personType ? { personType } : {}), ...(flag !== undefined ? { declarante: flag } : {}) }, actor, now);
      updated += 1;
    } catch (error) {
      errors.push(`Fila ${i + 1}: ${(error as Error).message}`);
    }
  }
  return { updated, errors };
}

function toSupplier(row: SupplierRow): Supplier {
  return {
    id: row.id,
    nit: row.nit,
    ...(row.dv ? { dv: row.dv } : {}),
    name: row.name,
    ...(row.personType ? { personType: row.personType as 'juridica' | 'natural' } : {}),
    declarante: row.declarante === null ? null : row.declarante === 1,
    responsibilities: fromJson<string[]>(row.responsibilities, []),
    ciiu: fromJson<string[]>(row.ciiu, []),
  };
}
