import type { DianSubject } from './dian-subject';
import { fromJson, type Db } from '../db/database';
import type { Page } from '#shared/inbox';
import { pageOf, type PageRequest } from '../agent/pagination';
import type { MailboxMessageRow } from '../db/schema';
import { NotFoundError } from '../errors';

export const MAILBOX_MESSAGE_STATUSES = ['received', 'no_dian_content', 'refused', 'failed', 'receiving'] as const;

/** A message read from the mailbox, as the panel and the CLI list it (never its content). */
export interface MailboxMessageView {
  id: string;
  messageId?: string;
  subject?: string;
  from?: string;
  dianSubject?: DianSubject;
  /** When it reached the mailbox (IMAP INTERNALDATE). */
  arrivedAt: string;
  readAt: string;
  size: number;
  /** `received` (its documents are in the inbox), `no_dian_content` (left untouched), `refused` (too many documents), `failed`, `receiving`. */
  status: string;
  /** Refused whole, or every part of it was (junk): counts toward the flood report, and its bytes toward the quota. */
  refused: boolean;
  reasonCode?: string;
  reason?: string;
  /** Documents it put in the reception inbox. */
  documents: number;
  uid?: number;
  /** The raw message is kept and can be downloaded. */
  hasRaw: boolean;
}

/** Latest messages first. */
export async function listMailboxMessages(db: Db, companyId: string, query: { limit?: number; status?: string } = {}): Promise<MailboxMessageView[]> {
  return (await pageMailboxMessages(db, companyId, query, { limit: Math.min(query.limit ?? 50, 500), offset: 0 })).items;
}

/** One page of the messages read, latest first, with the total that matches the filter. */
export async function pageMailboxMessages(db: Db, companyId: string, query: { status?: string }, page: PageRequest): Promise<Page<MailboxMessageView>> {
  let q = db.selectFrom('mailboxMessage').where('companyId', '=', companyId);
  if (query.status) q = q.where('status', '=', query.status);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('internalDate', 'desc').orderBy('createdAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return pageOf(rows.map(toView), Number(total.n), page);
}

function toView(row: MailboxMessageRow): MailboxMessageView {
  return {
    id: row.id,
    ...(row.messageId ? { messageId: row.messageId } : {}),
    ...(row.subject ? { subject: row.subject } : {}),
    ...(row.sender ? { from: row.sender } : {}),
    ...(row.dianSubject ? { dianSubject: fromJson<DianSubject>(row.dianSubject, {} as DianSubject) } : {}),
    arrivedAt: row.internalDate,
    readAt: row.createdAt,
    size: row.size,
    status: row.status,
    ...(row.reasonCode ? { reasonCode: row.reasonCode } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    documents: row.documents,
    refused: row.refused === 1,
    ...(row.uid !== null ? { uid: row.uid } : {}),
    hasRaw: row.rawSha256 !== null,
  };
}

/**
 * The message exactly as it was received.
 * @throws NotFoundError when there is no such message, or it carried nothing to keep (no DIAN content)
 */
export async function getMailboxMessageRaw(db: Db, companyId: string, id: string): Promise<Uint8Array> {
  const row = await db
    .selectFrom('mailboxMessage')
    .innerJoin('fileBlob', 'fileBlob.sha256', 'mailboxMessage.rawSha256')
    .select(['fileBlob.bytes', 'fileBlob.prunedAt', 'fileBlob.size'])
    .where('mailboxMessage.companyId', '=', companyId)
    .where('mailboxMessage.id', '=', id)
    .executeTakeFirst();
  if (row?.prunedAt) {
    throw new NotFoundError(`El mensaje ${id} fue rechazado y su contenido (${row.size} bytes) se descartó el ${row.prunedAt.slice(0, 10)} por la cuota de archivos rechazados; se conservan su huella SHA-256, remitente y motivo.`, 'MAILBOX_MESSAGE_PRUNED');
  }
  if (!row) throw new NotFoundError(`No hay copia guardada del mensaje ${id} (no existe, o no traía factura y quedó solo en el buzón).`, 'MAILBOX_MESSAGE_NOT_FOUND');
  return row.bytes;
}
