import type { AuthenticityResult, DianCopyFacts } from '#shared/authenticity';
import type { NotRegisteredReason } from '#shared/inbox';
import { compareWithDianCopy, differenceText } from '../authenticity/dian-copy';
import { fromJson, toJson, type Db } from '../db/database';
import { readDianFile, signedTextsOf } from '../dian';
import { loadCredential } from '../radian/company-certificate';
import type { DianCopyGateway } from '../radian/ports';
import type { SecretBox } from '../secrets/secret-box';
import { isAgentActive } from './agent-switch';
import type { Clock } from './clock';
import { dianCopyEnvironment } from './awaiting-dian-copy';
import { bogotaTimeText } from './format';

/**
 * «La copia de la DIAN» (README «¿Cómo sé que una factura es auténtica?»): when a company configured its certificate
 * and DIAN's production environment (Eventos RADIAN), every received purchase document that the offline checks would
 * let through — `verified`, or `unverifiable` only because a certificate chains to no authority we ship — waits for
 * DIAN's stored copy (`GetXmlByDocumentKey(CUFE)`) before it is registered, and is compared with it
 * (server/authenticity/dian-copy.ts):
 *
 * - the same document: registers by itself; an `unverifiable` one says it was confirmed by DIAN;
 * - another document under that CUFE, or a CUFE DIAN does not know (404): may have been altered, never registered;
 * - DIAN refuses the query (401): as without the check, saying what to do (an `unverifiable` one waits for a person);
 * - no answer: a `verified` document is not held back (it registers, the fact says DIAN did not answer); an
 *   `unverifiable` one waits and DIAN is asked again, a bounded number of times, then it waits for a person.
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

  /** Asks DIAN about every entry due now, oldest arrival first, for companies whose agent is active. */
  async runDue(): Promise<DianCopyReport> {
    const { db, clock } = this.options;
    const report: DianCopyReport = { asked: 0, ready: 0, refused: 0, waiting: 0 };
    const due = await db
      .selectFrom('inboxDocument')
      .select(['id', 'companyId', 'receivedFileId', 'cufe', 'kind', 'authenticityJson', 'dianCopyAttempts'])
      .where('status', '=', 'not_registered')
      .where('reasonCode', '=', 'AWAITING_DIAN_COPY')
      .where('dianCopyNextAt', '<=', clock.now().toISOString())
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
      const settled = await this.check(row);
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
      if (Number(updated.numUpdatedRows) === 0) continue;
      if (settled.status === 'pending') report.ready++;
      else if (settled.reasonCode === 'AWAITING_DIAN_COPY') report.waiting++;
      else report.refused++;
    }
    if (report.ready > 0) this.options.onReady?.();
    return report;
  }

  private async check(row: { id: string; companyId: string; receivedFileId: string; cufe: string | null; authenticityJson: string | null; dianCopyAttempts: number }): Promise<Settled> {
    const result = fromJson<AuthenticityResult>(row.authenticityJson, undefined as never);
    if (!row.cufe) return settleOffline(result, 'El documento no trae CUFE para consultarlo en la DIAN.');
    const received = await this.receivedText(row.receivedFileId, row.cufe);
    if (!received) return settleOffline(result, 'No se encontró el texto firmado del archivo recibido para compararlo con la copia de la DIAN.');
    return this.decide(row.companyId, row.cufe, received, result, row.dianCopyAttempts + 1);
  }

  /**
   * Asks DIAN once about a document that is not in the inbox (`agente parse --copia-dian`): the offline result with
   * DIAN's answer added, as reception would record it. Nothing is stored. `undefined` without a configured certificate.
   */
  async inspect(companyId: string, cufe: string, received: string, result: AuthenticityResult): Promise<AuthenticityResult | undefined> {
    if (!(await dianCopyEnvironment(this.options.db, companyId))) return undefined;
    return (await this.decide(companyId, cufe, received, result, 1)).result;
  }

  private async decide(companyId: string, cufe: string, received: string, result: AuthenticityResult, attempts: number): Promise<Settled> {
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
    if (!environment) return settleOffline(result, 'La empresa ya no tiene configurado su certificado para consultar a la DIAN.');
    const row = { companyId, cufe };

    let credential;
    try {
      credential = await loadCredential(db, this.options.box(), row.companyId, now);
    } catch (error) {
      // Not DIAN's fault and not transient (an expired certificate, a secret that no longer opens): said, not retried.
      return settleOffline({ ...result, dianCopy: fact('unreachable', `No se pudo preguntar a la DIAN: ${(error as Error).message}`) }, `No se pudo preguntar a la DIAN: ${(error as Error).message}`);
    }

    let answer;
    try {
      answer = await this.options.gateway().storedCopy(row.cufe, environment, credential);
    } catch (error) {
      return this.unreachable(result, fact('unreachable', (error as Error).message), now);
    }
    const dian = { dianCode: answer.code, dianMessage: answer.message };
    if (answer.code === '100' && answer.xml) {
      const compared = compareWithDianCopy(received, answer.xml, row.cufe);
      if (compared.matches) {
        return matched(result, fact('matches', 'La copia que guarda la DIAN es idéntica al documento recibido.', { ...dian, comparison: compared.comparison }));
      }
      const why = differenceText(compared);
      return altered(result, fact('differs', `La copia que guarda la DIAN no es igual al documento recibido: ${why}.`, { ...dian, comparison: compared.comparison }), `Puede haber sido alterado: la copia que la DIAN guarda de este CUFE no es igual al documento recibido (${why}).`);
    }
    if (answer.code === '404') {
      return altered(
        result,
        fact('unknown_to_dian', `La DIAN no conoce este CUFE (${answer.message || 'no encontrado'}).`, dian),
        `Puede haber sido alterado o inventado: la DIAN no tiene ningún documento con este CUFE (${row.cufe.slice(0, 12)}…), así que nunca lo validó.`,
      );
    }
    if (answer.code === '401') {
      const detail =
        `La DIAN no dejó consultar su copia (${answer.message || 'no autorizado'}). La DIAN solo la muestra al emisor o al receptor del documento: ` +
        'revisa que el certificado subido en Eventos RADIAN sea el de tu empresa y que la factura esté a nombre de tu NIT; si consultas por medio de un proveedor tecnológico, este necesita la autorización de la DIAN para tu NIT.';
      return settleOffline({ ...result, dianCopy: fact('not_authorized', detail, dian) }, detail);
    }
    const odd = answer.code === '100' ? 'La DIAN respondió sin el documento.' : `La DIAN respondió con un código que no se esperaba (${answer.code}: ${answer.message}).`;
    return this.unreachable(result, fact('unreachable', odd, dian), now);
  }

  /** DIAN did not answer: a verified document goes on; an unverifiable one waits for the next attempt, while any is left. */
  private unreachable(result: AuthenticityResult, facts: DianCopyFacts, now: Date): Settled {
    const delay = this.delays[facts.attempts - 1];
    if (result.code !== 'verified' && delay !== undefined) {
      const nextAt = new Date(now.getTime() + delay);
      const dianCopy = { ...facts, detail: `${facts.detail} Se volverá a preguntar el ${bogotaTimeText(nextAt)}.`, nextAttemptAt: nextAt.toISOString() };
      return { result: { ...result, dianCopy }, status: 'not_registered', reasonCode: 'AWAITING_DIAN_COPY', reason: `La DIAN no respondió al pedirle su copia del documento; se volverá a preguntar el ${bogotaTimeText(nextAt)}.`, nextAt: nextAt.toISOString() };
    }
    const detail = result.code === 'verified' ? `${facts.detail} No se esperó a la DIAN: las firmas ya estaban verificadas.` : `${facts.detail} La DIAN no respondió en ${facts.attempts} intentos.`;
    return settleOffline({ ...result, dianCopy: { ...facts, detail } }, detail);
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

function matched(result: AuthenticityResult, dianCopy: DianCopyFacts): Settled {
  if (result.code === 'verified') {
    return { result: { ...result, dianCopy, reason: `${result.reason} La copia que guarda la DIAN es idéntica.` }, status: 'pending', reasonCode: null, reason: null, nextAt: null };
  }
  const reason = `Confirmado por la DIAN: la copia que la DIAN guarda de este CUFE es idéntica al documento recibido, así que se registra aunque las firmas no se pudieron confirmar por sí solas (${result.reason})`;
  return { result: { ...result, dianCopy, confirmedByDian: true, reason }, status: 'pending', reasonCode: null, reason: null, nextAt: null };
}

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
 * Without DIAN's word, the offline policy (classify-arrival.ts): `verified`, and an `unverifiable` document whose
 * only unknown is the supplier's authority, register ("por verificar" for the latter); any other waits for a person.
 */
function settleOffline(result: AuthenticityResult, note: string): Settled {
  if (result.code === 'verified' || result.onlySupplierChainUnknown) return { result, status: 'pending', reasonCode: null, reason: null, nextAt: null };
  return { result, status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', reason: `${result.reason} ${note} Puedes registrarlo a mano si lo revisaste.`, nextAt: null };
}
