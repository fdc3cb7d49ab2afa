import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { normalizeNit } from '#shared/nit';
import type { Db } from '../db/database';
import { InputError } from '../errors';
import { Chart } from '../ledger/chart';
import { gtinOf, itemCodeKey } from './company-memory';
import { insertHistory, nextCatalogRevision, upsertItems, type NewHistoryRow, type NewItem } from './matching-store';
import { normalize } from './normalize';

/**
 * `agente import items|accounts|history <archivo>`: a company brings the catalog, chart of accounts and past bills
 * it already has (CSV with comma, semicolon or tab, or JSON). Column names are matched without case or accents and
 * in Spanish or English (README lists them). A file with invalid rows is refused whole, with the rows and reasons,
 * unless `skipInvalid` imports the valid ones and reports the rest.
 */
export type ImportKind = 'items' | 'accounts' | 'history';

export interface ImportOptions {
  fileName: string;
  actor: string;
  now: Date;
  /** Import the valid rows and report the others, instead of refusing the file. */
  skipInvalid?: boolean;
  /** Number of the first data row as the user counts it: 2 in a CSV (after the header), 1 in JSON. */
  firstRow?: number;
}

export interface ImportIssue {
  /** Row number as the user sees it (CSV: counting the header as row 1; JSON: position from 1). */
  row: number;
  message: string;
}

export interface ImportResult {
  kind: ImportKind;
  imported: number;
  skipped: number;
  errors: ImportIssue[];
  warnings: string[];
}

type Row = Record<string, string>;

const COLUMNS = {
  code: ['codigo', 'code', 'sku', 'referencia', 'ref', 'codigo_item', 'item_code', 'id'],
  name: ['nombre', 'name', 'descripcion', 'description', 'producto', 'item', 'nombre_cuenta'],
  account: ['cuenta', 'account', 'cuenta_contable', 'account_code', 'codigo_cuenta'],
  inventoried: ['inventariable', 'inventoried', 'inventario', 'es_inventariable'],
  unit: ['unidad', 'unit', 'unidad_medida', 'unit_code'],
  gtin: ['gtin', 'ean', 'codigo_barras', 'codigo_de_barras', 'barcode'],
  unspsc: ['unspsc', 'codigo_unspsc'],
  supplierNit: ['nit_proveedor', 'proveedor_nit', 'supplier_nit', 'nit', 'nit_tercero', 'tercero_nit'],
  supplierCode: ['codigo_proveedor', 'supplier_code', 'referencia_proveedor', 'ref_proveedor', 'seller_code'],
  postable: ['movimiento', 'acepta_movimiento', 'postable', 'auxiliar', 'imputable'],
  description: ['descripcion', 'description', 'detalle', 'concepto', 'producto', 'item'],
  date: ['fecha', 'date', 'fecha_factura'],
  standardCode: ['codigo_estandar', 'standard_code', 'unspsc', 'gtin'],
  itemCode: ['codigo_item', 'item_code'],
} as const;

/** Reads a CSV (`,` `;` or tab, UTF-8 with or without BOM) or JSON (an array, or `{ "filas": […] }`) into records. */
export function parseRecords(text: string, format: 'csv' | 'json'): Row[] {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new InputError(`El archivo no es JSON válido: ${(error as Error).message}`, 'IMPORT_INVALID_FILE');
    }
    const list = Array.isArray(data) ? data : typeof data === 'object' && data ? Object.values(data).find(Array.isArray) : undefined;
    if (!Array.isArray(list)) throw new InputError('El JSON debe ser una lista de filas (o un objeto con una lista).', 'IMPORT_INVALID_FILE');
    return list.map((entry) => {
      const out: Row = {};
      if (entry && typeof entry === 'object') for (const [k, v] of Object.entries(entry)) out[columnKey(k)] = v === null || v === undefined ? '' : String(v);
      return out;
    });
  }
  try {
    const clean = text.replace(/^\uFEFF/, '');
    return parse(clean, { columns: (header: string[]) => header.map(columnKey), skip_empty_lines: true, trim: true, delimiter: delimiterOf(clean), relax_column_count: true }) as Row[];
  } catch (error) {
    throw new InputError(`No se pudo leer el CSV: ${(error as Error).message}`, 'IMPORT_INVALID_FILE');
  }
}

export function formatOf(fileName: string, explicit?: string): 'csv' | 'json' {
  if (explicit === 'csv' || explicit === 'json') return explicit;
  if (explicit) throw new InputError(`Formato «${explicit}» desconocido: use csv o json.`, 'IMPORT_INVALID_FILE');
  return /\.json$/i.test(fileName) ? 'json' : 'csv';
}

/**
 * The company's chart of accounts. Once imported it is the chart: only its postable accounts are valid for
 * suggestions, corrections and items. Without a "movimiento" column, postable accounts are the leaves (codes that no
 * other code in the file extends).
 */
export async function importAccounts(db: Db, companyId: string, records: Row[], options: ImportOptions): Promise<ImportResult> {
  const errors: ImportIssue[] = [];
  const accounts: { code: string; name: string; postable: boolean | undefined; row: number }[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const row = i + (options.firstRow ?? 2);
    const code = (pick(record, COLUMNS.code) || pick(record, COLUMNS.account)).replace(/[\s.]/g, '');
    const name = pick(record, COLUMNS.name);
    const flag = pick(record, COLUMNS.postable);
    if (!/^\d{1,20}$/.test(code)) return errors.push({ row, message: `el código de cuenta «${code}» debe tener solo números` });
    if (!name) return errors.push({ row, message: `la cuenta ${code} no tiene nombre` });
    if (seen.has(code)) return errors.push({ row, message: `la cuenta ${code} está repetida` });
    const postable = flag ? parseBoolean(flag) : undefined;
    if (flag && postable === undefined) return errors.push({ row, message: `«${flag}» no es sí ni no (columna movimiento)` });
    seen.add(code);
    accounts.push({ code, name, postable, row });
  });
  const codes = [...seen].sort();
  const isLeaf = (code: string) => {
    const next = codes[codes.indexOf(code) + 1];
    return !next || !next.startsWith(code);
  };
  const rows = accounts.map((a) => ({ companyId, code: a.code, name: a.name, postable: (a.postable ?? isLeaf(a.code)) ? 1 : 0, source: 'import' }));
  refuseIfInvalid(errors, options, 'accounts');
  if (!rows.some((r) => r.postable)) throw new InputError('El plan de cuentas no tiene ninguna cuenta que acepte movimientos.', 'IMPORT_INVALID_FILE');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('companyAccount').where('companyId', '=', companyId).execute();
    for (let i = 0; i < rows.length; i += 400) await trx.insertInto('companyAccount').values(rows.slice(i, i + 400)).execute();
    await recordImport(trx, companyId, 'accounts', rows.length, errors.length, options);
  });
  const chart = await Chart.forCompany(db, companyId);
  const items = await db.selectFrom('matchingItem').select('accountCode').where('companyId', '=', companyId).execute();
  const orphaned = items.filter((i) => !chart.isPostable(i.accountCode)).length;
  return {
    kind: 'accounts',
    imported: rows.length,
    skipped: errors.length,
    errors,
    warnings: orphaned ? [`${orphaned} ítems del catálogo usan cuentas que no aceptan movimientos en este plan: impórtelos de nuevo con su cuenta.`] : [],
  };
}

/** Items with their account (postable in the company's chart) and whether they are kept in inventory. */
export async function importItems(db: Db, companyId: string, records: Row[], options: ImportOptions): Promise<ImportResult> {
  const chart = await Chart.forCompany(db, companyId);
  const errors: ImportIssue[] = [];
  const items = new Map<string, NewItem>();
  records.forEach((record, i) => {
    const row = i + (options.firstRow ?? 2);
    const code = pick(record, COLUMNS.code);
    const name = pick(record, COLUMNS.name);
    const account = pick(record, COLUMNS.account).replace(/[\s.]/g, '');
    const flag = pick(record, COLUMNS.inventoried);
    if (!name) return errors.push({ row, message: 'el ítem no tiene nombre' });
    if (!account) return errors.push({ row, message: `el ítem «${name}» no tiene cuenta` });
    if (!chart.isPostable(account)) return errors.push({ row, message: accountProblem(chart, account) });
    const inventoried = flag ? parseBoolean(flag) : /^(14|62)/.test(account);
    if (inventoried === undefined) return errors.push({ row, message: `«${flag}» no es sí ni no (columna inventariable)` });
    const gtin = pick(record, COLUMNS.gtin).replace(/\D/g, '');
    if (gtin && !gtinOf(gtin)) return errors.push({ row, message: `el código de barras «${gtin}» no es un GTIN (12 a 14 dígitos)` });
    const supplierNit = nitOf(pick(record, COLUMNS.supplierNit));
    const supplierCode = pick(record, COLUMNS.supplierCode);
    const id = itemIdFor(companyId, code, name);
    items.set(id, {
      id,
      companyId,
      code: code || null,
      name,
      accountCode: account,
      inventoried,
      unitCode: pick(record, COLUMNS.unit) || null,
      gtin: gtin || null,
      unspsc: pick(record, COLUMNS.unspsc).replace(/\D/g, '') || null,
      supplierNit: supplierNit && supplierCode ? supplierNit : null,
      supplierCode: supplierNit && supplierCode ? itemCodeKey(supplierCode) : null,
      source: 'import',
    });
  });
  refuseIfInvalid(errors, options, 'items');
  const now = options.now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (items.size) await upsertItems(trx, [...items.values()], await nextCatalogRevision(trx, companyId), now);
    await recordImport(trx, companyId, 'items', items.size, errors.length, options);
  });
  return { kind: 'items', imported: items.size, skipped: errors.length, errors, warnings: [] };
}

/**
 * Past purchase lines (supplier NIT, description, seller's code, account, date): the history the engine starts
 * from, as if the company had registered them with the agent. Accounts that do not accept movements today are kept
 * (with a warning): they count again if the chart makes them postable.
 */
export async function importHistory(db: Db, companyId: string, records: Row[], options: ImportOptions): Promise<ImportResult> {
  const chart = await Chart.forCompany(db, companyId);
  const errors: ImportIssue[] = [];
  const rows: NewHistoryRow[] = [];
  let notPostable = 0;
  records.forEach((record, i) => {
    const row = i + (options.firstRow ?? 2);
    const nit = nitOf(pick(record, COLUMNS.supplierNit));
    const description = pick(record, COLUMNS.description) || pick(record, COLUMNS.name);
    const account = pick(record, COLUMNS.account).replace(/[\s.]/g, '');
    const date = parseDate(pick(record, COLUMNS.date));
    if (!/^\d{5,15}$/.test(nit)) return errors.push({ row, message: 'falta el NIT del proveedor (solo números, sin DV)' });
    if (!description) return errors.push({ row, message: 'falta la descripción de la línea' });
    if (!/^\d{1,20}$/.test(account)) return errors.push({ row, message: `la cuenta «${account}» debe tener solo números` });
    if (!date) return errors.push({ row, message: `la fecha «${pick(record, COLUMNS.date)}» no es válida (AAAA-MM-DD o DD/MM/AAAA)` });
    if (!chart.isPostable(account)) notPostable++;
    const itemCode = pick(record, COLUMNS.itemCode);
    const sellerCode = pick(record, COLUMNS.supplierCode) || pick(record, ['codigo', 'code', 'referencia', 'ref']);
    rows.push({
      companyId,
      supplierNit: nit,
      description,
      sellerCode: sellerCode || null,
      standardCode: pick(record, COLUMNS.standardCode).replace(/\D/g, '') || null,
      accountCode: account,
      itemId: itemCode ? itemIdFor(companyId, itemCode, '') : null,
      origin: 'importado',
      byUser: false,
      at: date,
    });
  });
  refuseIfInvalid(errors, options, 'history');
  await db.transaction().execute(async (trx) => {
    await insertHistory(trx, rows);
    await recordImport(trx, companyId, 'history', rows.length, errors.length, options);
  });
  return {
    kind: 'history',
    imported: rows.length,
    skipped: errors.length,
    errors,
    warnings: notPostable ? [`${notPostable} filas usan cuentas que hoy no aceptan movimientos en el plan de la empresa: se guardan, pero no se sugerirán mientras no las acepte.`] : [],
  };
}

/** Parses and imports one file. */
export async function importFile(db: Db, companyId: string, kind: ImportKind, text: string, options: ImportOptions & { format?: string }): Promise<ImportResult> {
  const format = formatOf(options.fileName, options.format);
  const records = parseRecords(text, format);
  if (records.length === 0) throw new InputError('El archivo no tiene filas.', 'IMPORT_EMPTY');
  options = { firstRow: format === 'json' ? 1 : 2, ...options };
  if (kind === 'accounts') return importAccounts(db, companyId, records, options);
  if (kind === 'items') return importItems(db, companyId, records, options);
  return importHistory(db, companyId, records, options);
}

/** Stable id of an imported item: by its code, or by its name when it has none (re-importing updates it). */
export function itemIdFor(companyId: string, code: string, name: string): string {
  const key = code ? `codigo:${itemCodeKey(code)}` : `nombre:${normalize(name).key}`;
  return `imp-${createHash('sha256').update(`${companyId}|${key}`).digest('hex').slice(0, 24)}`;
}

function refuseIfInvalid(errors: ImportIssue[], options: ImportOptions, kind: ImportKind): void {
  if (errors.length === 0 || options.skipInvalid) return;
  const shown = errors.slice(0, 20).map((e) => `fila ${e.row}: ${e.message}`);
  const more = errors.length > 20 ? `\n… y ${errors.length - 20} más` : '';
  throw new InputError(`No se importó ${KIND_NAMES[kind]}: ${errors.length} filas con errores (use --omitir-errores para importar las demás).\n${shown.join('\n')}${more}`, 'IMPORT_INVALID_ROWS');
}

const KIND_NAMES: Record<ImportKind, string> = { items: 'el catálogo de ítems', accounts: 'el plan de cuentas', history: 'el historial' };

async function recordImport(db: Db, companyId: string, kind: ImportKind, rows: number, skipped: number, options: ImportOptions): Promise<void> {
  await db.insertInto('matchingImport').values({ id: randomUUID(), companyId, kind, fileName: options.fileName, rows, skipped, actor: options.actor, at: options.now.toISOString() }).execute();
}

/** A NIT as people write it: "830.555.666-1" is NIT 830555666 with its check digit. */
function nitOf(value: string): string {
  return normalizeNit(value.replace(/-\s*\d\s*$/, ''));
}

function accountProblem(chart: Chart, account: string): string {
  return chart.get(account) ? `la cuenta ${account} no acepta movimientos (es una cuenta mayor)` : `la cuenta ${account} no existe en el plan de cuentas de la empresa`;
}

function pick(record: Row, names: readonly string[]): string {
  for (const name of names) {
    const value = record[name];
    if (value !== undefined && value !== '') return value.trim();
  }
  return '';
}

/** The separator of the header line: spreadsheets in Colombia export with ";" (the decimal comma), others with ",". */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]!.n > 0 ? counts[0]!.d : ',';
}

/** Header names compare without case, accents, spaces or punctuation: "Código de barras" → codigo_de_barras. */
function columnKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function parseBoolean(value: string): boolean | undefined {
  const v = columnKey(value);
  if (['si', 's', 'yes', 'y', 'true', '1', 'x', 'verdadero', 'inventariable', 'auxiliar'].includes(v)) return true;
  if (['no', 'n', 'false', '0', 'falso', 'no_inventariable', 'mayor'].includes(v)) return false;
  return undefined;
}

/** AAAA-MM-DD (or with /) and DD/MM/AAAA (or with -), checked to be a real date. */
function parseDate(value: string): string | undefined {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(value);
  let year: number, month: number, day: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})/.exec(value);
    if (!m) return undefined;
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
