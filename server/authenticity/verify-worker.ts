import { parentPort } from 'node:worker_threads';
import { readAndVerify } from './read-and-verify';
import { loadAnchors } from './trust-anchors';
import type { ThreadTask, VerifyReply } from './verify-pool';
import { verifySignedTexts } from './verify-outcome';

/**
 * One verification thread (verify-pool.ts): checks the documents it is sent, or reads a received file and checks its
 * documents, one task after the other, with the same functions the main thread uses. Anchors are read from their
 * files once per thread (loadAnchors caches them). Any failure is sent back as such: the main thread then does the
 * work itself, and meets the same error there.
 */
const port = parentPort;
if (!port) throw new Error('verify-worker.ts solo corre como hilo de verify-pool.ts.');

port.on('message', async (task: ThreadTask) => {
  let reply: VerifyReply;
  try {
    const anchors = loadAnchors(task.anchorFiles);
    reply =
      task.kind === 'read'
        ? { id: task.id, read: await readAndVerify(task.bytes, { name: task.name, maxDocuments: task.maxDocuments, now: task.now, anchors, ...(task.limits ? { limits: task.limits } : {}) }) }
        : { id: task.id, result: await verifySignedTexts(task.document, task.texts, task.now, { anchors }) };
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
// Everything above is loaded: from here on, a failure is this thread's, not the pool's (verify-pool.ts).
port.postMessage('ready');
