import type { Db } from '../db/database';
import { InputError } from '../errors';
import { importAccounts, type ImportResult } from '../matching/import-data';

/**
 * Makes the chart of accounts synced from Alegra the company's chart in the agent (through the suggestion engine's
 * own import, as if the company had imported it from a file): from then on suggestions, corrections and the books
 * use exactly the accounts that accept movements in Alegra, so every line has its Alegra account. Opt-in
 * (`npx agente alegra sync --adopt-chart`): it replaces a chart imported before. Accounts without a numeric code in
 * Alegra cannot be matched by code and are left out.
 *
 * @throws InputError when the synced chart has no coded account that accepts movements
 */
export async function adoptAlegraChart(db: Db, companyId: string, actor: string, now: Date): Promise<ImportResult> {
  const rows = await db
    .selectFrom('alegraCategory')
    .select(['code', 'name', 'postable'])
    .where('companyId', '=', companyId)
    .where('removedAt', 'is', null)
    .where('code', 'is not', null)
    .orderBy('code')
    .orderBy('postable', 'desc')
    .execute();
  // Two Alegra accounts with one code: the one that accepts movements speaks for it.
  const byCode = new Map<string, { codigo: string; nombre: string; movimiento: string }>();
  for (const row of rows) if (!byCode.has(row.code!)) byCode.set(row.code!, { codigo: row.code!, nombre: row.name, movimiento: row.postable === 1 ? 'si' : 'no' });
  if (![...byCode.values()].some((r) => r.movimiento === 'si')) {
    throw new InputError('El catálogo de cuentas sincronizado de Alegra no tiene cuentas con código que acepten movimientos: sincroniza primero (`npx agente alegra sync`).', 'ALEGRA_CHART_EMPTY');
  }
  return importAccounts(db, companyId, [...byCode.values()], { fileName: 'Alegra', actor, now, skipInvalid: true, firstRow: 1 });
}
