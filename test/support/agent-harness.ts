import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bill } from '#shared/bill';
import type { Classification } from '#shared/classification';
import type { CompanyInput, CompanyProfile } from '#shared/company';
import type { IngestResult, ReceptionChannel } from '#shared/inbox';
import { Agent, type AgentOptions } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import type { Db } from '../../server/db/database';
import { Chart } from '../../server/ledger/chart';
import type { ClassificationContext, LineClassifier, LineToClassify } from '../../server/matching/line-classifier';
import { BUNDLED_ANCHORS, loadAnchors, type TrustAnchors } from '../../server/authenticity';
import { openTestDatabase, type Engine } from './engines';
import { encoder } from './fixtures';
import { TEST_ANCHOR_FILE } from './pki';
import { buildUbl, type DocumentSpec, type PartySpec } from './ubl';

/** Our test company: a Bogotá retailer (CIIU 4719) that keeps perpetual inventory. */
export const COMPANY_NIT = '900123456';

export interface Harness {
  db: Db;
  agent: Agent;
  clock: ManualClock;
  company: CompanyProfile;
  /** Receives a file through the same path every channel uses. */
  ingest(content: string | Uint8Array, options?: { name?: string; channel?: ReceptionChannel; arrivedAt?: Date }): Promise<IngestResult>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** `sqlite` (default) or `postgres` (a fresh database of the test run's server, dropped on close). */
  engine?: Engine;
  /** SQLite only: a database file (default: `:memory:`). */
  file?: string;
  start?: string;
  company?: Partial<CompanyInput>;
  agent?: Omit<AgentOptions, 'clock'>;
  /** Activate the agent right after creating the company (and advance the clock a second). */
  activate?: boolean;
  /**
   * Trust anchors for the signature checks. Default: the bundle plus the tests' own certification authority
   * (test/support/pki.ts), under which every document the test builders make is signed.
   */
  trustAnchors?: TrustAnchors;
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const opened = await openTestDatabase(options.engine ?? 'sqlite', options.file ? { file: options.file } : {});
  const db = opened.db;
  const clock = new ManualClock(options.start ?? '2026-03-10T15:00:00Z');
  // The books are tested apart from the suggestion engine (server/matching has its own tests): unless a test
  // brings its own classifier, every line goes to 1435 with low confidence, like the plain default rule.
  const agent = new Agent(db, {
    ...options.agent,
    classifier: options.agent?.classifier ?? new UnspscClassifier({}, '1435'),
    clock,
    trustAnchors: options.trustAnchors ?? options.agent?.trustAnchors ?? loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]),
  });
  const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS', userName: 'Ana', ciiu: ['4719'], ...options.company }, clock);
  if (options.activate) {
    await activateAgent(db, company.id, 'recent', 'ana', clock);
    clock.advance(1000);
  }
  let counter = 0;
  return {
    db,
    agent,
    clock,
    company,
    ingest: (content, opts = {}) =>
      agent.ingest({
        companyId: company.id,
        bytes: typeof content === 'string' ? encoder.encode(content) : content,
        channel: opts.channel ?? 'upload',
        sourceRef: opts.name ?? `archivo-${++counter}.xml`,
        ...(opts.arrivedAt ? { arrivedAt: opts.arrivedAt } : {}),
      }),
    close: async () => {
      await agent.stop();
      await opened.close();
    },
  };
}

/** A temporary directory removed by the returned function. */
export function tempDir(prefix = 'agente-test-'): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Sum of debits and credits of a bill's journal entry, and whether every account accepts movements. */
export function entryFacts(bill: Pick<Bill, 'journal'>, chart = Chart.puc()) {
  const debits = bill.journal.reduce((a, l) => a + l.debit, 0);
  const credits = bill.journal.reduce((a, l) => a + l.credit, 0);
  const notPostable = bill.journal.filter((l) => !chart.isPostable(l.accountCode)).map((l) => l.accountCode);
  return { debits, credits, notPostable };
}

/** Debits minus credits per account (positive = debit balance). */
export function byAccount(bill: Pick<Bill, 'journal'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of bill.journal) out[line.accountCode] = (out[line.accountCode] ?? 0) + line.debit - line.credit;
  return out;
}

/**
 * A suggestion engine stand-in that maps UNSPSC prefixes to accounts, so ledger tests can put a line on a services
 * or fee account without depending on the real engine (server/matching), which is tested on its own.
 */
export class UnspscClassifier implements LineClassifier {
  learned: unknown[] = [];

  constructor(
    private readonly map: Record<string, string>,
    private readonly fallback = '519595',
  ) {}

  async classify(lines: LineToClassify[], _context: ClassificationContext): Promise<Classification[]> {
    return lines.map(({ line }) => {
      const code = line.standardCode?.id ?? '';
      const prefix = Object.keys(this.map)
        .sort((a, b) => b.length - a.length)
        .find((p) => code.startsWith(p));
      const accountCode = prefix ? this.map[prefix]! : this.fallback;
      return { accountCode, source: 'rule', confidence: prefix ? 0.9 : 0.3, explanation: `Prueba: UNSPSC ${code || '—'} → ${accountCode}` };
    });
  }

  async learn(lines: unknown[]): Promise<void> {
    this.learned.push(...lines);
  }
}

/** Pesos → centavos, for readable expectations. */
export const pesos = (value: number): number => Math.round(value * 100);

/** A domestic SAS supplier: responsable de IVA, not a large taxpayer, not a self-withholder. */
export const SUPPLIER: PartySpec = {
  nit: '900555111',
  name: 'Distribuidora del Norte SAS',
  personType: 'juridica',
  responsibilities: ['O-48'],
  ciiu: ['4690'],
  address: { municipalityCode: '11001', city: 'Bogotá, D.C.', department: 'Bogotá', departmentCode: '11', line: 'Carrera 7 # 71-21' },
  email: 'facturacion@delnorte.com.co',
};

export const OUR_COMPANY: PartySpec = { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS', personType: 'juridica', responsibilities: ['O-13'] };

/** One simple production invoice to our company: `amount` pesos of goods plus 19 % IVA. */
export function invoiceSpec(number: string, overrides: Partial<DocumentSpec> = {}, amount = '1000000'): DocumentSpec {
  return {
    number,
    issueDate: '2026-03-10',
    supplier: SUPPLIER,
    customer: OUR_COMPANY,
    lines: [{ description: 'Cajas de cartón corrugado', quantity: '1', unitPrice: amount, iva: '19', unspsc: '24112700', sellerCode: 'CAJ-01' }],
    ...overrides,
  };
}

/** The XML of {@link invoiceSpec}. */
export function invoiceXml(number: string, overrides: Partial<DocumentSpec> = {}, amount = '1000000'): string {
  return buildUbl(invoiceSpec(number, overrides, amount));
}
