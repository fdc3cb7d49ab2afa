import type { CompanyProfile } from '#shared/company';
import { companyActivityCost, conceptOf, type ActivityVerdict } from './activity-classifier';
import { kindOfConcept } from './posture-kinds';
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

/**
 * The company's posture for a KIND of thing its operation consumes (clase-de-consumo.csv: energy, water and gas; its
 * machines' upkeep; its fleet; its inputs), learnt across concepts: when its trusted books put at least
 * `KIND_CONCEPTS` concepts of a kind on one side — the cost of what it sells (61, class 7) or the office's expense
 * (51, 52) — and none of that kind on the other, a new concept of the kind goes the same way. A farm whose books
 * carry its energy and gas to the crop's cost has told the agent where its water goes, though no line of water was
 * ever corrected.
 */
interface KindPosture {
  side: Side;
  /** Labels of the concepts that say so, in the company's books. */
  concepts: string[];
  /** The cost or expense account those concepts went to most. */
  account: string;
  /** Trusted examples behind it. */
  examples: number;
}

type Side = 'costo' | 'gasto';
const KIND_CONCEPTS = 2;

/**
 * The group the company's books put its overhead in (accounting-co.md §1: «Function decides the class-5 group»: 51
 * administration, 52 selling; §4.1 step 5: the function «comes from the company default»). The agent's default is the
 * CIIU's (companies.ts `defaultExpenseFunction`: a trader sells, 52), but a wholesaler with an office and a yard keeps
 * the administrative variant, and its books say so: its power, water, accountant and software all in 51. Read from
 * the concepts the rules book in the office's 51 (a concept the rules put in 52 whatever the function, advertising or
 * sales commissions, says nothing of it), with the same agreement as a kind's posture: at least `FUNCTION_CONCEPTS`
 * concepts on one group, none on the other.
 */
export interface FunctionPosture {
  expenseFunction: 'admin' | 'ventas';
  /** Labels of the concepts that say so. */
  concepts: string[];
  /** Trusted examples behind it. */
  examples: number;
}

const FUNCTION_CONCEPTS = 3;
/** Each function's class-5 group, and how an explanation names it. */
export const FUNCTION_GROUPS: Record<FunctionPosture['expenseFunction'], { group: string; name: string }> = {
  admin: { group: '51', name: 'administración (51)' },
  ventas: { group: '52', name: 'ventas (52)' },
};
const FUNCTION_OF_GROUP = Object.fromEntries(Object.entries(FUNCTION_GROUPS).map(([fn, { group }]) => [group, fn])) as Record<string, FunctionPosture['expenseFunction']>;
/** A concept counts for a side when this share of its trusted examples went there. */
const CONCEPT_SHARE = 0.6;

function sideOf(account: string): Side | undefined {
  if (/^(61|7)/.test(account)) return 'costo';
  if (/^5[12]/.test(account)) return 'gasto';
  return undefined;
}

export class CompanyPosture {
  private revision = -1;
  private examples = 0;
  private readonly byConcept = new Map<string, Map<string, number>>();
  private readonly labels = new Map<string, string>();
  private readonly kinds = new Map<string, KindPosture | undefined>();
  /** Per overhead concept (the rules' first account in 51), trusted examples by group of the account the books used. */
  private readonly overhead = new Map<string, Map<string, number>>();
  private expenseFunction: FunctionPosture | undefined | null = null;

  constructor(private readonly company: CompanyProfile) {}

  /** The account the company's books use most for this concept, with how many examples say so. */
  accountFor(conceptKey: string, memory: CompanyMemory): PostureAnswer | undefined {
    this.refresh(memory);
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

  /**
   * Where the company's books put the OTHER concepts of this concept's kind (see `KindPosture`), when they agree: at
   * least two concepts on one side, none on the other. A concept the books already hold examples of is theirs to say
   * (`accountFor`), never this.
   */
  private kindFor(conceptKey: string, memory: CompanyMemory): KindPosture | undefined {
    this.refresh(memory);
    const kind = kindOfConcept(conceptKey);
    if (!kind || this.byConcept.has(conceptKey)) return undefined;
    // Per kind, once per rebuild of the books: a line costs a map look-up.
    if (!this.kinds.has(kind)) this.kinds.set(kind, this.postureOfKind(kind));
    return this.kinds.get(kind);
  }

  private postureOfKind(kind: string): KindPosture | undefined {
    const sides: Record<Side, { labels: string[]; accounts: Map<string, number>; examples: number }> = {
      costo: { labels: [], accounts: new Map(), examples: 0 },
      gasto: { labels: [], accounts: new Map(), examples: 0 },
    };
    for (const [key, counts] of this.byConcept) {
      if (kindOfConcept(key) !== kind) continue;
      const bySide = new Map<Side | undefined, number>();
      let total = 0;
      for (const [account, count] of counts) {
        bySide.set(sideOf(account), (bySide.get(sideOf(account)) ?? 0) + count);
        total += count;
      }
      for (const side of ['costo', 'gasto'] as const) {
        const n = bySide.get(side) ?? 0;
        if (n / total < CONCEPT_SHARE) continue;
        const into = sides[side];
        into.labels.push(this.labels.get(key) ?? key);
        into.examples += n;
        for (const [account, count] of counts) if (sideOf(account) === side) into.accounts.set(account, (into.accounts.get(account) ?? 0) + count);
      }
    }
    for (const [side, other] of [['costo', 'gasto'], ['gasto', 'costo']] as const) {
      const s = sides[side];
      if (s.labels.length < KIND_CONCEPTS || sides[other].labels.length > 0) continue;
      const account = [...s.accounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      return { side, concepts: s.labels.sort(), account, examples: s.examples };
    }
    return undefined;
  }

  /** The group the books put the company's overhead in, when they agree (see `FunctionPosture`). */
  functionOf(memory: CompanyMemory): FunctionPosture | undefined {
    this.refresh(memory);
    if (this.expenseFunction === null) this.expenseFunction = this.readFunction();
    return this.expenseFunction;
  }

  private readFunction(): FunctionPosture | undefined {
    const sides = new Map<FunctionPosture['expenseFunction'], { labels: string[]; examples: number }>();
    for (const [key, byGroup] of this.overhead) {
      const total = [...byGroup.values()].reduce((a, b) => a + b, 0);
      for (const [group, n] of byGroup) {
        const fn = FUNCTION_OF_GROUP[group];
        if (!fn || n / total < CONCEPT_SHARE) continue;
        const side = sides.get(fn) ?? { labels: [], examples: 0 };
        side.labels.push(this.labels.get(key) ?? key);
        side.examples += n;
        sides.set(fn, side);
      }
    }
    const [only, ...others] = [...sides];
    if (!only || others.length > 0 || only[1].labels.length < FUNCTION_CONCEPTS) return undefined;
    return { expenseFunction: only[0], concepts: only[1].labels.sort(), examples: only[1].examples };
  }

  /**
   * A reading of the rules for a concept the books say nothing of, moved to the side the company's books put that
   * kind of thing on (`kindFor`): to the cost account of the company's activity (costo-por-actividad.csv), or to the
   * concept's own expense account. «Por verificar» always: the company's books teach a posture, not this product.
   */
  moveByKind(verdict: Pick<ActivityVerdict, 'concept' | 'strength' | 'evidence' | 'alone'>, account: string, memory: CompanyMemory, postable: (code: string) => string | undefined): { accountCode: string; confidence: number; explanation: string } | undefined {
    const from = sideOf(account);
    // The posture says where a kind of thing goes, not what the line is: only a line whose own words plainly say the
    // concept (not a lone word, nor the supplier's activity or a UNSPSC code alone) is moved by it.
    if (!from || verdict.strength !== 'fuerte' || verdict.alone || (verdict.evidence !== 'palabras' && verdict.evidence !== 'palabras y UNSPSC')) return undefined;
    const concept = verdict.concept;
    const kind = this.kindFor(concept.key, memory);
    if (!kind || kind.side === from) return undefined;
    const cost = companyActivityCost(this.company);
    const target =
      kind.side === 'costo'
        ? (cost ? (postable(cost) ?? postable(cost.slice(0, 4))) : undefined) ?? postable(kind.account)
        : concept.accounts.map((a) => postable(a)).find((a): a is string => !!a && sideOf(a) === 'gasto') ?? postable(kind.account);
    if (!target || sideOf(target) !== kind.side) return undefined;
    const where = kind.side === 'costo' ? 'al costo de lo que vende' : 'al gasto';
    const list = kind.concepts.length === 2 ? kind.concepts.join(' y ') : `${kind.concepts.slice(0, -1).join(', ')} y ${kind.concepts.at(-1)}`;
    return {
      accountCode: target,
      confidence: 0.5,
      explanation: `Tus libros y correcciones llevan ${list} ${where} (${kind.examples} ${kind.examples === 1 ? 'ejemplo' : 'ejemplos'}); hago lo mismo con ${concept.label} → ${target}: verifícala`,
    };
  }

  private refresh(memory: CompanyMemory): void {
    // A slow-moving aggregate: one more correction barely moves it, so it is read again only when the books changed by
    // a twentieth of what it was built from (a first import always), not after every line a person touches.
    if (this.revision < 0 || memory.trustedRevision - this.revision >= Math.max(1, this.examples / 20)) this.rebuild(memory);
  }

  private rebuild(memory: CompanyMemory): void {
    this.revision = memory.trustedRevision;
    this.byConcept.clear();
    this.kinds.clear();
    this.overhead.clear();
    this.expenseFunction = null;
    let read = 0;
    const add = (description: string, unspsc: string | undefined, account: string) => {
      const text = normalize(description);
      if (!text.words.length) return;
      const concept = conceptOf({ words: text.words, ...(unspsc ? { unspsc } : {}), supplierCiiu: [], codes: text.codes, measures: text.measures }, this.company);
      read++;
      if (!concept) return;
      this.labels.set(concept.key, concept.label);
      let counts = this.byConcept.get(concept.key);
      if (!counts) this.byConcept.set(concept.key, (counts = new Map()));
      counts.set(account, (counts.get(account) ?? 0) + 1);
      if (concept.accounts[0]?.startsWith('51') && FUNCTION_OF_GROUP[account.slice(0, 2)]) {
        let groups = this.overhead.get(concept.key);
        if (!groups) this.overhead.set(concept.key, (groups = new Map()));
        groups.set(account.slice(0, 2), (groups.get(account.slice(0, 2)) ?? 0) + 1);
      }
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
