/**
 * How often, how recently and by whom an account was chosen under one key (supplier + code, supplier +
 * description…). Evidence has three ranks (issue #13):
 *
 * 1. **a person's decision**: a correction, or a verification of the agent's account (also when imported from the
 *    company's past corrections);
 * 2. **the company's books**: imported history (and bills synced from its accounting software);
 * 3. **the agent's own registrations** nobody checked.
 *
 * The latest decision of a person wins, and from then on only what follows it counts: lines dated before it are
 * outvoted whatever their number, lines of the books after it may still move the key again. The agent's own
 * registrations never outvote the books nor a person, only break ties, and never make the engine surer than the
 * suggestion that made them was (`selfConfidence`): a wrong first guess cannot teach itself.
 *
 * Recency counts among the books: each line weighs 2^(age / 180 days) relative to a fixed epoch, so a line half a
 * year later weighs double, and the comparison does not depend on today's date (same inputs, same answer).
 */
import type { FirstReading } from './calibration';

export type Provenance = 'person' | 'books' | 'self';

export interface TallyEntry {
  account: string;
  /** Item the account came with, the latest one. */
  itemId: string | undefined;
  /** Recency weight of the books' and people's lines, all time. */
  weight: number;
  /** Weight of the books' and people's lines since the latest decision of a person (a decision weighs 3 lines). */
  recent: number;
  /** Every line, whatever its provenance. */
  count: number;
  /** Lines of the agent's own, unverified registrations. */
  selfCount: number;
  selfWeight: number;
  /** Highest confidence the agent's suggestion had when it registered one of those lines (0: none). */
  selfConfidence: number;
  /**
   * The first reading behind the surest of those lines (calibration.ts `Evidence.first`; undefined for lines registered
   * before it was kept): a repeat of the agent's own guess is never reported surer than that reading is measured.
   */
  selfFirst: FirstReading | undefined;
  /** Decisions of a person (corrections and verifications). */
  corrections: number;
  /** Of those, how many only confirmed the account the agent had chosen. */
  verifications: number;
  /** Epoch milliseconds of the latest decision of a person (0: never). */
  lastCorrectionAt: number;
  /** The latest decision of a person was a verification, not a change. */
  lastWasVerification: boolean;
  /** Epoch milliseconds of the latest use. */
  lastAt: number;
}

export interface TallyVerdict {
  best: TallyEntry;
  /** Best entry with another account, if any. */
  second?: TallyEntry;
  /** Share of the evidence that counts (see `Tally`) that went to the best account, 0…1. */
  share: number;
  count: number;
  /** The best account is the latest decision of a person on this key. */
  decided: boolean;
  /** Only the agent's own registrations support the best account. */
  selfOnly: boolean;
}

const EPOCH = Date.UTC(2020, 0, 1);
const HALF_LIFE_MS = 180 * 86_400_000;
/** What the agent's own registrations are worth when the row predates the stored confidence (migration 2026_12_03). */
export const LEGACY_SELF_CONFIDENCE = 0.6;
/** A person's decision counts as this many lines of the books that follow it. */
const DECISION_WEIGHT = 3;

export class Tally implements TallyEntry {
  // Hundreds of thousands of keys, nearly all with one account: the first account lives in the tally itself (no
  // array, no entry object); others, rare, in `more`.
  account = '';
  itemId: string | undefined = undefined;
  weight = 0;
  recent = 0;
  count = 0;
  selfCount = 0;
  selfWeight = 0;
  selfConfidence = 0;
  selfFirst: FirstReading | undefined = undefined;
  corrections = 0;
  verifications = 0;
  lastCorrectionAt = 0;
  lastWasVerification = false;
  lastAt = 0;
  private more: TallyEntry[] | undefined = undefined;
  private totalRecent = 0;
  private totalSelf = 0;
  private totalCount = 0;
  private decisionAt = 0;

  /** For descriptions: how the line was first written, to show it ("Parecida a «…»"). */
  constructor(readonly text = '') {}

  /** Lines counted under this key, all accounts together. */
  get total(): number {
    return this.totalCount;
  }

  add(account: string, at: string, provenance: Provenance, itemId?: string, options: { confidence?: number | null; first?: FirstReading | null; verification?: boolean } = {}): void {
    const time = instant(at);
    const weight = 2 ** ((time - EPOCH) / HALF_LIFE_MS);
    if (provenance === 'person' && time > this.decisionAt) {
      // A new decision: what came before it no longer votes.
      this.decisionAt = time;
      this.totalRecent = 0;
      for (const e of this.entries()) e.recent = 0;
    }
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
        entry = { account, itemId: undefined, weight: 0, recent: 0, count: 0, selfCount: 0, selfWeight: 0, selfConfidence: 0, selfFirst: undefined, corrections: 0, verifications: 0, lastCorrectionAt: 0, lastWasVerification: false, lastAt: time };
        (this.more ??= []).push(entry);
      }
    }
    entry.count += 1;
    if (time >= entry.lastAt) {
      entry.lastAt = time;
      if (itemId) entry.itemId = itemId;
    } else if (itemId && !entry.itemId) {
      entry.itemId = itemId;
    }
    if (provenance === 'self') {
      entry.selfCount += 1;
      entry.selfWeight += weight;
      const confidence = options.confidence ?? LEGACY_SELF_CONFIDENCE;
      // The first reading of the surest line (the first one on a tie: a repeat is never surer than its original).
      if (entry.selfCount === 1 || confidence > entry.selfConfidence) entry.selfFirst = options.first ?? undefined;
      entry.selfConfidence = Math.max(entry.selfConfidence, confidence);
      this.totalSelf += weight;
    } else {
      entry.weight += weight;
      if (time >= this.decisionAt) {
        const vote = provenance === 'person' ? DECISION_WEIGHT * weight : weight;
        entry.recent += vote;
        this.totalRecent += vote;
      }
      if (provenance === 'person') {
        entry.corrections += 1;
        if (options.verification) entry.verifications += 1;
        if (time >= entry.lastCorrectionAt) {
          entry.lastCorrectionAt = time;
          entry.lastWasVerification = !!options.verification;
        }
      }
    }
    this.totalCount += 1;
  }

  /** The winning account among those `accept` allows (postable ones), with the runner-up and the share. */
  verdict(accept: (account: string) => boolean = () => true): TallyVerdict | undefined {
    if (this.totalCount === 0) return undefined;
    const ranked = this.entries()
      .filter((e) => accept(e.account))
      .sort(compareEntries);
    const best = ranked[0];
    if (!best) return undefined;
    const selfOnly = best.recent === 0 && best.weight === 0;
    const decided = this.decisionAt > 0 && best.lastCorrectionAt === this.decisionAt;
    const share = this.totalRecent > 0 ? best.recent / this.totalRecent : this.totalSelf > 0 ? best.selfWeight / this.totalSelf : 0;
    return { best: snapshot(best), ...(ranked[1] ? { second: snapshot(ranked[1]) } : {}), share, count: this.totalCount, decided, selfOnly };
  }

  /** Share of the choices that went to an account, the agent's own included (0 when never). */
  shareOf(account: string): number {
    const entry = this.entries().find((e) => e.account === account);
    const total = this.entries().reduce((a, e) => a + e.weight + e.selfWeight, 0);
    return entry && total > 0 ? (entry.weight + entry.selfWeight) / total : 0;
  }

  private entries(): TallyEntry[] {
    return this.more ? [this, ...this.more] : [this];
  }
}

/**
 * Confidence of an exact-key verdict: a person's latest decision is near certain; the books give the weighted share
 * of the winning account, growing from 0.86 with one line to 0.98 with five or more; the agent's own registrations
 * alone give no more than the suggestion that made them.
 */
export function tallyConfidence(verdict: TallyVerdict): number {
  const { best } = verdict;
  if (verdict.decided) return best.lastWasVerification ? 0.97 : 0.98;
  if (verdict.selfOnly) return round(Math.min(best.selfConfidence, verdict.share * best.selfConfidence));
  const trusted = best.count - best.selfCount;
  const volume = Math.min(1, (trusted - 1) / 4);
  return round(verdict.share * (0.86 + 0.12 * volume));
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function compareEntries(a: TallyEntry, b: TallyEntry): number {
  if (a.recent !== b.recent) return b.recent - a.recent;
  if (a.lastCorrectionAt !== b.lastCorrectionAt) return b.lastCorrectionAt - a.lastCorrectionAt;
  if (a.selfWeight !== b.selfWeight) return b.selfWeight - a.selfWeight;
  if (a.lastAt !== b.lastAt) return b.lastAt - a.lastAt;
  return a.account < b.account ? -1 : a.account > b.account ? 1 : 0;
}

function snapshot(entry: TallyEntry): TallyEntry {
  const { account, itemId, weight, recent, count, selfCount, selfWeight, selfConfidence, selfFirst, corrections, verifications, lastCorrectionAt, lastWasVerification, lastAt } = entry;
  return { account, itemId, weight, recent, count, selfCount, selfWeight, selfConfidence, selfFirst, corrections, verifications, lastCorrectionAt, lastWasVerification, lastAt };
}

/** An ISO date or instant as epoch milliseconds (unreadable dates count as the epoch: oldest, lightest). */
function instant(at: string): number {
  const t = Date.parse(at);
  return Number.isFinite(t) ? t : EPOCH;
}

/** How a stored history row ranks: a person's decision, the company's books, or the agent's own registration. */
export function provenanceOf(origin: string, byUser: boolean): Provenance {
  if (byUser) return 'person';
  if (origin.startsWith('importado')) return 'books';
  return 'self';
}

/** The row records a person confirming the account, not changing it. */
export function isVerification(origin: string): boolean {
  return origin.endsWith('verificacion');
}
