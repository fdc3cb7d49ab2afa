import type { AuthenticityResult } from '#shared/authenticity';
import { confirmableByDian } from '../authenticity/confirmable-by-dian';
import type { Db } from '../db/database';
import type { DianEnvironment } from '../radian/ports';

/**
 * When a received document waits for DIAN's stored copy (dian-copy-check.ts does the asking). Kept apart from the
 * checker so that receiving a file loads no SOAP, certificate or XML-signature code to decide it.
 */

export const AWAITING_DIAN_COPY_REASON = 'Se está comparando con la copia que guarda la DIAN antes de registrarlo.';

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

/** Whether DIAN's copy decides anything for this offline result: `verified`, or unverifiable only for an unknown anchor. */
export function wantsDianCopy(result: AuthenticityResult | undefined): boolean {
  return !!result && result.environment !== 'test' && (result.code === 'verified' || confirmableByDian(result));
}
