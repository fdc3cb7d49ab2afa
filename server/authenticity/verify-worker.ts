import { parentPort } from 'node:worker_threads';
import { signedTextsOf } from '../dian/signed-texts';
import { readReceivedFile, verifyRead } from './read-and-verify';
import { purchaseDocument } from './to-verify';
import { loadAnchors, type TrustAnchors } from './trust-anchors';
import type { ReadTask, ThreadRead, ThreadTask, VerifyReply } from './verify-pool';
import { verifySignedTexts } from './verify-outcome';

/**
 * One verification thread (verify-pool.ts): checks the documents it is sent, or reads a received file (and checks its
 * document), one task after the other, with the same functions the main thread uses. Anchors are read from their
 * files once per thread (loadAnchors caches them). Any failure is sent back as such: the main thread then does the
 * work itself, and meets the same error there.
 */
const port = parentPort;
if (!port) throw new Error('verify-worker.ts solo corre como hilo de verify-pool.ts.');

port.on('message', async (task: ThreadTask) => {
  let reply: VerifyReply;
  try {
    const anchors = loadAnchors(task.anchorFiles);
    reply = task.kind === 'read' ? { id: task.id, read: await readTask(task, anchors) } : { id: task.id, result: await verifySignedTexts(task.document, task.texts, task.now, { anchors }) };
  } catch (error) {
    reply = { id: task.id, error: (error as Error).message };
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    // A reply that cannot be cloned: the main thread does the work itself rather than wait for nothing.
    port.postMessage({ id: task.id, error: (error as Error).message } satisfies VerifyReply);
  }
});
/**
 * A received file: read, and its documents checked here when there is at most one (the usual mail: one invoice in
 * its container) or the file is refused for holding too many. Several are sent back with their signed texts, to be
 * checked on every thread at once (verify-pool.ts `readAndVerifyOnThread`).
 */
async function readTask(task: ReadTask, anchors: TrustAnchors): Promise<ThreadRead> {
  const outcomes = readReceivedFile(task.bytes, task);
  const documents = outcomes.map(purchaseDocument);
  if (outcomes.length > task.maxDocuments) return { outcomes, authenticity: [] };
  if (documents.filter(Boolean).length <= 1) return { outcomes, authenticity: await verifyRead(outcomes, { now: task.now, anchors }) };
  return { outcomes, texts: documents.map((document) => document && signedTextsOf(document)) };
}

// Everything above is loaded: from here on, a failure is this thread's, not the pool's (verify-pool.ts).
port.postMessage('ready');
