import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** One row of the PUC (Decreto 2650 de 1993) as shipped in `server/data/puc.csv` (provenance in SOURCES.md). */
export interface PucAccount {
  code: string;
  name: string;
  level: 'clase' | 'grupo' | 'cuenta' | 'subcuenta';
  nature: 'debito' | 'credito';
  parent?: string;
  deprecated: boolean;
}

let cached: PucAccount[] | undefined;

/** The PUC, loaded once per process. */
export function loadPuc(): PucAccount[] {
  if (cached) return cached;
  const rows = readDataCsv('puc.csv');
  cached = rows.map((row) => ({
    code: row.code!,
    name: row.name!,
    level: row.level as PucAccount['level'],
    nature: row.nature as PucAccount['nature'],
    ...(row.parent ? { parent: row.parent } : {}),
    deprecated: row.deprecated === '1',
  }));
  return cached;
}

/** A CSV from `server/data/` as objects keyed by header (every value a string: codes keep their zeros). */
export function readDataCsv(name: string): Record<string, string>[] {
  const text = readFileSync(fileURLToPath(new URL(`../data/${name}`, import.meta.url)), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}
