import type { DianDocument, Environment } from '#shared/dian-document';
import { DianReadError } from './errors';
import type { ReadContext } from './read-context';
import { attr, child, text } from './xml-node';

/** `cbc:UUID` (CUFE or CUDE) and its scheme. Lowercased: it is the document's key everywhere else. */
export function readUuid(tree: unknown, ctx: ReadContext): { cufe: string; cufeScheme?: string } {
  const node = child(tree, 'UUID');
  const cufe = ctx.requireText(node, 'el CUFE/CUDE (UUID)', 'UUID').toLowerCase();
  if (!/^[0-9a-f]{96}$/.test(cufe)) {
    ctx.warn('UUID_FORMAT', `El CUFE/CUDE no tiene el formato SHA-384 esperado (96 caracteres hexadecimales).`);
  }
  const scheme = attr(node, 'schemeName');
  return scheme ? { cufe, cufeScheme: scheme } : { cufe };
}

/** `ProfileExecutionID` 1 = producción, 2 = pruebas (also repeated in `UUID@schemeID`). */
export function readEnvironment(tree: unknown, ctx: ReadContext): Environment {
  const value = text(child(tree, 'ProfileExecutionID')) ?? attr(child(tree, 'UUID'), 'schemeID');
  if (value === '1') return 'production';
  if (value === '2') return 'test';
  throw new DianReadError(
    'MISSING_FIELD',
    `El documento no indica si es de producción o de pruebas (ProfileExecutionID = «${value ?? ''}»).`,
    ctx.path('ProfileExecutionID'),
  );
}

/** UTF-8 read as Latin-1 somewhere upstream ("crÃ©dito"): DIAN's own Consumidor Final sample has it. */
const MOJIBAKE = /Ã[\u0080-\u00bf]|Â[\u0080-\u00bf]/;

export function checkMojibake(document: DianDocument, ctx: ReadContext): void {
  // Every free text a person reads on the bill: DIAN's Consumidor Final sample has its mojibake in a
  // document-level charge reason ("Cargo financiero estudio de crÃ©dito"), not in a name or a description.
  const texts = [
    document.supplier.name,
    ...document.supplier.tradeNames,
    document.customer.name,
    ...document.lines.flatMap((l) => [l.description, ...l.notes, ...l.allowanceCharges.map((a) => a.reason ?? '')]),
    ...document.allowanceCharges.map((a) => a.reason ?? ''),
    document.discrepancy?.description ?? '',
    ...document.notes,
  ];
  const bad = texts.find((t) => MOJIBAKE.test(t));
  if (bad) {
    ctx.warn('MOJIBAKE', `Hay texto con caracteres mal codificados (por ejemplo «${bad.slice(0, 60)}»); revisa tildes y eñes.`);
  }
}
