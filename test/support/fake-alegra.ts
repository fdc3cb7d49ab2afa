import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Decimal from 'decimal.js';

/**
 * A local stand-in for Alegra's REST API (https://api.alegra.com/api/v1), started by the tests on a free port.
 * It implements the contract as public sources describe it — see the README table for what is documented and
 * what is assumed:
 *
 * - HTTP Basic with `email:token`; 401 for wrong credentials, 402 for an account whose plan lacks the API (or a
 *   resource), 403 for a user without the role to write;
 * - list endpoints paged with `start`/`limit`, capped at 30 per page, `metadata=true` → `{metadata:{total}, data}`
 *   (taxes answer `{total: "N", results}`, the shape alegra-cli notes for them), `order_field`/`order_direction`;
 * - ids and amounts sometimes JSON numbers, sometimes strings (alternating by record, as alegra-cli warns);
 * - `X-Rate-Limit-Limit/Remaining/Reset` on every response, 429 past the limit (150 per minute by default);
 * - validation errors as `{message, code}` with status 400 (11038 for an accumulative account);
 * - scripted faults: any status for the next N matching requests, slow responses before or after the request
 *   takes effect (so a bill can be created although the client gave up waiting).
 *
 * - date filters on lists read one of three ways (`dateFilters`), because nothing public says which is Alegra's:
 *   `strict` (`date_after`/`date_before` exclude the day, the `…OrNow` forms include it — the reading the `OrNow`
 *   names suggest), `inclusive` (all four include the day), `ignored` (none is applied);
 * - bills keep the figures Alegra computes (developer.alegra.com, create_bill: `total` is computed, never sent):
 *   each line `price × quantity`, minus its `discount` %, each line's tax from the tax's `percentage`, both rounded
 *   to centavos half-up per line (the rounding Alegra uses is not published; the agent checks every reading), and
 *   `subtotal`, `taxes` (by tax id) and `total`. A negative price is accepted on a line without taxes only (a
 *   document discount) — an assumption: no public source says either way;
 * - attachments (`POST /bills/{id}/attachment`) as `multipart/form-data` with one file field `file` (the reference
 *   page) and, unless `attachmentForms` says otherwise, a JSON body with the file in base64 in `file` (alegra-cli);
 *   904 for an invalid upload, 11110 for an unknown bill.
 *
 * Duplicates are NOT refused (same contact NIT, same supplier + bill number): the tests count records to prove the
 * agent itself never creates one twice.
 */

export interface FakeAccount {
  email: string;
  token: string;
  /** 'none': the plan does not include the API (402 everywhere); or the list of paths answering 402. */
  planBlocks?: 'none' | string[];
  /** Read-only user: writes answer 403. */
  readOnly?: boolean;
}

export interface Fault {
  method?: string;
  /** Path under the API root, e.g. `/bills` or /^\/bills\/\d+\/attachment$/. */
  path: string | RegExp;
  /** Only requests whose query has this parameter (e.g. `date_afterOrNow`). */
  queryHas?: string;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Let this many matching requests through untouched first. */
  skip?: number;
  /** Answer this status (and body/headers) without doing anything. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before handling the request. */
  delayBeforeMs?: number;
  /** Handle the request (it takes effect), then wait this long before answering. */
  delayAfterMs?: number;
  /**
   * Handle the request (it takes effect), then answer this error anyway, with the record made in `bill` — Alegra's
   * 3051 «Fallo timbre — puede ir error + bill parcial» (developer.alegra.com, create_bill).
   */
  failAfter?: { status: number; code: number; message: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 while the request has not been answered (or its client left first). */
  status: number;
}

type Json = Record<string, unknown>;

/** One part of a `multipart/form-data` body as received. */
interface MultipartPart {
  field: string;
  value?: string;
  filename?: string;
  bytes?: Buffer;
}

interface Stored {
  id: number;
  [key: string]: unknown;
}

export class FakeAlegra {
  readonly requests: RecordedRequest[] = [];
  readonly contacts: Stored[] = [];
  readonly items: Stored[] = [];
  readonly categories: Stored[] = [];
  readonly taxes: Stored[] = [];
  readonly retentions: Stored[] = [];
  readonly bills: Stored[] = [];
  /** Alegra's «notas débito»: a supplier's credit note as the buyer records it (developer.alegra.com/docs/debit-notes). */
  readonly debitNotes: Stored[] = [];
  readonly attachments: { billId: number; name: string; size: number; sha256: string }[] = [];
  readonly accounts: FakeAccount[];
  company = { name: 'Prueba SAS', applicationVersion: 'colombia', identification: '900123456' };
  /** How list endpoints read `date_after`/`date_before`/`date_afterOrNow`/`date_beforeOrNow` (see above). */
  dateFilters: 'strict' | 'inclusive' | 'ignored' = 'strict';
  /** A list that ignores `client_id` too (the harshest reading: every filter ignored). */
  ignoreClientFilter = false;
  /** Which attachment bodies are accepted. */
  attachmentForms: { multipart: boolean; json: boolean } = { multipart: true, json: true };
  /** Requests allowed per window per user, and the window. */
  rateLimit = { limit: 150, windowMs: 60_000 };
  private faults: (Fault & { left: number; toSkip: number })[] = [];
  private windows = new Map<string, { start: number; count: number }>();
  private nextId = 1;
  private server!: Server;
  url = '';

  private constructor(accounts: FakeAccount[]) {
    this.accounts = accounts;
  }

  static async start(accounts: FakeAccount[] = [{ email: 'contador@empresa.co', token: 'token-valido-123' }]): Promise<FakeAlegra> {
    const fake = new FakeAlegra(accounts);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/api/v1`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1, toSkip: fault.skip ?? 0 });
  }

  /** Requests made to a path (optionally one method), for assertions. */
  calls(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  resetRateWindow(): void {
    this.windows.clear();
  }

  // ---- seeding -------------------------------------------------------------------------------------------------

  addContact(fields: { name: string; identification: string; dv?: string; kindOfPerson?: string; type?: string[]; status?: string }): number {
    const id = this.newId();
    this.contacts.push({ id, name: fields.name, identificationObject: { type: 'NIT', number: fields.identification, ...(fields.dv ? { dv: fields.dv } : {}) }, kindOfPerson: fields.kindOfPerson ?? 'LEGAL_ENTITY', type: fields.type ?? ['provider'], status: fields.status ?? 'active' });
    return id;
  }

  addItem(fields: { name: string; reference?: string; status?: string }): number {
    const id = this.newId();
    this.items.push({ id, name: fields.name, reference: fields.reference ?? null, status: fields.status ?? 'active', type: 'product', price: [{ idPriceList: 1, price: '0' }] });
    return id;
  }

  addCategory(fields: { code: string; name: string; parent?: number; use?: 'movement' | 'accumulative'; status?: string; type?: string }): number {
    const id = this.newId();
    this.categories.push({ id, idParent: fields.parent ?? null, code: fields.code, name: fields.name, type: fields.type ?? 'expense', nature: 'debit', status: fields.status ?? 'active', use: fields.use ?? 'movement' });
    return id;
  }

  addTax(fields: { name: string; type: string; percentage: string; status?: string }): number {
    const id = this.newId();
    this.taxes.push({ id, name: fields.name, type: fields.type, percentage: fields.percentage, status: fields.status ?? 'active', description: '' });
    return id;
  }

  addRetention(fields: { name: string; type: string; percentage: string; status?: string }): number {
    const id = this.newId();
    this.retentions.push({ id, name: fields.name, type: fields.type, percentage: fields.percentage, calculatedBy: 'percentage', status: fields.status ?? 'active', description: '' });
    return id;
  }

  /** A bill entered in Alegra by a person (history for the suggestion engine). */
  addBill(fields: { providerId: number; number: string; date: string; lines: { categoryId: number; price: string; quantity?: string; observations?: string }[] }): number {
    const id = this.newId();
    const provider = this.contacts.find((c) => c.id === fields.providerId)!;
    const categories = fields.lines.map((l) => ({ id: l.categoryId, price: l.price, quantity: l.quantity ?? '1', observations: l.observations ?? '' }));
    const total = categories.reduce((a, l) => a.plus(new Decimal(l.price).times(l.quantity)), new Decimal(0)).toString();
    this.bills.push({ id, date: fields.date, dueDate: fields.date, provider: { id: provider.id, name: provider.name, identification: (provider.identificationObject as Json).number }, numberTemplate: { number: fields.number }, observations: '', purchases: { categories }, retentions: [], total, balance: total, status: 'open' });
    return id;
  }

  /**
   * A small Colombian chart (PUC codes) with its tree, more than 30 accounts so it spans pages, the taxes and the
   * retentions a company usually has; ids are the fake's own (they differ per account in real Alegra too).
   */
  seedColombianAccount(): { ids: Record<string, number> } {
    const ids: Record<string, number> = {};
    const add = (code: string, name: string, parentCode?: string, use: 'movement' | 'accumulative' = 'accumulative') => {
      ids[code] = this.addCategory({ code, name, use, ...(parentCode ? { parent: ids[parentCode]! } : {}) });
    };
    add('1', 'Activo');
    add('14', 'Inventarios', '1');
    add('1435', 'Mercancías no fabricadas por la empresa', '14');
    add('143505', 'Mercancías no fabricadas por la empresa', '1435', 'movement');
    add('15', 'Propiedades, planta y equipo', '1');
    add('1524', 'Equipo de oficina', '15');
    add('152405', 'Muebles y enseres', '1524', 'movement');
    add('5', 'Gastos');
    add('51', 'Operacionales de administración', '5');
    add('5135', 'Servicios', '51');
    for (const [code, name] of [['513505', 'Aseo y vigilancia'], ['513515', 'Asistencia técnica'], ['513520', 'Procesamiento electrónico de datos'], ['513525', 'Acueducto y alcantarillado'], ['513530', 'Energía eléctrica'], ['513535', 'Teléfono'], ['513540', 'Correo, portes y telegramas'], ['513545', 'Fax y télex'], ['513550', 'Transporte, fletes y acarreos'], ['513555', 'Gas'], ['513595', 'Otros servicios']] as const) add(code, name, '5135', 'movement');
    add('5145', 'Mantenimiento y reparaciones', '51');
    for (const [code, name] of [['514505', 'Terrenos'], ['514510', 'Construcciones y edificaciones'], ['514515', 'Maquinaria y equipo'], ['514520', 'Equipo de oficina'], ['514525', 'Equipo de computación']] as const) add(code, name, '5145', 'movement');
    add('5195', 'Diversos', '51');
    for (const [code, name] of [['519520', 'Gastos de representación'], ['519525', 'Elementos de aseo y cafetería'], ['519530', 'Útiles, papelería y fotocopias'], ['519545', 'Taxis y buses'], ['519595', 'Otros']] as const) add(code, name, '5195', 'movement');
    add('2', 'Pasivo');
    add('22', 'Proveedores', '2');
    add('2205', 'Nacionales', '22');
    add('220505', 'Proveedores nacionales', '2205', 'movement');
    add('23', 'Cuentas por pagar', '2');
    add('2365', 'Retención en la fuente', '23');
    add('236540', 'Compras', '2365', 'movement');
    add('24', 'Impuestos, gravámenes y tasas', '2');
    add('2408', 'Impuesto sobre las ventas por pagar', '24');
    add('240810', 'IVA descontable', '2408', 'movement');
    this.addTax({ name: 'IVA 19%', type: 'IVA', percentage: '19.00' });
    this.addTax({ name: 'IVA 19% (antiguo)', type: 'IVA', percentage: '19', status: 'inactive' });
    this.addTax({ name: 'IVA 5%', type: 'IVA', percentage: '5.00' });
    this.addTax({ name: 'Impoconsumo 8%', type: 'INC', percentage: '8' });
    this.addRetention({ name: 'Retefuente servicios 4%', type: 'FUENTE', percentage: '4' });
    this.addRetention({ name: 'Retefuente honorarios 11%', type: 'FUENTE', percentage: '11' });
    this.addRetention({ name: 'Retefuente otros 2.5%', type: 'FUENTE', percentage: '2.5' });
    this.addRetention({ name: 'Retefuente compras 2.5%', type: 'FUENTE', percentage: '2.50' });
    this.addRetention({ name: 'ReteIVA 15%', type: 'IVA', percentage: '15' });
    this.addRetention({ name: 'ReteICA 9.66 x mil', type: 'ICA', percentage: '0.966' });
    return { ids };
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/api\/v1/, '') || '/';
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBytes = Buffer.concat(chunks);
    const contentType = String(req.headers['content-type'] ?? '');
    let body: unknown;
    if (contentType.startsWith('multipart/form-data')) {
      try {
        const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': contentType }, body: rawBytes }).formData();
        const parts: MultipartPart[] = [];
        for (const [field, value] of form.entries()) {
          parts.push(typeof value === 'string' ? { field, value } : { field, filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
        }
        body = { multipart: parts };
      } catch {
        const bad: RecordedRequest = { method, path, query, body: '(multipart inválido)', status: 0 };
        this.requests.push(bad);
        return this.send(res, bad, 400, { message: 'Adjunto / multipart inválido', code: 904 });
      }
    } else {
      const raw = rawBytes.toString('utf8');
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        const bad: RecordedRequest = { method, path, query, body: raw, status: 0 };
        this.requests.push(bad);
        return this.send(res, bad, 400, { message: 'El cuerpo no es JSON válido', code: 400 });
      }
    }
    const recorded: RecordedRequest = { method, path, query, body, status: 0 };
    this.requests.push(recorded);

    const account = this.authenticate(req.headers.authorization);
    if (!account) return this.send(res, recorded, 401, { message: 'Usuario o token incorrecto', code: 401 });

    // Rate limit per user, announced on every response.
    const now = Date.now();
    let window = this.windows.get(account.email);
    if (!window || now - window.start >= this.rateLimit.windowMs) this.windows.set(account.email, (window = { start: now, count: 0 }));
    window.count++;
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.rateLimit.windowMs - now) / 1000));
    const rateHeaders = {
      'X-Rate-Limit-Limit': String(this.rateLimit.limit),
      'X-Rate-Limit-Remaining': String(Math.max(0, this.rateLimit.limit - window.count)),
      'X-Rate-Limit-Reset': String(resetSeconds),
    };
    if (window.count > this.rateLimit.limit) return this.send(res, recorded, 429, { message: 'Too Many Requests', code: 429 }, rateHeaders);

    const fault = this.takeFault(method, path, query);
    if (fault?.delayBeforeMs) await sleep(fault.delayBeforeMs);
    if (fault?.status) return this.send(res, recorded, fault.status, fault.body ?? { message: `Error ${fault.status}`, code: fault.status }, { ...rateHeaders, ...(fault.headers ?? {}) });

    if (account.planBlocks === 'none' || (Array.isArray(account.planBlocks) && account.planBlocks.some((p) => path.startsWith(p)))) {
      return this.send(res, recorded, 402, { message: 'Tu plan actual no permite realizar esta acción', code: 402 }, rateHeaders);
    }
    if (account.readOnly && method !== 'GET') return this.send(res, recorded, 403, { message: 'No tienes permisos para realizar esta acción', code: 403 }, rateHeaders);

    const [status, payload] = this.route(method, path, query, body);
    if (fault?.delayAfterMs) await sleep(fault.delayAfterMs);
    if (fault?.failAfter) return this.send(res, recorded, fault.failAfter.status, { code: fault.failAfter.code, message: fault.failAfter.message, ...(status < 300 ? { bill: payload } : {}) }, rateHeaders);
    return this.send(res, recorded, status, payload, rateHeaders);
  }

  private route(method: string, path: string, query: Record<string, string>, body: unknown): [number, unknown] {
    const parts = path.split('/').filter(Boolean);
    const [resource, id, action] = parts;
    if (method === 'GET' && path === '/users/self') return [200, { id: 1, email: this.accounts[0]!.email, name: 'Contador', role: 'admin' }];
    if (method === 'GET' && path === '/company') return [200, this.company];
    const lists: Record<string, Stored[]> = { contacts: this.contacts, items: this.items, categories: this.categories, taxes: this.taxes, retentions: this.retentions, bills: this.bills, 'debit-notes': this.debitNotes };
    const list = resource ? lists[resource] : undefined;
    if (!list) return [404, { message: `Recurso no encontrado: ${path}`, code: 404 }];

    if (method === 'GET' && !id) return [200, this.page(resource!, this.filter(resource!, list, query), query)];
    if (method === 'GET' && id && !action) {
      const found = list.find((r) => String(r.id) === id);
      return found ? [200, this.render(resource!, found)] : [404, { message: 'No se encontró el recurso', code: 404 }];
    }
    if (method === 'POST' && resource === 'contacts' && !id) return this.createContact(body);
    if (method === 'POST' && resource === 'bills' && !id) return this.saveBill(body, undefined);
    if (method === 'POST' && resource === 'debit-notes' && !id) return this.saveDebitNote(body, undefined);
    if (method === 'PUT' && resource === 'debit-notes' && id && !action) return this.saveDebitNote(body, Number(id));
    if (method === 'PUT' && resource === 'bills' && id && !action) return this.saveBill(body, Number(id));
    if (method === 'POST' && resource === 'bills' && id && action === 'attachment') return this.attach(Number(id), body);
    return [405, { message: `Método no soportado: ${method} ${path}`, code: 405 }];
  }

  private filter(resource: string, list: Stored[], query: Record<string, string>): Stored[] {
    let out = [...list];
    if (resource === 'contacts') {
      if (query.identification) out = out.filter((c) => (c.identificationObject as Json).number === query.identification);
      if (query.type) out = out.filter((c) => (c.type as string[]).includes(query.type!));
    }
    if (resource === 'debit-notes' && query.client_id) out = out.filter((n) => String((n.client as Json).id) === query.client_id);
    if (resource === 'bills' || resource === 'debit-notes') {
      if (resource === 'bills' && query.client_id && !this.ignoreClientFilter) out = out.filter((b) => String((b.provider as Json).id) === query.client_id);
      if (this.dateFilters !== 'ignored') {
        const strict = this.dateFilters === 'strict';
        const date = (b: Stored) => b.date as string;
        if (query.date_after) out = out.filter((b) => (strict ? date(b) > query.date_after! : date(b) >= query.date_after!));
        if (query.date_before) out = out.filter((b) => (strict ? date(b) < query.date_before! : date(b) <= query.date_before!));
        if (query.date_afterOrNow) out = out.filter((b) => date(b) >= query.date_afterOrNow!);
        if (query.date_beforeOrNow) out = out.filter((b) => date(b) <= query.date_beforeOrNow!);
      }
    }
    const field = query.order_field ?? 'id';
    const direction = (query.order_direction ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
    return out.sort((a, b) => {
      const x = a[field] as string | number;
      const y = b[field] as string | number;
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * direction;
    });
  }

  private page(resource: string, list: Stored[], query: Record<string, string>): unknown {
    const start = Math.max(0, Number(query.start ?? 0) || 0);
    const limit = Math.min(30, Math.max(1, Number(query.limit ?? 30) || 30));
    const data = list.slice(start, start + limit).map((r) => this.render(resource, r));
    if (query.metadata !== 'true') return data;
    return resource === 'taxes' ? { total: String(list.length), results: data } : { metadata: { total: list.length }, data };
  }

  /** Ids and amounts as Alegra mixes them: odd ids as numbers, even ids as strings; amounts the other way round. */
  private render(resource: string, record: Stored): Json {
    const asId = (id: unknown) => (typeof id === 'number' && id % 2 === 1 ? id : String(id));
    const asAmount = (value: unknown, owner: number) => (value === null || value === undefined ? value : owner % 2 === 0 ? Number(value) : String(value));
    const out: Json = { ...record, id: asId(record.id) };
    if ('idParent' in record) out.idParent = record.idParent === null ? null : asId(record.idParent);
    if (resource === 'taxes' || resource === 'retentions') out.percentage = asAmount(record.percentage, record.id);
    if (resource === 'bills') {
      out.total = asAmount(record.total, record.id);
      out.balance = asAmount(record.balance, record.id);
      out.provider = { ...(record.provider as Json), id: asId((record.provider as Json).id) };
      const purchases = record.purchases as { items?: Json[]; categories?: Json[] };
      out.purchases = Object.fromEntries(Object.entries(purchases).map(([k, lines]) => [k, (lines ?? []).map((l) => ({ ...l, id: asId(l.id), price: asAmount(l.price, record.id), quantity: asAmount(l.quantity, record.id) }))]));
    }
    return out;
  }

  private createContact(body: unknown): [number, unknown] {
    const b = (body ?? {}) as Json;
    const identification = (b.identificationObject as Json | undefined)?.number;
    if (typeof b.name !== 'string' || !b.name.trim()) return [400, { message: 'El nombre del contacto es obligatorio', code: 1001 }];
    if (typeof identification !== 'string' || !/^\d+$/.test(identification)) return [400, { message: 'La identificación del contacto es obligatoria', code: 1002 }];
    if (!['LEGAL_ENTITY', 'PERSON_ENTITY'].includes(String(b.kindOfPerson))) return [400, { message: 'El tipo de persona no es válido', code: 1003 }];
    const id = this.newId();
    const record: Stored = { id, name: b.name, identificationObject: b.identificationObject, kindOfPerson: b.kindOfPerson, type: Array.isArray(b.type) ? b.type : ['client'], status: 'active', email: b.email ?? null };
    this.contacts.push(record);
    return [201, this.render('contacts', record)];
  }

  private saveBill(body: unknown, existingId: number | undefined): [number, unknown] {
    const existing = existingId === undefined ? undefined : this.bills.find((b) => b.id === existingId);
    if (existingId !== undefined && !existing) return [404, { message: 'La factura de proveedor no existe', code: 404 }];
    const b = (body ?? {}) as Json;
    const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    if (!isDate(b.date)) return [400, { message: 'La fecha de la factura es obligatoria', code: 2001 }];
    if (!isDate(b.dueDate) || (b.dueDate as string) < (b.date as string)) return [400, { message: 'La fecha de vencimiento no es válida', code: 2002 }];
    const providerId = String((b.provider as Json | undefined)?.id ?? '');
    const provider = this.contacts.find((c) => String(c.id) === providerId);
    if (!provider) return [400, { message: 'El proveedor no existe', code: 2003 }];
    const purchases = (b.purchases ?? {}) as { items?: Json[]; categories?: Json[] };
    const lines = [...(purchases.items ?? []), ...(purchases.categories ?? [])];
    if (lines.length === 0) return [400, { message: 'La factura debe tener al menos un ítem o una cuenta contable', code: 2004 }];
    for (const line of purchases.categories ?? []) {
      const category = this.categories.find((c) => String(c.id) === String(line.id));
      if (!category) return [400, { message: `La cuenta contable ${String(line.id)} no existe`, code: 2005 }];
      const leaf = !this.categories.some((c) => c.idParent === category.id);
      if (!leaf || category.use !== 'movement') return [400, { message: `La cuenta contable ${String(category.name)} es acumulativa y no puede recibir movimientos`, code: 11038 }];
    }
    for (const line of purchases.items ?? []) {
      if (!this.items.some((i) => String(i.id) === String(line.id))) return [400, { message: `El ítem ${String(line.id)} no existe`, code: 2006 }];
    }
    // Alegra's figures: per line, price × quantity less the discount %, each line's tax, rounded to centavos.
    const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    let subtotal = new Decimal(0);
    const taxes = new Map<string, Decimal>();
    for (const line of lines) {
      const price = Number(line.price);
      const quantity = Number(line.quantity ?? 1);
      const discount = Number(line.discount ?? 0);
      const taxed = ((line.tax as Json[] | undefined) ?? []).length > 0;
      if (!Number.isFinite(price) || (price < 0 && taxed) || !Number.isFinite(quantity) || quantity <= 0 || !Number.isFinite(discount) || discount < 0 || discount > 100) {
        return [400, { message: 'El precio o la cantidad de una línea no es válido', code: 2007 }];
      }
      const base = cents(new Decimal(String(line.price)).times(String(line.quantity ?? 1)).times(new Decimal(100).minus(discount)).dividedBy(100));
      subtotal = subtotal.plus(base);
      for (const ref of (line.tax as Json[] | undefined) ?? []) {
        const t = this.taxes.find((x) => String(x.id) === String(ref.id));
        if (!t || t.status !== 'active') return [400, { message: `El impuesto ${String(ref.id)} no existe o está inactivo`, code: 2008 }];
        taxes.set(String(t.id), (taxes.get(String(t.id)) ?? new Decimal(0)).plus(cents(base.times(String(t.percentage)).dividedBy(100))));
      }
    }
    for (const ref of (b.retentions as Json[] | undefined) ?? []) {
      if (!this.retentions.some((r) => String(r.id) === String(ref.id))) return [400, { message: `La retención ${String(ref.id)} no existe`, code: 2009 }];
    }
    const tax = [...taxes.values()].reduce((a, t) => a.plus(t), new Decimal(0));
    const total = subtotal.plus(tax).toDecimalPlaces(2).toString();
    const id = existing?.id ?? this.newId();
    const record: Stored = {
      id,
      date: b.date,
      dueDate: b.dueDate,
      provider: { id: provider.id, name: provider.name, identification: (provider.identificationObject as Json).number },
      numberTemplate: { number: (b.numberTemplate as Json | undefined)?.number ?? null },
      observations: b.observations ?? '',
      purchases: { items: purchases.items ?? [], categories: purchases.categories ?? [] },
      retentions: b.retentions ?? [],
      subtotal: subtotal.toString(),
      taxes: Object.fromEntries([...taxes].map(([id, amount]) => [id, amount.toString()])),
      total,
      balance: total,
      status: 'open',
    };
    if (existing) this.bills[this.bills.indexOf(existing)] = record;
    else this.bills.push(record);
    return [existing ? 200 : 201, this.render('bills', record)];
  }

  /**
   * `POST/PUT /debit-notes` (developer.alegra.com/reference/debit-notes-create_debit_note): `client.id` (the
   * supplier, 13011 if unknown), `date`, at least one line under `purchases` (13043), optional `bills: [{id,
   * amount}]` credited to those bills (their balance goes down), `retentions`. Figures as for bills.
   */
  private saveDebitNote(body: unknown, existingId: number | undefined): [number, unknown] {
    const existing = existingId === undefined ? undefined : this.debitNotes.find((n) => n.id === existingId);
    if (existingId !== undefined && !existing) return [404, { message: 'La nota débito no existe', code: 404 }];
    const b = (body ?? {}) as Json;
    if (typeof b.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(b.date)) return [400, { message: 'La fecha es obligatoria', code: 13001 }];
    const clientId = String((b.client as Json | undefined)?.id ?? '');
    const client = this.contacts.find((c) => String(c.id) === clientId);
    if (!client) return [400, { message: 'Cliente/proveedor no encontrado', code: 13011 }];
    const purchases = (b.purchases ?? {}) as { items?: Json[]; categories?: Json[] };
    const lines = [...(purchases.items ?? []), ...(purchases.categories ?? [])];
    if (lines.length === 0) return [400, { message: 'La nota débito debe tener al menos una línea', code: 13043 }];
    const figures = this.figuresOf(purchases);
    if (!Array.isArray(figures)) return figures.error;
    const applied = ((b.bills as Json[] | undefined) ?? []).map((x) => ({ id: String(x.id), amount: String(x.amount) }));
    for (const a of applied) if (!this.bills.some((bill) => String(bill.id) === a.id)) return [400, { message: `La factura de proveedor ${a.id} no existe`, code: 11110 }];
    const [subtotal, taxes] = figures;
    const tax = [...taxes.values()].reduce((a, t) => a.plus(t), new Decimal(0));
    const total = subtotal.plus(tax).toDecimalPlaces(2).toString();
    const record: Stored = {
      id: existing?.id ?? this.newId(),
      date: b.date,
      client: { id: client.id, name: client.name },
      observations: b.observations ?? '',
      purchases: { items: purchases.items ?? [], categories: purchases.categories ?? [] },
      bills: applied,
      retentions: b.retentions ?? [],
      subtotal: subtotal.toString(),
      taxes: Object.fromEntries([...taxes].map(([id, amount]) => [id, amount.toString()])),
      total,
      status: 'open',
    };
    if (existing) this.debitNotes[this.debitNotes.indexOf(existing)] = record;
    else {
      this.debitNotes.push(record);
      for (const a of applied) {
        const bill = this.bills.find((x) => String(x.id) === a.id)!;
        bill.balance = new Decimal(String(bill.balance)).minus(a.amount).toString();
      }
    }
    return [existing ? 200 : 201, { ...record, id: record.id % 2 === 1 ? record.id : String(record.id) }];
  }

  /** Alegra's figures for lines, or the error Alegra gives for a bad one. */
  private figuresOf(purchases: { items?: Json[]; categories?: Json[] }): [Decimal, Map<string, Decimal>] | { error: [number, unknown] } {
    for (const line of purchases.categories ?? []) {
      if (!this.categories.some((c) => String(c.id) === String(line.id))) return { error: [400, { message: `La cuenta contable ${String(line.id)} no existe`, code: 2005 }] };
    }
    for (const line of purchases.items ?? []) {
      if (!this.items.some((i) => String(i.id) === String(line.id))) return { error: [400, { message: `El ítem ${String(line.id)} no existe`, code: 2006 }] };
    }
    const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    let subtotal = new Decimal(0);
    const taxes = new Map<string, Decimal>();
    for (const line of [...(purchases.items ?? []), ...(purchases.categories ?? [])]) {
      const taxed = ((line.tax as Json[] | undefined) ?? []).length > 0;
      const price = Number(line.price);
      if (!Number.isFinite(price) || (price < 0 && taxed) || !(Number(line.quantity ?? 1) > 0)) return { error: [400, { message: 'El precio o la cantidad de una línea no es válido', code: 2007 }] };
      const base = cents(new Decimal(String(line.price)).times(String(line.quantity ?? 1)).times(new Decimal(100).minus(Number(line.discount ?? 0))).dividedBy(100));
      subtotal = subtotal.plus(base);
      for (const ref of (line.tax as Json[] | undefined) ?? []) {
        const t = this.taxes.find((x) => String(x.id) === String(ref.id));
        if (!t || t.status !== 'active') return { error: [400, { message: `El impuesto ${String(ref.id)} no existe o está inactivo`, code: 2008 }] };
        taxes.set(String(t.id), (taxes.get(String(t.id)) ?? new Decimal(0)).plus(cents(base.times(String(t.percentage)).dividedBy(100))));
      }
    }
    return [subtotal, taxes];
  }

  private attach(billId: number, body: unknown): [number, unknown] {
    if (!this.bills.some((b) => b.id === billId)) return [404, { message: 'La factura de proveedor no existe', code: 11110 }];
    const multipart = (body as { multipart?: MultipartPart[] } | undefined)?.multipart;
    let name: string;
    let bytes: Buffer;
    if (multipart) {
      const files = multipart.filter((p) => p.bytes);
      if (!this.attachmentForms.multipart || files.length !== 1 || files[0]!.field !== 'file') return [400, { message: 'Adjunto / multipart inválido', code: 904 }];
      name = files[0]!.filename || 'archivo';
      bytes = files[0]!.bytes!;
    } else {
      const b = (body ?? {}) as Json;
      if (!this.attachmentForms.json || typeof b.file !== 'string' || !b.file || !/^[A-Za-z0-9+/]+={0,2}$/.test(b.file)) return [400, { message: 'Adjunto / multipart inválido', code: 904 }];
      name = String(b.name ?? 'archivo');
      bytes = Buffer.from(b.file, 'base64');
    }
    this.attachments.push({ billId, name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    return [201, { id: this.newId(), name }];
  }

  private authenticate(header: string | undefined): FakeAccount | undefined {
    const match = /^Basic\s+(.+)$/i.exec(header ?? '');
    if (!match) return undefined;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return this.accounts.find((a) => a.email === decoded.slice(0, colon) && a.token === decoded.slice(colon + 1));
  }

  private takeFault(method: string, path: string, query: Record<string, string>): Fault | undefined {
    const fault = this.faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (!f.queryHas || f.queryHas in query) && (typeof f.path === 'string' ? f.path === path : f.path.test(path)));
    if (!fault) return undefined;
    if (fault.toSkip > 0) {
      fault.toSkip--;
      return undefined;
    }
    fault.left--;
    return fault;
  }

  private send(res: ServerResponse, recorded: RecordedRequest, status: number, payload: unknown, headers: Record<string, string> = {}): void {
    recorded.status = status;
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(payload));
  }

  private newId(): number {
    return this.nextId++;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
