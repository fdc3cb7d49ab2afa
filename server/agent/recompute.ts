import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { containsText } from '../db/engine';
import { InputError } from '../errors';
import { repostBill } from './bills';
import type { AgentDeps } from './register-document';
import { listUvt } from './uvt-values';

export interface RecomputeResult {
  year: number;
  /** Bills that were waiting for the year's UVT and were re-computed. */
  bills: { billId: string; number: string; companyId: string; withholdingsBefore: number; withholdingsAfter: number; needsReview: boolean }[];
}

/**
 * Once the UVT of a year is entered, the bills of that year registered without it ("No hay UVT…", no retención)
 * are re-computed with it: withholdings, payable and entry, keeping every account and concept a person chose. Each
 * company's trail records which bills changed and how. Bills a person already fixed by hand keep their entries.
 */
export async function recomputeYear(deps: AgentDeps, year: number, actor: string): Promise<RecomputeResult> {
  const { db, clock } = deps;
  if (!(await listUvt(db)).some((u) => u.year === year)) throw new InputError(`Todavía no hay UVT de ${year}: ingrésela primero con \`agente reglas uvt ${year} <valor> --resolucion "…"\`.`);
  const waiting = await billsWaitingForUvt(db, year);
  const result: RecomputeResult = { year, bills: [] };
  for (const bill of waiting) {
    const outcome = await repostBill(deps, bill.companyId, bill.id);
    const after = await db.selectFrom('bill').select('needsReview').where('id', '=', bill.id).executeTakeFirstOrThrow();
    result.bills.push({ billId: bill.id, number: bill.number, companyId: bill.companyId, withholdingsBefore: outcome.withholdingsBefore, withholdingsAfter: outcome.withholdingsAfter, needsReview: after.needsReview === 1 });
  }
  const at = clock.now().toISOString();
  const byCompany = new Map<string, RecomputeResult['bills']>();
  for (const b of result.bills) byCompany.set(b.companyId, [...(byCompany.get(b.companyId) ?? []), b]);
  for (const [companyId, bills] of byCompany) {
    await db.insertInto('rulesEvent').values({ id: randomUUID(), companyId, type: 'recomputed', details: JSON.stringify({ year, bills }), actor, at }).execute();
  }
  return result;
}

/** Bills of a year registered while its UVT was missing (the note the registration left says so). */
export async function billsWaitingForUvt(db: Db, year: number): Promise<{ id: string; number: string; companyId: string }[]> {
  return db
    .selectFrom('bill')
    .select(['id', 'number', 'companyId'])
    .where('issueDate', '>=', `${year}-01-01`)
    .where('issueDate', '<=', `${year}-12-31`)
    .where(containsText('reviewNotes', `No hay UVT para el año ${year}`))
    .orderBy('issueDate')
    .execute();
}

/** The rules' audit trail: UVT entered, supplier profiles changed, concepts chosen, re-computations. */
export async function listRulesEvents(db: Db, companyId: string, limit = 50) {
  const rows = await db
    .selectFrom('rulesEvent')
    .selectAll()
    .where((eb) => eb.or([eb('companyId', '=', companyId), eb('companyId', 'is', null)]))
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type, details: JSON.parse(r.details) as unknown, actor: r.actor, at: r.at }));
}
