import { z } from 'zod';
import type { Clock } from '../agent/clock';
import { intakeLimitsFromEnv } from '../agent/intake-limits';
import { mailboxFloodReport, type MailboxFloodReport } from './mailbox-flood';
import type { Db } from '../db/database';
import type { MailboxConfigRow, MailboxStateRow } from '../db/schema';
import { InputError, NotFoundError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';

/** `tls`: TLS from the first byte (port 993). `starttls`: plain connection upgraded, refused if the server cannot. `none`: only for a server on this machine. */
export type MailboxSecurity = 'tls' | 'starttls' | 'none';

/** Where the mailbox is, without its password. */
export interface MailboxSettings {
  host: string;
  port: number;
  security: MailboxSecurity;
  user: string;
  folder: string;
  enabled: boolean;
}

/** What a person types (CLI flags, the panel's form). The password may be left out to keep the stored one. */
export const mailboxInput = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.coerce.number().int().min(1).max(65535).optional(),
  security: z.enum(['tls', 'starttls', 'none']).default('tls'),
  user: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024).optional(),
  folder: z.string().trim().min(1).max(255).default('INBOX'),
  enabled: z.boolean().default(true),
});

export type MailboxInput = z.input<typeof mailboxInput>;

/** How the connection is doing, as every process can read it (the server writes it; the CLI and API show it). */
export interface MailboxStatusView {
  state: 'stopped' | 'disabled' | 'connecting' | 'listening' | 'error' | 'auth_failed';
  /** The server offers IDLE (new mail noticed at once); otherwise it is polled. */
  idle?: boolean;
  connectedAt?: string;
  lastSyncAt?: string;
  /** Highest UID handled so far in the folder. */
  lastUid: number;
  error?: { code: string; message: string; at: string };
  /** Consecutive failed attempts; the wait before the next one grows with them. */
  failures: number;
  nextAttemptAt?: string;
}

/** The company's mailbox as the API and the CLI show it: never the password, only whether one is stored. */
export interface MailboxView extends MailboxSettings {
  hasPassword: true;
  createdAt: string;
  updatedAt: string;
  status: MailboxStatusView;
  messages: { received: number; withoutDianContent: number; failed: number; refused: number };
  /** Refused messages from unknown senders in the last 24 h; `flooding` (with a Spanish message) past the threshold. */
  flood: MailboxFloodReport;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `user@host:port/folder`: what a checkpoint belongs to. */
export function accountOf(settings: Pick<MailboxSettings, 'host' | 'port' | 'user' | 'folder'>): string {
  return `${settings.user}@${settings.host}:${settings.port}/${settings.folder}`;
}

export function defaultPort(security: MailboxSecurity): number {
  return security === 'tls' ? 993 : 143;
}

/**
 * A password never travels in plain text to another machine.
 * @throws InputError `MAILBOX_INSECURE`
 */
export function assertSecurityAllowed(settings: { host: string; security: MailboxSecurity }): void {
  if (settings.security === 'none' && !LOOPBACK.has(settings.host.toLowerCase())) {
    throw new InputError('Sin cifrado (seguridad «none») solo se permite con un servidor de correo en este mismo equipo: usa «tls» (puerto 993) o «starttls» (puerto 143).', 'MAILBOX_INSECURE');
  }
}

/**
 * Stores the company's mailbox, sealing the password with the box (its key lives outside the database). Pointing
 * the company at another account or folder discards the reading checkpoint, so the new mailbox is read from the
 * start (Message-ID and CUFE dedupe keep anything from being received twice).
 *
 * @throws InputError when the first configuration has no password, or plain text is asked for a remote server
 */
export async function saveMailboxConfig(db: Db, box: SecretBox, companyId: string, input: MailboxInput, clock: Clock): Promise<MailboxView> {
  const parsed = mailboxInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Configuración del buzón inválida en «${issue?.path.join('.') || 'buzón'}»: ${issue?.message ?? 'valor no válido'}.`);
  }
  const value = parsed.data;
  assertSecurityAllowed(value);
  const existing = await db.selectFrom('mailboxConfig').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  if (!existing && !value.password) throw new InputError('Falta la contraseña del buzón (o la contraseña de aplicación).', 'MAILBOX_PASSWORD_REQUIRED');
  const port = value.port ?? defaultPort(value.security);
  if (existing && !value.password) assertSameDestination(toSettings(existing), { ...value, port });
  const now = clock.now().toISOString();
  const row: MailboxConfigRow = {
    companyId,
    host: value.host,
    port,
    security: value.security,
    userName: value.user,
    passwordSealed: value.password ? box.seal(value.password) : existing!.passwordSealed,
    folder: value.folder,
    enabled: value.enabled ? 1 : 0,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    if (existing) {
      const { companyId: _id, createdAt: _created, ...changes } = row;
      await trx.updateTable('mailboxConfig').set(changes).where('companyId', '=', companyId).execute();
    } else {
      await trx.insertInto('mailboxConfig').values(row).execute();
    }
    await trx.deleteFrom('mailboxState').where('companyId', '=', companyId).where('account', '!=', accountOf(toSettings(row))).execute();
  });
  return (await getMailboxView(db, companyId))!;
}

/**
 * The stored password only ever goes to the server and user it was saved for: a change of host, port, security or
 * user must bring the password again. Otherwise anyone who can reach the API (or a mistyped form) could send the
 * company's mailbox password to a server of their choosing.
 * @throws InputError `MAILBOX_PASSWORD_REQUIRED`
 */
export function assertSameDestination(stored: Pick<MailboxSettings, 'host' | 'port' | 'security' | 'user'>, wanted: Pick<MailboxSettings, 'host' | 'port' | 'security' | 'user'>): void {
  const changed = [
    stored.host.toLowerCase() !== wanted.host.toLowerCase() ? 'el servidor' : undefined,
    stored.port !== wanted.port ? 'el puerto' : undefined,
    stored.security !== wanted.security ? 'la seguridad' : undefined,
    stored.user !== wanted.user ? 'el usuario' : undefined,
  ].filter((c): c is string => c !== undefined);
  if (changed.length === 0) return;
  const list = changed.length === 1 ? changed[0]! : `${changed.slice(0, -1).join(', ')} y ${changed.at(-1)}`;
  throw new InputError(
    `Cambiaste ${list} del buzón: escribe la contraseña otra vez. La contraseña guardada solo se envía a ${stored.user} en ${stored.host}:${stored.port} (${stored.security}), para los que se guardó.`,
    'MAILBOX_PASSWORD_REQUIRED',
  );
}

/** The company's mailbox without its password, or undefined when none is configured. */
export async function getMailboxView(db: Db, companyId: string, options: { now?: Date; floodThreshold?: number } = {}): Promise<MailboxView | undefined> {
  const row = await db.selectFrom('mailboxConfig').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  if (!row) return undefined;
  const settings = toSettings(row);
  const state = await db.selectFrom('mailboxState').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  const counts = await db
    .selectFrom('mailboxMessage')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('companyId', '=', companyId)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.count ?? 0);
  const refused = await db.selectFrom('mailboxMessage').select((eb) => eb.fn.countAll<number>().as('count')).where('companyId', '=', companyId).where('refused', '=', 1).executeTakeFirst();
  const flood = await mailboxFloodReport(db, companyId, options.now ?? new Date(), options.floodThreshold ?? intakeLimitsFromEnv().floodThreshold);
  return {
    ...settings,
    hasPassword: true,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    status: toStatusView(settings, state?.account === accountOf(settings) ? state : undefined),
    messages: { received: count('received'), withoutDianContent: count('no_dian_content'), failed: count('failed'), refused: Number(refused?.count ?? 0) },
    flood,
  };
}

/** @throws NotFoundError `MAILBOX_NOT_CONFIGURED` */
export async function getMailboxViewOrThrow(db: Db, companyId: string, options: { now?: Date; floodThreshold?: number } = {}): Promise<MailboxView> {
  const view = await getMailboxView(db, companyId, options);
  if (!view) throw new NotFoundError('Esta empresa no tiene buzón de correo configurado.', 'MAILBOX_NOT_CONFIGURED');
  return view;
}

/** Forgets the mailbox and its password. The record of messages already received stays (it is history). */
export async function removeMailboxConfig(db: Db, companyId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('mailboxState').where('companyId', '=', companyId).execute();
    const result = await trx.deleteFrom('mailboxConfig').where('companyId', '=', companyId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/** Settings plus the sealed password, for connecting. Undefined when the company has no mailbox. */
export async function loadMailboxCredentials(db: Db, companyId: string): Promise<{ settings: MailboxSettings; passwordSealed: string; updatedAt: string } | undefined> {
  const row = await db.selectFrom('mailboxConfig').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  if (!row) return undefined;
  return { settings: toSettings(row), passwordSealed: row.passwordSealed, updatedAt: row.updatedAt };
}

/**
 * Opens a sealed mailbox password.
 * @throws Error with code `SECRET_UNREADABLE` (Spanish message) when the key changed or the value was altered
 */
export function openPassword(box: SecretBox, sealed: string): string {
  try {
    return box.open(sealed);
  } catch (error) {
    throw Object.assign(new Error(`${(error as Error).message} (buzón de correo: guarda la contraseña otra vez con \`npx agente mailbox set\` o desde el panel).`), {
      code: 'SECRET_UNREADABLE',
    });
  }
}

/** Every configured mailbox, for the server to know which to watch and notice changes (`updatedAt`). */
export async function listMailboxConfigs(db: Db): Promise<{ companyId: string; enabled: boolean; updatedAt: string }[]> {
  const rows = await db.selectFrom('mailboxConfig').select(['companyId', 'enabled', 'updatedAt']).execute();
  return rows.map((r) => ({ companyId: r.companyId, enabled: r.enabled === 1, updatedAt: r.updatedAt }));
}

export function toSettings(row: MailboxConfigRow): MailboxSettings {
  return { host: row.host, port: row.port, security: row.security as MailboxSecurity, user: row.userName, folder: row.folder, enabled: row.enabled === 1 };
}

function toStatusView(settings: MailboxSettings, state: MailboxStateRow | undefined): MailboxStatusView {
  if (!state) return { state: settings.enabled ? 'stopped' : 'disabled', lastUid: 0, failures: 0 };
  return {
    state: (settings.enabled ? state.status : 'disabled') as MailboxStatusView['state'],
    ...(state.idle !== null ? { idle: state.idle === 1 } : {}),
    ...(state.connectedAt ? { connectedAt: state.connectedAt } : {}),
    ...(state.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
    lastUid: state.lastUid,
    ...(state.errorCode && state.errorMessage && state.errorAt ? { error: { code: state.errorCode, message: state.errorMessage, at: state.errorAt } } : {}),
    failures: state.failures,
    ...(state.nextAttemptAt ? { nextAttemptAt: state.nextAttemptAt } : {}),
  };
}
