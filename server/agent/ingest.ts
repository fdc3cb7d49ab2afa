import { createHash, randomUUID } from 'node:crypto';
import type { AuthenticityResult } from '#shared/authenticity';
import type { TrustAnchors } from '../authenticity/trust-anchors';
// The thread pool's main-thread side only: the signature libraries load in the threads (or on first need here).
import type { ReceivedFileRead } from '../authenticity/read-and-verify';
import { readAndVerifyOnThread } from '../authenticity/verify-pool';
import type { ReadErrorCode, ReadOutcome } from '#shared/dian-document';
import type { IngestResult, ReceptionChannel } from '#shared/inbox';
import type { ReaderLimits } from '../dian';
import { fromJson, toJson, type Db } from '../db/database';
import { isUniqueViolation } from '../db/engine';
import type { InboxDocumentRow, NewInboxDocument } from '../db/schema';
import type { CompanyProfile } from '#shared/company';
import { getCompanyOrThrow } from '../companies/companies';
import { agentStateAt, switchEventInSameSecond } from './agent-switch';
import { classifyArrival, WHOLE_SECOND_CHANNELS } from './classify-arrival';
import { dianCopyEnvironment } from './awaiting-dian-copy';
import type { Clock } from './clock';
import { toInboxDocument } from './inbox-documents';
import { DEFAULT_INTAKE_LIMITS, maxDocumentsFor, tooManyDocumentsReason, type IntakeLimits } from './intake-limits';
import { pruneRefusedBytes, storeBlob } from './refused-files';
import { runsOnPostgres } from '../db/engine';
import { announceWork } from '../workers/work-signal';

export interface IngestInput {
  companyId: string;
  bytes: Uint8Array;
  channel: ReceptionChannel;
  /** File name, Message-ID… Only for people; nothing is decided by it. */
  sourceRef: string;
  /** When the file reached us (a mailbox passes the message's arrival time). Defaults to now. */
  arrivedAt?: Date;
  metadata?: Record<string, unknown>;
  limits?: Partial<ReaderLimits>;
  /** Trust anchors for the signature checks (default: the bundle plus `AGENTE_ANCLAS_CONFIANZA`). */
  anchors?: TrustAnchors;
  /** Who sent it (the mail's From), recorded on the file and on each of its documents. */
  sender?: string;
  /** Record the file as refused without reading it (a mail message with too many documents). */
  refuse?: { code: string; reason: string };
}

/**
 * Receives one file: stores it exactly as received, then reads it and records every document found as an inbox
 * entry, deciding at once whether it waits to be registered or why not. Nothing received is ever lost: a file
 * that cannot be read is stored, and its entry says why.
 *
 * A file is refused as a whole when it holds more documents than its channel allows (nothing of it is recorded but
 * one entry saying why) or when nothing in it can be read. The very same refused bytes arriving again are counted
 * on the first entry instead of adding another, and the bytes of refused files are kept only up to a quota.
 */
export async function ingestFile(db: Db, clock: Clock, input: IngestInput, intake: IntakeLimits = DEFAULT_INTAKE_LIMITS): Promise<IngestResult> {
  const company = await getCompanyOrThrow(db, input.companyId);
  const receivedAt = clock.now();
  const arrivedAt = input.arrivedAt ?? receivedAt;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');

  // 1. As received, before anything else happens: a new received file, or one more arrival of refused junk.
  const stored = await db.transaction().execute(async (trx) => {
    await storeBlob(trx, sha256, input.bytes);
    const refusedBefore = await trx
      .selectFrom('receivedFile')
      .select(['id', 'reasonCode', 'reason'])
      .where('companyId', '=', company.id)
      .where('sha256', '=', sha256)
      .where('status', '=', 'refused')
      .orderBy('arrivedAt')
      .executeTakeFirst();
    if (refusedBefore) {
      await trx
        .updateTable('receivedFile')
        .set((eb) => ({ repeats: eb('repeats', '+', 1), lastArrivedAt: arrivedAt.toISOString() }))
        .where('id', '=', refusedBefore.id)
        .execute();
      return { repeatOf: refusedBefore };
    }
    const id = randomUUID();
    await trx
      .insertInto('receivedFile')
      .values({
        id,
        companyId: company.id,
        channel: input.channel,
        sourceRef: input.sourceRef,
        sha256,
        size: input.bytes.length,
        receivedAt: receivedAt.toISOString(),
        arrivedAt: arrivedAt.toISOString(),
        // A refusal decided before reading is kept with the file, so a restart after a crash refuses it the same way.
        metadata: toJson({ ...input.metadata, ...(input.refuse ? { refuse: input.refuse } : {}) }),
        sender: input.sender ?? null,
      })
      .execute();
    return { id };
  });

  if ('repeatOf' in stored && stored.repeatOf) {
    const { id, reasonCode, reason } = stored.repeatOf;
    const rows = await db.selectFrom('inboxDocument').selectAll().where('receivedFileId', '=', id).orderBy('createdAt').execute();
    return { receivedFileId: id, documents: rows.map(toInboxDocument), refused: { code: reasonCode ?? 'REFUSED', reason: reason ?? '' }, repeated: true };
  }

  // 2. Read it and record what it holds.
  const result = await recordDocuments(db, clock, company, {
    id: stored.id!,
    channel: input.channel,
    sourceRef: input.sourceRef,
    arrivedAt,
    bytes: input.bytes,
    sender: input.sender ?? null,
    maxDocuments: maxDocumentsFor(input.channel, intake),
    ...(input.limits ? { limits: input.limits } : {}),
    ...(input.refuse ? { refuse: input.refuse } : {}),
    ...(input.anchors ? { anchors: input.anchors } : {}),
  });
  if (result.refused) await pruneRefusedBytes(db, company.id, intake.refusedBytesQuota, clock);
  return result;
}

interface StoredFile {
  id: string;
  channel: ReceptionChannel;
  sourceRef: string;
  arrivedAt: Date;
  bytes: Uint8Array;
  sender: string | null;
  maxDocuments: number;
  limits?: Partial<ReaderLimits>;
  anchors?: TrustAnchors;
  refuse?: { code: string; reason: string };
}

/**
 * Reads a stored file and records every document in it, all in one transaction: a file is either fully recorded
 * or not at all, so `recoverUnreadFiles` can tell what a crash interrupted.
 *
 * Written for few round trips to the database (on PostgreSQL each one is a wait): the company comes from the caller,
 * the agent's state is read while the file is read and its signatures checked, each document is one `insert … returning`, and the
 * other processes are told inside the same transaction (see `announceWork`).
 */
async function recordDocuments(db: Db, clock: Clock, company: CompanyProfile, file: StoredFile): Promise<IngestResult> {
  // The agent's state at the arrival is a question about the past (events up to `arrivedAt`): asked now, answered
  // while the file is read and its signatures checked.
  const agentState = Promise.all([
    agentStateAt(db, company.id, file.arrivedAt),
    WHOLE_SECOND_CHANNELS.includes(file.channel) ? switchEventInSameSecond(db, company.id, file.arrivedAt) : undefined,
    dianCopyEnvironment(db, company.id),
  ]);
  agentState.catch(() => undefined); // awaited below; not an unhandled rejection if the reading throws first
  // Read and checked before the transaction (neither reads the database): the verdict below depends on both. On a
  // verification thread (server/authenticity/verify-pool.ts): the main thread stays free for the API and the
  // sources, and does not hold the garbage of parsing (≈ 1 MB a file, collected late in the main heap: a backlog of
  // 5,000 grew it by over 100 MB). When no thread can (none, or it failed or died with the file), here, with the
  // very same function; its modules (the reader, the XML-signature and certificate libraries) load then.
  const checkedAt = clock.now();
  const read = file.refuse ? undefined : await readAndCheck(file, checkedAt);
  let outcomes: ReadOutcome[] = read?.outcomes ?? [];
  // The checks stand for the outcomes read; an outcome put in their place below is no document, and has none.
  let checked = read?.authenticity;
  let refusal: { code: string; reason: string } | undefined = file.refuse;
  if (!refusal && outcomes.length > file.maxDocuments) {
    refusal = { code: 'TOO_MANY_DOCUMENTS', reason: tooManyDocumentsReason(outcomes.length, file.maxDocuments, file.channel === 'mailbox' ? 'mensaje' : 'archivo') };
  }
  if (refusal) {
    // Refused as a whole: one entry stands for the file, so it shows in the inbox and the summary with its reason.
    outcomes = [{ ok: false, source: [file.sourceRef], error: { code: refusal.code as ReadErrorCode, message: refusal.reason } }];
    checked = undefined;
  } else if (outcomes.length === 0) {
    // Nothing received is ever lost: a file with no document at all still shows in the inbox, saying so.
    outcomes.push({ ok: false, source: [file.sourceRef], error: { code: 'NOT_DIAN_DOCUMENT', message: 'El archivo no contiene ningún documento electrónico de la DIAN.' } });
    checked = undefined;
  }
  // Nothing in it could be read: junk (or a broken file), kept small and counted once however often it comes back.
  if (!refusal && outcomes.every((o) => !o.ok && !o.document)) {
    const first = outcomes[0] as Extract<ReadOutcome, { ok: false }>;
    refusal = { code: first.error.code, reason: outcomes.length === 1 ? first.error.message : `Ninguno de sus ${outcomes.length} archivos es un documento electrónico legible (${first.error.message}).` };
  }
  // Refused before reading (or for holding too much): the one entry carries the file's reason, not a document's.
  const wholeFile = file.refuse ?? (refusal?.code === 'TOO_MANY_DOCUMENTS' ? refusal : undefined);
  const authenticity = checked ?? outcomes.map(() => undefined);
  const [state, sameSecondSwitch, dianCopyAt] = await agentState;
  const askDianCopy = dianCopyAt !== undefined;
  const now = clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const rows = await db.transaction().execute(async (trx) => {
        // Read once, whoever reads it: a file whose reader died between storing and reading is read by another
        // process (a restart, or the one that took over the source), and the two must not both record it. The row
        // lock (PostgreSQL; SQLite's writer is single) makes the second wait, then find the first one's documents.
        // (Two statements, not one: under READ COMMITTED a statement that waited for the lock still reads with the
        // snapshot it took before waiting, and would not see the documents the other process just committed.)
        await trx.selectFrom('receivedFile').select('id').where('id', '=', file.id).$if(runsOnPostgres(db), (q) => q.forUpdate()).execute();
        const already = await trx.selectFrom('inboxDocument').selectAll().where('receivedFileId', '=', file.id).orderBy('createdAt').execute();
        if (already.length > 0) return already;
        const recorded = [];
        for (const [i, outcome] of outcomes.entries()) {
          const verdict = wholeFile
            ? { status: 'not_registered', reasonCode: wholeFile.code, reason: wholeFile.reason }
            : classifyArrival(outcome, company, state, file.arrivedAt, { authenticity: authenticity[i], sameSecondSwitch, askDianCopy });
          const row = inboxRow(outcome, { companyId: company.id, receivedFileId: file.id, channel: file.channel, arrivedAt: file.arrivedAt, now, sender: file.sender, authenticity: authenticity[i], ...verdict });
          recorded.push(await insertOrMarkDuplicate(trx, row));
        }
        if (refusal) await trx.updateTable('receivedFile').set({ status: 'refused', reasonCode: refusal.code, reason: refusal.reason }).where('id', '=', file.id).execute();
        // Other agent processes on PostgreSQL are woken when this commits (a NOTIFY is delivered at commit, or never).
        if (recorded.some((row) => row.status === 'pending')) await announceWork(trx);
        return recorded;
      });
      return { receivedFileId: file.id, documents: rows.map(toInboxDocument), ...(refusal ? { refused: refusal } : {}) };
    } catch (error) {
      // Another process recorded the same document between our check and our insert (possible outside SQLite's
      // BEGIN IMMEDIATE): run again, and it will be recorded as the duplicate it is.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** `readAndVerify` of the stored file: on a verification thread, else (none can) in this one. */
async function readAndCheck(file: StoredFile, now: Date): Promise<ReceivedFileRead> {
  const options = { name: file.sourceRef, maxDocuments: file.maxDocuments, now, ...(file.limits ? { limits: file.limits } : {}) };
  const onThread = await readAndVerifyOnThread(file.bytes, { ...options, anchors: file.anchors });
  if (onThread) return onThread;
  const { readAndVerify } = await import('../authenticity/read-and-verify');
  return readAndVerify(file.bytes, { ...options, ...(file.anchors ? { anchors: file.anchors } : {}) });
}

/**
 * Files stored but never read, because the process stopped between the two steps of `ingestFile`: read them now.
 * Runs when the agent starts, and for one file when a reader taking over a source finds it stored but unread.
 */
export async function recoverUnreadFiles(db: Db, clock: Clock, intake: IntakeLimits = DEFAULT_INTAKE_LIMITS, anchors?: TrustAnchors, only?: { fileId: string }): Promise<number> {
  let unread = db
    .selectFrom('receivedFile')
    .innerJoin('fileBlob', 'fileBlob.sha256', 'receivedFile.sha256')
    .select(['receivedFile.id', 'receivedFile.companyId', 'receivedFile.channel', 'receivedFile.sourceRef', 'receivedFile.arrivedAt', 'receivedFile.sender', 'receivedFile.metadata', 'fileBlob.bytes'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('inboxDocument').select('inboxDocument.id').whereRef('inboxDocument.receivedFileId', '=', 'receivedFile.id'))));
  if (only) unread = unread.where('receivedFile.id', '=', only.fileId);
  const files = await unread.execute();
  for (const file of files) {
    await recordDocuments(db, clock, await getCompanyOrThrow(db, file.companyId), {
      id: file.id,
      channel: file.channel as ReceptionChannel,
      sourceRef: file.sourceRef,
      arrivedAt: new Date(file.arrivedAt),
      bytes: file.bytes,
      sender: file.sender,
      maxDocuments: maxDocumentsFor(file.channel as ReceptionChannel, intake),
      ...refusalOf(file.metadata),
      ...(anchors ? { anchors } : {}),
    });
  }
  return files.length;
}

function refusalOf(metadata: string): { refuse?: { code: string; reason: string } } {
  const refuse = fromJson<{ refuse?: { code: string; reason: string } }>(metadata, {}).refuse;
  return refuse ? { refuse } : {};
}

interface RowContext {
  companyId: string;
  receivedFileId: string;
  channel: ReceptionChannel;
  arrivedAt: Date;
  now: Date;
  sender: string | null;
  status: string;
  reasonCode?: string;
  reason?: string;
  authenticity?: AuthenticityResult | undefined;
}

function inboxRow(outcome: ReadOutcome, ctx: RowContext): NewInboxDocument {
  const document = outcome.document;
  const validated = outcome.ok;
  return {
    id: randomUUID(),
    companyId: ctx.companyId,
    receivedFileId: ctx.receivedFileId,
    sourcePath: toJson(outcome.source),
    channel: ctx.channel,
    status: ctx.status,
    reasonCode: ctx.reasonCode ?? null,
    reason: ctx.reason ?? null,
    kind: document?.kind ?? null,
    cufe: document?.cufe ?? null,
    number: document?.number ?? null,
    issueDate: document?.issueDate ?? null,
    supplierNit: document?.supplier.nit ?? null,
    supplierName: document?.supplier.name ?? null,
    customerNit: document?.customer.nit ?? null,
    total: document?.totals.payable ?? null,
    currency: document?.currency ?? null,
    referencedCufe: document?.billingReferences.find((r) => r.uuid)?.uuid ?? null,
    // Only documents that were read and accepted take the dedupe keys: a rejected copy must not block the good one.
    // A test-environment document (habilitación) keeps its CUFE key but not the number: it has no fiscal value, and
    // the supplier's production invoice with the same number is another document.
    dedupeCufe: validated && document ? document.cufe : null,
    dedupeNumber: validated && document && isPurchase(document.kind) && document.environment === 'production' ? `${document.kind}|${document.supplier.nit}|${document.number}` : null,
    duplicateOf: null,
    billId: null,
    documentJson: document ? toJson(document) : null,
    warningsJson: toJson(document?.warnings ?? []),
    authenticity: ctx.authenticity?.code ?? null,
    authenticityJson: ctx.authenticity ? toJson(ctx.authenticity) : null,
    // Asked at once by the DIAN-copy checker (dian-copy-check.ts), then again while DIAN does not answer.
    dianCopyNextAt: ctx.reasonCode === 'AWAITING_DIAN_COPY' ? ctx.now.toISOString() : null,
    sender: ctx.sender,
    arrivedAt: ctx.arrivedAt.toISOString(),
    createdAt: ctx.now.toISOString(),
    updatedAt: ctx.now.toISOString(),
  };
}

/**
 * The unique keys (company + CUFE, company + supplier + number) decide what is a duplicate, so two channels
 * delivering the same invoice at the same moment still record it once. The copy is kept, pointing at the first.
 *
 * The insert itself asks the unique indexes (`on conflict do nothing`): a new document, the usual case, is one
 * statement. When it conflicts, the original is looked up and the copy recorded as its duplicate. On PostgreSQL an
 * insert that meets another transaction's uncommitted row with the same key waits for it, so the original it then
 * finds is committed.
 */
async function insertOrMarkDuplicate(db: Db, row: NewInboxDocument): Promise<InboxDocumentRow> {
  if (row.dedupeCufe || row.dedupeNumber) {
    const inserted = await db.insertInto('inboxDocument').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
    if (inserted) return inserted;
  }
  // No key of its own (a rejected document), or the copy of one already recorded. Should the insert below still meet
  // a unique key, that is an error for the caller's retry, never a silent loss.
  const original = await findOriginal(db, row);
  const values: NewInboxDocument = original
    ? {
        ...row,
        status: 'duplicate',
        reasonCode: 'DUPLICATE',
        reason: `Ya se había recibido este documento (${original.number ?? original.cufe}) el ${original.arrivedAt.slice(0, 10)}.`,
        duplicateOf: original.id,
        dianCopyNextAt: null,
        dedupeCufe: null,
        dedupeNumber: null,
      }
    : row;
  return db.insertInto('inboxDocument').values(values).returningAll().executeTakeFirstOrThrow();
}

async function findOriginal(db: Db, row: NewInboxDocument) {
  if (!row.dedupeCufe && !row.dedupeNumber) return undefined;
  return db
    .selectFrom('inboxDocument')
    .select(['id', 'number', 'cufe', 'arrivedAt'])
    .where('companyId', '=', row.companyId)
    .where((eb) => eb.or([...(row.dedupeCufe ? [eb('dedupeCufe', '=', row.dedupeCufe)] : []), ...(row.dedupeNumber ? [eb('dedupeNumber', '=', row.dedupeNumber)] : [])]))
    .executeTakeFirst();
}

function isPurchase(kind: string): boolean {
  return kind === 'invoice' || kind === 'credit-note' || kind === 'debit-note';
}
