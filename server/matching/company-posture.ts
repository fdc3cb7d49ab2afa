import type { CompanyProfile } from '#shared/company';
import { conceptOf } from './activity-classifier';
import { unspscOf, type CompanyMemory } from './company-memory';
import { normalize } from './normalize';

/**
 * Where this company books each kind of thing, read from its own books (accounting-co.md §1: «the company's own
 * chart always wins»; §4.3: the buyer's activity decides inventory, cost or expense). The activity rules know that
 * a cleaning product is «elementos de aseo» (519525) for an office; a cleaning company books the same product to the
 * cost of its service, a hotel to its rooms' cost, a shop to 52. Nothing in the line says which: the company's
 * catalog and its imported history do. Each trusted example (a catalog item a person or an import made, a description
 * whose account comes from the books or a person) is read with the same recogniser as a new line, and its account
 * counted under the concept it reads as; a new line of that concept then goes where the company puts such things.
 *
 * Only trusted evidence teaches (issue #13: the agent's own unverified registrations never do), and at most
 * `EXAMPLES` examples are read, so a 50,000-item catalog costs a few hundred milliseconds once per change of the
 * books, not per line.
 */
export interface PostureAnswer {
  account: string;
  /** Examples of this concept booked to `account`. */
  count: number;
  /** Examples of this concept in all. */
  total: number;
}

const EXAMPLES = 6_000;

export class CompanyPosture {
  private revision = -1;
  private examples = 0;
  private readonly byConcept = new Map<string, Map<string, number>>();

  constructor(private readonly company: CompanyProfile) {}

  /** The account the company's books use most for this concept, with how many examples say so. */
  accountFor(conceptKey: string, memory: CompanyMemory): PostureAnswer | undefined {
    // A slow-moving aggregate: one more correction barely moves it, so it is read again only when the books changed by
    // a twentieth of what it was built from (a first import always), not after every line a person touches.
    if (this.revision < 0 || memory.trustedRevision - this.revision >= Math.max(1, this.examples / 20)) this.rebuild(memory);
    const counts = this.byConcept.get(conceptKey);
    if (!counts) return undefined;
    let best: PostureAnswer | undefined;
    let total = 0;
    for (const [account, count] of counts) {
      total += count;
      if (!best || count > best.count || (count === best.count && account < best.account)) best = { account, count, total: 0 };
    }
    return best ? { ...best, total } : undefined;
  }

  private rebuild(memory: CompanyMemory): void {
    this.revision = memory.trustedRevision;
    this.byConcept.clear();
    let read = 0;
    const add = (description: string, unspsc: string | undefined, account: string) => {
      const text = normalize(description);
      if (!text.words.length) return;
      const concept = conceptOf({ words: text.words, ...(unspsc ? { unspsc } : {}), supplierCiiu: [], codes: text.codes, measures: text.measures }, this.company);
      read++;
      if (!concept) return;
      let counts = this.byConcept.get(concept.key);
      if (!counts) this.byConcept.set(concept.key, (counts = new Map()));
      counts.set(account, (counts.get(account) ?? 0) + 1);
    };
    this.examples = 0;
    for (const item of memory.items.values()) {
      if (read >= EXAMPLES) break;
      // An item the agent created from a guess is that guess, not the company's posture.
      if (item.confidence !== null) continue;
      add(item.name, unspscOf(item.unspsc), item.accountCode);
    }
    for (const tally of memory.companyDescriptions.values()) {
      if (read >= EXAMPLES) break;
      const verdict = tally.verdict();
      if (!verdict || verdict.selfOnly) continue;
      add(tally.text, undefined, verdict.best.account);
    }
    this.examples = read;
  }
}
