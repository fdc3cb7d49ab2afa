import { sql } from 'kysely';
import type { Db } from '../db/database';

/** Is the reception mailbox being flooded? Refused messages from senders the company never got a genuine document from. */
export interface MailboxFloodReport {
  /** Start of the window (24 hours back). */
  since: string;
  /** Refused messages (too many documents, or nothing readable) in the window from such senders. */
  refusedFromUnknownSenders: number;
  /** How many different such senders. */
  unknownSenders: number;
  threshold: number;
  flooding: boolean;
  /** Spanish, for the status line; only when flooding. */
  message?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new supplier writing for the first time is normal; many refused messages from many never-seen senders in a day
 * is someone using the public reception address to bury the real invoices. A sender is known once a document it
 * sent was read and accepted (waiting, registered, or a resend of one).
 */
export async function mailboxFloodReport(db: Db, companyId: string, now: Date, threshold: number): Promise<MailboxFloodReport> {
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const { rows } = await sql<{ messages: number; senders: number }>`
    select count(*) as messages, count(distinct lower(coalesce(m.sender, ''))) as senders
      from mailbox_message m
     where m.company_id = ${companyId} and m.refused = 1 and m.created_at >= ${since}
       and not exists (
         select 1 from inbox_document d
          where d.company_id = m.company_id and d.sender is not null and lower(d.sender) = lower(m.sender)
            and d.status in ('pending', 'registered', 'duplicate'))`.execute(db);
  const messages = Number(rows[0]?.messages ?? 0);
  const senders = Number(rows[0]?.senders ?? 0);
  const flooding = messages > threshold;
  return {
    since,
    refusedFromUnknownSenders: messages,
    unknownSenders: senders,
    threshold,
    flooding,
    ...(flooding
      ? {
          message: `Posible inundación del buzón: ${messages} mensajes rechazados de ${senders} remitentes desconocidos en las últimas 24 horas. Las facturas reales se siguen recibiendo; revisa quién escribe a la dirección de recepción.`,
        }
      : {}),
  };
}
