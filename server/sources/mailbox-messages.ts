import type { DianSubject } from './dian-subject';
import { fromJson, type Db } from '../db/database';
import { NotFoundError } from '../errors';

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
  /** `received` (its documents are in the inbox), `no_dian_content` (left untouched), `failed`, `receiving`. */
  status: string;
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
  let q = db.selectFrom('mailboxMessage').selectAll().where('companyId', '=', companyId);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('internalDate', 'desc').orderBy('createdAt', 'desc').limit(Math.min(query.limit ?? 50, 500)).execute();
  return rows.map((row) => ({
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
    ...(row.uid !== null ? { uid: row.uid } : {}),
    hasRaw: row.rawSha256 !== null,
  }));
}

/**
 * The message exactly as it was received.
 * @throws NotFoundError when there is no such message, or it carried nothing to keep (no DIAN content)
 */
export async function getMailboxMessageRaw(db: Db, companyId: string, id: string): Promise<Uint8Array> {
  const row = await db
    .selectFrom('mailboxMessage')
    .innerJoin('fileBlob', 'fileBlob.sha256', 'mailboxMessage.rawSha256')
    .select('fileBlob.bytes')
    .where('mailboxMessage.companyId', '=', companyId)
    .where('mailboxMessage.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`No hay copia guardada del mensaje ${id} (no existe, o no traía factura y quedó solo en el buzón).`, 'MAILBOX_MESSAGE_NOT_FOUND');
  return row.bytes;
}
