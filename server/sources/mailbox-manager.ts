import type { Agent } from '../agent/agent';
import { SecretBox } from '../secrets/secret-box';
import { listMailboxConfigs } from './mailbox-config';
import { MailboxWatcher, type MailboxWatcherOptions } from './mailbox-watcher';
import { mailboxSourceKey, runWhileLeased, type LeasedSource, type LeaseTiming } from '../workers/source-lease';

export interface MailboxManagerOptions extends MailboxWatcherOptions {
  /** The box that opens stored passwords; `SecretBox.fromEnv()` (created on first need) by default. */
  box?: SecretBox | (() => SecretBox);
  /** How often configuration changes made by another process (`npx agente mailbox set`) are picked up. */
  reloadIntervalMs?: number;
  /** The lease that makes this process the only reader of a mailbox (`leaseTimingFromEnv()` by default). */
  lease?: LeaseTiming;
  /** Who holds the leases (this process by default; tests run two "processes" in one). */
  holder?: string;
}

interface Running {
  version: string;
  lease: LeasedSource;
  /** The reader while this process holds the mailbox's lease (a new one each time the lease is taken). */
  slot: { watcher?: MailboxWatcher };
}

const managers = new WeakMap<Agent, MailboxManager>();

/** The mailbox manager running for this agent (in `npm start`), if any: the API tells it about changes. */
export function mailboxManagerOf(agent: Agent): MailboxManager | undefined {
  return managers.get(agent);
}

/**
 * Runs one `MailboxWatcher` per company with an enabled mailbox, and follows configuration changes: a change made
 * through the API applies at once (`reload`), one made from the CLI within `reloadIntervalMs`. With several agent
 * processes on one database, a mailbox is read only by the process holding its lease (issue #15); the others wait
 * to take it over if that process dies.
 */
export class MailboxManager {
  private readonly watchers = new Map<string, Running>();
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<void> = Promise.resolve();
  private stopped = false;
  readonly box: () => SecretBox;

  constructor(
    private readonly agent: Agent,
    private readonly options: MailboxManagerOptions = {},
  ) {
    let box: SecretBox | undefined;
    const given = options.box;
    this.box = typeof given === 'function' ? given : () => (box ??= given ?? SecretBox.fromEnv());
  }

  /** Starts watching every configured mailbox; resolves once the watchers are launched (not connected). */
  async start(): Promise<void> {
    managers.set(this.agent, this);
    await this.reload();
    const every = this.options.reloadIntervalMs ?? 10_000;
    const tick = () => {
      this.timer = setTimeout(() => void this.reload().finally(() => !this.stopped && tick()), every);
      this.timer.unref?.();
    };
    tick();
  }

  /** Re-reads the configurations: starts, restarts (changed settings) or stops watchers to match. */
  reload(): Promise<void> {
    this.reconciling = this.reconciling.then(() => this.reconcile()).catch((error) => this.options.log?.(`No se pudo leer la configuración de buzones: ${(error as Error).message}`));
    return this.reconciling;
  }

  /** The watcher of a company, while this process reads its mailbox (tests, status). */
  watcher(companyId: string): MailboxWatcher | undefined {
    return this.watchers.get(companyId)?.slot.watcher;
  }

  /** Whether this process is the one reading the company's mailbox now. */
  reads(companyId: string): boolean {
    return this.watchers.get(companyId)?.lease.holding ?? false;
  }

  get size(): number {
    return this.watchers.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.reconciling;
    await Promise.all([...this.watchers.values()].map(({ lease }) => lease.stop()));
    this.watchers.clear();
    if (managers.get(this.agent) === this) managers.delete(this.agent);
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const configs = await listMailboxConfigs(this.agent.db);
    const wanted = new Map(configs.filter((c) => c.enabled).map((c) => [c.companyId, c.updatedAt]));
    for (const [companyId, running] of [...this.watchers]) {
      if (wanted.get(companyId) !== running.version) {
        this.watchers.delete(companyId);
        await running.lease.stop();
      }
    }
    for (const [companyId, version] of wanted) {
      if (this.watchers.has(companyId) || this.stopped) continue;
      const slot: Running['slot'] = {};
      const lease = runWhileLeased(
        this.agent.db,
        mailboxSourceKey(companyId),
        async () => {
          const watcher = new MailboxWatcher(this.agent, companyId, this.box, this.options);
          slot.watcher = watcher;
          watcher.start();
          return {
            close: async () => {
              await watcher.stop();
              if (slot.watcher === watcher) slot.watcher = undefined;
            },
          };
        },
        { ...(this.options.lease ? { timing: this.options.lease } : {}), ...(this.options.holder ? { holder: this.options.holder } : {}), ...(this.options.log ? { log: this.options.log } : {}) },
      );
      this.watchers.set(companyId, { version, lease, slot });
      await lease.firstTry;
    }
  }
}

/** Starts the mailbox manager for `npm start`. */
export async function startMailboxWatchers(agent: Agent, options: MailboxManagerOptions = {}): Promise<MailboxManager> {
  const manager = new MailboxManager(agent, options);
  await manager.start();
  return manager;
}
