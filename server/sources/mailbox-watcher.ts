import type { ImapFlow } from 'imapflow';
import type { Agent } from '../agent/agent';
import type { SecretBox } from '../secrets/secret-box';
import { createImapClient, describeImapError, type MailboxProblem } from './imap-client';
import { accountOf, loadMailboxCredentials, openPassword, type MailboxSettings } from './mailbox-config';
import { writeMailboxState, type MailboxStatePatch } from './mailbox-state';
import { syncMailbox, type SyncContext, type SyncReport } from './mailbox-sync';

export interface RetryPolicy {
  /** First wait after a network failure; doubles up to `maxMs`. */
  minMs: number;
  maxMs: number;
  /** First wait after the server refused the password; doubles up to `authMaxMs`. Never a tight loop. */
  authMinMs: number;
  authMaxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { minMs: 1_000, maxMs: 60_000, authMinMs: 60_000, authMaxMs: 30 * 60_000 };

export interface MailboxWatcherOptions {
  /** A full pass over the folder even without news: the fallback when IDLE is missing or silent. */
  pollIntervalMs?: number;
  autoIdleDelayMs?: number;
  connectTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  maxMessageBytes?: number;
  chunk?: SyncContext['chunk'];
  log?: (message: string) => void;
  onSync?: (report: SyncReport) => void;
  onMessage?: SyncContext['onMessage'];
}

/**
 * Keeps one company's mailbox received, in near real time: connects, reads what is new, then waits in IMAP IDLE
 * (woken by the server's EXISTS) with a periodic full pass as fallback. Network errors and server restarts are
 * retried with exponential backoff and jitter; a refused password is retried rarely (from a minute up to half an
 * hour) with a Spanish explanation in the mailbox status. Progress lives in the database (UID checkpoint +
 * Message-ID records) and in the keyword on each message, so a reconnection resumes without losing or repeating.
 */
export class MailboxWatcher {
  private stopped = false;
  private pending = false;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private client: ImapFlow | undefined;
  private phase: 'connecting' | 'syncing' | 'waiting' | 'sleeping' = 'connecting';
  private readonly retry: RetryPolicy;
  /** Connection attempts since start (tests and the status use it to show there is no tight loop). */
  attempts = 0;
  /** The latest problem, if the watcher is failing now. */
  problem: MailboxProblem | undefined;

  constructor(
    private readonly agent: Agent,
    readonly companyId: string,
    private readonly box: () => SecretBox,
    private readonly options: MailboxWatcherOptions = {},
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Finishes the message at hand, logs out and resolves once the connection is closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    if (this.phase === 'connecting') this.client?.close();
    // A pass finishes its message and logs out; a connection hung mid-command is cut after a grace period.
    const grace = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
    await Promise.race([this.loop, grace]);
    this.client?.close();
    await this.loop;
  }

  /** Reads the folder now (new mail, a reload): picked up right after the current pass. */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    let settings: MailboxSettings | undefined;
    while (!this.stopped) {
      let client: ImapFlow | undefined;
      try {
        const credentials = await loadMailboxCredentials(this.agent.db, this.companyId);
        // Removed or disabled: nothing to watch (the manager starts a new watcher if it comes back).
        if (!credentials || !credentials.settings.enabled) return;
        settings = credentials.settings;
        const account = accountOf(settings);
        const password = openPassword(this.openBox(), credentials.passwordSealed);
        this.phase = 'connecting';
        client = createImapClient(settings, password, {
          ...(this.options.autoIdleDelayMs !== undefined ? { autoIdleDelayMs: this.options.autoIdleDelayMs } : {}),
          ...(this.options.connectTimeoutMs !== undefined ? { connectTimeoutMs: this.options.connectTimeoutMs } : {}),
        });
        this.client = client;
        let lost: unknown;
        // imapflow reports socket trouble as 'error' events: kept for the status, never an uncaught exception.
        client.on('error', (error: unknown) => (lost = error));
        client.on('exists', () => this.wake());
        const closed = new Promise<void>((resolve) => client!.once('close', () => resolve()));

        this.attempts++;
        await this.state(account, { status: 'connecting' });
        await client.connect();
        await client.mailboxOpen(settings.folder);
        failures = 0;
        this.problem = undefined;
        await this.state(account, {
          status: 'listening',
          connectedAt: this.now().toISOString(),
          idle: client.capabilities.has('IDLE') ? 1 : 0,
          errorCode: null,
          errorMessage: null,
          errorAt: null,
          failures: 0,
          nextAttemptAt: null,
        });
        this.options.log?.(`Buzón ${account}: conectado${client.capabilities.has('IDLE') ? ' (IDLE)' : ''}.`);

        while (!this.stopped && client.usable) {
          this.pending = false;
          this.phase = 'syncing';
          const report = await syncMailbox(client, {
            agent: this.agent,
            companyId: this.companyId,
            account,
            folder: settings.folder,
            shouldStop: () => this.stopped,
            ...(this.options.maxMessageBytes !== undefined ? { maxMessageBytes: this.options.maxMessageBytes } : {}),
            ...(this.options.chunk ? { chunk: this.options.chunk } : {}),
            ...(this.options.onMessage ? { onMessage: this.options.onMessage } : {}),
          });
          await this.state(account, { lastSyncAt: this.now().toISOString() });
          if (report.examined > 0) {
            this.options.log?.(
              `Buzón ${account}: ${report.received} recibidos, ${report.withoutDianContent} sin factura, ${report.duplicates} repetidos, ${report.failed + report.tooLarge} con error.`,
            );
          }
          this.options.onSync?.(report);
          this.phase = 'waiting';
          if (!this.pending && !this.stopped) await this.waitForWork(closed);
        }
        if (this.stopped) {
          await client.logout().catch(() => undefined);
          break;
        }
        throw lost ?? Object.assign(new Error('El servidor cerró la conexión.'), { code: 'NoConnection' });
      } catch (error) {
        if (this.stopped) break;
        failures++;
        const problem = settings ? describeImapError(error, settings) : { code: 'IMAP_ERROR' as const, message: String((error as Error)?.message ?? error) };
        this.problem = problem;
        const delay = backoff(failures, problem.code === 'AUTH_FAILED' || problem.code === 'SECRET_UNREADABLE', this.retry);
        const account = settings ? accountOf(settings) : undefined;
        if (account) {
          await this.state(account, {
            status: problem.code === 'AUTH_FAILED' ? 'auth_failed' : 'error',
            errorCode: problem.code,
            errorMessage: problem.message,
            errorAt: this.now().toISOString(),
            failures,
            nextAttemptAt: new Date(this.now().getTime() + delay).toISOString(),
          }).catch(() => undefined);
        }
        this.options.log?.(`Buzón ${account ?? ''}: ${problem.message} Próximo intento en ${Math.round(delay / 1000)} s.`);
        this.phase = 'sleeping';
        await this.sleep(delay);
      } finally {
        client?.close();
        this.client = undefined;
      }
    }
    if (settings) await this.state(accountOf(settings), { status: 'stopped', nextAttemptAt: null }).catch(() => undefined);
  }

  /** The key file may be missing or unreadable: said as such, and retried rarely like a refused password. */
  private openBox(): SecretBox {
    try {
      return this.box();
    } catch (error) {
      throw Object.assign(new Error(`No se pudo abrir la llave de cifrado de las contraseñas: ${(error as Error).message}`), { code: 'SECRET_UNREADABLE' });
    }
  }

  private waitForWork(closed: Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs ?? 60_000);
      this.wakeUp = done;
      void closed.then(done);
      if (this.pending || this.stopped) done();
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => (this.wakeUp = undefined));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      // Only a stop cuts a backoff short: new mail cannot be read while the server is unreachable.
      this.wakeUp = () => {
        if (this.stopped) done();
      };
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => (this.wakeUp = undefined));
  }

  private state(account: string, patch: MailboxStatePatch): Promise<void> {
    return writeMailboxState(this.agent.db, this.companyId, account, patch, this.now());
  }

  private now(): Date {
    return this.agent.clock.now();
  }
}

/** Exponential backoff with ±20 % jitter, so many agents do not hammer a recovering server in step. */
export function backoff(failures: number, refused: boolean, policy: RetryPolicy): number {
  const min = refused ? policy.authMinMs : policy.minMs;
  const max = refused ? policy.authMaxMs : policy.maxMs;
  const base = Math.min(max, min * 2 ** Math.min(failures - 1, 30));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
