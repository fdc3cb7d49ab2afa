import { createRequire } from 'node:module';
import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import type { MailboxSettings } from './mailbox-config';

// imapflow takes ~180 ms to load: it is loaded when a mailbox is first opened, not on every start of the CLI
// (`agente --help` must answer at once, issue 17). Its CommonJS build, so that creating a client stays synchronous.
const load = createRequire(import.meta.url);

export interface ImapClientOptions {
  /** Quiet time before IMAP IDLE starts after our own commands. Short, so new mail is noticed at once. */
  autoIdleDelayMs?: number;
  /** Budget for DNS + TCP + TLS. */
  connectTimeoutMs?: number;
}

/**
 * An imapflow client for the company's mailbox. `tls` connects with TLS from the first byte, `starttls` requires
 * the upgrade (a server that does not offer it is refused, not silently used in plain text), `none` never upgrades
 * (only allowed for a server on this machine).
 */
export function createImapClient(settings: MailboxSettings, password: string, options: ImapClientOptions = {}): ImapFlow {
  const config: ImapFlowOptions = {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
    auth: { user: settings.user, pass: password },
    logger: false,
    clientInfo: { name: 'Agente de Gastos' },
    connectionTimeout: options.connectTimeoutMs ?? 20_000,
    greetingTimeout: Math.min(options.connectTimeoutMs ?? 16_000, 16_000),
    autoIdleDelay: options.autoIdleDelayMs ?? 300,
    // Re-issue IDLE well before servers (and NAT boxes) drop a silent connection.
    maxIdleTime: 4 * 60_000,
  };
  const { ImapFlow: Client } = load('imapflow') as typeof import('imapflow');
  return new Client(config);
}

export type MailboxErrorCode =
  | 'AUTH_FAILED'
  | 'CONNECTION_REFUSED'
  | 'HOST_NOT_FOUND'
  | 'TIMEOUT'
  | 'TLS_ERROR'
  | 'FOLDER_NOT_FOUND'
  | 'CONNECTION_LOST'
  | 'SECRET_UNREADABLE'
  | 'RECEPTION_FAILED'
  | 'IMAP_ERROR';

export interface MailboxProblem {
  code: MailboxErrorCode;
  /** Spanish, says what to do. */
  message: string;
}

/** Turns what imapflow, Node's sockets or TLS throw into a stable code and a Spanish explanation. */
export function describeImapError(error: unknown, settings: Pick<MailboxSettings, 'host' | 'port' | 'user' | 'folder'>): MailboxProblem {
  const e = (error ?? {}) as { code?: string; message?: string; authenticationFailed?: boolean; mailboxMissing?: boolean; serverResponseCode?: string; response?: string; responseText?: string };
  const where = `${settings.host}:${settings.port}`;
  const serverText = e.responseText ?? (typeof e.response === 'string' ? e.response : undefined);
  const said = serverText ? ` (el servidor dijo: «${serverText}»)` : '';
  const code = e.code ?? '';
  const text = e.message ?? String(error);
  if (e.authenticationFailed) {
    return {
      code: 'AUTH_FAILED',
      message: `El servidor de correo ${settings.host} rechazó el usuario «${settings.user}» o la contraseña${said}. Revisa la contraseña (en Gmail y Outlook se usa una contraseña de aplicación) y guárdala de nuevo; mientras tanto se reintenta cada vez más espaciado.`,
    };
  }
  if (code === 'SECRET_UNREADABLE' || code === 'RECEPTION_FAILED') return { code, message: text };
  if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT' || code === 'NotFound' || /doesn'?t exist|does not exist|no such mailbox|unknown mailbox/i.test(text)) {
    return { code: 'FOLDER_NOT_FOUND', message: `La carpeta «${settings.folder}» no existe en el buzón ${settings.user}. Revisa el nombre (normalmente INBOX).` };
  }
  if (code === 'ECONNREFUSED') {
    return { code: 'CONNECTION_REFUSED', message: `No se pudo conectar a ${where}: el servidor rechazó la conexión. Revisa el servidor y el puerto (993 con TLS, 143 con STARTTLS).` };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { code: 'HOST_NOT_FOUND', message: `No se encontró el servidor de correo «${settings.host}». Revisa el nombre del servidor y la conexión a internet.` };
  }
  if (/TIMEOUT|ETIMEDOUT/i.test(code)) {
    return { code: 'TIMEOUT', message: `El servidor de correo ${where} no respondió a tiempo. Revisa el servidor, el puerto y la conexión a internet.` };
  }
  if (/^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_VERIFY)/.test(code) || code === 'ClosedAfterConnectTLS' || /certificate|ssl|tls|starttls/i.test(text)) {
    return {
      code: 'TLS_ERROR',
      message: `No se pudo establecer una conexión cifrada con ${where} (${text}). Revisa el tipo de seguridad: TLS en el puerto 993, STARTTLS en el 143.`,
    };
  }
  if (/^(NoConnection|EConnectionClosed|ClosedAfterConnectText|ECONNRESET|EPIPE|StateLogout)$/.test(code) || /connection.*(closed|lost|not available)|socket/i.test(text)) {
    return { code: 'CONNECTION_LOST', message: `Se perdió la conexión con el servidor de correo ${where}; se reintenta en unos segundos.` };
  }
  return { code: 'IMAP_ERROR', message: `Error del servidor de correo ${where}: ${text}${said}` };
}

export interface MailboxTestResult {
  ok: boolean;
  /** Messages in the folder. */
  messages?: number;
  /** New mail is noticed at once (IMAP IDLE); otherwise the folder is polled. */
  idle?: boolean;
  error?: MailboxProblem;
}

/**
 * Tries the settings without changing anything: connects, logs in, opens the folder read-only (EXAMINE, so not
 * even `\Recent` changes) and logs out.
 */
export async function testMailboxConnection(settings: MailboxSettings, password: string, options: { timeoutMs?: number } = {}): Promise<MailboxTestResult> {
  const client = createImapClient(settings, password, { connectTimeoutMs: options.timeoutMs ?? 15_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const mailbox = await client.mailboxOpen(settings.folder, { readOnly: true });
    const result: MailboxTestResult = {
      ok: true,
      messages: mailbox.exists,
      idle: client.capabilities.has('IDLE'),
    };
    await client.logout();
    return result;
  } catch (error) {
    return { ok: false, error: describeImapError(error, settings) };
  } finally {
    client.close();
  }
}
