import type { Agent } from '../agent/agent';
import { SecretBox } from '../secrets/secret-box';
import { listMailboxConfigs } from './mailbox-config';
import { MailboxWatcher, type MailboxWatcherOptions } from './mailbox-watcher';

export interface MailboxManagerOptions extends MailboxWatcherOptions {
  /** The box that opens stored passwords; `SecretBox.fromEnv()` (created on first need) by default. */
  box?: SecretBox | (() => SecretBox);
  /** How often configuration changes made by another process (`npx agente mailbox set`) are picked up. */
  reloadIntervalMs?: number;
}

const managers = new WeakMap<Agent, MailboxManager>();

/** The mailbox manager running for this agent (in `npm start`), if any: the API tells it about changes. */
export function mailboxManagerOf(agent: Agent): MailboxManager | undefined {
  return managers.get(agent);
}

/**
 * Runs one `MailboxWatcher` per company with an enabled mailbox, and follows configuration changes: a change made
 * through the API applies at once (`reload`), one made from the CLI within `reloadIntervalMs`.
 */
export class MailboxManager {
  private readonly watchers = new Map<string, { watcher: MailboxWatcher; version: string }>();
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

  /** The watcher of a company (tests, status). */
  watcher(companyId: string): MailboxWatcher | undefined {
    return this.watchers.get(companyId)?.watcher;
  }

  get size(): number {
    return this.watchers.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.reconciling;
    await Promise.all([...this.watchers.values()].map(({ watcher }) => watcher.stop()));
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
        await running.watcher.stop();
      }
    }
    for (const [companyId, version] of wanted) {
      if (this.watchers.has(companyId) || this.stopped) continue;
      const watcher = new MailboxWatcher(this.agent, companyId, this.box, this.options);
      this.watchers.set(companyId, { watcher, version });
      watcher.start();
    }
  }
}

/** Starts the mailbox manager for `npm start`. */
export async function startMailboxWatchers(agent: Agent, options: MailboxManagerOptions = {}): Promise<MailboxManager> {
  const manager = new MailboxManager(agent, options);
  await manager.start();
  return manager;
}
