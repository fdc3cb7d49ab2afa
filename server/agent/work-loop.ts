/**
 * A background job that runs right away when woken and every `intervalMs` anyway (work may come from another
 * process sharing the database). Runs never overlap: `exclusive` queues callers behind the run in progress, and a
 * wake during a run asks for one more run after it. Errors are reported and the loop goes on.
 *
 * @example
 * const loop = new WorkLoop(() => processPending(), { intervalMs: 3000, onError: console.error });
 * loop.start(); loop.wake(); await loop.stop();
 */
export class WorkLoop {
  private timer: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private ticking = false;
  private again = false;
  private stopped = true;

  constructor(
    private readonly job: () => Promise<unknown>,
    private readonly options: { intervalMs: number; onError: (error: unknown) => void },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the timer and waits for the run in progress, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.tail.catch(() => undefined);
  }

  /** There is work: run now, or once more right after the current run. */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) this.again = true;
    else this.schedule(0);
  }

  /** Runs `work` when no other run is in progress, and resolves with its result. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.catch(() => undefined).then(work);
    this.tail = run;
    return run;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.ticking = true;
    try {
      do {
        this.again = false;
        await this.job();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.ticking = false;
    }
    if (!this.stopped) this.schedule(this.options.intervalMs);
  }
}
