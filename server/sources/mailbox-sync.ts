import { randomUUID } from 'node:crypto';
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Agent } from '../agent/agent';
import { receiveMail, type MailOutcome } from './mail-receiver';
import { readCheckpoint, writeMailboxState } from './mailbox-state';

/**
 * Our own IMAP keyword on handled messages. People read this mailbox too, so `\Seen` is theirs: it is never
 * read, set or cleared by the agent.
 */
export const HANDLED_KEYWORD = '$AgenteGastos';

/** DIAN allows 2 MB per e-mail; anything far above is not an invoice and is not downloaded. */
export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface SyncContext {
  agent: Agent;
  companyId: string;
  /** `user@host:port/folder`. */
  account: string;
  folder: string;
  maxMessageBytes?: number;
  /** Messages downloaded per FETCH (bounded by bytes too, so memory stays bounded on a large backlog). */
  chunk?: { messages: number; bytes: number };
  /** Checked between messages: a stop finishes the message at hand, marks what was done and returns. */
  shouldStop?: () => boolean;
  /** Called after each message is committed (benchmarks, logs). */
  onMessage?: (uid: number, outcome: MailOutcome) => void;
}

export interface SyncReport {
  examined: number;
  received: number;
  withoutDianContent: number;
  duplicates: number;
  /** Refused whole: more documents than one message may bring (kept, with one inbox entry saying why). */
  refused: number;
  failed: number;
  tooLarge: number;
  lastUid: number;
}

/**
 * One pass over the folder: every message after the checkpoint (and without our keyword) is received in UID
 * order; each is committed to the database before it gets the keyword, and the checkpoint moves only past
 * messages that are done. A crash anywhere leaves either a message to read again (its Message-ID and parts make
 * that a no-op) or a keyword to add; nothing is lost or received twice. A new UIDVALIDITY (the folder was
 * rebuilt) starts over from UID 1, with the keyword and the Message-ID records preventing repeats.
 */
export async function syncMailbox(client: ImapFlow, ctx: SyncContext): Promise<SyncReport> {
  const db = ctx.agent.db;
  const now = () => ctx.agent.clock.now();
  const report: SyncReport = { examined: 0, received: 0, withoutDianContent: 0, duplicates: 0, refused: 0, failed: 0, tooLarge: 0, lastUid: 0 };
  const lock = await client.getMailboxLock(ctx.folder);
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`No se pudo abrir la carpeta «${ctx.folder}».`);
    const uidValidity = String(mailbox.uidValidity);
    const checkpoint = await readCheckpoint(db, ctx.companyId, ctx.account);
    let lastUid = checkpoint.uidValidity === uidValidity ? checkpoint.lastUid : 0;
    if (checkpoint.uidValidity !== uidValidity) await writeMailboxState(db, ctx.companyId, ctx.account, { uidValidity, lastUid: 0 }, now());
    report.lastUid = lastUid;
    if (mailbox.exists === 0) return report;

    const keywords = !mailbox.permanentFlags || mailbox.permanentFlags.has('\\*');
    const found = await client.search({ uid: `${lastUid + 1}:*`, ...(keywords ? { unKeyword: HANDLED_KEYWORD } : {}) }, { uid: true });
    // `N:*` always matches the last message, even below N.
    const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
    if (uids.length === 0) return report;

    const metadata = await client.fetchAll(uids, { uid: true, size: true, internalDate: true, flags: true }, { uid: true });
    metadata.sort((a, b) => a.uid - b.uid);
    const known = await knownMessages(ctx, uidValidity, uids);
    const maxBytes = ctx.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;

    for (const chunk of chunks(metadata, ctx.chunk ?? { messages: 50, bytes: 20 * 1024 * 1024 }, maxBytes)) {
      if (ctx.shouldStop?.()) break;
      const toMark: number[] = [];
      const toDownload = chunk.filter((m) => {
        const record = known.get(m.uid);
        if (!record || record.status === 'receiving') return true;
        // Handled before the keyword could be set (a crash, a lost connection): only the keyword is missing.
        if ((record.status === 'received' || record.status === 'refused') && !m.flags?.has(HANDLED_KEYWORD)) toMark.push(m.uid);
        return false;
      });
      const sources = new Map<number, Buffer>();
      const small = toDownload.filter((m) => (m.size ?? 0) <= maxBytes);
      if (small.length > 0) {
        for (const m of await client.fetchAll(small.map((s) => s.uid), { uid: true, source: true }, { uid: true })) if (m.source) sources.set(m.uid, m.source);
      }
      let done = lastUid;
      let failure: unknown;
      try {
        for (const message of chunk) {
          if (ctx.shouldStop?.() && done > lastUid) break;
          report.examined++;
          if (!toDownload.includes(message)) {
            done = message.uid;
            continue;
          }
          if ((message.size ?? 0) > maxBytes) {
            await recordTooLarge(ctx, message, uidValidity, maxBytes);
            report.tooLarge++;
            done = message.uid;
            continue;
          }
          const raw = sources.get(message.uid);
          // Expunged between SEARCH and FETCH: nothing to read.
          if (!raw) {
            done = message.uid;
            continue;
          }
          const outcome = await receiveMail(ctx.agent, ctx.companyId, {
            raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength),
            arrivedAt: toDate(message.internalDate) ?? now(),
            account: ctx.account,
            folder: ctx.folder,
            uid: message.uid,
            uidValidity,
          }).catch((error: unknown) => {
            // The agent's side failed (database), not the mail server: said so in the status.
            throw Object.assign(new Error(`No se pudo guardar el mensaje ${message.uid} del buzón: ${(error as Error)?.message ?? String(error)}. Se reintentará.`), { code: 'RECEPTION_FAILED', cause: error });
          });
          count(report, outcome);
          if (outcome.status === 'received' || outcome.status === 'refused' || (outcome.status === 'duplicate' && outcome.original !== 'no_dian_content')) toMark.push(message.uid);
          done = message.uid;
          ctx.onMessage?.(message.uid, outcome);
        }
      } catch (error) {
        failure = error;
      }
      // Even when a message failed: what was committed gets its keyword, and the checkpoint moves past it only
      // once the keyword is on (a message committed but left unmarked is read again: a no-op plus the keyword).
      let marked = !keywords || toMark.length === 0;
      if (!marked && client.usable) {
        try {
          await client.messageFlagsAdd(toMark, [HANDLED_KEYWORD], { uid: true });
          marked = true;
        } catch (error) {
          failure ??= error;
        }
      }
      const safe = marked ? done : Math.min(done, Math.min(...toMark) - 1);
      if (safe > lastUid) {
        lastUid = safe;
        report.lastUid = lastUid;
        await writeMailboxState(db, ctx.companyId, ctx.account, { uidValidity, lastUid }, now());
      }
      if (failure !== undefined) throw failure;
      if (!marked) throw Object.assign(new Error('Se perdió la conexión antes de marcar los mensajes recibidos.'), { code: 'NoConnection' });
    }
    return report;
  } finally {
    lock.release();
  }
}

/** Records of messages already seen at these UIDs of this folder incarnation (skips downloading them again). */
async function knownMessages(ctx: SyncContext, uidValidity: string, uids: number[]): Promise<Map<number, { status: string }>> {
  const known = new Map<number, { status: string }>();
  for (let i = 0; i < uids.length; i += 500) {
    const rows = await ctx.agent.db
      .selectFrom('mailboxMessage')
      .select(['uid', 'status'])
      .where('companyId', '=', ctx.companyId)
      .where('account', '=', ctx.account)
      .where('uidValidity', '=', uidValidity)
      .where('uid', 'in', uids.slice(i, i + 500))
      .execute();
    for (const row of rows) if (row.uid !== null) known.set(row.uid, { status: row.status });
  }
  return known;
}

async function recordTooLarge(ctx: SyncContext, message: FetchMessageObject, uidValidity: string, maxBytes: number): Promise<void> {
  const now = ctx.agent.clock.now().toISOString();
  const key = `uid:${ctx.account}:${uidValidity}:${message.uid}`;
  const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`;
  await ctx.agent.db
    .insertInto('mailboxMessage')
    .values({
      id: randomUUID(),
      companyId: ctx.companyId,
      messageKey: key,
      messageId: null,
      partsDigest: '',
      account: ctx.account,
      folder: ctx.folder,
      uid: message.uid,
      uidValidity,
      subject: null,
      sender: null,
      dianSubject: null,
      internalDate: (toDate(message.internalDate) ?? new Date(now)).toISOString(),
      size: message.size ?? 0,
      rawSha256: null,
      status: 'failed',
      reasonCode: 'MESSAGE_TOO_LARGE',
      reason: `El mensaje pesa ${mb(message.size ?? 0)}, más de los ${mb(maxBytes)} que se leen (la DIAN permite 2 MB por correo); se deja sin tocar en el buzón.`,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) => oc.columns(['companyId', 'messageKey']).doNothing())
    .execute();
}

function* chunks(messages: FetchMessageObject[], limit: { messages: number; bytes: number }, maxBytes: number): Generator<FetchMessageObject[]> {
  let current: FetchMessageObject[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = Math.min(message.size ?? 0, maxBytes);
    if (current.length > 0 && (current.length >= limit.messages || bytes + size > limit.bytes)) {
      yield current;
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) yield current;
}

function count(report: SyncReport, outcome: MailOutcome): void {
  if (outcome.status === 'received') report.received++;
  else if (outcome.status === 'no_dian_content') report.withoutDianContent++;
  else if (outcome.status === 'duplicate') report.duplicates++;
  else if (outcome.status === 'refused') report.refused++;
  else report.failed++;
}

function toDate(value: Date | string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
