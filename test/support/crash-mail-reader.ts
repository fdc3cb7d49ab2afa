/**
 * An agent process that reads the configured mailboxes (as `agente serve` does) and dies with SIGKILL when it is
 * about to record its `nth` document: the file is stored, its documents not yet, and the message has no keyword.
 * For the takeover tests (another process must pick up what this one left half done).
 *
 * Usage: node --import tsx test/support/crash-mail-reader.ts <database> <nth>
 * (AGENTE_SECRET_KEY opens the mailbox password; AGENTE_LEASE_SEGUNDOS sets the lease.)
 */
import { Agent } from '../../server/agent/agent';
import { openDatabase } from '../../server/db/database';
import { startMailboxWatchers } from '../../server/sources/mailbox-manager';
import { dieBeforeRecording } from './die-before-recording';

const [location, nth] = process.argv.slice(2);
if (!location || !nth) throw new Error('Uso: crash-mail-reader.ts <base de datos> <documento en el que muere>');

const db = (await openDatabase(location, { create: false })).withPlugin(dieBeforeRecording(Number(nth), 'kill'));
const agent = new Agent(db);
agent.start();
await startMailboxWatchers(agent, { log: (m) => console.log(m) });
console.log('lector de buzón listo');
// Alive until killed, like `agente serve` (whose HTTP server holds it): the lease and processor timers do not.
setInterval(() => undefined, 60_000);
