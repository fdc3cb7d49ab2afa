/**
 * How alike two normalized descriptions are, 0…1: the weighted share of the query's words the document explains
 * (70 %) and of the document's words the query explains (30 %). A word counts fully when equal, less when one is a
 * truncation of the other ("deterg" / "detergente"), a typo away, or only shares its first four letters. Rare words
 * weigh more (the caller gives the weights). A shared model code adds; different codes subtract a little.
 */
export function describeSimilarity(words: string[], codes: string[], docWords: string[], docCodes: string[], weight: (word: string) => number): number {
  let queryWeight = 0;
  let queryCovered = 0;
  for (const word of words) {
    const w = weight(word);
    queryWeight += w;
    queryCovered += w * bestCredit(word, docWords);
  }
  let docWeight = 0;
  let docCovered = 0;
  for (const word of docWords) {
    const w = weight(word);
    docWeight += w;
    docCovered += w * bestCredit(word, words);
  }
  let score = queryWeight > 0 ? 0.7 * (queryCovered / queryWeight) + 0.3 * (docWeight > 0 ? docCovered / docWeight : 0) : 0;
  if (codes.length && docCodes.length) score += codes.some((c) => docCodes.includes(c)) ? (words.length ? 0.1 : 0.8) : -0.05;
  return Math.max(0, Math.min(1, score));
}

/** How well one word is matched by a list of words (1 equal … 0 nothing alike). */
function bestCredit(word: string, others: string[]): number {
  let best = 0;
  for (const other of others) {
    if (other === word) return 1;
    let credit = 0;
    if (word.length >= 3 && other.length >= 3 && (other.startsWith(word) || word.startsWith(other))) credit = 0.85;
    else if (word.length >= 5 && other.length >= 5 && Math.abs(word.length - other.length) <= 1 && withinOneEdit(word, other)) credit = 0.75;
    else if (word.length >= 4 && other.length >= 4 && word.slice(0, 4) === other.slice(0, 4)) credit = 0.5;
    if (credit > best) best = credit;
  }
  return best;
}

/** Levenshtein distance ≤ 1 (one letter changed, added or dropped, or two neighbours swapped), without a matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/**
 * The word with two neighbouring letters typed the other way round, each way it can be, within its first `end`
 * letters («prfoesor» → «profesor», …): one slip of the fingers that Levenshtein counts as two edits.
 */
export function adjacentSwaps(word: string, end = word.length): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < Math.min(end, word.length); i++) if (word[i] !== word[i + 1]) out.push(`${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`);
  return out;
}
