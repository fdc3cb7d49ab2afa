import type { AuthenticityResult } from '#shared/authenticity';
import type { CompanyProfile } from '#shared/company';
import type { TrustAnchors } from '../authenticity';
import { getCompanyOrThrow } from '../companies/companies';
import { readDianFile } from '../dian';
import { fromJson, toJson, type Db } from '../db/database';
import { announceWork } from '../workers/work-signal';
import { agentStateAt, switchEventInSameSecond } from './agent-switch';
import { dianCopyEnvironment } from './awaiting-dian-copy';
import { classifyArrival, WHOLE_SECOND_CHANNELS } from './classify-arrival';
import type { Clock } from './clock';
import type { ReceptionChannel } from '#shared/inbox';

export interface RecheckedDocument {
  id: string;
  number: string | null;
  supplierNit: string | null;
  authenticity: { before: string | null; after: string };
  status: { before: string; after: string };
  reason: string | null;
}

/**
 * Checks again the signatures of the documents that wait only because their authenticity could not be confirmed
 * (`AUTHENTICITY_UNCONFIRMED`), after the trust anchors changed (`agente anclas`): their stored bytes, the same
 * checks, today's anchors. What now verifies is judged again exactly as at its arrival — the agent's state at the
 * arrival time decides, so a document that came while the agent was paused or before it was activated still never
 * registers by itself — and only the entries whose verdict changed are updated. Entries already compared with DIAN's
 * stored copy keep that comparison (they are left alone).
 */
export async function recheckUnconfirmed(db: Db, clock: Clock, company: CompanyProfile, options: { anchors?: TrustAnchors } = {}): Promise<{ checked: number; changed: RecheckedDocument[] }> {
  const rows = await db
    .selectFrom('inboxDocument')
    .innerJoin('receivedFile', 'receivedFile.id', 'inboxDocument.receivedFileId')
    .innerJoin('fileBlob', 'fileBlob.sha256', 'receivedFile.sha256')
    .select(['inboxDocument.id', 'inboxDocument.cufe', 'inboxDocument.number', 'inboxDocument.supplierNit', 'inboxDocument.status', 'inboxDocument.authenticity', 'inboxDocument.authenticityJson', 'inboxDocument.arrivedAt', 'inboxDocument.receivedFileId', 'receivedFile.channel', 'fileBlob.bytes'])
    .where('inboxDocument.companyId', '=', company.id)
    .where('inboxDocument.status', '=', 'not_registered')
    .where('inboxDocument.reasonCode', '=', 'AUTHENTICITY_UNCONFIRMED')
    .orderBy('inboxDocument.arrivedAt')
    .execute();
  const { verifyOutcomes } = await import('../authenticity');
  const dianCopyAt = await dianCopyEnvironment(db, company.id);
  const changed: RecheckedDocument[] = [];
  // A file may hold several waiting documents: it is read once.
  const readFiles = new Map<string, ReturnType<typeof readDianFile>['outcomes']>();
  let checked = 0;
  for (const row of rows) {
    if (fromJson<Partial<AuthenticityResult>>(row.authenticityJson, {}).dianCopy) continue;
    let outcomes = readFiles.get(row.receivedFileId);
    if (!outcomes) readFiles.set(row.receivedFileId, (outcomes = readDianFile(row.bytes).outcomes));
    // The same document of the same stored file: found by its CUFE/CUDE, else its number.
    const outcome = outcomes.find((o) => o.document && (row.cufe ? o.document.cufe === row.cufe : o.document.number === row.number && o.document.supplier.nit === row.supplierNit));
    if (!outcome) continue;
    checked++;
    const [authenticity] = await verifyOutcomes([outcome], clock.now(), options);
    if (!authenticity) continue;
    const arrivedAt = new Date(row.arrivedAt);
    const state = await agentStateAt(db, company.id, arrivedAt);
    const sameSecondSwitch = WHOLE_SECOND_CHANNELS.includes(row.channel as ReceptionChannel) ? await switchEventInSameSecond(db, company.id, arrivedAt) : undefined;
    const verdict = classifyArrival(outcome, company, state, arrivedAt, { authenticity, sameSecondSwitch, askDianCopy: dianCopyAt !== undefined });
    if (verdict.status === row.status && verdict.reasonCode === 'AUTHENTICITY_UNCONFIRMED' && authenticity.code === row.authenticity) continue;
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      // Only if nobody changed it meanwhile (a person registering it by hand, another process).
      const updated = await trx
        .updateTable('inboxDocument')
        .set({ status: verdict.status, reasonCode: verdict.reasonCode ?? null, reason: verdict.reason ?? null, authenticity: authenticity.code, authenticityJson: toJson(authenticity), dianCopyNextAt: verdict.reasonCode === 'AWAITING_DIAN_COPY' ? now : null, updatedAt: now })
        .where('id', '=', row.id)
        .where('status', '=', 'not_registered')
        .where('reasonCode', '=', 'AUTHENTICITY_UNCONFIRMED')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      if (verdict.status === 'pending') await announceWork(trx);
      changed.push({ id: row.id, number: row.number, supplierNit: row.supplierNit, authenticity: { before: row.authenticity, after: authenticity.code }, status: { before: row.status, after: verdict.status }, reason: verdict.reason ?? null });
    });
  }
  return { checked, changed };
}

/**
 * At start-up: the companies whose waiting documents were last checked under other trust anchors than those in
 * force now (anchors installed with `agente anclas`, then a restart) are checked again with
 * {@link recheckUnconfirmed}, without anybody having to remember `documents recheck`; each company is then marked as
 * checked under these anchors, so the next start does nothing. A company never checked (new, or from before this
 * mark existed) is checked once: its waiting documents may predate anchors installed since.
 */
export async function recheckWhereAnchorsChanged(db: Db, clock: Clock, anchors: TrustAnchors): Promise<{ company: CompanyProfile; checked: number; changed: RecheckedDocument[] }[]> {
  const stale = await db
    .selectFrom('company')
    .select('id')
    .where((eb) => eb.or([eb('anchorsCheckedKey', 'is', null), eb('anchorsCheckedKey', '!=', anchors.key)]))
    .orderBy('createdAt')
    .execute();
  const results = [];
  for (const { id } of stale) {
    const company = await getCompanyOrThrow(db, id);
    const result = await recheckUnconfirmed(db, clock, company, { anchors });
    await db.updateTable('company').set({ anchorsCheckedKey: anchors.key }).where('id', '=', id).execute();
    results.push({ company, ...result });
  }
  return results;
}
