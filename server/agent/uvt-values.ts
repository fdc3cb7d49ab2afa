import { randomUUID } from 'node:crypto';
import { bogotaDate } from '#shared/bogota-time';
import type { Db } from '../db/database';
import { InputError } from '../errors';
import { loadWithholdingRules, withStoredUvt, type UvtValue, type WithholdingRules } from '../ledger/withholding-rules';
import { preparedQuery } from '../db/prepared-query';

/** How far a new UVT may move from the previous year's: DIAN adjusts it by the year's IPC (ET art. 868). */
export const UVT_BAND = { min: 0.95, max: 1.25 } as const;

// Read for every registered document: compiled once.
const storedUvt = preparedQuery((db) => db.selectFrom('uvtValue').selectAll());

/** The shipped rules with the UVT values a person entered (the database wins over the file for the same year). */
export async function currentWithholdingRules(db: Db): Promise<WithholdingRules> {
  const { rows: stored } = await storedUvt(db, {});
  return withStoredUvt(loadWithholdingRules(), stored.map((u) => ({ year: u.year, value: u.value, resolution: u.resolution })));
}

export async function listUvt(db: Db): Promise<UvtValue[]> {
  return (await currentWithholdingRules(db)).uvt;
}

/**
 * Enters the UVT of a year as DIAN published it. Refused when it is not a positive whole number of pesos, when it
 * moves more than the sane band from the previous year's value (a typo: 5.2374 or 523.740 instead of 52.374), or
 * without the resolution that set it. Kept in the audit trail.
 */
export async function enterUvt(db: Db, input: { year: number; value: number; resolution: string; actor: string; now: Date }): Promise<UvtValue> {
  const { year, value } = input;
  if (!Number.isInteger(year) || year < 2006 || year > 2100) throw new InputError(`El año «${year}» no es válido.`);
  if (!Number.isSafeInteger(value) || value <= 0) throw new InputError(`La UVT debe ser un número entero de pesos mayor que cero (recibí «${value}»).`);
  const resolution = input.resolution.trim();
  if (resolution.length < 4) throw new InputError('Indica la resolución de la DIAN que fijó la UVT (número y fecha), p. ej. --resolucion "000238 del 15-dic-2025".');
  const known = await listUvt(db);
  const previous = known.find((u) => u.year === year - 1);
  if (!previous) throw new InputError(`No hay UVT del año ${year - 1} para comparar: ingresa primero esa.`);
  const ratio = value / previous.value;
  if (ratio < UVT_BAND.min || ratio > UVT_BAND.max) {
    throw new InputError(
      `La UVT ${year} de $${value.toLocaleString('es-CO')} cambia ${((ratio - 1) * 100).toFixed(1)} % frente a la de ${year - 1} ($${previous.value.toLocaleString('es-CO')}); se esperaba entre ${Math.round((UVT_BAND.min - 1) * 100)} % y +${Math.round((UVT_BAND.max - 1) * 100)} % (ajuste por IPC, ET art. 868). Revisa el valor.`,
    );
  }
  const at = input.now.toISOString();
  const before = known.find((u) => u.year === year);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('uvtValue')
      .values({ year, value, resolution, enteredBy: input.actor, enteredAt: at })
      .onConflict((oc) => oc.column('year').doUpdateSet({ value, resolution, enteredBy: input.actor, enteredAt: at }))
      .execute();
    await trx
      .insertInto('rulesEvent')
      .values({ id: randomUUID(), companyId: null, type: 'uvt_entered', details: JSON.stringify({ year, value, resolution, previous: before ? before.value : null }), actor: input.actor, at })
      .execute();
  });
  return { year, value, resolution, origin: 'db' };
}

/** The years whose UVT a person should enter now: the current one if missing, and next year's from 1 December. */
export async function missingUvtYears(db: Db, now: Date): Promise<number[]> {
  const today = bogotaDate(now);
  const year = Number(today.slice(0, 4));
  const known = new Set((await listUvt(db)).map((u) => u.year));
  return [year, ...(today.slice(5, 7) === '12' ? [year + 1] : [])].filter((y) => !known.has(y));
}

/**
 * What a person must do about the rules now. From 1 December (Bogotá) the next year's UVT should be entered before
 * the first invoice of January arrives; a missing UVT for the current year is always a warning.
 */
export async function rulesWarnings(db: Db, now: Date): Promise<string[]> {
  const today = bogotaDate(now);
  const year = Number(today.slice(0, 4));
  const known = new Set((await listUvt(db)).map((u) => u.year));
  const warnings: string[] = [];
  if (!known.has(year)) warnings.push(`Falta la UVT de ${year}: las facturas de este año quedan por verificar y sin retención en la fuente. Ingrésela con \`agente reglas uvt ${year} <valor> --resolucion "…"\`.`);
  if (today.slice(5, 7) === '12' && !known.has(year + 1)) {
    warnings.push(`Falta la UVT de ${year + 1}. La DIAN la publica por resolución a finales de año: ingrésela apenas salga (\`agente reglas uvt ${year + 1} <valor> --resolucion "…"\`) para que las facturas de enero se registren con retención.`);
  }
  return warnings;
}
