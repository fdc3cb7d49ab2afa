/**
 * How often, how recently and by whom an account was chosen under one key (supplier + code, supplier +
 * description…). Recency counts: each choice weighs 2^(age / 180 days) relative to a fixed epoch, so a choice made
 * half a year later weighs double, and the comparison does not depend on today's date (same inputs, same answer).
 * A person's correction outweighs any number of automatic choices: among accounts a person chose, the latest
 * correction wins.
 */
export interface TallyEntry {
  account: string;
  /** Item the account came with, the latest one. */
  itemId: string | undefined;
  weight: number;
  count: number;
  corrections: number;
  /** Epoch milliseconds of the latest correction (0: never corrected). */
  lastCorrectionAt: number;
  /** Epoch milliseconds of the latest use. */
  lastAt: number;
}

export interface TallyVerdict {
  best: TallyEntry;
  /** Best entry with another account, if any. */
  second?: TallyEntry;
  /** Share of the (recency-weighted) choices that went to the best account, 0…1. */
  share: number;
  count: number;
}

const EPOCH = Date.UTC(2020, 0, 1);
const HALF_LIFE_MS = 180 * 86_400_000;

export class Tally implements TallyEntry {
  // Hundreds of thousands of keys, nearly all with one account: the first account lives in the tally itself (no
  // array, no entry object); others, rare, in `more`.
  account = '';
  itemId: string | undefined = undefined;
  weight = 0;
  count = 0;
  corrections = 0;
  lastCorrectionAt = 0;
  lastAt = 0;
  private more: TallyEntry[] | undefined = undefined;
  private totalWeight = 0;
  private totalCount = 0;

  /** For descriptions: how the line was first written, to show it ("Parecida a «…»"). */
  constructor(readonly text = '') {}

  /** Lines counted under this key, all accounts together. */
  get total(): number {
    return this.totalCount;
  }

  add(account: string, at: string, byUser: boolean, itemId?: string): void {
    const time = instant(at);
    const weight = 2 ** ((time - EPOCH) / HALF_LIFE_MS);
    let entry: TallyEntry | undefined;
    if (this.totalCount === 0) {
      this.account = account;
      this.lastAt = time;
      entry = this;
    } else if (this.account === account) {
      entry = this;
    } else {
      entry = this.more?.find((e) => e.account === account);
      if (!entry) {
        entry = { account, itemId: undefined, weight: 0, count: 0, corrections: 0, lastCorrectionAt: 0, lastAt: time };
        (this.more ??= []).push(entry);
      }
    }
    entry.weight += weight;
    entry.count += 1;
    if (time >= entry.lastAt) {
      entry.lastAt = time;
      if (itemId) entry.itemId = itemId;
    } else if (itemId && !entry.itemId) {
      entry.itemId = itemId;
    }
    if (byUser) {
      entry.corrections += 1;
      if (time >= entry.lastCorrectionAt) entry.lastCorrectionAt = time;
    }
    this.totalWeight += weight;
    this.totalCount += 1;
  }

  /** The winning account among those `accept` allows (postable ones), with the runner-up and the share. */
  verdict(accept: (account: string) => boolean = () => true): TallyVerdict | undefined {
    if (this.totalCount === 0) return undefined;
    const entries: TallyEntry[] = this.more ? [this, ...this.more] : [this];
    const ranked = entries.filter((e) => accept(e.account)).sort(compareEntries);
    const best = ranked[0];
    if (!best) return undefined;
    const share = best.corrections > 0 ? 1 : this.totalWeight > 0 ? best.weight / this.totalWeight : 0;
    return { best: snapshot(best), ...(ranked[1] ? { second: snapshot(ranked[1]) } : {}), share, count: this.totalCount };
  }

  /** Share of the choices that went to an account (0 when never). */
  shareOf(account: string): number {
    const entry = this.account === account ? this : this.more?.find((e) => e.account === account);
    return entry && this.totalWeight > 0 ? entry.weight / this.totalWeight : 0;
  }
}

/**
 * Confidence of an exact-key verdict: a person's correction is near certain; otherwise the weighted share of the
 * winning account, growing from 0.86 with one use to 0.98 with five or more.
 */
export function tallyConfidence(verdict: TallyVerdict): number {
  if (verdict.best.corrections > 0) return 0.98;
  const volume = Math.min(1, (verdict.best.count - 1) / 4);
  return round(verdict.share * (0.86 + 0.12 * volume));
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function compareEntries(a: TallyEntry, b: TallyEntry): number {
  if (a.lastCorrectionAt !== b.lastCorrectionAt) return b.lastCorrectionAt - a.lastCorrectionAt;
  if (a.weight !== b.weight) return b.weight - a.weight;
  if (a.lastAt !== b.lastAt) return b.lastAt - a.lastAt;
  return a.account < b.account ? -1 : a.account > b.account ? 1 : 0;
}

function snapshot(entry: TallyEntry): TallyEntry {
  const { account, itemId, weight, count, corrections, lastCorrectionAt, lastAt } = entry;
  return { account, itemId, weight, count, corrections, lastCorrectionAt, lastAt };
}

/** An ISO date or instant as epoch milliseconds (unreadable dates count as the epoch: oldest, lightest). */
function instant(at: string): number {
  const t = Date.parse(at);
  return Number.isFinite(t) ? t : EPOCH;
}
