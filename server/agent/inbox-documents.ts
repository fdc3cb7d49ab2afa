import { resultMayBeAltered, type AuthenticityCode, type AuthenticityResult } from '#shared/authenticity';
import type { DianDocument, DocumentKind, DocumentWarning, SourcePath } from '#shared/dian-document';
import type { DocumentStatus, InboxDocument, Page, ReceptionChannel } from '#shared/inbox';
import { fromJson, type Db } from '../db/database';
import type { InboxDocumentRow } from '../db/schema';
import { NotFoundError } from '../errors';
import { pageOf, type PageRequest } from './pagination';

export function toInboxDocument(row: InboxDocumentRow): InboxDocument {
  return {
    id: row.id,
    status: row.status as DocumentStatus,
    ...(row.reasonCode ? { reasonCode: row.reasonCode } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.kind ? { kind: row.kind as DocumentKind } : {}),
    ...(row.cufe ? { cufe: row.cufe } : {}),
    ...(row.number ? { number: row.number } : {}),
    ...(row.issueDate ? { issueDate: row.issueDate } : {}),
    ...(row.supplierNit ? { supplierNit: row.supplierNit } : {}),
    ...(row.supplierName ? { supplierName: row.supplierName } : {}),
    ...(row.total ? { total: row.total } : {}),
    ...(row.currency ? { currency: row.currency } : {}),
    arrivedAt: row.arrivedAt,
    channel: row.channel as ReceptionChannel,
    source: fromJson<SourcePath>(row.sourcePath, []),
    receivedFileId: row.receivedFileId,
    ...(row.duplicateOf ? { duplicateOf: row.duplicateOf } : {}),
    ...(row.billId ? { billId: row.billId } : {}),
    ...(row.sender ? { sender: row.sender } : {}),
    warnings: fromJson<DocumentWarning[]>(row.warningsJson, []),
    ...(row.authenticity ? { authenticity: authenticitySummary(row) } : {}),
  };
}

/** The short authenticity result of an inbox row (lists, the daily summary, bills). */
export function authenticitySummary(row: Pick<InboxDocumentRow, 'authenticity' | 'authenticityJson'>): NonNullable<InboxDocument['authenticity']> {
  const facts = fromJson<Partial<AuthenticityResult>>(row.authenticityJson, {});
  const signer = facts.supplier?.certificate?.subject;
  const code = row.authenticity as AuthenticityCode;
  return {
    code,
    reason: facts.reason ?? '',
    ...(signer ? { signer } : {}),
    mayBeAltered: resultMayBeAltered({ code, ...(facts.dianCopy ? { dianCopy: facts.dianCopy } : {}) }),
    ...(facts.dianCopy ? { dianCopy: facts.dianCopy.status } : {}),
    ...(facts.confirmedByDian ? { confirmedByDian: true } : {}),
  };
}

export interface DocumentQuery {
  status?: DocumentStatus | DocumentStatus[];
  /** Arrived at or after / before these instants (ISO). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export async function listDocuments(db: Db, companyId: string, query: DocumentQuery = {}): Promise<InboxDocument[]> {
  let q = db.selectFrom('inboxDocument').selectAll().where('companyId', '=', companyId);
  if (query.status) q = q.where('status', 'in', Array.isArray(query.status) ? query.status : [query.status]);
  if (query.from) q = q.where('arrivedAt', '>=', query.from);
  if (query.to) q = q.where('arrivedAt', '<', query.to);
  const rows = await q
    .orderBy('arrivedAt', 'desc')
    .orderBy('createdAt', 'desc')
    .limit(Math.min(query.limit ?? 100, 1000))
    .offset(query.offset ?? 0)
    .execute();
  return rows.map(toInboxDocument);
}

/** One page of the inbox, newest arrival first, with the total that matches the filter. */
export async function pageDocuments(db: Db, companyId: string, query: Omit<DocumentQuery, 'limit' | 'offset'>, page: PageRequest): Promise<Page<InboxDocument>> {
  let q = db.selectFrom('inboxDocument').where('companyId', '=', companyId);
  if (query.status) q = q.where('status', 'in', Array.isArray(query.status) ? query.status : [query.status]);
  if (query.from) q = q.where('arrivedAt', '>=', query.from);
  if (query.to) q = q.where('arrivedAt', '<', query.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('arrivedAt', 'desc').orderBy('createdAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return pageOf(rows.map(toInboxDocument), Number(total.n), page);
}

export async function getDocumentOrThrow(db: Db, companyId: string, id: string): Promise<InboxDocument & { document?: DianDocument; authenticityFacts?: AuthenticityResult }> {
  const row = await db.selectFrom('inboxDocument').selectAll().where('companyId', '=', companyId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`No existe el documento ${id}.`);
  const document = fromJson<DianDocument | undefined>(row.documentJson, undefined);
  const authenticityFacts = fromJson<AuthenticityResult | undefined>(row.authenticityJson, undefined);
  return { ...toInboxDocument(row), ...(document ? { document } : {}), ...(authenticityFacts ? { authenticityFacts } : {}) };
}
