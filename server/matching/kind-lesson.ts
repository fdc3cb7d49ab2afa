import { readDataCsv } from '../ledger/puc';
import { CONCEPTS } from './activity-rules';
import type { CompanyMemory } from './company-memory';

/**
 * Issue #13, round 19: people's corrections teach the *kind* of move, not only the account they moved from.
 *
 * `lessonOf` (suggestion-engine.ts) learns «the agent's 519595 went to 615595 twice, never back». But people usually
 * correct products the agent had put in *different* office accounts to the *same* cost of the activity («lona 519595 →
 * 615595; termosellado 514515 → 615595»): per account the lesson is never consistent, yet the company has said
 * clearly that what the agent reads as the office's is, here, the activity's cost (accounting-co.md §4.3: what the
 * plant or the service consumes is 61xx / class 7, the office's 51xx). This module reads that: for a kind of account
 * (a PUC group: 51 administration expenses, 14 inventories, 61 cost of sales and services), the single account of
 * another kind people moved the agent's choices of that kind to, for at least `KIND_LESSON_PRODUCTS` products, with
 * no product moved back the other way. Whether a line may follow it is the caller's call (only a line the rules read
 * as ambiguous between the two kinds).
 */

/** The PUC groups whose moves teach (PUC: 14 inventarios, 51 gastos operacionales de administración, 61 costo de ventas y de prestación de servicios). */
export const KIND_NAMES: Readonly<Record<string, string>> = { '51': 'gastos de administración', '14': 'inventario', '61': 'costo de la actividad' };

/** Products people moved from one kind to one account of another kind before a line of the first kind follows them. */
export const KIND_LESSON_PRODUCTS = 2;

export interface KindLesson {
  /** The account people moved such choices to. */
  account: string;
  /** The PUC group of the agent's choices (51, 14, 61) and of the target. */
  fromKind: string;
  toKind: string;
  /** The agent's accounts people moved, each with how many products. */
  from: [string, number][];
  n: number;
}

export function groupOf(account: string): string | undefined {
  const group = account.slice(0, 2);
  return group in KIND_NAMES ? group : undefined;
}

/**
 * The kind lesson for a line the agent would put in `from`, towards the group `toKind`: the single account of that
 * group people moved the agent's choices of `from`'s group to (at least `KIND_LESSON_PRODUCTS` products), with no
 * product of the agent's in the target's group moved back to `from`'s group, and no product people confirmed in
 * `from` itself.
 */
export function kindLessonOf(memory: CompanyMemory, from: string, toKind: string, postable: (code: string) => string | undefined): KindLesson | undefined {
  const fromKind = groupOf(from);
  if (!fromKind || fromKind === toKind || !(toKind in KIND_NAMES)) return undefined;
  if ((memory.lessons.get(from)?.confirmed.size ?? 0) > 0) return undefined;
  const targets = new Map<string, Map<string, Set<string>>>();
  for (const [chosen, lesson] of memory.lessons) {
    const kind = groupOf(chosen);
    for (const [to, products] of lesson.movedTo) {
      if (kind === toKind && groupOf(to) === fromKind && products.size > 0) return undefined;
      if (kind !== fromKind || groupOf(to) !== toKind) continue;
      let byChosen = targets.get(to);
      if (!byChosen) targets.set(to, (byChosen = new Map()));
      byChosen.set(chosen, new Set([...(byChosen.get(chosen) ?? []), ...products]));
    }
  }
  if (targets.size !== 1) return undefined;
  const [[target, byChosen]] = [...targets] as [[string, Map<string, Set<string>>]];
  const account = postable(target);
  if (!account) return undefined;
  const products = new Set([...byChosen.values()].flatMap((p) => [...p]));
  if (products.size < KIND_LESSON_PRODUCTS) return undefined;
  return { account, fromKind, toKind, from: [...byChosen].map(([a, p]) => [a, p.size] as [string, number]), n: products.size };
}

/**
 * Concepts of the rules that are a bill of the company's premises (conceptos-del-local.csv): a line of one of them
 * never follows a kind lesson (see `kindLessonFor` in suggestion-engine.ts). Every row names its source.
 */
export const PREMISES_CONCEPTS: ReadonlySet<string> = new Set(
  readDataCsv('conceptos-del-local.csv').map((row) => {
    if (!row.concepto || !CONCEPTS.some((c) => c.key === row.concepto) || !row.fuente) throw new Error(`conceptos-del-local.csv: la fila «${row.concepto ?? ''}» necesita un concepto de activity-rules.ts y su fuente`);
    return row.concepto;
  }),
);
