import { HEAD_LENGTH, head, type NormalizedText } from './normalize';
import { adjacentSwaps, describeSimilarity } from './similarity';
import type { TextMatch } from './text-index';

interface Entry {
  key: string;
  words: string[];
  codes: string[];
}

/**
 * The descriptions one supplier sent before, searchable by similarity. A supplier has tens to a few thousand
 * distinct lines, so a light structure fits better than a full-text engine per supplier (hundreds of those would
 * cost hundreds of megabytes): entries are found by the first letters of their words (which also catches
 * truncations and most typos) and scored with the same similarity as the catalog search.
 */
export class LineIndex {
  private readonly entries: Entry[] = [];
  /** First letters of a word (or the whole short word) → entries that contain it. */
  private readonly byHead = new Map<string, number[]>();
  private readonly df = new Map<string, number>();

  get size(): number {
    return this.entries.length;
  }

  /** Adds a description; the caller adds each key once (it keeps the key's tally). */
  add(key: string, text: NormalizedText): void {
    if (text.words.length === 0 && text.codes.length === 0) return;
    const words = [...new Set(text.words)];
    const codes = [...new Set(text.codes)];
    const index = this.entries.push({ key, words, codes }) - 1;
    for (const word of words) this.df.set(word, (this.df.get(word) ?? 0) + 1);
    for (const h of new Set([...words.map(headOf), ...codes.map((c) => `#${c}`)])) {
      const list = this.byHead.get(h);
      if (list) list.push(index);
      else this.byHead.set(h, [index]);
    }
  }

  /** The most similar past descriptions, best first (similarity, then the earliest added: deterministic). */
  find(query: NormalizedText, limit = 1): TextMatch[] {
    const words = [...new Set(query.words)];
    const candidates = new Set<number>();
    for (const h of new Set([...words.flatMap(headsOf), ...query.codes.map((c) => `#${c}`)])) for (const i of this.byHead.get(h) ?? []) candidates.add(i);
    const n = this.entries.length;
    const weight = (word: string) => Math.log(1 + (n + 1) / (1 + (this.df.get(word) ?? 0)));
    const scored: TextMatch[] = [];
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const entry = this.entries[i]!;
      scored.push({ id: entry.key, similarity: describeSimilarity(words, query.codes, entry.words, entry.codes, weight), score: 0 });
    }
    scored.sort((a, b) => b.similarity - a.similarity);
    return scored.slice(0, limit);
  }
}

/**
 * A query word's head, and the heads it would have with two neighbouring letters of its head typed the other way
 * round («prfoesor» finds «profesor»): the similarity forgives the swap, but only once the entry is a candidate.
 */
function headsOf(word: string): string[] {
  const own = headOf(word);
  return word.length < 5 ? [own] : [own, ...adjacentSwaps(word, HEAD_LENGTH).map(headOf)];
}

function headOf(word: string): string {
  return head(word) ?? word;
}
