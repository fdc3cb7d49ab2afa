import { createHash, randomUUID } from 'node:crypto';
import type { InboxDocument } from '#shared/inbox';
import type { Agent } from '../agent/agent';
import { fromJson, toJson } from '../db/database';
import { containsText } from '../db/engine';
import type { MailboxMessageRow } from '../db/schema';
import { tooManyDocumentsReason } from '../agent/intake-limits';
import { pruneRefusedBytes, storeBlob } from '../agent/refused-files';
import { readDianFile } from '../dian';
import { readMailMessage, type MailReading } from './mail-message';

/** A message as a mail source hands it over (IMAP today; Gmail or Graph would hand over the same). */
export interface ReceivedMail {
  /** The message exactly as fetched (RFC 5322). */
  raw: Uint8Array;
  /** When the message reached the mailbox (IMAP INTERNALDATE): the pause rules judge this instant, not when we read it. */
  arrivedAt: Date;
  /** `user@host:port/folder`. */
  account: string;
  folder: string;
  uid?: number;
  uidValidity?: string;
}

export type MailOutcome =
  /** Its DIAN parts went through the reception inbox (each document registered, refused or marked duplicate there). */
  | { status: 'received'; recordId: string; documents: InboxDocument[] }
  /** Nothing to receive: the message stays untouched in the mailbox; only its headers are recorded. */
  | { status: 'no_dian_content'; recordId: string; code: string; reason: string }
  /** The same message (same Message-ID, same DIAN parts) was handled before. */
  | { status: 'duplicate'; recordId: string; original: 'received' | 'no_dian_content' | 'refused' }
  /** Refused whole (more documents than one message may bring): one inbox entry says why, nothing else recorded. */
  | { status: 'refused'; recordId: string; code: string; reason: string }
  /** Gave up after repeated failures; recorded with its reason, the raw message kept. */
  | { status: 'failed'; recordId: string; reason: string };

/** After this many failed attempts on one message, it is recorded as failed and the reading moves on. */
export const MAX_MESSAGE_ATTEMPTS = 5;

/**
 * Receives one e-mail, idempotently. The raw message is stored (in `file_blob`, referenced by its
 * `mailbox_message` record) before anything else; then each DIAN part goes through `agent.ingest` with channel
 * `mailbox` and the message's arrival time, so the same rules as every other channel apply and CUFE dedupe marks
 * resent invoices as duplicates. A retry after a crash only ingests the parts not yet ingested. A message without
 * DIAN content creates no inbox document.
 *
 * @throws whatever the database throws (after counting the attempt); the caller retries later
 */
export async function receiveMail(agent: Agent, companyId: string, mail: ReceivedMail): Promise<MailOutcome> {
  const db = agent.db;
  let reading: MailReading;
  try {
    reading = await readMailMessage(mail.raw);
  } catch (error) {
    return recordUnparsable(agent, companyId, mail, error);
  }

  const existing = await findRecord(agent, companyId, reading.key);
  let key = reading.key;
  if (existing && existing.partsDigest !== reading.partsDigest) {
    // A sender reusing one Message-ID for different invoices: a different message, never a duplicate.
    key = `${reading.key} ${reading.partsDigest.slice(0, 16)}`;
  }
  const record = key === reading.key ? existing : await findRecord(agent, companyId, key);
  if (record && (record.status === 'received' || record.status === 'no_dian_content' || record.status === 'refused')) {
    return { status: 'duplicate', recordId: record.id, original: record.status };
  }
  if (record && record.status === 'failed') return { status: 'failed', recordId: record.id, reason: record.reason ?? '' };

  const now = agent.clock.now().toISOString();
  const base = {
    companyId,
    messageKey: key,
    messageId: reading.messageId ?? null,
    partsDigest: reading.partsDigest,
    account: mail.account,
    folder: mail.folder,
    uid: mail.uid ?? null,
    uidValidity: mail.uidValidity ?? null,
    subject: reading.subject ?? null,
    sender: reading.from ?? null,
    dianSubject: reading.dianSubject ? toJson(reading.dianSubject) : null,
    internalDate: mail.arrivedAt.toISOString(),
    size: mail.raw.length,
  };

  if (reading.parts.length === 0) {
    const id = record?.id ?? randomUUID();
    const skip = reading.skip!;
    await upsertRecord(agent, record, { id, ...base, rawSha256: null, status: 'no_dian_content', reasonCode: skip.code, reason: skip.reason, createdAt: now, updatedAt: now });
    return { status: 'no_dian_content', recordId: id, code: skip.code, reason: skip.reason };
  }

  // 1. The message as received, before anything is read out of it.
  const rawSha256 = createHash('sha256').update(mail.raw).digest('hex');
  const id = record?.id ?? randomUUID();
  await db.transaction().execute(async (trx) => {
    await storeBlob(trx, rawSha256, mail.raw);
    if (record) await trx.updateTable('mailboxMessage').set({ rawSha256, uid: base.uid, uidValidity: base.uidValidity, updatedAt: now }).where('id', '=', id).execute();
    else await trx.insertInto('mailboxMessage').values({ id, ...base, rawSha256, status: 'receiving', createdAt: now, updatedAt: now }).execute();
  });

  // A DIAN message carries one document: one holding more than the limit is refused whole, before any of it is
  // recorded (the message itself is kept as the refused file, so it shows in the inbox with its reason).
  const found = countDocuments(reading);
  const max = agent.intake.maxDocumentsPerMail;
  if (found > max) {
    try {
      const reason = tooManyDocumentsReason(found, max, 'mensaje');
      // A retry whose earlier reader stored the refused message and died before recording it: recorded now, once.
      const stored = record ? await partAlreadyIngested(agent, companyId, id, -1, mail.raw) : undefined;
      if (stored) await agent.recoverFile(stored);
      const result = stored ? { receivedFileId: stored } : await agent.ingest({
        companyId,
        bytes: mail.raw,
        channel: 'mailbox',
        sourceRef: reading.subject ? `Correo «${reading.subject.slice(0, 120)}»` : 'Correo sin asunto',
        arrivedAt: mail.arrivedAt,
        ...(reading.from ? { sender: reading.from } : {}),
        refuse: { code: 'TOO_MANY_DOCUMENTS', reason },
        metadata: { mailboxMessageId: id, part: -1, messageId: reading.messageId ?? null, subject: reading.subject ?? null, from: reading.from ?? null, account: mail.account, rawSha256 },
      });
      await db
        .updateTable('mailboxMessage')
        .set({ status: 'refused', refused: 1, reasonCode: 'TOO_MANY_DOCUMENTS', reason, documents: 0, receivedFileIds: toJson([result.receivedFileId]), updatedAt: agent.clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
      await pruneRefusedBytes(db, companyId, agent.intake.refusedBytesQuota, agent.clock);
      return { status: 'refused', recordId: id, code: 'TOO_MANY_DOCUMENTS', reason };
    } catch (error) {
      return countFailedAttempt(agent, id, error);
    }
  }

  // 2. Each DIAN part through the reception inbox, skipping those a previous attempt already ingested.
  try {
    const documents: InboxDocument[] = [];
    const ingestedIds: string[] = [];
    // Junk: every part refused (nothing readable). A retry only sees some parts, so it asks the database.
    let allRefused = true;
    for (const [index, part] of reading.parts.entries()) {
      // Only a retry can find parts already ingested. One whose reader died after storing it and before reading it
      // (a crash, or another process that held the mailbox and was killed) is read now, once: this is the process
      // that took the mailbox over, and it must not wait for the next start to do it.
      const stored = record ? await partAlreadyIngested(agent, companyId, id, index, part.bytes) : undefined;
      if (stored) {
        await agent.recoverFile(stored);
        continue;
      }
      const result = await agent.ingest({
        companyId,
        bytes: part.bytes,
        channel: 'mailbox',
        sourceRef: part.name,
        arrivedAt: mail.arrivedAt,
        ...(reading.from ? { sender: reading.from } : {}),
        metadata: {
          mailboxMessageId: id,
          part: index,
          messageId: reading.messageId ?? null,
          subject: reading.subject ?? null,
          dianSubject: reading.dianSubject ?? null,
          from: reading.from ?? null,
          uid: mail.uid ?? null,
          uidValidity: mail.uidValidity ?? null,
          account: mail.account,
          rawSha256,
        },
      });
      documents.push(...result.documents);
      ingestedIds.push(result.receivedFileId);
      if (!result.refused) allRefused = false;
    }
    // A retry counts from the database: it only saw the parts it ingested itself.
    const receivedFileIds = record ? await receivedFilesOf(agent, companyId, id, reading.parts.map((p) => sha256Of(p.bytes))) : ingestedIds;
    const total = record ? await countInboxDocuments(agent, receivedFileIds) : documents.length;
    const junk = record ? await allFilesRefused(agent, receivedFileIds) : allRefused;
    await db
      .updateTable('mailboxMessage')
      .set({ status: 'received', refused: junk ? 1 : 0, reasonCode: null, reason: null, documents: total, receivedFileIds: toJson(receivedFileIds), updatedAt: agent.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    if (junk) await pruneRefusedBytes(db, companyId, agent.intake.refusedBytesQuota, agent.clock);
    return { status: 'received', recordId: id, documents };
  } catch (error) {
    return countFailedAttempt(agent, id, error);
  }
}

async function findRecord(agent: Agent, companyId: string, key: string): Promise<MailboxMessageRow | undefined> {
  return agent.db.selectFrom('mailboxMessage').selectAll().where('companyId', '=', companyId).where('messageKey', '=', key).executeTakeFirst();
}

async function upsertRecord(agent: Agent, existing: MailboxMessageRow | undefined, row: Parameters<typeof insertRecord>[1]): Promise<void> {
  if (existing) {
    const { id, createdAt: _createdAt, ...changes } = row;
    await agent.db.updateTable('mailboxMessage').set(changes).where('id', '=', id).execute();
  } else {
    await insertRecord(agent, row);
  }
}

async function insertRecord(agent: Agent, row: Omit<MailboxMessageRow, 'documents' | 'receivedFileIds' | 'attempts' | 'refused'> & { attempts?: number }): Promise<void> {
  await agent.db.insertInto('mailboxMessage').values(row).execute();
}

/** A part counts as ingested when a received file of this message and position holds the same bytes: its id. */
async function partAlreadyIngested(agent: Agent, companyId: string, recordId: string, index: number, bytes: Uint8Array): Promise<string | undefined> {
  const sha256 = sha256Of(bytes);
  const rows = await agent.db
    .selectFrom('receivedFile')
    .select(['id', 'metadata'])
    .where('companyId', '=', companyId)
    .where('channel', '=', 'mailbox')
    .where('sha256', '=', sha256)
    .where(containsText('metadata', `"mailboxMessageId":"${recordId}"`))
    .execute();
  return rows.find((r) => fromJson<{ part?: number }>(r.metadata, {}).part === index)?.id;
}

async function receivedFilesOf(agent: Agent, companyId: string, recordId: string, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return []; // `in ()` is an error on PostgreSQL
  const rows = await agent.db
    .selectFrom('receivedFile')
    .select('id')
    .where('companyId', '=', companyId)
    .where('sha256', 'in', hashes)
    .where('channel', '=', 'mailbox')
    .where(containsText('metadata', `"mailboxMessageId":"${recordId}"`))
    .orderBy('receivedAt')
    .execute();
  return rows.map((r) => r.id);
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function allFilesRefused(agent: Agent, receivedFileIds: string[]): Promise<boolean> {
  if (receivedFileIds.length === 0) return false;
  const read = await agent.db.selectFrom('receivedFile').select('id').where('id', 'in', receivedFileIds).where('status', '!=', 'refused').executeTakeFirst();
  return read === undefined;
}

/** Documents the message's parts hold, as the reader counts them (a ZIP of several invoices counts each). */
function countDocuments(reading: MailReading): number {
  return reading.parts.reduce((sum, part) => sum + Math.max(1, readDianFile(part.bytes, { name: part.name }).outcomes.length), 0);
}

async function countInboxDocuments(agent: Agent, receivedFileIds: string[]): Promise<number> {
  if (receivedFileIds.length === 0) return 0;
  const row = await agent.db.selectFrom('inboxDocument').select((eb) => eb.fn.countAll<number>().as('count')).where('receivedFileId', 'in', receivedFileIds).executeTakeFirst();
  return Number(row?.count ?? 0);
}

async function countFailedAttempt(agent: Agent, id: string, error: unknown): Promise<MailOutcome> {
  const reason = `No se pudo recibir el mensaje: ${(error as Error)?.message ?? String(error)}`;
  const row = await agent.db.selectFrom('mailboxMessage').select('attempts').where('id', '=', id).executeTakeFirst();
  const attempts = (row?.attempts ?? 0) + 1;
  const giveUp = attempts >= MAX_MESSAGE_ATTEMPTS;
  await agent.db
    .updateTable('mailboxMessage')
    .set({ attempts, reasonCode: 'RECEPTION_FAILED', reason, ...(giveUp ? { status: 'failed' } : {}), updatedAt: agent.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
  if (giveUp) return { status: 'failed', recordId: id, reason };
  throw error;
}

/** A message mailparser cannot read at all: kept whole, recorded as failed (reading it again would fail again). */
async function recordUnparsable(agent: Agent, companyId: string, mail: ReceivedMail, error: unknown): Promise<MailOutcome> {
  const rawSha256 = createHash('sha256').update(mail.raw).digest('hex');
  const key = `sha256:${rawSha256}`;
  const existing = await findRecord(agent, companyId, key);
  if (existing) return { status: 'failed', recordId: existing.id, reason: existing.reason ?? '' };
  const id = randomUUID();
  const now = agent.clock.now().toISOString();
  const reason = `No se pudo leer el mensaje de correo (${(error as Error)?.message ?? String(error)}); se guardó tal como llegó.`;
  await agent.db.transaction().execute(async (trx) => {
    await storeBlob(trx, rawSha256, mail.raw);
    await trx
      .insertInto('mailboxMessage')
      .values({
        id,
        companyId,
        messageKey: key,
        messageId: null,
        partsDigest: '',
        account: mail.account,
        folder: mail.folder,
        uid: mail.uid ?? null,
        uidValidity: mail.uidValidity ?? null,
        subject: null,
        sender: null,
        dianSubject: null,
        internalDate: mail.arrivedAt.toISOString(),
        size: mail.raw.length,
        rawSha256,
        status: 'failed',
        reasonCode: 'UNREADABLE_MESSAGE',
        reason,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });
  return { status: 'failed', recordId: id, reason };
}
