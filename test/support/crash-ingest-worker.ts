/**
 * A reception that dies in the middle of recording a file, for the restart tests: it ingests the ZIP given and,
 * while writing the inbox entry after `survivors` entries exist, kills its own process with SIGKILL from inside the
 * SQLite transaction (like `kill -9` or a power cut).
 *
 * Usage: node --import tsx test/support/crash-ingest-worker.ts <database file> <zip file> <survivors>
 */
import { readFileSync } from 'node:fs';
import { Agent } from '../../server/agent/agent';
import { listCompanies } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';

const [file, zip, survivors] = process.argv.slice(2);
if (!file || !zip || survivors === undefined) throw new Error('Uso: crash-ingest-worker.ts <base de datos> <zip> <entradas antes del fallo>');

const db = await openDatabase(file, {
  configure: (sqlite) => {
    sqlite.function('crash_now', () => {
      process.kill(process.pid, 'SIGKILL');
      return 0;
    });
    sqlite.exec(`CREATE TEMP TRIGGER crash_mid_ingest AFTER INSERT ON main.inbox_document
      WHEN (SELECT count(*) FROM main.inbox_document) > ${Number(survivors)}
      BEGIN SELECT crash_now(); END`);
  },
});
const [company] = await listCompanies(db);
await new Agent(db).ingest({ companyId: company!.id, bytes: readFileSync(zip), channel: 'cli', sourceRef: 'lote.zip' });
process.stdout.write('no crash\n');
await db.destroy();
