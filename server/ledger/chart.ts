import type { Db } from '../db/database';
import { preparedQuery } from '../db/prepared-query';
import { loadPuc } from './puc';

export interface ChartAccount {
  code: string;
  name: string;
  /** Accepts movements: a leaf of the chart (the decree's subcuentas, or a cuenta without any live subcuenta). */
  postable: boolean;
}

// Read for every registered document: compiled once.
const companyAccounts = preparedQuery((db, v: { companyId: string }) => db.selectFrom('companyAccount').select(['code', 'name', 'postable']).where('companyId', '=', v.companyId));

/**
 * The chart of accounts the agent may post to for one company. The company's own chart always wins
 * (accounting-co.md §1); the PUC is only the fallback vocabulary. Only leaves are postable, and the PUC's
 * "ajustes por inflación" rows (removed in 2007) are never offered.
 */
export class Chart {
  private readonly accounts = new Map<string, ChartAccount>();

  constructor(accounts: Iterable<ChartAccount>) {
    for (const account of accounts) this.accounts.set(account.code, account);
  }

  /** The PUC with postability derived from the tree. */
  static puc(): Chart {
    return pucChart ??= new Chart(pucAccounts());
  }

  /** The company's chart when it imported one (issue #4 import, Alegra sync), else the PUC. */
  static async forCompany(db: Db, companyId: string): Promise<Chart> {
    const { rows } = await companyAccounts(db, { companyId });
    if (rows.length === 0) return Chart.puc();
    return new Chart(rows.map((r) => ({ code: r.code, name: r.name, postable: r.postable === 1 })));
  }

  get(code: string): ChartAccount | undefined {
    return this.accounts.get(code);
  }

  isPostable(code: string): boolean {
    return this.accounts.get(code)?.postable === true;
  }

  name(code: string): string | undefined {
    return this.accounts.get(code)?.name;
  }

  /**
   * The first postable account among the candidates, so rules can say "220505, else 2205" and still work with a
   * company chart that uses other auxiliaries. Falls back to the first postable descendant of a candidate.
   */
  firstPostable(...candidates: string[]): string | undefined {
    for (const code of candidates) if (this.isPostable(code)) return code;
    for (const code of candidates) {
      for (const account of this.accounts.values()) if (account.postable && account.code.startsWith(code)) return account.code;
    }
    return undefined;
  }

  postableAccounts(): ChartAccount[] {
    return [...this.accounts.values()].filter((a) => a.postable);
  }
}

let pucChart: Chart | undefined;

function pucAccounts(): ChartAccount[] {
  const live = loadPuc().filter((a) => !a.deprecated);
  const parents = new Set(live.map((a) => a.parent).filter(Boolean));
  return live.map((a) => ({ code: a.code, name: a.name, postable: (a.level === 'cuenta' || a.level === 'subcuenta') && !parents.has(a.code) }));
}
