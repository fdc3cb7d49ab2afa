import { randomUUID } from 'node:crypto';
import type { CompanyInput, CompanyProfile } from '#shared/company';
import { computeDv, normalizeNit } from '#shared/nit';
import type { Clock } from '../agent/clock';
import { fromJson, toJson, type Db } from '../db/database';
import { isUniqueViolation } from '../db/engine';
import type { CompanyRow } from '../db/schema';
import { ConflictError, InputError, NotFoundError } from '../errors';
import { preparedQuery } from '../db/prepared-query';
import { readDataCsv } from '../ledger/puc';

export class CompanyNotFoundError extends NotFoundError {
  override readonly name = 'CompanyNotFoundError';
}

let commerce: Set<string> | undefined;

/**
 * The group of operating expenses when nobody chose it: a company whose main activity is trade (CIIU section G,
 * described as trade: «Comercio…», «Otros tipos de comercio…») books its services and what its store consumes as
 * selling expenses, 52xx (accounting-co.md §4.3, row G: «52xx if store/sales … services bought 52xx by default»;
 * §1: 523530 for a shop floor); everyone else, administrative expenses, 51xx. A workshop of section G («Mantenimiento y reparación de
 * vehículos») sells a service, not goods: 51. So does an agent paid by commission (4610 «Comercio al por mayor a cambio
 * de una retribución o por contrata»: it sells others' goods for a fee, never owns them, has no store; PUC 613512 names
 * its cost): 51 (nineteenth round, after judging «a ciegas 30»). The company may change it at any time (`--funcion`).
 */
export function defaultExpenseFunction(ciiu: string[]): CompanyProfile['expenseFunction'] {
  // «Comercio» anywhere in the name: 4799 «Otros tipos de comercio al por menor no realizado en establecimientos…»
  // (vending machines, door-to-door, stalls) sells as much as a shop does (round 26; it read as administration before).
  commerce ??= new Set(readDataCsv('ciiu.csv').filter((r) => r.section === 'G' && /\bcomercio\b/i.test(r.description ?? '') && !/a cambio de una retribución/i.test(r.description ?? '')).map((r) => r.code!));
  const main = ciiu[0]?.replace(/\D/g, '').padStart(4, '0');
  return main && commerce.has(main) ? 'ventas' : 'admin';
}

export async function createCompany(db: Db, input: Partial<CompanyInput> & Pick<CompanyInput, 'nit' | 'name'>, clock: Clock): Promise<CompanyProfile> {
  const nit = normalizeNit(input.nit);
  if (!/^\d{5,15}$/.test(nit)) throw new InputError(`El NIT «${input.nit}» no es válido: escribe solo los números, sin DV.`);
  checkMunicipality(input.icaMunicipality);
  const existing = await findCompanyByNit(db, nit);
  if (existing) throw new ConflictError(`Ya existe una empresa con NIT ${nit} (${existing.name}).`);
  const row: CompanyRow = {
    id: randomUUID(),
    nit,
    dv: input.dv ?? computeDv(nit) ?? null,
    name: input.name.trim(),
    userName: (input.userName ?? input.name).trim(),
    ciiu: toJson(input.ciiu ?? []),
    withholdingAgent: input.withholdingAgent === false ? 0 : 1,
    largeTaxpayer: input.largeTaxpayer ? 1 : 0,
    ivaWithholdingAgent: input.ivaWithholdingAgent ? 1 : 0,
    ivaResponsible: input.ivaResponsible === false ? 0 : 1,
    icaRatePerMille: input.icaRatePerMille ?? null,
    icaMunicipality: input.icaMunicipality ?? null,
    fixedAssetIva: input.fixedAssetIva ?? 'capitalize',
    expenseFunction: input.expenseFunction ?? defaultExpenseFunction(input.ciiu ?? []),
    inventory: input.inventory ?? 'perpetual',
    createdAt: clock.now().toISOString(),
    trustedSupplierNits: toJson(normalizeNits(input.trustedSupplierNits ?? [])),
    anchorsCheckedKey: null,
  };
  try {
    await db.insertInto('company').values(row).execute();
  } catch (error) {
    // Another process (or request) created it between our look and our insert: the same answer as the look.
    if (!isUniqueViolation(error)) throw error;
    const other = await findCompanyByNit(db, nit);
    throw new ConflictError(`Ya existe una empresa con NIT ${nit}${other ? ` (${other.name})` : ''}.`);
  }
  return toProfile(row);
}

export async function updateCompany(db: Db, id: string, changes: Partial<CompanyInput>): Promise<CompanyProfile> {
  checkMunicipality(changes.icaMunicipality);
  const values: Partial<CompanyRow> = {
    ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
    ...(changes.userName !== undefined ? { userName: changes.userName.trim() } : {}),
    ...(changes.ciiu !== undefined ? { ciiu: toJson(changes.ciiu) } : {}),
    ...(changes.withholdingAgent !== undefined ? { withholdingAgent: changes.withholdingAgent ? 1 : 0 } : {}),
    ...(changes.largeTaxpayer !== undefined ? { largeTaxpayer: changes.largeTaxpayer ? 1 : 0 } : {}),
    ...(changes.ivaWithholdingAgent !== undefined ? { ivaWithholdingAgent: changes.ivaWithholdingAgent ? 1 : 0 } : {}),
    ...(changes.ivaResponsible !== undefined ? { ivaResponsible: changes.ivaResponsible ? 1 : 0 } : {}),
    ...(changes.icaRatePerMille !== undefined ? { icaRatePerMille: changes.icaRatePerMille || null } : {}),
    ...(changes.icaMunicipality !== undefined ? { icaMunicipality: changes.icaMunicipality || null } : {}),
    ...(changes.fixedAssetIva !== undefined ? { fixedAssetIva: changes.fixedAssetIva } : {}),
    ...(changes.expenseFunction !== undefined ? { expenseFunction: changes.expenseFunction } : {}),
    ...(changes.inventory !== undefined ? { inventory: changes.inventory } : {}),
    ...(changes.trustedSupplierNits !== undefined ? { trustedSupplierNits: toJson(normalizeNits(changes.trustedSupplierNits)) } : {}),
  };
  if (Object.keys(values).length > 0) await db.updateTable('company').set(values).where('id', '=', id).execute();
  return getCompanyOrThrow(db, id);
}

// Read once per registered document: compiled once.
const companyById = preparedQuery((db, v: { id: string }) => db.selectFrom('company').selectAll().where('id', '=', v.id));

export async function getCompanyOrThrow(db: Db, id: string): Promise<CompanyProfile> {
  const [row] = (await companyById(db, { id })).rows;
  if (!row) throw new CompanyNotFoundError(`No existe la empresa ${id}.`);
  return toProfile(row);
}

export async function findCompanyByNit(db: Db, nit: string): Promise<CompanyProfile | undefined> {
  const row = await db.selectFrom('company').selectAll().where('nit', '=', normalizeNit(nit)).executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

export async function listCompanies(db: Db): Promise<CompanyProfile[]> {
  const rows = await db.selectFrom('company').selectAll().orderBy('createdAt').execute();
  return rows.map(toProfile);
}

/**
 * The company a request or command is about: the one with the given NIT, or the only one there is.
 * @throws CompanyNotFoundError with what to do next
 */
export async function resolveCompanyOrThrow(db: Db, nit?: string): Promise<CompanyProfile> {
  if (nit) {
    const company = await findCompanyByNit(db, nit);
    if (!company) throw new CompanyNotFoundError(`No hay ninguna empresa con NIT ${nit}.`, 'COMPANY_NOT_FOUND');
    return company;
  }
  const all = await listCompanies(db);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new ConflictError('Todavía no hay empresa configurada: créala desde el panel o con `npx agente company create --nit … --name … --user …`.', 'NO_COMPANY');
  throw new ConflictError(`Hay ${all.length} empresas: di cuál con su NIT (--company en la línea de comandos, cabecera X-Empresa en la API).`, 'COMPANY_REQUIRED');
}

/** A municipality is its 5-digit DIVIPOLA code (11001 Bogotá, 05001 Medellín…). */
function checkMunicipality(code: string | undefined): void {
  if (code && !/^\d{5}$/.test(code)) throw new InputError(`El municipio de ReteICA «${code}» no es un código DIVIPOLA de 5 dígitos (11001 es Bogotá).`);
}

function toProfile(row: CompanyRow): CompanyProfile {
  return {
    id: row.id,
    nit: row.nit,
    ...(row.dv ? { dv: row.dv } : {}),
    name: row.name,
    userName: row.userName,
    ciiu: fromJson<string[]>(row.ciiu, []),
    withholdingAgent: row.withholdingAgent === 1,
    largeTaxpayer: row.largeTaxpayer === 1,
    ivaWithholdingAgent: row.ivaWithholdingAgent === 1,
    ivaResponsible: row.ivaResponsible === 1,
    ...(row.icaRatePerMille ? { icaRatePerMille: row.icaRatePerMille } : {}),
    ...(row.icaMunicipality ? { icaMunicipality: row.icaMunicipality } : {}),
    fixedAssetIva: row.fixedAssetIva === 'discount' ? 'discount' : 'capitalize',
    expenseFunction: row.expenseFunction as CompanyProfile['expenseFunction'],
    inventory: row.inventory as CompanyProfile['inventory'],
    trustedSupplierNits: fromJson<string[]>(row.trustedSupplierNits, []),
    createdAt: row.createdAt,
  };
}

/** Digits only, no DV, each once: what the trusted-supplier list compares with a document's supplier NIT. */
function normalizeNits(nits: string[]): string[] {
  const out = new Set<string>();
  for (const nit of nits) {
    const digits = normalizeNit(nit.split('-')[0] ?? '');
    if (!/^\d{5,15}$/.test(digits)) throw new InputError(`«${nit}» no es un NIT: escríbelo sin DV, solo números.`);
    out.add(digits);
  }
  return [...out];
}
