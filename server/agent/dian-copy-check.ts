import type { AuthenticityResult, DianCopyFacts } from '#shared/authenticity';
import type { NotRegisteredReason } from '#shared/inbox';
import { compareWithDianCopy, differenceText } from '../authenticity/dian-copy';
import { fromJson, toJson, type Db } from '../db/database';
import { readDianFile, signedTextsOf } from '../dian';
import { loadCredential } from '../radian/company-certificate';
import type { DianCopyGateway } from '../radian/ports';
import type { SecretBox } from '../secrets/secret-box';
import { getCompanyOrThrow } from '../companies/companies';
import { isAgentActive } from './agent-switch';
import { dianCopyEnvironment, isBare, WHAT_TO_DO_WHEN_ALTERED_AFTER_REGISTRATION } from './awaiting-dian-copy';
import { authenticityVerdict } from './classify-arrival';
import type { Clock } from './clock';
import { bogotaTimeText } from './format';
import { authenticityNotes } from './register-document';

/**
 * «La copia de la DIAN» (README «¿Cómo sé que una factura es auténtica?»): when a company configured its certificate
 * and DIAN's production environment (Eventos RADIAN), every received purchase document that the offline checks would
 * let through — `verified`, or `unverifiable` only because a certificate chains to no authority we ship — and every
 * bare document whose supplier signature holds, waits for DIAN's stored copy (`GetXmlByDocumentKey(CUFE)`) before it is registered, and is compared with it
 * (server/authenticity/dian-copy.ts):
 *
 * - the same document: registers by itself; an `unverifiable` one says it was confirmed by DIAN; a bare document (no
 *   DIAN response) keeps waiting for a person, who sees that DIAN holds an identical copy (awaiting-dian-copy.ts
 *   `isBare` says why that proves less), unless the company trusts its supplier;
 * - another document under that CUFE, or a CUFE DIAN does not know (404): may have been altered, never registered;
 * - DIAN refuses the query (401): as without the check, saying what to do (an `unverifiable` one waits for a person);
 * - no answer: what the offline policy registers (`verified`…) is not held back: it registers, and DIAN is asked
 *   again later on the same schedule; should DIAN's copy then differ or be missing, the registered bill is flagged
 *   (document reason POSSIBLY_ALTERED, the bill «por verificar» saying what to do, the panel's warnings) and no
 *   automatic RADIAN event goes out for it. What waits for a person is asked again too, then left to the person.
 * - a document a person registered by hand while it waited is still compared when due, like the above.
 *
 * Pause means pause: DIAN is asked only while the company's agent is active (ingest marks only documents that
 * arrived with it active; `runDue` skips paused companies). The offline result code is never changed: the answer is
 * added as facts (`dianCopy`, `confirmedByDian`) and the reason.
 */

/** Waits between attempts while DIAN does not answer: 2 min, 10 min, 30 min, 2 h, then a person decides. */
export const DIAN_COPY_RETRY_DELAYS_MS: readonly number[] = [2 * 60_000, 10 * 60_000, 30 * 60_000, 2 * 3_600_000];

export interface DianCopyCheckerOptions {
  db: Db;
  clock: Clock;
  gateway: () => DianCopyGateway;
  box: () => SecretBox;
  /** Called when documents became ready to register (the processor wakes). */
  onReady?: () => void;
  retryDelaysMs?: readonly number[];
}

export interface DianCopyReport {
  asked: number;
  ready: number;
  refused: number;
  waiting: number;
  /** Registered bills DIAN's copy refuted afterwards (flagged «por verificar»). */
  flagged: number;
}

interface Settled {
  result: AuthenticityResult;
  status: 'pending' | 'not_registered';
  reasonCode: NotRegisteredReason | null;
  reason: string | null;
  nextAt: string | null;
}

export class DianCopyChecker {
  private readonly delays: readonly number[];

  constructor(private readonly options: DianCopyCheckerOptions) {
    this.delays = options.retryDelaysMs ?? DIAN_COPY_RETRY_DELAYS_MS;
  }

  /**
   * Asks DIAN about every entry due now, oldest arrival first, for companies whose agent is active: documents waiting
   * for DIAN's copy, and registered ones whose comparison is still owed (DIAN did not answer before they registered).
   */
  async runDue(): Promise<DianCopyReport> {
    const { db, clock } = this.options;
    const report: DianCopyReport = { asked: 0, ready: 0, refused: 0, waiting: 0, flagged: 0 };
    const due = await db
      .selectFrom('inboxDocument')
      .select(['id', 'companyId', 'receivedFileId', 'cufe', 'status', 'supplierNit', 'authenticityJson', 'dianCopyAttempts'])
      .where('dianCopyNextAt', '<=', clock.now().toISOString())
      .where((eb) => eb.or([eb.and([eb('status', '=', 'not_registered'), eb('reasonCode', '=', 'AWAITING_DIAN_COPY')]), eb('status', '=', 'registered')]))
      .orderBy('arrivedAt')
      .limit(100)
      .execute();
    const paused = new Set<string>();
    for (const row of due) {
      if (paused.has(row.companyId)) continue;
      // Pause means pause: no call to DIAN with the company's certificate while its agent is paused.
      if (!(await isAgentActive(db, row.companyId, clock))) {
        paused.add(row.companyId);
        continue;
      }
      report.asked++;
      const answer = await this.ask(row);
      if (row.status === 'not_registered' && (await this.settleWaiting(row, answer, report))) continue;
      // Registered meanwhile (by a person, while DIAN was being asked), or registered before: the bill is what is left to flag.
      if (await this.settleRegistered(row, answer)) report.flagged++;
    }
    if (report.ready > 0) this.options.onReady?.();
    return report;
  }

  /** A document still waiting: settled as the offline policy and DIAN's answer say. False when it no longer waits. */
  private async settleWaiting(row: DueRow, answer: Answer, report: DianCopyReport): Promise<boolean> {
    const { db, clock } = this.options;
    const settled = await this.settle(row, answer);
    const updated = await db
      .updateTable('inboxDocument')
      .set({
        status: settled.status,
        reasonCode: settled.reasonCode,
        reason: settled.reason,
        authenticityJson: toJson(settled.result),
        dianCopyAttempts: settled.result.dianCopy?.attempts ?? row.dianCopyAttempts,
        dianCopyNextAt: settled.nextAt,
        updatedAt: clock.now().toISOString(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'not_registered')
      .where('reasonCode', '=', 'AWAITING_DIAN_COPY')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    if (settled.status === 'pending') report.ready++;
    else if (settled.reasonCode === 'AWAITING_DIAN_COPY') report.waiting++;
    else report.refused++;
    return true;
  }

  /**
   * A registered document's owed comparison. Identical: said. Different or unknown to DIAN: the document says it may
   * have been altered and its bill becomes «por verificar» with what to do (nothing is deleted: the books and Alegra
   * are a person's to correct). No answer: asked again while the schedule lasts. True when the bill was flagged.
   */
  private async settleRegistered(row: DueRow, answer: Answer): Promise<boolean> {
    const { db, clock } = this.options;
    const current = await db.selectFrom('inboxDocument').select(['status', 'authenticityJson', 'dianCopyAttempts']).where('id', '=', row.id).executeTakeFirst();
    if (current?.status !== 'registered') return false;
    const now = clock.now();
    // The facts as they are now (a person's registration keeps them), with DIAN's answer added.
    const result = fromJson<AuthenticityResult>(current.authenticityJson, undefined as never);
    let nextAt: string | null = null;
    let altered: string | undefined;
    let next: AuthenticityResult;
    if (answer.kind === 'matches') {
      next = { ...result, dianCopy: answer.facts, ...(result.code === 'unverifiable' && !isBare(result) ? { confirmedByDian: true } : {}) };
    } else if (answer.kind === 'altered') {
      altered = `${answer.reason} Se registró antes de que la DIAN respondiera. ${WHAT_TO_DO_WHEN_ALTERED_AFTER_REGISTRATION}`;
      next = { ...result, dianCopy: answer.facts, reason: answer.reason };
    } else if (answer.kind === 'unreachable') {
      const facts = answer.facts;
      const delay = this.delays[facts.attempts - 1];
      let detail = `${facts.detail} La DIAN no respondió en ${facts.attempts} intentos: quedó registrado sin compararlo con su copia.`;
      if (delay !== undefined) {
        const at = new Date(now.getTime() + delay);
        nextAt = at.toISOString();
        detail = `${facts.detail} Ya está registrado; se volverá a comparar con la copia de la DIAN el ${bogotaTimeText(at)}.`;
      }
      next = { ...result, dianCopy: { ...facts, detail, ...(nextAt ? { nextAttemptAt: nextAt } : {}) } };
    } else {
      next = answer.facts ? { ...result, dianCopy: answer.facts } : result;
    }
    const updated = await db
      .updateTable('inboxDocument')
      .set({
        authenticityJson: toJson(next),
        dianCopyAttempts: next.dianCopy?.attempts ?? current.dianCopyAttempts,
        dianCopyNextAt: nextAt,
        ...(altered ? { reasonCode: 'POSSIBLY_ALTERED', reason: altered } : {}),
        updatedAt: now.toISOString(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'registered')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    // The bill's authenticity note follows: refuted, it says so; confirmed by DIAN (an unknown authority), it goes.
    if (altered || (next.confirmedByDian && !result.confirmedByDian)) await refreshBillNotes(db, row.id, next, now);
    return !!altered;
  }

  /** DIAN's answer about a row: its copy compared with the received text, or why it could not be asked. */
  private async ask(row: DueRow): Promise<Answer> {
    if (!row.cufe) return { kind: 'offline', note: 'El documento no trae CUFE para consultarlo en la DIAN.' };
    const received = await this.receivedText(row.receivedFileId, row.cufe);
    if (!received) return { kind: 'offline', note: 'No se encontró el texto firmado del archivo recibido para compararlo con la copia de la DIAN.' };
    return this.askDian(row.companyId, row.cufe, received, row.dianCopyAttempts + 1);
  }

  /** A waiting row settled: the company's current policy (a trusted supplier…) and DIAN's answer. */
  private async settle(row: DueRow, answer: Answer): Promise<Settled> {
    const result = fromJson<AuthenticityResult>(row.authenticityJson, undefined as never);
    const company = await getCompanyOrThrow(this.options.db, row.companyId);
    const registersWithoutDian = authenticityVerdict(result, company, row.supplierNit ?? '') === undefined;
    return settleWith(result, answer, registersWithoutDian, this.options.clock.now(), this.delays);
  }

  /**
   * Asks DIAN once about a document that is not in the inbox (`agente parse --copia-dian`): the offline result with
   * DIAN's answer added, as reception would record it. Nothing is stored. `undefined` without a configured certificate.
   */
  async inspect(companyId: string, cufe: string, received: string, result: AuthenticityResult): Promise<AuthenticityResult | undefined> {
    if (!(await dianCopyEnvironment(this.options.db, companyId))) return undefined;
    const answer = await this.askDian(companyId, cufe, received, 1);
    const registersWithoutDian = result.code === 'verified' || !!result.onlySupplierChainUnknown;
    return settleWith(result, answer, registersWithoutDian, this.options.clock.now(), this.delays).result;
  }

  private async askDian(companyId: string, cufe: string, received: string, attempts: number): Promise<Answer> {
    const { db, clock } = this.options;
    const now = clock.now();
    const environment = await dianCopyEnvironment(db, companyId);
    const fact = (status: DianCopyFacts['status'], detail: string, extra: Partial<DianCopyFacts> = {}): DianCopyFacts => ({
      status,
      detail,
      askedAt: now.toISOString(),
      attempts,
      environment: environment ?? 'produccion',
      ...extra,
    });
    if (!environment) return { kind: 'offline', note: 'La empresa ya no tiene configurado su certificado para consultar a la DIAN.' };

    let credential;
    try {
      credential = await loadCredential(db, this.options.box(), companyId, now);
    } catch (error) {
      // Not DIAN's fault and not transient (an expired certificate, a secret that no longer opens): said, not retried.
      const note = `No se pudo preguntar a la DIAN: ${(error as Error).message}`;
      return { kind: 'offline', facts: fact('unreachable', note), note };
    }

    let answer;
    try {
      answer = await this.options.gateway().storedCopy(cufe, environment, credential);
    } catch (error) {
      return { kind: 'unreachable', facts: fact('unreachable', (error as Error).message) };
    }
    const dian = { dianCode: answer.code, dianMessage: answer.message };
    if (answer.code === '100' && answer.xml) {
      const compared = compareWithDianCopy(received, answer.xml, cufe);
      if (compared.matches) {
        return { kind: 'matches', facts: fact('matches', 'La copia que guarda la DIAN es idéntica al documento recibido.', { ...dian, comparison: compared.comparison }) };
      }
      const why = differenceText(compared);
      return {
        kind: 'altered',
        facts: fact('differs', `La copia que guarda la DIAN no es igual al documento recibido: ${why}.`, { ...dian, comparison: compared.comparison }),
        reason: `Puede haber sido alterado: la copia que la DIAN guarda de este CUFE no es igual al documento recibido (${why}).`,
      };
    }
    if (answer.code === '404') {
      return {
        kind: 'altered',
        facts: fact('unknown_to_dian', `La DIAN no conoce este CUFE (${answer.message || 'no encontrado'}).`, dian),
        reason: `Puede haber sido alterado o inventado: la DIAN no tiene ningún documento con este CUFE (${cufe.slice(0, 12)}…), así que nunca lo validó.`,
      };
    }
    if (answer.code === '401') {
      const detail =
        `La DIAN no dejó consultar su copia (${answer.message || 'no autorizado'}). La DIAN solo la muestra al emisor o al receptor del documento: ` +
        'revisa que el certificado subido en Eventos RADIAN sea el de tu empresa y que la factura esté a nombre de tu NIT; si consultas por medio de un proveedor tecnológico, este necesita la autorización de la DIAN para tu NIT.';
      return { kind: 'offline', facts: fact('not_authorized', detail, dian), note: detail };
    }
    const odd = answer.code === '100' ? 'La DIAN respondió sin el documento.' : `La DIAN respondió con un código que no se esperaba (${answer.code}: ${answer.message}).`;
    return { kind: 'unreachable', facts: fact('unreachable', odd, dian) };
  }

  /** The embedded document exactly as received (the container's CDATA), read again from the stored file. */
  private async receivedText(receivedFileId: string, cufe: string): Promise<string | undefined> {
    const file = await this.options.db
      .selectFrom('receivedFile')
      .innerJoin('fileBlob', 'fileBlob.sha256', 'receivedFile.sha256')
      .select(['receivedFile.sourceRef', 'fileBlob.bytes'])
      .where('receivedFile.id', '=', receivedFileId)
      .executeTakeFirst();
    if (!file) return undefined;
    for (const outcome of readDianFile(file.bytes, { name: file.sourceRef }).outcomes) {
      if (outcome.document?.cufe.toLowerCase() === cufe.toLowerCase()) return signedTextsOf(outcome.document)?.document;
    }
    return undefined;
  }
}

interface DueRow {
  id: string;
  companyId: string;
  receivedFileId: string;
  cufe: string | null;
  status: string;
  supplierNit: string | null;
  authenticityJson: string | null;
  dianCopyAttempts: number;
}

/** What came of asking DIAN: its copy matched, shows another document (or none), no answer, or no question asked. */
type Answer =
  | { kind: 'matches'; facts: DianCopyFacts }
  | { kind: 'altered'; facts: DianCopyFacts; reason: string }
  | { kind: 'unreachable'; facts: DianCopyFacts }
  /** Not DIAN's word (401, no certificate…): the offline policy decides; `note` says why. */
  | { kind: 'offline'; facts?: DianCopyFacts; note: string };

/**
 * A waiting document's next state. `registersWithoutDian`: the offline policy registers it by itself (`verified`,
 * unknown supplier authority only, a trusted supplier's bare document: classify-arrival.ts `authenticityVerdict`).
 */
function settleWith(result: AuthenticityResult, answer: Answer, registersWithoutDian: boolean, now: Date, delays: readonly number[]): Settled {
  switch (answer.kind) {
    case 'matches':
      return matched(result, answer.facts, registersWithoutDian);
    case 'altered':
      return altered(result, answer.facts, answer.reason);
    case 'offline':
      return settleOffline(answer.facts ? { ...result, dianCopy: answer.facts } : result, answer.note, registersWithoutDian);
    case 'unreachable':
      return unreachable(result, answer.facts, registersWithoutDian, now, delays);
  }
}

function matched(result: AuthenticityResult, dianCopy: DianCopyFacts, registersWithoutDian: boolean): Settled {
  if (result.code === 'verified') {
    return { result: { ...result, dianCopy, reason: `${result.reason} La copia que guarda la DIAN es idéntica.` }, status: 'pending', reasonCode: null, reason: null, nextAt: null };
  }
  if (isBare(result)) {
    // DIAN holds this very text, which is not DIAN saying it validated it (awaiting-dian-copy.ts `isBare`).
    const next = { ...result, dianCopy, reason: `${result.reason} La DIAN guarda una copia idéntica de este documento.` };
    if (registersWithoutDian) return { result: next, status: 'pending', reasonCode: null, reason: null, nextAt: null };
    return { result: next, status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', reason: BARE_MATCH_REASON, nextAt: null };
  }
  const reason = `Confirmado por la DIAN: la copia que la DIAN guarda de este CUFE es idéntica al documento recibido, así que se registra aunque las firmas no se pudieron confirmar por sí solas (${result.reason})`;
  return { result: { ...result, dianCopy, confirmedByDian: true, reason }, status: 'pending', reasonCode: null, reason: null, nextAt: null };
}

/** A bare document DIAN holds identically: what the person deciding reads. */
const BARE_MATCH_REASON =
  'La DIAN guarda una copia idéntica de este documento: el proveedor sí se lo envió a la DIAN con este CUFE. Pero llegó sin la respuesta de la DIAN que lo valida, y su copia no dice si la DIAN lo validó o lo rechazó. ' +
  'Revisa su estado en el portal de la DIAN (catalogo-vpfe.dian.gov.co, con el CUFE) o pídele al proveedor el archivo completo, y regístralo a mano si corresponde.';

function altered(result: AuthenticityResult, dianCopy: DianCopyFacts, reason: string): Settled {
  return {
    result: { ...result, dianCopy, reason },
    status: 'not_registered',
    reasonCode: 'POSSIBLY_ALTERED',
    reason: `${reason} No se registra: pídele al proveedor que te envíe de nuevo el original.`,
    nextAt: null,
  };
}

/**
 * DIAN did not answer. What the offline policy registers goes on, and DIAN is asked again later (its answer can still
 * flag the bill); what waits for a person waits for the next attempt, while any is left, then for the person.
 */
function unreachable(result: AuthenticityResult, facts: DianCopyFacts, registersWithoutDian: boolean, now: Date, delays: readonly number[]): Settled {
  const delay = delays[facts.attempts - 1];
  const nextAt = delay === undefined ? undefined : new Date(now.getTime() + delay);
  if (registersWithoutDian) {
    const why = result.code === 'verified' ? 'las firmas ya estaban verificadas' : 'sin ella también se registra';
    const later = nextAt ? ` Se volverá a comparar con la copia de la DIAN el ${bogotaTimeText(nextAt)}.` : '';
    const dianCopy = { ...facts, detail: `${facts.detail} No se esperó a la DIAN: ${why}.${later}`, ...(nextAt ? { nextAttemptAt: nextAt.toISOString() } : {}) };
    return { result: { ...result, dianCopy }, status: 'pending', reasonCode: null, reason: null, nextAt: nextAt?.toISOString() ?? null };
  }
  if (nextAt) {
    const dianCopy = { ...facts, detail: `${facts.detail} Se volverá a preguntar el ${bogotaTimeText(nextAt)}.`, nextAttemptAt: nextAt.toISOString() };
    return { result: { ...result, dianCopy }, status: 'not_registered', reasonCode: 'AWAITING_DIAN_COPY', reason: `La DIAN no respondió al pedirle su copia del documento; se volverá a preguntar el ${bogotaTimeText(nextAt)}.`, nextAt: nextAt.toISOString() };
  }
  const detail = `${facts.detail} La DIAN no respondió en ${facts.attempts} intentos.`;
  return settleOffline({ ...result, dianCopy: { ...facts, detail } }, detail, false);
}

/** Without DIAN's word, the offline policy (classify-arrival.ts): what it registers registers; the rest waits for a person. */
function settleOffline(result: AuthenticityResult, note: string, registersWithoutDian: boolean): Settled {
  if (registersWithoutDian) return { result, status: 'pending', reasonCode: null, reason: null, nextAt: null };
  return { result, status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', reason: `${result.reason} ${note} Puedes registrarlo a mano si lo revisaste.`, nextAt: null };
}

/**
 * The authenticity note of a registered document's bill, after DIAN's copy answered: refuted, «por verificar» saying
 * what to do; confirmed by DIAN, the «Autenticidad» note goes. The same notes recomputing the bill writes
 * (register-document.ts `authenticityNotes`); the bill's other notes are kept.
 */
async function refreshBillNotes(db: Db, documentId: string, result: AuthenticityResult, now: Date): Promise<void> {
  const bill = await db.selectFrom('bill').select(['id', 'reviewNotes']).where('documentId', '=', documentId).executeTakeFirst();
  if (!bill) return;
  const notes = authenticityNotes({ authenticity: result.code, authenticityJson: toJson(result) });
  const reviewNotes = [...notes, ...fromJson<string[]>(bill.reviewNotes, []).filter((n) => !n.startsWith('Autenticidad'))];
  await db
    .updateTable('bill')
    .set({ needsReview: reviewNotes.length > 0 ? 1 : 0, reviewNotes: toJson(reviewNotes), updatedAt: now.toISOString() })
    .where('id', '=', bill.id)
    .execute();
}
