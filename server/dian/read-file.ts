import type { DianValidation, ReadAttachment, ReadOutcome, SourcePath } from '#shared/dian-document';
import { DianReadError, toReadError } from './errors';
import { DEFAULT_LIMITS, formatMegabytes, type ReaderLimits } from './limits';
import { decodeXmlBytes } from './parse-xml';
import { readXmlDocumentOrThrow } from './read-xml';
import { rememberSignedTexts, signedTextsOf } from './signed-texts';
import { isZip, unzipOrThrow, type ExpansionBudget } from './unzip';

export interface FoundAttachment extends ReadAttachment {
  bytes: Uint8Array;
}

export interface FileReadResult {
  outcomes: ReadOutcome[];
  attachments: FoundAttachment[];
}

export interface ReadFileOptions {
  /** Name of the file as received; only used to say where a document came from, never to decide anything. */
  name?: string;
  limits?: Partial<ReaderLimits>;
}

/**
 * Reads the bytes of a file as received (AttachedDocument, bare Invoice/CreditNote/DebitNote/ApplicationResponse,
 * or a ZIP of any of those with PDFs and nested ZIPs) into one outcome per document. Everything is decided by
 * content. Never throws: every problem becomes an outcome with a stable code and a Spanish reason.
 *
 * @example
 * const { outcomes } = readDianFile(await readFile('z0900123456.zip'), { name: 'z0900123456.zip' });
 * for (const o of outcomes) if (o.ok) console.log(o.document.cufe, o.document.totals.payable);
 */
export function readDianFile(bytes: Uint8Array, options: ReadFileOptions = {}): FileReadResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const result: FileReadResult = { outcomes: [], attachments: [] };
  const source = [options.name ?? 'archivo'];
  if (bytes.length > limits.maxFileBytes) {
    result.outcomes.push(refused(source, new DianReadError('FILE_TOO_LARGE', `El archivo pesa más de ${formatMegabytes(limits.maxFileBytes)}; no se procesa.`)));
    return result;
  }
  readPart(bytes, source, 0, limits, { remaining: limits.maxUncompressedBytes }, result);
  return mergeWithinFile(result);
}

function readPart(bytes: Uint8Array, source: SourcePath, depth: number, limits: ReaderLimits, budget: ExpansionBudget, result: FileReadResult): void {
  if (bytes.length === 0) {
    result.outcomes.push(refused(source, new DianReadError('EMPTY_FILE', 'El archivo está vacío.')));
    return;
  }
  if (isZip(bytes)) return readZip(bytes, source, depth, limits, budget, result);
  if (isPdf(bytes)) {
    // Beside the XML inside a ZIP, the PDF is the representación gráfica; received on its own, it is not a
    // document we can read and the person must be told so.
    if (depth === 0) result.outcomes.push(refused(source, new DianReadError('NOT_XML', 'El archivo es un PDF (la representación gráfica), no el XML de la factura electrónica.')));
    else result.attachments.push({ source, kind: 'pdf', size: bytes.length, bytes });
    return;
  }
  if (!looksLikeXml(bytes)) {
    if (depth === 0) result.outcomes.push(refused(source, new DianReadError('NOT_XML', 'El archivo no es un XML ni un ZIP de documentos electrónicos.')));
    else result.attachments.push({ source, kind: 'other', size: bytes.length, bytes });
    return;
  }
  if (bytes.length > limits.maxXmlBytes) {
    result.outcomes.push(refused(source, new DianReadError('FILE_TOO_LARGE', `El XML pesa más de ${formatMegabytes(limits.maxXmlBytes)}; no se procesa.`)));
    return;
  }
  try {
    const { text, warnings } = decodeXmlBytes(bytes);
    const document = readXmlDocumentOrThrow(text);
    document.warnings.unshift(...warnings);
    result.outcomes.push({ ok: true, source, document });
  } catch (error) {
    result.outcomes.push(refused(source, error));
  }
}

function readZip(bytes: Uint8Array, source: SourcePath, depth: number, limits: ReaderLimits, budget: ExpansionBudget, result: FileReadResult): void {
  if (depth >= limits.maxZipDepth) {
    result.outcomes.push(refused(source, new DianReadError('ZIP_TOO_DEEP', `Hay ZIP dentro de ZIP a más de ${limits.maxZipDepth} niveles; no se procesa.`)));
    return;
  }
  const before = result.outcomes.length;
  try {
    const { entries, unsafeNames } = unzipOrThrow(bytes, limits, budget);
    for (const name of unsafeNames) {
      result.outcomes.push(refused([...source, name], new DianReadError('ZIP_UNSAFE_PATH', `El ZIP trae un archivo con una ruta insegura («${name}»); se ignora.`)));
    }
    for (const entry of entries) readPart(entry.bytes, [...source, entry.name], depth + 1, limits, budget, result);
  } catch (error) {
    result.outcomes.push(refused(source, error));
    return;
  }
  if (depth === 0 && result.outcomes.length === before) {
    result.outcomes.push(refused(source, new DianReadError('ZIP_NO_DOCUMENTS', 'El ZIP no contiene ningún documento electrónico XML.')));
  }
}

/**
 * Within one received file: a bare DIAN ApplicationResponse next to the bare document it validates becomes that
 * document's `dianValidation`, and the same document present twice (bare and inside its container) is kept once,
 * preferring the copy that carries DIAN's validation.
 */
function mergeWithinFile(result: FileReadResult): FileReadResult {
  const documents = result.outcomes.filter((o): o is Extract<ReadOutcome, { ok: true }> => o.ok);
  const responses = documents.filter((o) => o.document.kind === 'application-response' && o.document.response?.referencedDocument?.uuid);
  const absorbed = new Set<ReadOutcome>();
  for (const response of responses) {
    const info = response.document.response!;
    const target = documents.find((o) => o !== response && !o.document.dianValidation && o.document.cufe === info.referencedDocument!.uuid);
    if (!target) continue;
    const validation: DianValidation = {
      responseCode: info.code,
      ...(info.description ? { description: info.description } : {}),
      validated: info.code === '02',
      date: response.document.issueDate,
      ...(response.document.issueTime ? { time: response.document.issueTime } : {}),
      responseId: response.document.number,
      cufeMatches: true,
      notes: info.notes,
    };
    target.document.dianValidation = validation;
    // DIAN's response travelled as its own file: its text is what its signature covers.
    const targetTexts = signedTextsOf(target.document);
    const responseText = signedTextsOf(response.document)?.document;
    if (targetTexts && responseText) rememberSignedTexts(target.document, { ...targetTexts, applicationResponse: responseText });
    target.document.warnings = target.document.warnings.filter((w) => w.code !== 'DIAN_VALIDATION_ABSENT');
    absorbed.add(response);
    if (!validation.validated) {
      const index = result.outcomes.indexOf(target);
      result.outcomes[index] = refused(target.source, new DianReadError('DIAN_REJECTED', `La DIAN no validó este documento (código ${info.code}).`, undefined, { document: target.document }));
    }
  }
  const seen = new Map<string, ReadOutcome>();
  const outcomes: ReadOutcome[] = [];
  for (const outcome of result.outcomes) {
    if (absorbed.has(outcome)) continue;
    const cufe = outcome.ok ? outcome.document.cufe : undefined;
    if (cufe && outcome.ok) {
      const previous = seen.get(cufe);
      if (previous?.ok) {
        if (!previous.document.dianValidation && outcome.document.dianValidation) outcomes[outcomes.indexOf(previous)] = outcome;
        continue;
      }
      seen.set(cufe, outcome);
    }
    outcomes.push(outcome);
  }
  for (const outcome of outcomes) {
    if (outcome.ok && !outcome.document.dianValidation && outcome.document.kind !== 'application-response' && outcome.document.kind !== 'radian-event') {
      if (!outcome.document.warnings.some((w) => w.code === 'DIAN_VALIDATION_ABSENT')) {
        outcome.document.warnings.push({ code: 'DIAN_VALIDATION_ABSENT', message: 'El archivo no trae la validación de la DIAN; solo el documento firmado por el proveedor.' });
      }
    }
  }
  return { outcomes, attachments: result.attachments };
}

function refused(source: SourcePath, error: unknown): ReadOutcome {
  const document = error instanceof DianReadError ? error.document : undefined;
  return { ok: false, source, error: toReadError(error), ...(document ? { document } : {}) };
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
}

/** First meaningful character is `<` (after a UTF-8/UTF-16 BOM and whitespace). */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return bytes[2] === 0x3c || bytes[3] === 0x3c;
  }
  while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}
