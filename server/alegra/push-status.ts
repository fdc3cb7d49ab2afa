import { fromJson, type Db } from '../db/database';
import type { FigureRow } from './alegra-totals';
import type { PushReport } from './push-bill';
import { NotFoundError } from '../errors';

/**
 * Whether one bill is in Alegra, as the panel shows it next to the bill:
 * - `pushed`: in Alegra, with Alegra's id (notes say what was adapted, e.g. an attachment that could not go);
 * - `pending`: waiting or retrying (the last error says why it is not there yet);
 * - `failed`: not registered in Alegra, with the reason — Alegra's own message when Alegra refused it;
 * - `not_queued`: the company is connected but this bill was registered before (push it by hand to send it);
 * - `not_connected`: the company has no Alegra connection.
 */
export interface AlegraBillStatus {
  billId: string;
  state: 'pushed' | 'pending' | 'failed' | 'not_queued' | 'not_connected';
  inAlegra: boolean;
  remoteId?: string;
  /** Alegra's web page for the bill (URL pattern seen in public code; unverified). */
  alegraUrl?: string;
  attempts: number;
  nextAttemptAt?: string;
  pushedAt?: string;
  errorCode?: string;
  /** Spanish: why it is not in Alegra, or what was adapted when it is. */
  detail?: string;
  /** One Spanish sentence for the panel. */
  message: string;
  /**
   * The figures Alegra would compute next to the entry's (centavos), as checked before the last send: always there
   * once a push was attempted, the reason when the bill was not sent (`errorCode` `TOTALS_DIFFER`).
   */
  figures?: { ok: boolean; rows: FigureRow[] };
  /** Original files that are not attached in Alegra, with why: the person attaches them by hand. */
  attachmentsMissing?: { name: string; reason: string }[];
}

export async function alegraBillStatus(db: Db, companyId: string, billId: string): Promise<AlegraBillStatus> {
  const bill = await db.selectFrom('bill').select(['id', 'number', 'kind']).where('companyId', '=', companyId).where('id', '=', billId).executeTakeFirst();
  if (!bill) throw new NotFoundError(`No existe la factura registrada ${billId}.`);
  const [push, connection] = await Promise.all([
    db.selectFrom('alegraBillPush').selectAll().where('billId', '=', billId).executeTakeFirst(),
    db.selectFrom('alegraConnection').select('companyId').where('companyId', '=', companyId).executeTakeFirst(),
  ]);
  if (!push) {
    return connection
      ? { billId, state: 'not_queued', inAlegra: false, attempts: 0, message: `La factura ${bill.number} se registró antes de conectar Alegra: envíela con «npx agente alegra push --bill ${billId}».` }
      : { billId, state: 'not_connected', inAlegra: false, attempts: 0, message: 'La empresa no está conectada con Alegra.' };
  }
  const remote = push.remoteId ?? undefined;
  const base = {
    billId,
    inAlegra: remote !== undefined,
    // The bill page's URL pattern is seen in public code; none is known for debit notes.
    ...(remote ? { remoteId: remote, ...(bill.kind === 'invoice' ? { alegraUrl: `https://app.alegra.com/bill/view/id/${encodeURIComponent(remote)}` } : {}) } : {}),
    attempts: push.attempts,
    ...(push.pushedAt ? { pushedAt: push.pushedAt } : {}),
    ...(push.errorCode ? { errorCode: push.errorCode } : {}),
    ...(push.lastError ? { detail: push.lastError } : {}),
    ...reportFields(push.reportJson),
  };
  const missing = base.attachmentsMissing?.length ? ` Falta adjuntar en Alegra: ${base.attachmentsMissing.map((m) => m.name).join(', ')}.` : '';
  const what = bill.kind === 'credit-note' ? 'nota débito' : 'factura';
  if (push.status === 'pushed') return { ...base, state: 'pushed', message: `Registrada en Alegra (${what} ${remote}).${missing}` };
  if (push.status === 'failed') {
    return { ...base, state: 'failed', message: remote
        ? `En Alegra (${what} ${remote}), pero la última actualización no se pudo enviar: ${push.lastError ?? ''}`.trim()
        : push.lastError?.startsWith('No se envió a Alegra')
          ? push.lastError
          : `No registrada en Alegra: ${push.lastError ?? 'error desconocido'}` };
  }
  if (!connection) return { ...base, state: 'pending', nextAttemptAt: push.nextAttemptAt, message: 'Pendiente: la empresa ya no está conectada con Alegra; se enviará al conectarla de nuevo.' };
  return {
    ...base,
    state: 'pending',
    nextAttemptAt: push.nextAttemptAt,
    message: push.lastError ? `Pendiente de envío a Alegra; se reintentará. Último error: ${push.lastError}` : remote ? 'En Alegra; pendiente de actualizar con la última corrección.' : 'Pendiente de envío a Alegra.',
  };
}

function reportFields(json: string | null): Pick<AlegraBillStatus, 'figures' | 'attachmentsMissing'> {
  const report = fromJson<PushReport>(json, {});
  return {
    ...(report.figures ? { figures: { ok: report.figures.ok, rows: report.figures.rows } } : {}),
    ...(report.attachmentsMissing?.length ? { attachmentsMissing: report.attachmentsMissing } : {}),
  };
}

/** How many bills are in each state, for the status view. */
export async function pushCounts(db: Db, companyId: string): Promise<Record<'pending' | 'pushed' | 'failed', number>> {
  const rows = await db.selectFrom('alegraBillPush').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('companyId', '=', companyId).groupBy('status').execute();
  const counts = { pending: 0, pushed: 0, failed: 0 };
  for (const row of rows) if (row.status in counts) counts[row.status as keyof typeof counts] = Number(row.n);
  return counts;
}

/** The bills that are not in Alegra and will not go by themselves, with why. */
export async function failedPushes(db: Db, companyId: string, limit = 50) {
  return db
    .selectFrom('alegraBillPush')
    .innerJoin('bill', 'bill.id', 'alegraBillPush.billId')
    .select(['alegraBillPush.billId', 'bill.number', 'alegraBillPush.errorCode', 'alegraBillPush.lastError', 'alegraBillPush.updatedAt'])
    .where('alegraBillPush.companyId', '=', companyId)
    .where('alegraBillPush.status', '=', 'failed')
    .orderBy('alegraBillPush.updatedAt', 'desc')
    .limit(limit)
    .execute();
}
