import { randomUUID } from 'node:crypto';
import type { Party } from '#shared/dian-document';
import { computeDv } from '#shared/nit';
import { fromJson, toJson, type Db } from '../db/database';
import type { SupplierRow } from '../db/schema';
import type { SupplierFacts } from '../ledger/prepare-bill';

/** The supplier of a document, as already known to the company, or the row to create from the document. */
export async function findOrDraftSupplier(db: Db, companyId: string, party: Party, documentId: string, now: Date): Promise<{ row: SupplierRow; isNew: boolean }> {
  const existing = await db.selectFrom('supplier').selectAll().where('companyId', '=', companyId).where('nit', '=', party.nit).executeTakeFirst();
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
