import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { NormalizedText } from './normalize';
import { adjacentSwaps, describeSimilarity } from './similarity';

/** A candidate the index found, with a similarity in 0…1 that thresholds and confidences can rely on. */
export interface TextMatch {
  /** The id given to `add` (an item id, a history description key…). */
  id: string;
  /** 0…1: how much of the query the document explains (and, less, of the document the query explains). */
  similarity: number;
  /** The search library's own relevance score (BM25+), kept as a tie-break. */
  score: number;
}

interface Member {
  id: string;
  measures: string[];
  codes: string[];
  /** What decides between members that fit a query equally (the caller's words: an item's name, code, account). */
  order: string;
}

/** Documents with the same words (sizes and presentations of one product) are one entry with several members. */
interface Group {
  key: string;
  words: string[];
  codes: string[];
  members: Member[];
}

interface Expansion {
  term: string;
  postings: number;
  /** How much the indexed term stands for the query word: 1 equal, less for truncations and typos. */
  credit: number;
}

const CANDIDATES = 12;
const NONE: string[] = [];
/**
 * Postings the search may walk per query. Words in a large share of the documents ("papel" in a stationer's
 * catalog, "tornillo" in a hardware store's) cost much and tell little: rarer words find the candidates, and the
 * similarity still counts every word. Keeps the 95th percentile well under a millisecond on 50,000 items.
 */
const POSTING_BUDGET = 300;

/**
 * Full-text index over normalized descriptions, backed by MiniSearch (BM25+). Each query word is expanded over the
 * index's vocabulary (a MiniSearch radix tree): words it is a truncation of ("deterg" → detergente), truncations of
 * it ("detergente" → deterg), and words one typo away (two for long words). The expansions, rarest first within a
 * posting budget, are searched as exact terms weighted by how close they are; MiniSearch picks and orders the
 * candidates. A similarity computed from the matched words (weighted by rarity) then decides whether a candidate is
 * close enough to claim a match, since BM25 scores are not comparable between queries.
 *
 * Entries with the same words (the sizes and presentations of one product) share one search document, and the
 * member whose measures and codes fit the query best is returned: a 50,000-item catalog is a few thousand
 * documents. Updated incrementally, so learning a description costs microseconds, not a rebuild.
 */
export class TextIndex {
  private readonly search = new MiniSearch<{ id: string; words: string; codes: string }>({
    fields: ['words', 'codes'],
    storeFields: [],
    tokenize: split,
    processTerm: keep,
    searchOptions: { tokenize: split, processTerm: keep },
  });
  private readonly groups = new Map<string, Group>();
  /** Member id → its group's key. */
  private readonly members = new Map<string, string>();
  /** Word (or `#code`) → number of documents that have it. */
  private readonly vocabulary = new SearchableMap<number>();
  private readonly keepMeasures: boolean;

  /** `keepMeasures: false` when members of a group need not be told apart by size (saves memory). */
  constructor(options: { keepMeasures?: boolean } = {}) {
    this.keepMeasures = options.keepMeasures ?? true;
  }

  /** Entries added (members, not search documents). */
  get size(): number {
    return this.members.size;
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  /**
   * An entry's words (as indexed: distinct, sorted) and its own codes, without normalizing its text again: a scan over
   * a class of catalog items compares the line with each of them.
   */
  wordsOf(id: string): { words: string[]; codes: string[] } | undefined {
    const key = this.members.get(id);
    const group = key === undefined ? undefined : this.groups.get(key);
    const member = group?.members.find((m) => m.id === id);
    return group && member ? { words: group.words, codes: member.codes } : undefined;
  }

  /**
   * `order` breaks ties between entries with the same words (an item's name, code and account): ids may be random
   * (an imported item's id derives from the company's), and the same books must give the same answer every time.
   */
  add(id: string, text: NormalizedText, order = id): void {
    if (this.members.has(id)) return;
    const words = [...new Set(text.words)].sort();
    const codes = [...new Set(text.codes)];
    if (words.length === 0 && codes.length === 0) return;
    const key = words.length ? words.join(' ') : `#${[...codes].sort().join(' ')}`;
    this.members.set(id, key);
    const member = { id, measures: this.keepMeasures ? [...new Set(text.measures)] : NONE, codes: codes.length ? codes : NONE, order };
    const group = this.groups.get(key);
    if (group) {
      group.members.push(member);
      const fresh = codes.filter((c) => !group.codes.includes(c));
      if (fresh.length) {
        group.codes.push(...fresh);
        for (const c of fresh) this.count(`#${c}`, 1);
        this.search.replace(this.document(group));
      }
      return;
    }
    const created: Group = { key, words, codes: [...codes], members: [member] };
    this.groups.set(key, created);
    for (const w of words) this.count(w, 1);
    for (const c of codes) this.count(`#${c}`, 1);
    this.search.add(this.document(created));
  }

  /** Removes an entry (an item renamed by an import); its search document goes when its last member does. */
  remove(id: string): void {
    const key = this.members.get(id);
    if (key === undefined) return;
    this.members.delete(id);
    const group = this.groups.get(key)!;
    group.members = group.members.filter((m) => m.id !== id);
    if (group.members.length > 0) return;
    this.groups.delete(key);
    this.search.discard(key);
    for (const w of group.words) this.count(w, -1);
    for (const c of group.codes) this.count(`#${c}`, -1);
  }

  /**
   * The entries most similar to the query, best first (similarity, then library score, then key: the same inputs
   * always give the same order).
   */
  find(query: NormalizedText, limit = 3): TextMatch[] {
    if (this.groups.size === 0) return [];
    const words = [...new Set(query.words)];
    if (words.length === 0 && query.codes.length === 0) return [];
    const boosts = this.plan(words, query.codes);
    if (boosts.size === 0) return [];
    // Equal scores are cut by key, not by the library's insertion order (which follows the order items were loaded in).
    const results = this.search
      .search([...boosts.keys()].join(' '), { boostTerm: (term) => boosts.get(term) ?? 1 })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, CANDIDATES);
    const scored: { group: Group; similarity: number; score: number }[] = [];
    for (const result of results) {
      const group = this.groups.get(result.id as string);
      if (group) scored.push({ group, similarity: describeSimilarity(words, query.codes, group.words, group.codes, (w) => this.weight(w)), score: result.score });
    }
    scored.sort((a, b) => b.similarity - a.similarity || b.score - a.score || (a.group.key < b.group.key ? -1 : 1));
    return scored.slice(0, limit).map(({ group, similarity, score }) => ({ id: bestMember(group, query).id, similarity, score }));
  }

  /** Terms to search, with their boosts: each word's expansions, rarest first, within the posting budget. */
  private plan(words: string[], codes: string[]): Map<string, number> {
    const options: Expansion[] = [];
    for (const word of words) options.push(...this.expand(word));
    for (const code of codes) {
      const postings = this.vocabulary.get(`#${code}`);
      if (postings) options.push({ term: code, postings, credit: 2 });
    }
    options.sort((a, b) => a.postings - b.postings || b.credit - a.credit || (a.term < b.term ? -1 : 1));
    const boosts = new Map<string, number>();
    let spent = 0;
    for (const option of options) {
      if (boosts.has(option.term)) continue;
      if (spent > 0 && spent + option.postings > POSTING_BUDGET) continue;
      spent += option.postings;
      boosts.set(option.term, option.credit);
    }
    return boosts;
  }

  /** The indexed words a query word may stand for. */
  private expand(word: string): Expansion[] {
    const exact = this.vocabulary.get(word);
    if (exact) return [{ term: word, postings: exact, credit: 1 }];
    const out: Expansion[] = [];
    if (word.length >= 4) {
      // The query abbreviates an indexed word ("deterg" → detergente).
      for (const [term, postings] of this.vocabulary.atPrefix(word)) if (!term.startsWith('#')) out.push({ term, postings, credit: 0.85 });
      // The index holds the abbreviation ("detergente" → deterg).
      for (let k = word.length - 1; k >= 4; k--) {
        const postings = this.vocabulary.get(word.slice(0, k));
        if (postings) out.push({ term: word.slice(0, k), postings, credit: 0.85 });
      }
    }
    if (word.length >= 5) {
      for (const [term, [postings]] of this.vocabulary.fuzzyGet(word, word.length >= 9 ? 2 : 1)) if (!term.startsWith('#')) out.push({ term, postings, credit: 0.7 });
      // Two neighbouring letters typed the other way round («TRITURDAO», «PRFOESOR») are two edits to Levenshtein, so
      // words under nine letters miss them above: each swap is one more exact look-up (at most seven).
      if (word.length < 9) {
        for (const swapped of adjacentSwaps(word)) {
          const postings = this.vocabulary.get(swapped);
          if (postings && !out.some((o) => o.term === swapped)) out.push({ term: swapped, postings, credit: 0.7 });
        }
      }
    }
    return out;
  }

  private document(group: Group): { id: string; words: string; codes: string } {
    return { id: group.key, words: group.words.join(' '), codes: group.codes.join(' ') };
  }

  private count(term: string, delta: number): void {
    const n = (this.vocabulary.get(term) ?? 0) + delta;
    if (n > 0) this.vocabulary.set(term, n);
    else this.vocabulary.delete(term);
  }

  /** Inverse document frequency; a word the index never saw weighs like a rare one. */
  private weight(word: string): number {
    return Math.log(1 + (this.groups.size + 1) / (1 + (this.vocabulary.get(word) ?? 0)));
  }
}

/** The member of a group whose codes and measures fit the query (on ties, the first by its `order`, not by when it was added). */
function bestMember(group: Group, query: NormalizedText): Member {
  if (group.members.length === 1) return group.members[0]!;
  let best = group.members[0]!;
  let bestScore = -1;
  for (const member of group.members) {
    let score = 0;
    for (const c of member.codes) if (query.codes.includes(c)) score += 2;
    for (const m of member.measures) if (query.measures.includes(m)) score += 1;
    if (score > bestScore || (score === bestScore && member.order < best.order)) {
      best = member;
      bestScore = score;
    }
  }
  return best;
}

function split(text: string): string[] {
  return text ? text.split(' ') : [];
}

function keep(term: string): string | null {
  return term || null;
}
