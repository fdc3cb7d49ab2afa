import type { CompanyInput, CompanyProfile } from '#shared/company';
import type { DocumentLine, StandardCode } from '#shared/dian-document';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import type { Db } from '../../server/db/database';
import { Chart } from '../../server/ledger/chart';
import { importAccounts, importHistory, importItems } from '../../server/matching/import-data';
import type { LineToClassify } from '../../server/matching/line-classifier';
import { SuggestionEngine } from '../../server/matching/suggestion-engine';
import { openTestDatabase, type Engine } from '../support/engines';
import { Calibration } from '../../server/matching/calibration';

/** A company in a fresh in-memory database, with whatever chart, catalog and past bills a test gives it. */
export interface TestCompany {
  db: Db;
  clock: ManualClock;
  company: CompanyProfile;
  engine: SuggestionEngine;
  chart(): Promise<Chart>;
  classify(...lines: LineToClassify[]): ReturnType<SuggestionEngine['classify']>;
  close(): Promise<void>;
}

export interface TestCompanySpec {
  company?: Partial<CompanyInput>;
  accounts?: Record<string, string>[];
  items?: Record<string, string>[];
  history?: Record<string, string>[];
  /** `sqlite` in memory (default) or a fresh PostgreSQL database. */
  engine?: Engine;
}

export async function testCompany(spec: TestCompanySpec = {}): Promise<TestCompany> {
  const opened = await openTestDatabase(spec.engine ?? 'sqlite');
  const db = opened.db;
  const clock = new ManualClock('2026-06-01T15:00:00Z');
  const company = await createCompany(db, { nit: '900123456', name: 'Empresa de Prueba SAS', userName: 'Ana', ciiu: ['4761'], ...spec.company }, clock);
  const options = { fileName: 'prueba.csv', actor: 'prueba', now: clock.now() };
  if (spec.accounts) await importAccounts(db, company.id, spec.accounts, options);
  if (spec.items) await importItems(db, company.id, spec.items, options);
  if (spec.history) await importHistory(db, company.id, spec.history, options);
  // The mechanisms' own numbers (what their reasoning compares, the 0.6 of the hand-set era): these tests pin what each
  // mechanism concludes; calibration.test.ts pins what the measured table makes of it.
  const engine = new SuggestionEngine(db, { calibration: Calibration.identity() });
  const chart = () => Chart.forCompany(db, company.id);
  return {
    db,
    clock,
    company,
    engine,
    chart,
    classify: async (...lines) => engine.classify(lines, { company, chart: await chart() }),
    close: () => opened.close(),
  };
}

export interface LineOptions {
  nit?: string;
  supplierName?: string;
  sellerCode?: string;
  unspsc?: string;
  gtin?: string;
  unitCode?: string;
  supplierCiiu?: string[];
  amount?: string;
}

/** One invoice line as the DIAN reader would give it. */
export function line(description: string, options: LineOptions = {}): LineToClassify {
  const standardCode: StandardCode | undefined = options.gtin
    ? { id: options.gtin, scheme: 'GTIN', schemeId: '010' }
    : options.unspsc
      ? { id: options.unspsc, scheme: 'UNSPSC', schemeId: '001' }
      : undefined;
  const documentLine: DocumentLine = {
    id: '1',
    position: 1,
    description,
    quantity: '1',
    ...(options.unitCode ? { unitCode: options.unitCode } : { unitCode: '94' }),
    lineTotal: options.amount ?? '100000.00',
    unitPrice: options.amount ?? '100000.00',
    allowanceCharges: [],
    freeOfCharge: false,
    ...(options.sellerCode ? { sellerCode: options.sellerCode } : {}),
    ...(standardCode ? { standardCode } : {}),
    additionalCodes: [],
    taxes: [],
    withholdings: [],
    thirdPartyIncome: false,
    notes: [],
  };
  return { line: documentLine, supplier: { nit: options.nit ?? '800111222', name: options.supplierName ?? 'Proveedor de Prueba SAS', ciiu: options.supplierCiiu ?? [] }, currency: 'COP' };
}

/** A history row for `importHistory`. */
export function past(description: string, account: string, date: string, options: { nit?: string; code?: string } = {}): Record<string, string> {
  return { nit_proveedor: options.nit ?? '800111222', descripcion: description, codigo_proveedor: options.code ?? '', cuenta: account, fecha: date };
}
