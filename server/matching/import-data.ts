import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { normalizeNit } from '#shared/nit';
import type { Db } from '../db/database';
import { InputError } from '../errors';
import { Chart } from '../ledger/chart';
import { loadPuc } from '../ledger/puc';
import { gtinOf, itemCodeKey } from './company-memory';
import { insertHistory, nextCatalogRevision, upsertItems, type NewHistoryRow, type NewItem } from './matching-store';
import { normalize } from './normalize';

/**
 * `agente import items|accounts|history|corrections <archivo>`: a company brings the catalog, chart of accounts, past
 * bills and past corrections it already has (CSV with comma, semicolon or tab, or JSON). Column names are matched
 * without case or accents, in Spanish or English, snake_case or camelCase (README lists them); a column nobody reads
 * is a warning that names it. A file with invalid rows is refused whole, with the rows and reasons, unless
 * `skipInvalid` imports the valid ones and reports the rest.
 */
export type ImportKind = 'items' | 'accounts' | 'history' | 'corrections';

export interface ImportOptions {
  fileName: string;
  actor: string;
  now: Date;
  /** Import the valid rows and report the others, instead of refusing the file. */
  skipInvalid?: boolean;
  /** Number of the first data row as the user counts it: 2 in a CSV (after the header), 1 in JSON. */
  firstRow?: number;
  /** Warnings found before the rows were read (unrecognised columns), carried into the result. */
  warnings?: string[];
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
  code: ['codigo', 'code', 'sku', 'referencia', 'ref', 'codigo_item', 'item_code', 'id', 'item_id', 'codigo_cuenta_contable'],
  name: ['nombre', 'name', 'descripcion', 'description', 'producto', 'item', 'nombre_cuenta', 'item_name', 'account_name'],
  account: ['cuenta', 'account', 'cuenta_contable', 'account_code', 'codigo_cuenta', 'cuenta_nueva', 'new_account', 'cuenta_correcta'],
  inventoried: ['inventariable', 'inventoried', 'inventario', 'es_inventariable', 'inventoriable', 'is_inventoried', 'inventory'],
  unit: ['unidad', 'unit', 'unidad_medida', 'unit_code'],
  gtin: ['gtin', 'ean', 'codigo_barras', 'codigo_de_barras', 'barcode'],
  unspsc: ['unspsc', 'codigo_unspsc', 'unspsc_code'],
  supplierNit: ['nit_proveedor', 'proveedor_nit', 'supplier_nit', 'nit', 'nit_tercero', 'tercero_nit', 'supplier_id', 'vendor_nit', 'provider_nit'],
  supplierCode: ['codigo_proveedor', 'supplier_code', 'referencia_proveedor', 'ref_proveedor', 'seller_code', 'supplier_item_code', 'vendor_code'],
  postable: ['movimiento', 'acepta_movimiento', 'postable', 'auxiliar', 'imputable', 'accepts_movements'],
  description: ['descripcion', 'description', 'detalle', 'concepto', 'producto', 'item'],
  date: ['fecha', 'date', 'fecha_factura', 'invoice_date', 'fecha_correccion', 'corrected_at'],
  standardCode: ['codigo_estandar', 'standard_code', 'unspsc', 'gtin'],
  itemCode: ['codigo_item', 'item_code', 'item_id', 'id_item'],
  corrected: ['corregida', 'corrected', 'correccion', 'es_correccion'],
  verified: ['verificada', 'verified', 'verificacion', 'revisada'],
  previous: ['cuenta_anterior', 'previous_account', 'old_account', 'cuenta_original', 'cuenta_sugerida'],
} as const;

/** Columns read by each kind of file, beyond which a column is reported as not recognised. */
const READ: Record<ImportKind, (keyof typeof COLUMNS)[]> = {
  accounts: ['code', 'name', 'account', 'postable'],
  items: ['code', 'name', 'account', 'inventoried', 'unit', 'gtin', 'unspsc', 'supplierNit', 'supplierCode'],
  history: ['supplierNit', 'description', 'name', 'account', 'date', 'supplierCode', 'standardCode', 'itemCode', 'corrected', 'verified'],
  corrections: ['supplierNit', 'description', 'name', 'account', 'date', 'supplierCode', 'standardCode', 'itemCode', 'previous', 'verified'],
};
/** Columns people export that carry nothing the engine uses, and are fine to leave in a file. */
const HARMLESS = ['proveedor', 'supplier', 'nombre_proveedor', 'supplier_name', 'razon_social', 'cantidad', 'quantity', 'valor', 'value', 'total', 'precio', 'price', 'subtotal', 'iva', 'numero', 'number', 'factura', 'invoice', 'numero_factura', 'invoice_number', 'nivel', 'level', 'naturaleza', 'nature', 'usuario', 'user', 'actor', 'observaciones', 'notes', 'notas'];
/** The old sellers'-code column of history files (`codigo`, `referencia`) is read too. */
const HISTORY_CODE = ['codigo', 'code', 'referencia', 'ref'];

/** Reads a CSV (`,` `;` or tab, UTF-8 with or without BOM) or JSON (an array, or `{ "filas": […] }`) into records. */
export function parseRecords(text: string, format: 'csv' | 'json'): Row[] {
  return parseTable(text, format).records;
}

/** The records and, per normalized column name, the header as the file wrote it (to name it in warnings). */
export function parseTable(text: string, format: 'csv' | 'json'): { records: Row[]; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  const key = (header: string) => {
    const k = columnKey(header);
    if (!headers.has(k)) headers.set(k, header);
    return k;
  };
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new InputError(`El archivo no es JSON válido: ${(error as Error).message}`, 'IMPORT_INVALID_FILE');
    }
    const list = Array.isArray(data) ? data : typeof data === 'object' && data ? Object.values(data).find(Array.isArray) : undefined;
    if (!Array.isArray(list)) throw new InputError('El JSON debe ser una lista de filas (o un objeto con una lista).', 'IMPORT_INVALID_FILE');
    const records = list.map((entry) => {
      const out: Row = {};
      if (entry && typeof entry === 'object') for (const [k, v] of Object.entries(entry)) out[key(k)] = v === null || v === undefined ? '' : String(v);
      return out;
    });
    return { records, headers };
  }
  try {
    const clean = text.replace(/^\uFEFF/, '');
    const records = parse(clean, { columns: (header: string[]) => header.map(key), skip_empty_lines: true, trim: true, delimiter: delimiterOf(clean), relax_column_count: true }) as Row[];
    return { records, headers };
  } catch (error) {
    throw new InputError(`No se pudo leer el CSV: ${(error as Error).message}`, 'IMPORT_INVALID_FILE');
  }
}

export function formatOf(fileName: string, explicit?: string): 'csv' | 'json' {
  if (explicit === 'csv' || explicit === 'json') return explicit;
  if (explicit) throw new InputError(`Formato «${explicit}» desconocido: usa csv o json.`, 'IMPORT_INVALID_FILE');
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
  const completed = completeChart(rows.filter((r) => r.postable).map((r) => r.code), new Set(codes));
  for (const a of completed.added) rows.push({ companyId, code: a.code, name: a.name, postable: a.postable ? 1 : 0, source: 'puc' });
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('companyAccount').where('companyId', '=', companyId).execute();
    for (let i = 0; i < rows.length; i += 400) await trx.insertInto('companyAccount').values(rows.slice(i, i + 400)).execute();
    await recordImport(trx, companyId, 'accounts', accounts.length, errors.length, options);
  });
  const chart = await Chart.forCompany(db, companyId);
  const items = await db.selectFrom('matchingItem').select('accountCode').where('companyId', '=', companyId).execute();
  const orphaned = items.filter((i) => !chart.isPostable(i.accountCode)).length;
  return {
    kind: 'accounts',
    imported: accounts.length,
    skipped: errors.length,
    errors,
    warnings: [
      ...(options.warnings ?? []),
      ...completed.warnings,
      ...(orphaned ? [`${orphaned} ítems del catálogo usan cuentas que no aceptan movimientos en este plan: impórtalos de nuevo con su cuenta.`] : []),
    ],
  };
}

/**
 * Accounts every bill needs (accounting-co.md §2): IVA descontable, the three withholdings and the payables. A chart
 * without a postable account under one of them would make every later bill fail to register; it is completed with
 * the PUC's cuenta and subcuentas (postable), and the import says which.
 */
const REQUIRED_ACCOUNTS: { code: string; why: string }[] = [
  { code: '2408', why: 'IVA descontable' },
  { code: '2365', why: 'retención en la fuente' },
  { code: '2367', why: 'ReteIVA' },
  { code: '2368', why: 'ReteICA' },
  { code: '2205', why: 'proveedores nacionales' },
  { code: '2335', why: 'costos y gastos por pagar' },
];

function completeChart(postable: string[], existing: Set<string>): { added: { code: string; name: string; postable: boolean }[]; warnings: string[] } {
  const puc = loadPuc().filter((a) => !a.deprecated);
  const added: { code: string; name: string; postable: boolean }[] = [];
  const warnings: string[] = [];
  for (const required of REQUIRED_ACCOUNTS) {
    if (postable.some((code) => code.startsWith(required.code))) continue;
    const family = puc.filter((a) => a.code.startsWith(required.code) && !existing.has(a.code));
    const subcuentas = family.filter((a) => a.level === 'subcuenta');
    const ancestors = puc.filter((a) => required.code.startsWith(a.code) && a.code !== required.code && !existing.has(a.code));
    for (const a of [...ancestors, ...family]) {
      existing.add(a.code);
      added.push({ code: a.code, name: a.name, postable: a.level === 'subcuenta' || (a.code === required.code && subcuentas.length === 0) });
    }
    const shown = subcuentas.length ? subcuentas.map((a) => a.code).join(', ') : required.code;
    warnings.push(`El plan no tenía cuentas de ${required.why} (${required.code}) que acepten movimientos: se agregaron las del PUC (${shown}).`);
  }
  return { added, warnings };
}

/** Items with their account (postable in the company's chart) and whether they are kept in inventory. */
export async function importItems(db: Db, companyId: string, records: Row[], options: ImportOptions): Promise<ImportResult> {
  const chart = await Chart.forCompany(db, companyId);
  const errors: ImportIssue[] = [];
  const items = new Map<string, NewItem>();
  const codeWithoutNit: number[] = [];
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
    if (supplierCode && !supplierNit) codeWithoutNit.push(row);
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
  const warnings = [...(options.warnings ?? [])];
  if (codeWithoutNit.length) {
    warnings.push(`${codeWithoutNit.length} filas traen código del proveedor sin NIT del proveedor (filas ${rowList(codeWithoutNit)}): ese código no se usa, porque sin proveedor no se sabe de quién es.`);
  }
  return { kind: 'items', imported: items.size, skipped: errors.length, errors, warnings };
}

/**
 * Past purchase lines (supplier NIT, description, seller's code, account, date): the company's books, the history
 * the engine starts from. A `corregida` or `verificada` column (sí/no) marks lines a person corrected or checked:
 * they count as a person's decisions, above the books (issue #13). Accounts that do not accept movements today are
 * kept (with a warning): they count again if the chart makes them postable.
 */
export async function importHistory(db: Db, companyId: string, records: Row[], options: ImportOptions): Promise<ImportResult> {
  return importLines(db, companyId, records, options, 'history');
}

/**
 * `agente import corrections`: the company's past corrections (supplier NIT, description or seller's code, the
 * right account, date, optionally the account it replaced). Each is a person's decision: from its date on it wins
 * over any number of older lines. A row whose new account equals the previous one (or marked `verificada`) is a
 * verification.
 */
export async function importCorrections(db: Db, companyId: string, records: Row[], options: ImportOptions): Promise<ImportResult> {
  return importLines(db, companyId, records, options, 'corrections');
}

async function importLines(db: Db, companyId: string, records: Row[], options: ImportOptions, kind: 'history' | 'corrections'): Promise<ImportResult> {
  const chart = await Chart.forCompany(db, companyId);
  const errors: ImportIssue[] = [];
  const rows: NewHistoryRow[] = [];
  let notPostable = 0;
  let decisions = 0;
  records.forEach((record, i) => {
    const row = i + (options.firstRow ?? 2);
    const nit = nitOf(pick(record, COLUMNS.supplierNit));
    const description = pick(record, COLUMNS.description) || pick(record, COLUMNS.name);
    const account = pick(record, COLUMNS.account).replace(/[\s.]/g, '');
    const date = parseDate(pick(record, COLUMNS.date));
    const corrected = flagOf(pick(record, COLUMNS.corrected));
    const verified = flagOf(pick(record, COLUMNS.verified));
    const previous = pick(record, COLUMNS.previous).replace(/[\s.]/g, '');
    if (!/^\d{5,15}$/.test(nit)) return errors.push({ row, message: 'falta el NIT del proveedor (solo números, sin DV)' });
    if (!description) return errors.push({ row, message: 'falta la descripción de la línea' });
    if (!/^\d{1,20}$/.test(account)) return errors.push({ row, message: `la cuenta «${account}» debe tener solo números` });
    if (!date) return errors.push({ row, message: `la fecha «${pick(record, COLUMNS.date)}» no es válida (AAAA-MM-DD o DD/MM/AAAA)` });
    if (corrected === null) return errors.push({ row, message: `«${pick(record, COLUMNS.corrected)}» no es sí ni no (columna corregida)` });
    if (verified === null) return errors.push({ row, message: `«${pick(record, COLUMNS.verified)}» no es sí ni no (columna verificada)` });
    if (previous && !/^\d{1,20}$/.test(previous)) return errors.push({ row, message: `la cuenta anterior «${previous}» debe tener solo números` });
    if (!chart.isPostable(account)) notPostable++;
    const itemCode = pick(record, COLUMNS.itemCode);
    const sellerCode = pick(record, COLUMNS.supplierCode) || pick(record, HISTORY_CODE);
    const isVerification = verified === true || (kind === 'corrections' && previous === account);
    const isDecision = kind === 'corrections' || corrected === true || verified === true;
    if (isDecision) decisions++;
    rows.push({
      companyId,
      supplierNit: nit,
      description,
      sellerCode: sellerCode || null,
      standardCode: pick(record, COLUMNS.standardCode).replace(/\D/g, '') || null,
      accountCode: account,
      itemId: itemCode ? itemIdFor(companyId, itemCode, '') : null,
      origin: isDecision ? (isVerification ? 'importado-verificacion' : 'importado-correccion') : 'importado',
      byUser: isDecision,
      at: date,
    });
  });
  refuseIfInvalid(errors, options, kind);
  await db.transaction().execute(async (trx) => {
    await insertHistory(trx, rows);
    await recordImport(trx, companyId, kind, rows.length, errors.length, options);
  });
  const warnings = [...(options.warnings ?? [])];
  if (notPostable) warnings.push(`${notPostable} filas usan cuentas que hoy no aceptan movimientos en el plan de la empresa: se guardan, pero no se sugerirán mientras no las acepte.`);
  if (kind === 'history' && decisions) warnings.push(`${decisions} filas marcadas como corregidas o verificadas cuentan como decisiones de una persona.`);
  return { kind, imported: rows.length, skipped: errors.length, errors, warnings };
}

/** Parses and imports one file; columns nobody reads are reported by name. */
export async function importFile(db: Db, companyId: string, kind: ImportKind, text: string, options: ImportOptions & { format?: string }): Promise<ImportResult> {
  const format = formatOf(options.fileName, options.format);
  const { records, headers } = parseTable(text, format);
  if (records.length === 0) throw new InputError('El archivo no tiene filas.', 'IMPORT_EMPTY');
  const known = new Set<string>([...READ[kind].flatMap((c) => COLUMNS[c]), ...HARMLESS, ...(kind === 'history' || kind === 'corrections' ? HISTORY_CODE : [])]);
  const unknown = [...headers].filter(([key]) => key && !known.has(key)).map(([, header]) => `«${header}»`);
  const warnings = unknown.length ? [`${unknown.length === 1 ? 'La columna' : 'Las columnas'} ${unknown.join(', ')} no ${unknown.length === 1 ? 'se reconoce y se ignoró' : 'se reconocen y se ignoraron'} (el README lista los nombres que se leen).`] : [];
  options = { firstRow: format === 'json' ? 1 : 2, ...options, warnings: [...(options.warnings ?? []), ...warnings] };
  if (kind === 'accounts') return importAccounts(db, companyId, records, options);
  if (kind === 'items') return importItems(db, companyId, records, options);
  if (kind === 'corrections') return importCorrections(db, companyId, records, options);
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
  throw new InputError(`No se importó ${KIND_NAMES[kind]}: ${errors.length} filas con errores (usa --omitir-errores para importar las demás).\n${shown.join('\n')}${more}`, 'IMPORT_INVALID_ROWS');
}

const KIND_NAMES: Record<ImportKind, string> = { items: 'el catálogo de ítems', accounts: 'el plan de cuentas', history: 'el historial', corrections: 'las correcciones' };

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

/**
 * Header names compare without case, accents, spaces or punctuation, and camelCase splits like snake_case:
 * "Código de barras" → codigo_de_barras, "supplierNit" → supplier_nit.
 */
function columnKey(header: string): string {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A yes/no column: undefined when empty, null when unreadable. */
function flagOf(value: string): boolean | undefined | null {
  if (!value) return undefined;
  return parseBoolean(value) ?? null;
}

function rowList(rows: number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}…` : rows.join(', ');
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
