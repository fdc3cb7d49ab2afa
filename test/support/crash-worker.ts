/**
 * A processor that dies in the middle of a batch, for the restart tests: it registers pending documents and, while
 * writing the journal of the document after `survivors` bills exist, kills its own process with SIGKILL from
 * inside the SQLite transaction (a temporary trigger calls a function that never returns). Nothing is flushed,
 * nothing is rolled back politely: exactly what a power cut or `kill -9` does.
 *
 * Usage: node --import tsx test/support/crash-worker.ts <database file> <survivors>
 */
import { Agent } from '../../server/agent/agent';
import { openDatabase } from '../../server/db/database';

const [file, survivors] = process.argv.slice(2);
if (!file || survivors === undefined) throw new Error('Uso: crash-worker.ts <base de datos> <facturas antes del fallo>');

const db = await openDatabase(file, {
  configure: (sqlite) => {
    sqlite.function('crash_now', () => {
      process.kill(process.pid, 'SIGKILL');
      return 0;
    });
    sqlite.exec(`CREATE TEMP TRIGGER crash_mid_transaction AFTER INSERT ON main.journal_line
      WHEN (SELECT count(*) FROM main.bill) > ${Number(survivors)}
      BEGIN SELECT crash_now(); END`);
  },
});
await new Agent(db).processor.runPending();
process.stdout.write('no crash\n');
await db.destroy();
