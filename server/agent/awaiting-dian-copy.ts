import type { AuthenticityResult } from '#shared/authenticity';
import { confirmableByDian } from '../authenticity/confirmable-by-dian';
import type { Db } from '../db/database';
import type { DianEnvironment } from '../radian/ports';

/**
 * When a received document waits for DIAN's stored copy (dian-copy-check.ts does the asking), what it says while it
 * waits, and the warnings about registered bills DIAN's copy refuted later. Kept apart from the checker so that
 * receiving a file, the status and the daily summary load no SOAP, certificate or XML-signature code.
 */

export const AWAITING_DIAN_COPY_REASON = 'Se está comparando con la copia que guarda la DIAN antes de registrarlo.';

/** A bare document (no DIAN response): DIAN's copy is asked for, but it then waits for a person anyway (see isBare). */
export const AWAITING_DIAN_COPY_BARE_REASON =
  'Llegó solo el documento, sin la respuesta de la DIAN que lo valida. Se está comparando con la copia que guarda la DIAN; después quedará esperando que lo revises.';

/** What a person should do about a bill registered before DIAN's copy showed another document (or none). */
export const WHAT_TO_DO_WHEN_ALTERED_AFTER_REGISTRATION =
  'La factura sigue en los libros y en Alegra (nada se borra solo) y no se enviarán eventos RADIAN automáticos: pídele al proveedor el original, compáralo con el del portal de la DIAN y, si no es el mismo, anula o reversa la factura en Alegra.';

/**
 * The DIAN environment to ask: only when the company configured its certificate and DIAN's production environment
 * (Eventos RADIAN). Received documents that are booked are production documents; habilitación holds none of them.
 */
export async function dianCopyEnvironment(db: Db, companyId: string): Promise<DianEnvironment | undefined> {
  const settings = await db.selectFrom('radianSettings').select('environment').where('companyId', '=', companyId).executeTakeFirst();
  if (settings?.environment !== 'produccion') return undefined;
  const certificate = await db.selectFrom('radianCertificate').select('companyId').where('companyId', '=', companyId).executeTakeFirst();
  return certificate ? 'produccion' : undefined;
}

/**
 * Whether DIAN's copy decides anything for this offline result: `verified`; unverifiable only for an unknown anchor;
 * or a bare document (`no_dian_validation` without DIAN's response) whose supplier signature holds — a copy that
 * differs, or a CUFE DIAN does not know, shows it is not genuine; an identical copy is shown to the person who decides.
 */
export function wantsDianCopy(result: AuthenticityResult | undefined): boolean {
  return !!result && result.environment !== 'test' && (result.code === 'verified' || confirmableByDian(result) || isBare(result));
}

/**
 * A bare document whose supplier signature holds. DIAN's identical copy does not make it register by itself (unless
 * the company trusts the supplier): GetXmlByDocumentKey returns «the stored signed XML only»
 * (docs/ingestion-channels.md §1c), and nothing documented says DIAN stores only what it validated (02) and not what
 * it rejected (04); the validation itself is the ApplicationResponse the bare document lacks.
 */
export function isBare(result: AuthenticityResult): boolean {
  return result.code === 'no_dian_validation' && !result.dian && result.supplier.present && result.supplier.valid;
}

/**
 * Registered bills whose document DIAN's copy refuted afterwards (server/agent/dian-copy-check.ts): one warning each
 * for the panel's status and the daily summary, the first few by name (a page of bills «por verificar» lists them all).
 */
export async function refutedAfterRegistrationWarnings(db: Db, companyId: string, shown = 5): Promise<string[]> {
  const rows = await db
    .selectFrom('inboxDocument')
    .select(['number', 'supplierName', 'arrivedAt'])
    .where('companyId', '=', companyId)
    .where('status', '=', 'registered')
    .where('reasonCode', '=', 'POSSIBLY_ALTERED')
    .orderBy('arrivedAt')
    .limit(shown + 1)
    .execute();
  const total =
    rows.length > shown
      ? Number(
          (
            await db
              .selectFrom('inboxDocument')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('companyId', '=', companyId)
              .where('status', '=', 'registered')
              .where('reasonCode', '=', 'POSSIBLY_ALTERED')
              .executeTakeFirstOrThrow()
          ).n,
        )
      : rows.length;
  const warnings = rows
    .slice(0, shown)
    .map(
      (r) =>
        `La factura ${r.number ?? 'sin número'} de ${r.supplierName ?? 'un proveedor'} ya estaba registrada y la copia que guarda la DIAN no coincide con ella (o la DIAN no la conoce): puede haber sido alterada. Quedó por verificar; revísala con el proveedor.`,
    );
  if (total > shown) warnings.push(`Y ${total - shown} facturas registradas más cuya copia de la DIAN no coincide: están en las facturas por verificar.`);
  return warnings;
}
