import type { FirstReading } from './calibration';
import { LineIndex } from './line-index';
import { normalize, type NormalizedText } from './normalize';
import { isVerification, provenanceOf, Tally, type Provenance } from './tally';
import { ItemsByCode } from './shared-codes';
import { TextIndex } from './text-index';

/** One learned line, as stored in `matching_history`. */
export interface HistoryFact {
  id: number;
  supplierNit: string;
  description: string;
  sellerCode: string | null;
  standardCode: string | null;
  accountCode: string;
  itemId: string | null;
  byUser: boolean;
  at: string;
  /** registro | verificacion | correccion | importado | importado-correccion | importado-verificacion */
  origin: string;
  /** The agent's confidence when it registered the line itself (null otherwise, or before it was stored). */
  confidence: number | null;
  /** …and the first reading behind it (null before it was stored). */
  first?: FirstReading | null;
}

/** One catalog item, as stored in `matching_item`. */
export interface CatalogItem {
  id: string;
  code: string | null;
  name: string;
  accountCode: string;
  inventoried: boolean;
  unitCode: string | null;
  gtin: string | null;
  unspsc: string | null;
  supplierNit: string | null;
  supplierCode: string | null;
  source: string;
  /** An item the agent created from a guess: that guess's confidence, until a person confirms it (then null). */
  confidence: number | null;
  /** …and the first reading behind that guess (null before it was stored). */
  first?: FirstReading | null;
}

/** What the company bought from one supplier: every line, by seller's code and by description, searchable. */
export interface SupplierMemory {
  tally: Tally;
  /** Normalized seller's code → how its lines were booked. */
  byCode: Map<string, Tally>;
  /** Normalized description key → how it was booked (and how it was first written). */
  byDescription: Map<string, Tally>;
  index: LineIndex;
}

/**
 * Everything the engine knows about one company, in memory: exact keys (supplier + seller's code, supplier +
 * normalized description, GTIN), each supplier's descriptions for similarity, company-wide descriptions (new
 * suppliers selling known products) and the item catalog. Loaded once from SQLite, then kept current row by row,
 * so a suggestion never waits for the database. Keys are per supplier and share their strings with the indexes:
 * 200,000 history lines stay in the low hundreds of megabytes.
 */
export class CompanyMemory {
  lastHistoryId = 0;
  catalogRevision = 0;

  readonly suppliers = new Map<string, SupplierMemory>();
  readonly byGtin = new Map<string, Tally>();
  /** Normalized description key → how it was booked, whoever sold it. */
  readonly companyDescriptions = new Map<string, Tally>();
  private descriptionIndex?: TextIndex;

  readonly items = new Map<string, CatalogItem>();
  readonly itemIndex = new TextIndex();
  /** Items by GTIN, supplier's code and internal code: every item sharing one, chosen by `chooseSharedItem`. */
  readonly itemsByGtin = new ItemsByCode();
  readonly itemsBySupplierCode = new ItemsByCode();
  readonly itemsByCode = new ItemsByCode();
  /**
   * The company's books by UNSPSC (accounting-co.md §4.1 step 1: «same UNSPSC, mapped to the account used before»):
   * history lines by class (first 6 digits) and family (first 4), and catalog items by class. A new supplier's line
   * with a code the company has booked before needs no word in common with anything.
   */
  readonly byUnspscClass = new Map<string, Tally>();
  readonly byUnspscFamily = new Map<string, Tally>();
  readonly itemsByUnspscClass = new Map<string, Set<string>>();
  /**
   * Catalog items by the nouns their names are made of: the first word of the name and of every part it enumerates
   * («Lavadoras y secadoras» → lavadora, secadora; «Carretes, etiquetas y bolsas» → carrete, etiqueta, bolsa). A line
   * that starts with one of them names what the item is, however the rest of the wording differs (see `itemNouns`).
   */
  readonly itemsByNoun = new Map<string, Set<string>>();
  /**
   * Catalog items by every word of their names (normalized): a line that names a product another way often shares
   * one rare word with the company's item («PALOS P/ LA FOGATA» and «Leña y carbón para fogatas»; see
   * suggestion-engine.ts `sharedWordItem`).
   */
  readonly itemsByWord = new Map<string, Set<string>>();
  /** Bumped whenever trusted evidence changes (items, the books, a person's decision): derived views rebuild. */
  trustedRevision = 0;
  /**
   * Whether anything trusted was ever learnt: a catalog item a person or an import made, a line from the books or a
   * person. Until then only the agent's own guesses exist, and nothing can outrank them (suggestion-engine.ts
   * `yieldToTrusted` skips its fresh reading).
   */
  hasTrusted = false;

  /** Applies one history row. `texts` caches normalizations while loading (the same description repeats a lot). */
  learn(fact: HistoryFact, texts?: Map<string, NormalizedText>): void {
    let text = texts?.get(fact.description);
    if (!text) {
      text = normalize(fact.description);
      texts?.set(fact.description, text);
    }
    const itemId = fact.itemId ?? undefined;
    const provenance: Provenance = provenanceOf(fact.origin, fact.byUser);
    const options = { confidence: fact.confidence, first: fact.first ?? null, verification: isVerification(fact.origin) };
    const supplier = this.supplier(fact.supplierNit);
    if (provenance === 'person') this.lessonFrom(fact, supplier, text);
    supplier.tally.add(fact.accountCode, fact.at, provenance, itemId, options);
    if (fact.sellerCode) tallyAt(supplier.byCode, itemCodeKey(fact.sellerCode)).add(fact.accountCode, fact.at, provenance, itemId, options);
    if (text.key) {
      let description = supplier.byDescription.get(text.key);
      if (!description) {
        description = new Tally(fact.description);
        supplier.byDescription.set(text.key, description);
        supplier.index.add(text.key, text);
      }
      description.add(fact.accountCode, fact.at, provenance, itemId, options);
      // A person decides about a product, not about one wording of it (issue #13, rule 1): the same supplier's other
      // wordings of that product (a lot number, an expiry date, a reordered or shortened name) take the decision too,
      // so older lines under another wording no longer outvote it. Only near-identical wordings: a decision on
      // «mantenimiento preventivo» says nothing about «mantenimiento correctivo».
      if (provenance === 'person') {
        for (const sibling of supplier.index.find(text, SIBLINGS)) {
          if (sibling.id === text.key || sibling.similarity < SAME_PRODUCT) continue;
          supplier.byDescription.get(sibling.id)?.add(fact.accountCode, fact.at, provenance, itemId, options);
        }
      }
      tallyAt(this.companyDescriptions, text.key, fact.description).add(fact.accountCode, fact.at, provenance, itemId, options);
      this.descriptionIndex?.add(text.key, text);
    }
    const gtin = gtinOf(fact.standardCode);
    if (gtin) tallyAt(this.byGtin, gtin).add(fact.accountCode, fact.at, provenance, itemId, options);
    const unspsc = unspscOf(fact.standardCode);
    if (unspsc) {
      tallyAt(this.byUnspscClass, unspsc.slice(0, 6)).add(fact.accountCode, fact.at, provenance, itemId, options);
      tallyAt(this.byUnspscFamily, unspsc.slice(0, 4)).add(fact.accountCode, fact.at, provenance, itemId, options);
    }
    if (provenance !== 'self') {
      this.trustedRevision++;
      this.hasTrusted = true;
    }
    if (fact.id > this.lastHistoryId) this.lastHistoryId = fact.id;
  }

  /**
   * What people's decisions in this company taught about the agent's own choices, beyond the product decided: for each
   * account the agent had chosen on its own for a product a person then decided, the accounts people moved such
   * products to (each product counted once) and the products people confirmed in it. Keyed on what the agent chose,
   * never on words: «the agent's 5135 went to 6120 three times, never confirmed» is a general lesson.
   */
  readonly lessons = new Map<string, Lesson>();

  /** A person's decision on a product the agent had booked by itself: a lesson about the account it had chosen. */
  private lessonFrom(fact: HistoryFact, supplier: SupplierMemory, text: NormalizedText): void {
    const tally = (fact.sellerCode ? supplier.byCode.get(itemCodeKey(fact.sellerCode)) : undefined) ?? (text.key ? supplier.byDescription.get(text.key) : undefined);
    const before = tally?.verdict();
    // Only what the agent chose alone: a product the books or a person had already decided teaches nothing about it.
    if (!before || !before.selfOnly || before.decided) return;
    const chosen = before.best.account;
    const product = `${fact.supplierNit}\u0001${fact.sellerCode ? itemCodeKey(fact.sellerCode) : text.key}`;
    let lesson = this.lessons.get(chosen);
    if (!lesson) this.lessons.set(chosen, (lesson = { movedTo: new Map(), confirmed: new Set() }));
    if (fact.accountCode === chosen) {
      lesson.confirmed.add(product);
      return;
    }
    let products = lesson.movedTo.get(fact.accountCode);
    if (!products) lesson.movedTo.set(fact.accountCode, (products = new Set()));
    products.add(product);
  }

  /**
   * Every description the company bought, from any supplier, searchable by similarity. Built on first use (companies
   * with a large catalog search the catalog instead and never pay for it), then kept current.
   */
  companyIndex(): TextIndex {
    if (!this.descriptionIndex) {
      const index = new TextIndex({ keepMeasures: false });
      for (const [key, tally] of this.companyDescriptions) index.add(key, normalize(tally.text));
      this.descriptionIndex = index;
    }
    return this.descriptionIndex;
  }

  /** Adds or replaces an item (an import that renames it, the agent creating it, a correction moving it). */
  putItem(item: CatalogItem): void {
    const previous = this.items.get(item.id);
    if (previous) {
      if (itemOrder(previous) !== itemOrder(item)) this.itemIndex.remove(item.id);
      const oldGtin = gtinOf(previous.gtin);
      if (oldGtin) this.itemsByGtin.remove(oldGtin, item.id);
      if (previous.code) this.itemsByCode.remove(itemCodeKey(previous.code), item.id);
      if (previous.supplierNit && previous.supplierCode) this.itemsBySupplierCode.remove(codeKey(previous.supplierNit, previous.supplierCode), item.id);
      const oldClass = unspscOf(previous.unspsc)?.slice(0, 6);
      if (oldClass) this.itemsByUnspscClass.get(oldClass)?.delete(item.id);
      for (const noun of itemNouns(previous.name)) this.itemsByNoun.get(noun)?.delete(item.id);
      for (const word of normalize(previous.name).words) this.itemsByWord.get(word)?.delete(item.id);
    }
    for (const word of normalize(item.name).words) {
      let named = this.itemsByWord.get(word);
      if (!named) this.itemsByWord.set(word, (named = new Set()));
      named.add(item.id);
    }
    for (const noun of itemNouns(item.name)) {
      let named = this.itemsByNoun.get(noun);
      if (!named) this.itemsByNoun.set(noun, (named = new Set()));
      named.add(item.id);
    }
    const unspscClass = unspscOf(item.unspsc)?.slice(0, 6);
    if (unspscClass) {
      let members = this.itemsByUnspscClass.get(unspscClass);
      if (!members) this.itemsByUnspscClass.set(unspscClass, (members = new Set()));
      members.add(item.id);
    }
    this.trustedRevision++;
    if (item.confidence === null) this.hasTrusted = true;
    this.items.set(item.id, item);
    this.itemIndex.add(item.id, normalize(item.name), itemOrder(item));
    const gtin = gtinOf(item.gtin);
    if (gtin) this.itemsByGtin.add(gtin, item.id);
    if (item.code) this.itemsByCode.add(itemCodeKey(item.code), item.id);
    if (item.supplierNit && item.supplierCode) this.itemsBySupplierCode.add(codeKey(item.supplierNit, item.supplierCode), item.id);
  }

  private supplier(nit: string): SupplierMemory {
    let supplier = this.suppliers.get(nit);
    if (!supplier) {
      supplier = { tally: new Tally(), byCode: new Map(), byDescription: new Map(), index: new LineIndex() };
      this.suppliers.set(nit, supplier);
    }
    return supplier;
  }
}

/**
 * The nouns an item's name is made of: its first word and the first word of every part it enumerates (split at
 * commas, «y»/«e», «/», parentheses) when its first part is a lone noun. A category item names several kinds of product («Neveras y congeladores»); what
 * follows a noun in its part only qualifies it («Comisión por colocar inmuebles» → comision).
 */
export function itemNouns(name: string): string[] {
  const nouns = new Set<string>();
  const parts = name.split(/,|\(|\)|\/|\s+[yeYE]\s+/).map((part) => normalize(part).words);
  // Only a list of nouns enumerates kinds: after «Mantenimiento de extrusora» the «y retorcedoras» that follows is what
  // is maintained, not a kind of item.
  const enumerates = (parts[0]?.length ?? 0) === 1;
  for (const words of enumerates ? parts : parts.slice(0, 1)) if (words[0]) nouns.add(words[0]);
  return [...nouns];
}

/** What people did with the products the agent had booked by itself to one account (see `CompanyMemory.lessons`). */
export interface Lesson {
  /** Account people moved them to → the products (supplier + code or description) they moved. */
  movedTo: Map<string, Set<string>>;
  /** Products people confirmed in the account the agent had chosen. */
  confirmed: Set<string>;
}

/**
 * How catalog items with the same words rank when they fit a line equally: by name, code and account. Never by id: an
 * imported item's id derives from the company's, a random UUID, so id order would change the answer from one
 * database to another.
 */
function itemOrder(item: CatalogItem): string {
  return `${item.name}\u0001${item.code ?? ''}\u0001${item.accountCode}`;
}

/** A supplier's code for an item of the catalog, as a key ("REF-0012" = "ref 0012"). */
export function codeKey(nit: string, code: string): string {
  return `${nit}\u0001${itemCodeKey(code)}`;
}

/** Seller's and item codes compare without case, spaces or punctuation. */
export function itemCodeKey(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** GTIN (EAN/UPC) codes are 12 to 14 digits; UNSPSC codes are 8. */
export function gtinOf(code: string | null | undefined): string | undefined {
  const digits = code?.replace(/^[^:]*:/, '').trim();
  return digits && /^\d{12,14}$/.test(digits) ? digits.padStart(14, '0') : undefined;
}

/** A UNSPSC code: 8 digits (segment, family, class, commodity), optionally with a scheme prefix; not a GTIN. */
export function unspscOf(code: string | null | undefined): string | undefined {
  const digits = code?.replace(/^[^:]*:/, '').replace(/\D/g, '');
  return digits && digits.length === 8 && Number(digits.slice(0, 2)) >= 10 ? digits : undefined;
}

/** Similarity (0…1) above which two wordings of one supplier are the same product (see `learn`). */
const SAME_PRODUCT = 0.85;
/** Wordings of one supplier a person's decision is checked against (the most similar first). */
const SIBLINGS = 50;

function tallyAt(map: Map<string, Tally>, key: string, text?: string): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = new Tally(text);
    map.set(key, tally);
  }
  return tally;
}
