import { z } from 'zod';
import type { Clock } from '../agent/clock';
import type { Db } from '../db/database';
import type { AlegraConnectionRow } from '../db/schema';
import { InputError, NotFoundError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';
import { ALEGRA_API_URL, AlegraClient, type AlegraClientOptions } from './alegra-client';
import { AlegraError } from './alegra-error';
import { text } from './alegra-values';

/** How the client behaves (timeouts, retries); the credentials come from the stored connection. */
export type ClientTuning = Omit<AlegraClientOptions, 'baseUrl' | 'email' | 'token'>;

/** A company's Alegra connection as the API and the CLI show it: never the token, only that one is stored. */
export type AlegraConnectionView =
  | { connected: false }
  | {
      connected: true;
      email: string;
      hasToken: true;
      baseUrl: string;
      accountName?: string;
      accountVersion?: string;
      connectedAt: string;
      connectedBy: string;
      lastTest?: { at: string; ok: boolean; message: string };
    };

export interface ConnectionCheck {
  name: string;
  ok: boolean;
  message: string;
}

/** The connection test: one line per thing checked, in Spanish, and an overall verdict. */
export interface ConnectionTestReport {
  ok: boolean;
  message: string;
  checks: ConnectionCheck[];
  account?: { name?: string; version?: string };
}

export const connectInput = z.object({
  email: z.string().trim().email().max(320),
  token: z.string().trim().min(8).max(512),
  baseUrl: z.string().trim().url().optional(),
});

export type ConnectInput = z.input<typeof connectInput>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Where the API lives: `ALEGRA_API_URL` or Alegra's production URL. HTTPS only, except on this machine (tests). */
export function resolveBaseUrl(candidate: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const value = (candidate ?? env.ALEGRA_API_URL ?? ALEGRA_API_URL).trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`La dirección de la API de Alegra «${value}» no es válida.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new InputError('La API de Alegra debe usarse por HTTPS: el token viaja en cada solicitud.');
  }
  return value;
}

/**
 * Connects a company to its Alegra account: tests the e-mail and token against Alegra first and stores them
 * (token sealed by the box) only when Alegra accepts them. Connecting again replaces the stored credentials and
 * makes every bill waiting for Alegra due at once.
 *
 * @throws InputError with the failed check in Spanish (wrong token 401, plan without API 402, missing role 403…)
 */
export async function connectAlegra(
  db: Db,
  box: SecretBox,
  companyId: string,
  input: ConnectInput,
  actor: string,
  clock: Clock,
  tuning: ClientTuning = {},
): Promise<{ connection: AlegraConnectionView; test: ConnectionTestReport }> {
  const parsed = connectInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Datos de conexión con Alegra inválidos en «${issue?.path.join('.') || 'conexión'}»: ${issue?.message ?? 'valor no válido'}.`);
  }
  const baseUrl = resolveBaseUrl(parsed.data.baseUrl);
  const client = new AlegraClient({ ...tuning, baseUrl, email: parsed.data.email, token: parsed.data.token });
  const test = await runConnectionTest(client);
  if (!test.ok) throw new InputError(`No se conectó con Alegra. ${test.message}`, 'ALEGRA_CONNECTION_FAILED');
  const now = clock.now().toISOString();
  const row: AlegraConnectionRow = {
    companyId,
    email: parsed.data.email,
    tokenSealed: box.seal(parsed.data.token),
    baseUrl,
    accountName: test.account?.name ?? null,
    accountVersion: test.account?.version ?? null,
    connectedBy: actor,
    connectedAt: now,
    lastTestAt: now,
    lastTestOk: 1,
    lastTestMessage: test.message,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('alegraConnection').values(row).onConflict((oc) => oc.column('companyId').doUpdateSet(row)).execute();
    // Bills that waited for a working connection go now.
    await trx.updateTable('alegraBillPush').set({ nextAttemptAt: now, updatedAt: now }).where('companyId', '=', companyId).where('status', '=', 'pending').execute();
  });
  return { connection: toView(row), test };
}

/** Tests the stored connection again and records the verdict. @throws NotFoundError when not connected */
export async function testAlegraConnection(db: Db, box: SecretBox, companyId: string, clock: Clock, tuning: ClientTuning = {}): Promise<ConnectionTestReport> {
  const client = await alegraClientOrThrow(db, box, companyId, tuning);
  const test = await runConnectionTest(client);
  await db
    .updateTable('alegraConnection')
    .set({
      lastTestAt: clock.now().toISOString(),
      lastTestOk: test.ok ? 1 : 0,
      lastTestMessage: test.message,
      ...(test.account?.name ? { accountName: test.account.name } : {}),
      ...(test.account?.version ? { accountVersion: test.account.version } : {}),
    })
    .where('companyId', '=', companyId)
    .execute();
  return test;
}

/** Forgets the credentials. Synced data and push records stay (bills waiting for Alegra wait for a new connection). */
export async function disconnectAlegra(db: Db, companyId: string): Promise<{ disconnected: boolean }> {
  const result = await db.deleteFrom('alegraConnection').where('companyId', '=', companyId).executeTakeFirst();
  return { disconnected: Number(result.numDeletedRows) > 0 };
}

export async function getAlegraConnection(db: Db, companyId: string): Promise<AlegraConnectionView> {
  const row = await db.selectFrom('alegraConnection').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  return row ? toView(row) : { connected: false };
}

/** A client for the company's stored connection, or undefined when it has none. */
export async function alegraClientFor(db: Db, box: SecretBox, companyId: string, tuning: ClientTuning = {}): Promise<AlegraClient | undefined> {
  const row = await db.selectFrom('alegraConnection').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  if (!row) return undefined;
  return new AlegraClient({ ...tuning, baseUrl: row.baseUrl, email: row.email, token: box.open(row.tokenSealed) });
}

/** @throws NotFoundError with what to do next */
export async function alegraClientOrThrow(db: Db, box: SecretBox, companyId: string, tuning: ClientTuning = {}): Promise<AlegraClient> {
  const client = await alegraClientFor(db, box, companyId, tuning);
  if (!client) throw new NotFoundError('La empresa no está conectada con Alegra: conéctela con `npx agente alegra connect --email …` (token en ALEGRA_TOKEN) o desde el panel.', 'ALEGRA_NOT_CONNECTED');
  return client;
}

/**
 * Checks, in order: the credentials (`GET /users/self`, the call public integrations use to validate a token), the
 * account's edition (`GET /company` → `applicationVersion`), and read access to what the agent needs: supplier
 * bills, the chart of accounts and contacts (402 plan / 403 role per resource). Stops at a 401: nothing else can work.
 */
export async function runConnectionTest(client: AlegraClient): Promise<ConnectionTestReport> {
  const checks: ConnectionCheck[] = [];
  const account: { name?: string; version?: string } = {};
  try {
    const user = await client.get('/users/self');
    const who = text((user as { email?: unknown } | null)?.email) ?? text((user as { name?: unknown } | null)?.name);
    checks.push({ name: 'Credenciales', ok: true, message: `Alegra aceptó el correo y el token${who ? ` (usuario ${who})` : ''}.` });
  } catch (error) {
    checks.push({ name: 'Credenciales', ok: false, message: messageOf(error) });
    return verdict(checks, account);
  }
  try {
    const company = (await client.get('/company')) as Record<string, unknown> | null;
    const name = text(company?.name);
    const version = text(company?.applicationVersion)?.toLowerCase();
    if (name) account.name = name;
    if (version) account.version = version;
    const colombian = !version || version === 'colombia';
    checks.push({
      name: 'Cuenta',
      ok: colombian,
      message: colombian
        ? `Cuenta de Alegra${name ? ` «${name}»` : ''}${version ? ` (versión ${version})` : ''}.`
        : `La cuenta de Alegra es de la versión «${version}»: el agente solo registra facturas electrónicas colombianas.`,
    });
  } catch (error) {
    checks.push({ name: 'Cuenta', ok: false, message: messageOf(error) });
  }
  for (const [name, path] of [
    ['Facturas de proveedor', '/bills'],
    ['Catálogo de cuentas', '/categories'],
    ['Contactos', '/contacts'],
  ] as const) {
    try {
      await client.get(path, { start: 0, limit: 1 });
      checks.push({ name, ok: true, message: `Acceso a ${name.toLowerCase()}: correcto.` });
    } catch (error) {
      checks.push({ name, ok: false, message: messageOf(error) });
    }
  }
  return verdict(checks, account);
}

function verdict(checks: ConnectionCheck[], account: { name?: string; version?: string }): ConnectionTestReport {
  const failed = checks.filter((c) => !c.ok);
  return {
    ok: failed.length === 0,
    message: failed.length === 0 ? 'Conexión con Alegra correcta.' : failed.map((c) => `${c.name}: ${c.message}`).join(' '),
    checks,
    ...(account.name || account.version ? { account } : {}),
  };
}

function messageOf(error: unknown): string {
  if (error instanceof AlegraError) return error.message;
  return `Error inesperado: ${error instanceof Error ? error.message : String(error)}`;
}

function toView(row: AlegraConnectionRow): AlegraConnectionView {
  return {
    connected: true,
    email: row.email,
    hasToken: true,
    baseUrl: row.baseUrl,
    ...(row.accountName ? { accountName: row.accountName } : {}),
    ...(row.accountVersion ? { accountVersion: row.accountVersion } : {}),
    connectedAt: row.connectedAt,
    connectedBy: row.connectedBy,
    ...(row.lastTestAt ? { lastTest: { at: row.lastTestAt, ok: row.lastTestOk === 1, message: row.lastTestMessage ?? '' } } : {}),
  };
}
