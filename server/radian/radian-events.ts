import { randomUUID } from 'node:crypto';
import { bogotaDate } from '#shared/bogota-time';
import { resultMayBeAltered, type AuthenticityCode, type AuthenticityResult } from '#shared/authenticity';
import type { DianDocument } from '#shared/dian-document';
import { CLAIM_REASONS, type ClaimCode, type RadianCode, type RadianEventView } from '#shared/radian';
import { isAgentActive } from '../agent/agent-switch';
import { systemClock, type Clock } from '../agent/clock';
import type { BillEvent, BillListener } from '../agent/register-document';
import { getCompanyOrThrow } from '../companies/companies';
import { fromJson, type Db } from '../db/database';
import type { BillRow, RadianEventRow } from '../db/schema';
import { ConflictError, InputError, NotFoundError } from '../errors';
import { SecretBox } from '../secrets/secret-box';
import { actorName, type ActorLike } from '../users/actor';
import { recordAudit } from '../users/audit';
import { eventView, radianFacts } from './bill-state';
import { loadCredential } from './company-certificate';
import { buildEventXml, type EventParty } from './event-document';
import { orderProblem } from './event-rules';
import type { CompanyCredential, DianAnswer, DianEnvironment, DianEventGateway, DianSoftware, SignedEvent, SmtpSettings, SupplierNotifier } from './ports';
import { loadRuntimeSettings, requireSoftware, type RadianRuntimeSettings } from './radian-settings';
import { signEvent } from './sign-event';

/**
 * What carries events out of the agent (server/radian/dian, server/radian/supplier-mail.ts): DIAN's web service, and
 * a notifier for a company's outgoing mail server. Injected, so the event side is tested with recording doubles and
 * the transports slot in at the composition root (`radianTransports()` in transports.ts).
 */
export interface RadianTransports {
  gateway: DianEventGateway;
  notifier(smtp: SmtpSettings): SupplierNotifier;
}

export interface RadianEventsOptions {
  db: Db;
  transports: RadianTransports;
  clock?: Clock;
  /** The box that opens the PIN, the certificate and the SMTP password (`SecretBox.fromEnv()` on first need). */
  box?: SecretBox | (() => SecretBox);
  /** How long a person's «Enviar» waits for DIAN, retries included (default PERSON_WAIT_MS). */
  personWaitMs?: number;
}

/**
 * A person pressing «Enviar» waits this long for DIAN at most, retries included; then the event stays pending and
 * the 15-minute resend (serve-command.ts) carries it with the client's own, longer timeouts. The agent's own sending
 * has no such limit: nobody is waiting.
 */
export const PERSON_WAIT_MS = 20_000;

/** Who the agent is in the audit trail when it sends by itself. */
export const AGENT_ACTOR = 'agente';

/**
 * The buyer's RADIAN events of one database: `sendEvent` checks the order rules, builds, signs and stores the event
 * (before anything leaves), gives it to DIAN, stores DIAN's answer and, once accepted, sends the supplier its copy.
 * As a `BillListener` it sends 030 (and 032) by itself when the company asked for it.
 */
export class RadianEvents {
  readonly db: Db;
  readonly clock: Clock;
  private readonly transports: RadianTransports;
  /** Opens and seals the company's RADIAN secrets (same key as the mailbox password). */
  readonly box: () => SecretBox;
  private readonly personWaitMs: number;
  private queue: Promise<void> = Promise.resolve();
  private retrying = false;

  constructor(options: RadianEventsOptions) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    this.transports = options.transports;
    this.personWaitMs = options.personWaitMs ?? PERSON_WAIT_MS;
    let box: SecretBox | undefined;
    const given = options.box;
    this.box = typeof given === 'function' ? given : () => (box ??= given ?? SecretBox.fromEnv());
  }

  /**
   * Sends one event about a registered bill. A pending event of the same code (stored, never answered) is sent
   * again as it is, same number and CUDE; otherwise a new one is built after the order rules allow it.
   * A person's sending (not `automatic`) waits for DIAN at most `personWaitMs`; `waitMs: null` waits as long as the
   * DIAN client does (the automatic resend).
   * @throws NotFoundError/InputError/ConflictError in Spanish when it may not or cannot be built (nothing is stored then)
   */
  async sendEvent(companyId: string, billId: string, code: RadianCode, actor: ActorLike, reason?: ClaimCode, options: { automatic?: boolean; waitMs?: number | null } = {}): Promise<RadianEventView> {
    const bill = await this.db.selectFrom('bill').selectAll().where('companyId', '=', companyId).where('id', '=', billId).executeTakeFirst();
    if (!bill) throw new NotFoundError(`No existe la factura registrada ${billId}.`);
    if (code === '031' && (!reason || !(reason in CLAIM_REASONS))) throw new InputError('Elige el motivo del reclamo: 01 documento con inconsistencias, 02 mercancía no entregada, 03 mercancía entregada parcialmente o 04 servicio no prestado.', 'CLAIM_REASON_REQUIRED');
    const now = this.clock.now();
    const settings = await loadRuntimeSettings(this.db, this.box(), companyId);
    const software = requireSoftware(settings);
    const credential = await loadCredential(this.db, this.box(), companyId, now);

    let { rows, facts } = await radianFacts(this.db, bill, now);
    const pending = rows.find((r) => r.code === code && r.status === 'pendiente');
    const waitMs = options.waitMs === undefined ? (options.automatic ? null : this.personWaitMs) : options.waitMs;
    if (pending && madeFor(pending.xml) === software.environment) return this.deliver(pending, bill, software, credential, settings, waitMs, actor);
    if (pending) {
      // Made for the other environment before the company switched: DIAN's client refuses to carry it (rightly), so
      // resending it would fail forever. It never reached this environment; it is set aside and a new one is made.
      await this.setAside(pending, software.environment);
      ({ rows, facts } = await radianFacts(this.db, bill, now));
    }

    const problem = orderProblem({ ...facts, code });
    if (problem) throw new ConflictError(problem, 'RADIAN_ORDER');
    if ((code === '030' || code === '032') && !settings.receiver) {
      throw new NotFoundError('Falta la persona que recibe los bienes y servicios (nombre, identificación, cargo y área) en Eventos RADIAN.', 'RADIAN_RECEIVER_MISSING');
    }
    const stored = await this.store(bill, code, actorName(actor), code === '031' ? reason : undefined, options.automatic === true, software, credential, settings);
    return this.deliver(stored, bill, software, credential, settings, waitMs, actor);
  }

  /**
   * Numbers, builds, signs and stores the event in one transaction: the number is taken only if the signed event is
   * stored with it, so the numbering has no gaps, and two requests never make two live events of one code (the
   * database's unique index `radian_event_live`).
   */
  private async store(bill: BillRow, code: RadianCode, actor: string, claim: ClaimCode | undefined, automatic: boolean, software: DianSoftware, credential: CompanyCredential, settings: RadianRuntimeSettings): Promise<RadianEventRow> {
    const company = await getCompanyOrThrow(this.db, bill.companyId);
    const document = await this.db.selectFrom('inboxDocument').select(['documentJson']).where('id', '=', bill.documentId).executeTakeFirstOrThrow();
    const dian = fromJson<DianDocument | undefined>(document.documentJson, undefined);
    const supplier = await this.db.selectFrom('supplier').select(['nit', 'name', 'idType', 'personType']).where('id', '=', bill.supplierId).executeTakeFirstOrThrow();
    const now = this.clock.now();
    const { date, time, signingTime } = bogotaStamp(now);
    const receiver: EventParty = {
      name: dian?.supplier.name ?? supplier.name,
      nit: supplier.nit,
      ...(supplier.idType ?? dian?.supplier.idType ? { idType: (supplier.idType ?? dian?.supplier.idType)! } : {}),
      personType: (supplier.personType ?? dian?.supplier.personType) === 'natural' ? '2' : '1',
    };
    try {
      return await this.db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('radianSequence').select('lastNumber').where('companyId', '=', bill.companyId).executeTakeFirst();
        const seq = (current?.lastNumber ?? 0) + 1;
        if (current) await trx.updateTable('radianSequence').set({ lastNumber: seq }).where('companyId', '=', bill.companyId).where('lastNumber', '=', current.lastNumber).execute();
        else await trx.insertInto('radianSequence').values({ companyId: bill.companyId, lastNumber: seq }).execute();
        const number = `EV${String(seq).padStart(8, '0')}`;
        const built = buildEventXml({
          code,
          number,
          issueDate: date,
          issueTime: time,
          software,
          sender: { name: company.name, nit: company.nit },
          receiver,
          invoice: { number: bill.number, cufe: bill.cufe, ...(dian?.typeCode ? { typeCode: dian.typeCode } : {}) },
          ...(settings.receiver && (code === '030' || code === '032') ? { person: settings.receiver } : {}),
          ...(claim ? { claim } : {}),
        });
        const xml = signEvent(built.xml, credential, { signingTime });
        const row: RadianEventRow = {
          id: randomUUID(),
          companyId: bill.companyId,
          billId: bill.id,
          code,
          seq,
          number,
          cude: built.cude,
          invoiceCufe: bill.cufe,
          claimCode: claim ?? null,
          xml,
          status: 'pendiente',
          lastError: null,
          attempts: 0,
          dianJson: null,
          supplierStatus: null,
          supplierTo: null,
          supplierMessageId: null,
          supplierError: null,
          supplierAt: null,
          actor: actor || 'desconocido',
          automatic: automatic ? 1 : 0,
          createdAt: now.toISOString(),
          sentAt: null,
          answeredAt: null,
          updatedAt: now.toISOString(),
        };
        await trx.insertInto('radianEvent').values(row).execute();
        return row;
      });
    } catch (error) {
      if (/UNIQUE constraint failed: radian_event/.test((error as Error).message)) {
        throw new ConflictError(`Otro envío del ${code} de esta factura se guardó al mismo tiempo: revisa su estado antes de repetirlo.`, 'RADIAN_ORDER');
      }
      throw error;
    }
  }

  /** Marks a pending event made for the other environment as refused without sending it (`dianJson` stays null). */
  private async setAside(row: RadianEventRow, now: DianEnvironment): Promise<void> {
    const names = { habilitacion: 'habilitación (pruebas)', produccion: 'producción' } as const;
    const made = madeFor(row.xml);
    const reason = `se hizo para ${names[made]} y la empresa ahora envía a ${names[now]}; se hizo uno nuevo.`;
    const at = this.clock.now().toISOString();
    await this.db.updateTable('radianEvent').set({ status: 'rechazado', lastError: reason, updatedAt: at }).where('id', '=', row.id).where('status', '=', 'pendiente').execute();
  }

  /**
   * Gives a stored event to DIAN and records the answer; on acceptance, the supplier's copy. With `waitMs`, stops
   * waiting after that long (the event stays pending, with a message that says so). The audit trail names who sent
   * it each time: the event row keeps its first sender (`actor`), a resend is someone else's act.
   */
  private async deliver(row: RadianEventRow, bill: BillRow, software: DianSoftware, credential: CompanyCredential, settings: RadianRuntimeSettings, waitMs: number | null, actor: ActorLike): Promise<RadianEventView> {
    const event: SignedEvent = { code: row.code as RadianCode, number: row.number, cude: row.cude, invoiceCufe: row.invoiceCufe, xml: row.xml };
    const now = this.clock.now();
    const sentAt = now.toISOString();
    await this.db.updateTable('radianEvent').set({ attempts: row.attempts + 1, sentAt, updatedAt: sentAt }).where('id', '=', row.id).execute();
    await recordAudit(this.db, {
      companyId: row.companyId,
      type: 'radian_event_sent',
      details: { eventId: row.id, number: row.number, code: row.code, billId: row.billId, attempt: row.attempts + 1, resend: row.attempts > 0 },
      actor,
      at: now,
    });
    let answer: DianAnswer;
    const deadline = waitMs === null ? undefined : new AbortController();
    const timer = deadline && setTimeout(() => deadline.abort(new Error(notAnsweredIn(waitMs!))), waitMs!);
    try {
      answer = await this.transports.gateway.sendEvent(event, software, credential, deadline ? { signal: deadline.signal } : {});
    } catch (error) {
      const message = (error as Error).message || 'error desconocido';
      await this.db.updateTable('radianEvent').set({ lastError: message, updatedAt: this.clock.now().toISOString() }).where('id', '=', row.id).execute();
      return this.view(row.id);
    } finally {
      clearTimeout(timer);
    }
    const accepted = answer.isValid || answer.alreadyProcessed;
    const answeredAt = this.clock.now().toISOString();
    await this.db
      .updateTable('radianEvent')
      .set({ status: accepted ? 'aceptado' : 'rechazado', dianJson: JSON.stringify(answer), answeredAt, lastError: null, updatedAt: answeredAt, ...(accepted ? { supplierStatus: 'pendiente' } : {}) })
      .where('id', '=', row.id)
      .execute();
    if (accepted) await this.notifySupplier(row.id, bill, event, answer, settings);
    return this.view(row.id);
  }

  private async notifySupplier(eventId: string, bill: BillRow, event: SignedEvent, answer: DianAnswer, settings: RadianRuntimeSettings): Promise<void> {
    const at = () => this.clock.now().toISOString();
    const mark = (values: { supplierStatus: string; supplierTo?: string | null; supplierMessageId?: string | null; supplierError?: string | null }) =>
      this.db.updateTable('radianEvent').set({ ...values, supplierAt: at(), updatedAt: at() }).where('id', '=', eventId).execute();
    const to = await supplierAddress(this.db, bill);
    if (!to) return void (await mark({ supplierStatus: 'sin_correo' }));
    if (!settings.smtp) return void (await mark({ supplierStatus: 'sin_smtp', supplierTo: to }));
    const company = await getCompanyOrThrow(this.db, bill.companyId);
    const supplier = await this.db.selectFrom('supplier').select(['nit', 'name']).where('id', '=', bill.supplierId).executeTakeFirstOrThrow();
    try {
      const { messageId } = await this.transports.notifier(settings.smtp).notify({
        to,
        companyName: company.name,
        companyNit: company.nit,
        supplierName: supplier.name,
        supplierNit: supplier.nit,
        event,
        dianAnswer: answer,
      });
      await mark({ supplierStatus: 'enviado', supplierTo: to, supplierMessageId: messageId, supplierError: null });
    } catch (error) {
      await mark({ supplierStatus: 'error', supplierTo: to, supplierError: (error as Error).message || 'error desconocido' });
    }
  }

  private async view(id: string): Promise<RadianEventView> {
    return eventView(await this.db.selectFrom('radianEvent').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }

  /**
   * The agent's own sending, after it registered a bill: only when the company asked for it, only while the agent
   * is active (pause means pause), only for documents whose authenticity was `verified` or that DIAN's own stored copy
   * confirmed (server/agent/dian-copy-check.ts), only for credit invoices;
   * 032 only after DIAN accepted the 030. Never throws: what failed stays visible on the bill.
   */
  async autoSend(companyId: string, billId: string): Promise<RadianEventView[]> {
    const sent: RadianEventView[] = [];
    const settings = await loadRuntimeSettings(this.db, this.box(), companyId).catch(() => undefined);
    if (!settings || settings.autoSend === 'none') return sent;
    const bill = await this.db.selectFrom('bill').selectAll().where('companyId', '=', companyId).where('id', '=', billId).executeTakeFirst();
    if (!bill) return sent;
    const document = await this.db.selectFrom('inboxDocument').select(['authenticity', 'authenticityJson']).where('id', '=', bill.documentId).executeTakeFirst();
    if (!document || !genuineForEvents(document)) return sent;
    const codes: RadianCode[] = settings.autoSend === '030_032' ? ['030', '032'] : ['030'];
    for (const code of codes) {
      if (!(await isAgentActive(this.db, companyId, this.clock))) break;
      const { terms, facts } = await radianFacts(this.db, bill, this.clock.now());
      if (!terms.required) break;
      if (facts.events.some((e) => e.code === code && e.status === 'aceptado')) continue;
      if (orderProblem({ ...facts, code }) && !facts.events.some((e) => e.code === code && e.status === 'pendiente')) break;
      try {
        const view = await this.sendEvent(companyId, billId, code, AGENT_ACTOR, undefined, { automatic: true });
        sent.push(view);
        if (view.status !== 'aceptado') break;
      } catch (error) {
        console.error(`No se pudo enviar el evento ${code} de la factura ${bill.number}:`, (error as Error).message);
        break;
      }
    }
    return sent;
  }

  /**
   * Sends again, oldest first, every event DIAN never answered (left «pendiente» after the client's retries): what
   * the client's «se reintentará más tarde» promises. Each goes as it was stored, same number and CUDE; only while
   * the company's agent is active (pause means pause). The audit trail names the agent as who resent it. Never
   * throws: what failed stays on the event.
   */
  async retryPending(): Promise<RadianEventView[]> {
    const pending = await this.db
      .selectFrom('radianEvent')
      .innerJoin('bill', 'bill.id', 'radianEvent.billId')
      .innerJoin('inboxDocument', 'inboxDocument.id', 'bill.documentId')
      .select(['radianEvent.companyId', 'radianEvent.billId', 'radianEvent.code', 'radianEvent.claimCode', 'inboxDocument.authenticity', 'inboxDocument.authenticityJson'])
      .where('radianEvent.status', '=', 'pendiente')
      .orderBy('radianEvent.createdAt')
      .orderBy('radianEvent.seq')
      .execute();
    const views: RadianEventView[] = [];
    for (const row of pending) {
      if (!(await isAgentActive(this.db, row.companyId, this.clock))) continue;
      // No 030/032/033 on its own for a document found altered after it was queued (DIAN's copy refuted it); a claim
      // (031) is the buyer's answer to exactly that, and still goes.
      if (row.code !== '031' && mayHaveBeenAltered(row)) continue;
      try {
        views.push(await this.sendEvent(row.companyId, row.billId, row.code as RadianCode, AGENT_ACTOR, (row.claimCode ?? undefined) as ClaimCode | undefined, { waitMs: null }));
      } catch (error) {
        console.error(`No se pudo reintentar el evento ${row.code} pendiente:`, (error as Error).message);
      }
    }
    return views;
  }

  /** Queues `retryPending` behind any sending in course (the composition root calls it on a timer). */
  retryPendingSoon(): void {
    if (this.retrying) return;
    this.retrying = true;
    this.queue = this.queue
      .then(() => this.retryPending().then(() => undefined))
      .catch((error) => console.error('Reintento de eventos RADIAN pendientes:', error))
      .finally(() => {
        this.retrying = false;
      });
  }

  /** The listener the agent calls after registering a bill; the sending runs after, one bill at a time. */
  readonly listener: BillListener = {
    billRegistered: (event: BillEvent) => {
      this.queue = this.queue.then(() => this.autoSend(event.companyId, event.billId).then(() => undefined)).catch((error) => console.error('Eventos RADIAN automáticos:', error));
    },
  };

  /** Resolves once every automatic sending asked for so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }
}

/**
 * Where the supplier's copy goes: the e-mail of the invoice's AccountingSupplierParty contact, else the address the
 * document came from by mail (the From recorded on the inbox entry).
 */
export async function supplierAddress(db: Db, bill: Pick<BillRow, 'documentId'>): Promise<string | undefined> {
  const row = await db.selectFrom('inboxDocument').select(['documentJson', 'sender']).where('id', '=', bill.documentId).executeTakeFirst();
  const fromDocument = fromJson<DianDocument | undefined>(row?.documentJson, undefined)?.supplier.email?.trim();
  if (fromDocument && EMAIL.test(fromDocument)) return fromDocument;
  const sender = row?.sender ? (/<([^>]+)>/.exec(row.sender)?.[1] ?? row.sender).trim() : undefined;
  return sender && EMAIL.test(sender) ? sender : undefined;
}

/** The environment a stored event was built for (its ProfileExecutionID: 1 producción, 2 habilitación). */
function madeFor(xml: string): DianEnvironment {
  return /<cbc:ProfileExecutionID>\s*1\s*</.test(xml) ? 'produccion' : 'habilitacion';
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** `2026-12-03`, `10:15:00-05:00` and the XAdES signing time, all in Bogotá (UTC−5, no daylight saving). */
function bogotaStamp(now: Date): { date: string; time: string; signingTime: string } {
  const local = new Date(now.getTime() - 5 * 3_600_000).toISOString();
  return { date: bogotaDate(now), time: `${local.slice(11, 19)}-05:00`, signingTime: `${local.slice(0, 23)}-05:00` };
}

/**
 * Whether the agent may acknowledge a document to DIAN on its own: its signatures verified up to a known authority,
 * or DIAN's stored copy matched it byte for byte in canonical form (then the document is the one DIAN validated,
 * whatever authority issued the supplier's certificate).
 */
function genuineForEvents(row: { authenticity: string | null; authenticityJson: string | null }): boolean {
  if (mayHaveBeenAltered(row)) return false;
  if (row.authenticity === 'verified') return true;
  return row.authenticity === 'unverifiable' && fromJson<Partial<AuthenticityResult>>(row.authenticityJson, {}).confirmedByDian === true;
}

/**
 * The document may have been altered: by its own signatures, or by DIAN's copy compared after the bill was
 * registered (server/agent/dian-copy-check.ts). An unreadable record counts as altered: no event goes out on a doubt.
 */
function mayHaveBeenAltered(row: { authenticity: string | null; authenticityJson: string | null }): boolean {
  let facts: Partial<AuthenticityResult>;
  try {
    facts = row.authenticityJson ? (JSON.parse(row.authenticityJson) as Partial<AuthenticityResult>) : {};
  } catch {
    return true;
  }
  return resultMayBeAltered({ code: (row.authenticity ?? 'unsigned') as AuthenticityCode, ...(facts.dianCopy ? { dianCopy: facts.dianCopy } : {}) });
}

/** What a person reads when DIAN kept them waiting: the event is safe, and will go by itself. */
function notAnsweredIn(ms: number): string {
  return `La DIAN no respondió en ${Math.round(ms / 1000)} segundos. El evento quedó guardado y pendiente: el agente lo reenvía solo cada 15 minutos mientras esté activo.`;
}
