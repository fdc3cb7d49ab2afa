import { readDataCsv } from '../ledger/puc';
import { CONCEPTS } from './activity-rules';

/**
 * The kinds of thing a company's operation consumes (server/data/clase-de-consumo.csv): energy, water and gas; the
 * upkeep and rent of its machines; its fleet; the materials and inputs of its trade. A company that books two
 * concepts of a kind to its cost (or to its expense) has a posture for the kind, not only for those concepts.
 */
const KIND_OF: ReadonlyMap<string, string> = new Map(
  readDataCsv('clase-de-consumo.csv').map((row) => {
    // A misspelt concept would silently never move anything: the engine refuses to start instead.
    if (!row.concepto || !CONCEPTS.some((c) => c.key === row.concepto) || !row.clase || !row.fuente) throw new Error(`clase-de-consumo.csv: «${row.concepto ?? ''}» necesita ser un concepto de activity-rules.ts y tener clase y fuente`);
    return [row.concepto, row.clase];
  }),
);

export function kindOfConcept(conceptKey: string): string | undefined {
  return KIND_OF.get(conceptKey);
}
