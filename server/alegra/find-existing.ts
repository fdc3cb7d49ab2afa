import type { AlegraClient } from './alegra-client';
import { AlegraError } from './alegra-error';
import { field, remoteId, text } from './alegra-values';
import { asArray, billFields } from './synced-records';

/**
 * Is this document already in Alegra? Asked before every create and again after a create whose answer was lost
 * (timeout, dropped connection, 5xx), so a retry never makes a second record.
 *
 * Why the query looks like this. Nothing public says whether Alegra's date filters on lists are strict or
 * inclusive, or whether a given list honours them at all:
 * - Alegra's reference (developer.alegra.com/reference/bills-list_bills) lists the filters without their meaning,
 *   and points to a `list_filter_semantics` guide that is not public;
 * - public clients that talk to Alegra use the `date_afterOrNow` / `date_beforeOrNow` forms for an inclusive range
 *   (unattributed public code found by the search tool; alegra-cli only passes `--date-after/--date-before` through
 *   and calls them «on/after», unverified), which suggests `date_after`/`date_before` are strict — a same-day
 *   `date_after=D&date_before=D` range is then always empty;
 * - one public script reports that a list timed out with the `OrNow` forms and pages without date filters
 *   instead, and another notes that `/payments` ignores them.
 * So the lookup is built to be right under every reading, and the server's filtering is only a speed-up:
 * 1. `client_id` + a window of several days around the date in the `OrNow` forms, newest first. Under a strict
 *    reading the date still lies strictly inside the window; under an inclusive one too; if the filters are
 *    ignored the answer is the supplier's bills (or all bills), newest first, which step 2 would have read anyway.
 * 2. If that finds nothing (or Alegra refuses the parameters), the supplier's newest records without any date
 *    filter, paged, as Alegra's own duplicate guard does (Alegra-Team/alegra-integrations,
 *    `automatizaciones/n8n/alegra-duplicate-bill-guard`: `GET /bills?client_id=…&order_field=date&
 *    order_direction=DESC&limit=30`, paging with `start`). A record the agent just created is the newest one.
 * Every record is then matched here, field by field, never trusting the filters: the agent's own reference in the
 * observations, or the same supplier and the same supplier's number (compared like Alegra's guard does: ignoring
 * case, spaces and punctuation; voided records do not count — except one carrying our own reference, which a
 * person voided on purpose and must not be re-created behind their back).
 */
export interface ExistingRecordQuery {
  /** `/bills` or `/debit-notes`. */
  path: string;
  /** The filter that names the supplier: `client_id` on both lists (Alegra calls the provider `client` in filters). */
  providerId: string;
  /** The supplier's own number of the document, or none (debit notes carry Alegra's numbering). */
  number?: string;
  date: string;
  /** Texts the agent wrote into the observations of records it created (current and earlier formats). */
  references: string[];
}

/** Days either side of the document's date in the first query. Wide enough for any time-zone or "strict" shift. */
export const LOOKUP_WINDOW_DAYS = 7;
/** Pages (30 records each) read per query before giving up on that query. */
export const LOOKUP_PAGES = 10;

export async function findExistingRecord(client: AlegraClient, query: ExistingRecordQuery): Promise<string | undefined> {
  const base = { client_id: query.providerId, order_field: 'id', order_direction: 'DESC' };
  const windowed = { ...base, date_afterOrNow: shiftDate(query.date, -LOOKUP_WINDOW_DAYS), date_beforeOrNow: shiftDate(query.date, LOOKUP_WINDOW_DAYS) };
  try {
    const found = await scan(client, query, windowed);
    if (found) return found;
  } catch (error) {
    // A server that refuses the `OrNow` parameters is one more reading: go on without date filters.
    if (!(error instanceof AlegraError && error.kind === 'validation')) throw error;
  }
  return scan(client, query, base);
}

async function scan(client: AlegraClient, query: ExistingRecordQuery, params: Record<string, string>): Promise<string | undefined> {
  let pages = 0;
  for await (const page of client.pages(query.path, params)) {
    for (const raw of page) if (matches(raw, query)) return remoteId(field(raw, 'id'));
    if (++pages >= LOOKUP_PAGES) break;
  }
  return undefined;
}

function matches(raw: unknown, query: ExistingRecordQuery): boolean {
  const observations = text(field(raw, 'observations')) ?? '';
  if (query.references.some((r) => observations.includes(r))) return true;
  if (!query.number) return false;
  if ((text(field(raw, 'status')) ?? '').toLowerCase() === 'void') return false;
  const fields = billFields(raw);
  const provider = fields.providerRemoteId ?? remoteId(field(raw, 'client', 'id')) ?? null;
  // A record naming another supplier is not ours; one naming none is trusted to the `client_id` filter, as Alegra's
  // own duplicate guard does (it compares numbers only, within `client_id`).
  if (provider !== null && provider !== query.providerId) return false;
  const numbers = [fields.number, ...numbersOf(raw)].filter((n): n is string => !!n).map(normalizeNumber);
  return numbers.includes(normalizeNumber(query.number));
}

/** Where a supplier's number may sit in a record (`numberTemplate.number|fullNumber`, `billNumber`, `number`). */
function numbersOf(raw: unknown): (string | undefined)[] {
  const template = asArray(field(raw, 'numberTemplate'))[0];
  return [text(field(template, 'fullNumber')), text(field(template, 'number')), text(field(raw, 'billNumber')), text(field(raw, 'number'))];
}

/** `FC 001`, `fc-001` and `FC001` are one number (Alegra's duplicate guard compares the same way). */
export function normalizeNumber(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function shiftDate(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
