import type { FirstReading } from './calibration';
import type { Classification } from '#shared/classification';
import type { CompanyProfile } from '#shared/company';
import type { DocumentLine } from '#shared/dian-document';
import type { Db } from '../db/database';
import type { Chart } from '../ledger/chart';

/** Everything the engine may look at to classify one line of a purchase document. */
export interface LineToClassify {
  line: DocumentLine;
  supplier: { id?: string; nit: string; name: string; ciiu: string[] };
  currency: string;
}

export interface ClassificationContext {
  company: CompanyProfile;
  chart: Chart;
}

/** What the registration step learns back: every registered line, and every correction a person makes. */
export interface LearnedLine {
  companyId: string;
  supplierNit: string;
  description: string;
  sellerCode?: string;
  standardCode?: string;
  accountCode: string;
  itemId?: string;
  /** True when a person chose this account (a correction outweighs many automatic choices). */
  byUser: boolean;
  at: string;
  /**
   * Where the line comes from (issue #13). Default: `correccion` when `byUser`, else `registro` (the agent's own
   * registration). `verificacion`: a person confirmed the agent's account; `importado`: the company's own books
   * (e.g. bills synced from its accounting software).
   */
  origin?: 'registro' | 'verificacion' | 'correccion' | 'importado';
  /** For the agent's own registrations: the confidence of the suggestion it registered (the mechanism's own number)… */
  confidence?: number;
  /** …and the reading that first made it (`evidence.first` of a repeat, else its own `evidence`): see calibration.ts. */
  first?: FirstReading;
}

/**
 * The one interface between registration and the suggestion engine (`server/matching`). The registration step
 * only ever talks to this; the engine behind it can change without touching the books.
 */
export interface LineClassifier {
  classify(lines: LineToClassify[], context: ClassificationContext): Promise<Classification[]>;
  /**
   * `within`: write in the caller's transaction (registration stores a bill and what it learned from it in one
   * commit). Only the agent's own lines (`byUser: false`) may be learned this way.
   */
  learn(lines: LearnedLine[], options?: { within?: Db }): Promise<void>;
}
