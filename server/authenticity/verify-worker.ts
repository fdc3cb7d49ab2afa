import { parentPort } from 'node:worker_threads';
import { loadAnchors } from './trust-anchors';
import type { VerifyReply, VerifyTask } from './verify-pool';
import { verifySignedTexts } from './verify-outcome';

/**
 * One verification thread (verify-pool.ts): checks the documents it is sent, one after the other, with the same
 * function the main thread uses. Anchors are read from their files once per thread (loadAnchors caches them).
 */
const port = parentPort;
if (!port) throw new Error('verify-worker.ts solo corre como hilo de verify-pool.ts.');

port.on('message', async (task: VerifyTask) => {
  let reply: VerifyReply;
  try {
    reply = { id: task.id, result: await verifySignedTexts(task.document, task.texts, task.now, { anchors: loadAnchors(task.anchorFiles) }) };
  } catch (error) {
    reply = { id: task.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
// Everything above is loaded: from here on, a failure is this thread's, not the pool's (verify-pool.ts).
port.postMessage('ready');
