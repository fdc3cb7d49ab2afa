import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { DianDocument, ReadErrorCode, ReadOutcome, WarningCode } from '#shared/dian-document';
import { readDianFile, type FileReadResult, type ReadFileOptions } from '../../server/dian';
import { encoder, FIXTURES_DIR } from '../support/fixtures';

/** Helpers shared by the DIAN reader tests (test/dian/*.test.ts). */

export { encoder };

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(`${FIXTURES_DIR}${name}`);
}

/** `dian-toolkit__Generica.xml` → `Generica`, for test titles. */
export function shortName(name: string): string {
  return name.replace(/^dian-toolkit__/, '').replace(/\.xml$/, '');
}

/** Reads text or bytes and returns the single document, failing the test when it is anything else. */
export function readOne(input: string | Uint8Array, options: ReadFileOptions = {}): DianDocument {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const { outcomes } = readDianFile(bytes, { name: 'prueba.xml', ...options });
  expect(outcomes).toHaveLength(1);
  const outcome = outcomes[0]!;
  if (!outcome.ok) throw new Error(`Se esperaba un documento y el lector respondió ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.document;
}

/** Reads a fixture by file name (the single document in it). */
export function readFixture(name: string): DianDocument {
  return readOne(fixtureBytes(name), { name });
}

export function warningCodes(document: DianDocument): WarningCode[] {
  return document.warnings.map((w) => w.code);
}

/** Every stable error code of the reader (checked against the `ReadErrorCode` union at compile time below). */
export const READ_ERROR_CODES = [
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'NOT_XML',
  'XML_MALFORMED',
  'XML_TRUNCATED',
  'XML_DOCTYPE_FORBIDDEN',
  'UNSUPPORTED_ENCODING',
  'NOT_DIAN_DOCUMENT',
  'MISSING_FIELD',
  'INVALID_VALUE',
  'CONTAINER_EMPTY',
  'CONTAINER_MISMATCH',
  'DIAN_REJECTED',
  'ZIP_INVALID',
  'ZIP_TOO_LARGE',
  'ZIP_UNSAFE_PATH',
  'ZIP_TOO_DEEP',
  'ZIP_TOO_MANY_ENTRIES',
  'ZIP_ENCRYPTED',
  'ZIP_NO_DOCUMENTS',
  'INTERNAL_ERROR',
] as const satisfies readonly ReadErrorCode[];

/** Compile-time proof that the list above is the whole union: adding a code to the union breaks the build here. */
export const READ_ERROR_CODES_ARE_COMPLETE: Exclude<ReadErrorCode, (typeof READ_ERROR_CODES)[number]> extends never ? true : false = true;

/** Spanish, for a person: a real sentence with Spanish function words, not an English stack message. */
export function expectSpanishMessage(message: string): void {
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(10);
  expect(message).toMatch(/\b(el|la|los|las|un|una|no|de|del|se|es|más)\b/i);
}

/** The refused outcomes of a result, each checked to carry a stable code and a Spanish message. */
export function refusals(result: FileReadResult): Extract<ReadOutcome, { ok: false }>[] {
  const refused = result.outcomes.filter((o): o is Extract<ReadOutcome, { ok: false }> => !o.ok);
  for (const outcome of refused) {
    expect(READ_ERROR_CODES).toContain(outcome.error.code);
    expect(outcome.error.code).not.toBe('INTERNAL_ERROR');
    expectSpanishMessage(outcome.error.message);
  }
  return refused;
}

/** Reads bytes and expects exactly one outcome, refused with `code`; returns it. */
export function expectRefused(input: string | Uint8Array, code: ReadErrorCode, options: ReadFileOptions = {}): Extract<ReadOutcome, { ok: false }> {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const result = readDianFile(bytes, { name: 'prueba.xml', ...options });
  const refused = refusals(result);
  expect(result.outcomes).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect(refused[0]!.error.code).toBe(code);
  return refused[0]!;
}
