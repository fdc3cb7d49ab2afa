import type { AuthenticityResult } from '#shared/authenticity';
import type { ReadOutcome } from '#shared/dian-document';
import { readDianFile, type ReaderLimits } from '../dian';
import { signedTextsOf } from '../dian/signed-texts';
import { purchaseDocument } from './to-verify';
import type { TrustAnchors } from './trust-anchors';
import { verifySignedTexts } from './verify-outcome';

/** A received file as reception records it: every outcome the reader found, and the authenticity of each. */
export interface ReceivedFileRead {
  outcomes: ReadOutcome[];
  /** Same order as `outcomes`; empty when the file holds more than `maxDocuments` (it is refused unchecked). */
  authenticity: (AuthenticityResult | undefined)[];
}

export interface ReadAndVerifyOptions {
  /** The file's name as received (only said, never decides anything). */
  name: string;
  limits?: Partial<ReaderLimits>;
  /** More documents than this and the file is refused as a whole: none of them is worth checking. */
  maxDocuments: number;
  now: Date;
  /** Default: the anchors in force (`defaultAnchors`), read when the first document is checked. */
  anchors?: TrustAnchors;
}

/**
 * Reads the bytes of a received file (`readDianFile`, every guard of the reader) and checks the signatures of each
 * purchase document in it (`verifySignedTexts`): what reception (server/agent/ingest.ts) did in the main thread,
 * run on a verification thread (verify-pool.ts `readAndVerifyOnThread`), or in the main thread when no thread can.
 * Each file's parsing leaves about 1 MB of
 * short-lived garbage; on the thread it is collected in the thread's small young generation, instead of growing the
 * main thread's heap by a hundred megabytes over a backlog. Never throws for a file's content: both steps turn
 * every problem into an outcome or an authenticity result.
 */
export async function readAndVerify(bytes: Uint8Array, options: ReadAndVerifyOptions): Promise<ReceivedFileRead> {
  const outcomes = readReceivedFile(bytes, options);
  return { outcomes, authenticity: outcomes.length > options.maxDocuments ? [] : await verifyRead(outcomes, options) };
}

/** The reading half of {@link readAndVerify}. */
export function readReceivedFile(bytes: Uint8Array, options: Pick<ReadAndVerifyOptions, 'name' | 'limits'>): ReadOutcome[] {
  return readDianFile(bytes, { name: options.name, ...(options.limits ? { limits: options.limits } : {}) }).outcomes;
}

/** The checking half of {@link readAndVerify}, on outcomes read in this thread. */
export function verifyRead(outcomes: readonly ReadOutcome[], options: Pick<ReadAndVerifyOptions, 'now' | 'anchors'>): Promise<(AuthenticityResult | undefined)[]> {
  return Promise.all(
    outcomes.map((outcome) => {
      const document = purchaseDocument(outcome);
      return document && verifySignedTexts(document, signedTextsOf(document), options.now, options.anchors ? { anchors: options.anchors } : {});
    }),
  );
}
