/**
 * The DIAN document reader: bytes as received in, typed records out.
 * @module
 */
export { readDianFile, type FileReadResult, type FoundAttachment, type ReadFileOptions } from './read-file';
export { readXmlDocumentOrThrow } from './read-xml';
export { DianReadError } from './errors';
export { DEFAULT_LIMITS, type ReaderLimits } from './limits';
export { signedTextsOf, type SignedTexts } from './signed-texts';
