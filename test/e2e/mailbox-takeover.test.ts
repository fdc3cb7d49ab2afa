import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateAgent } from '../../server/agent/agent-switch';
import { createCompany } from '../../server/companies/companies';
import type { Db } from '../../server/db/database';
import { SecretBox } from '../../server/secrets/secret-box';
import { saveMailboxConfig } from '../../server/sources/mailbox-config';
import { HANDLED_KEYWORD } from '../../server/sources/mailbox-sync';
import { mailboxSourceKey } from '../../server/workers/source-lease';
import { tempDir } from '../support/agent-harness';
import { ROOT } from '../support/cli';
import { DEFAULT_USER, eventually, startDovecot, type Dovecot } from '../support/dovecot';
import { forEachEngine, openTestDatabase } from '../support/engines';
import { TEST_ANCHOR_FILE } from '../support/pki';
import { COMPANY_NIT } from '../sources/agent-setup';
import { dianMessage } from '../sources/mail-fixtures';

/**
 * Issue #15: two agent processes on one database, one reception mailbox on a real Dovecot. Only the holder of the
 * mailbox's lease reads it. The reader is killed with SIGKILL at its worst moment: it has stored a message's ZIP and
 * is inside the transaction that would record its document, and the messages of its batch have no keyword yet. The
 * other process (a real `agente serve`, started before, so its own start-up recovery is long done) takes the mailbox
 * over within seconds, reads what the dead one stored and did not record, and goes on with new mail: every invoice
 * recorded once, no file stored twice, every message marked.
 */
const LEASE_SECONDS = 5;
const DIES_AT_DOCUMENT = 4;

forEachEngine((engine) => {
  describe('two agent processes, one mailbox', () => {
    let dovecot: Dovecot;
    let db: Db;
    let location: string;
    let close: () => Promise<void>;
    let companyId: string;
    const tmp = tempDir('agente-relevo-buzon-');
    const key = randomBytes(32);
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      dovecot = await startDovecot();
      ({ db, location, close } = await openTestDatabase(engine, engine === 'sqlite' ? { file: tmp.file('oficina.db') } : {}));
      const clock = { now: () => new Date(Date.now() - 60 * 60_000) };
      const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Empresa de Pruebas SAS', userName: 'Contadora' }, clock);
      await activateAgent(db, company.id, 'recent', 'prueba', clock);
      companyId = company.id;
      await saveMailboxConfig(db, SecretBox.fromKey(key), company.id, { host: '127.0.0.1', port: dovecot.port, security: 'none', user: DEFAULT_USER.user, password: DEFAULT_USER.password }, { now: () => new Date() });
    });

    afterEach(() => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      children.length = 0;
    });

    afterAll(async () => {
      await close?.();
      await dovecot?.destroy();
      tmp.remove();
    });

    const start = (args: string[]) => {
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        env: {
          ...process.env,
          AGENTE_SECRET_KEY: key.toString('base64'),
          AGENTE_LEASE_SEGUNDOS: String(LEASE_SECONDS),
          AGENTE_COPIAS_DIAS: '0',
          AGENTE_ANCLAS_CONFIANZA: TEST_ANCHOR_FILE,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      children.push(child);
      return { child, exited, output: () => out };
    };

    it('the reader is killed mid-message; the other takes over within seconds, reads what it left, and nothing is read twice or lost', async () => {
      const outputs: (() => string)[] = [];
      try {
        await takeover(outputs);
      } catch (error) {
        // What each process said, to tell a slow machine from a wrong takeover.
        for (const [i, output] of outputs.entries()) process.stderr.write(`--- proceso ${i === 0 ? 'A' : 'B'}:\n${output()}\n`);
        throw error;
      }
    }, 240_000);

    async function takeover(outputs: (() => string)[]): Promise<void> {
      const holder = async () => (await db.selectFrom('sourceLease').select('holderId').where('sourceKey', '=', mailboxSourceKey(companyId)).executeTakeFirst())?.holderId ?? '';
      const count = async (table: 'receivedFile' | 'inboxDocument' | 'mailboxMessage') => (await db.selectFrom(table).select('id').execute()).length;

      const unrecorded = async () =>
        (await db.selectFrom('receivedFile').select('id').where(({ not, exists, selectFrom }) => not(exists(selectFrom('inboxDocument').select('inboxDocument.id').whereRef('inboxDocument.receivedFileId', '=', 'receivedFile.id')))).execute()).length;

      // A: reads the mailbox (empty for now), and will die with SIGKILL about to record its 4th document.
      const a = start(['--import', 'tsx', join(ROOT, 'test/support/crash-mail-reader.ts'), location, String(DIES_AT_DOCUMENT)]);
      outputs.push(a.output);
      await eventually(async () => (await holder()).includes(`:${a.child.pid}:`), 'que A tome el buzón', 60_000);
      // B: a real `agente serve` on the same database, started (its own start-up work done) and waiting for the mailbox.
      const b = start([join(ROOT, 'bin/agente.js'), '--db', location, 'serve', '--port', '0', '--no-watch']);
      outputs.push(b.output);
      await eventually(() => /escuchando/.test(b.output()), 'que B arranque', 60_000);
      expect(await holder()).toContain(`:${a.child.pid}:`);

      const first = Array.from({ length: 8 }, (_, i) => dianMessage({ customerNit: COMPANY_NIT, seed: `relevo-${engine}-a-${i}`, messageId: `<relevo-a-${i}@proveedor.test>` }));
      await dovecot.append(first.map((m) => m.raw));
      await a.exited;
      const diedAt = Date.now();
      expect(a.child.signalCode).toBe('SIGKILL');
      // What A left: three documents recorded, and the ZIP of the fourth stored with nothing recorded from it.
      expect(await count('inboxDocument')).toBeGreaterThanOrEqual(DIES_AT_DOCUMENT - 1);
      expect(await unrecorded()).toBeGreaterThanOrEqual(1);

      await eventually(async () => (await holder()).includes(`:${b.child.pid}:`), 'que B tome el buzón', 60_000);
      const takeoverMs = Date.now() - diedAt;
      // The lease (5 s) and one try (1.7 s), with room for the load of a shared machine.
      expect(takeoverMs).toBeLessThan(20_000);

      // New mail after the takeover is read by B.
      const second = Array.from({ length: 4 }, (_, i) => dianMessage({ customerNit: COMPANY_NIT, seed: `relevo-${engine}-b-${i}`, messageId: `<relevo-b-${i}@proveedor.test>` }));
      await dovecot.append(second.map((m) => m.raw));
      const all = [...first, ...second];
      await eventually(async () => (await db.selectFrom('bill').select('id').execute()).length === all.length, 'todas las facturas registradas', 90_000);
      await eventually(async () => [...(await dovecot.flags()).values()].every((f) => f.has(HANDLED_KEYWORD)), 'la marca en todos los mensajes', 30_000);

      // Exactly once: one message record, one stored file and one document per message; none a duplicate.
      expect(await count('mailboxMessage')).toBe(all.length);
      expect(await count('receivedFile')).toBe(all.length);
      const docs = await db.selectFrom('inboxDocument').select(['number', 'status']).execute();
      expect(docs.map((d) => d.number).sort()).toEqual(all.map((m) => m.number).sort());
      expect(docs.every((d) => d.status === 'registered')).toBe(true);
      const messages = await db.selectFrom('mailboxMessage').select(['status', 'documents']).execute();
      expect(messages.every((m) => m.status === 'received' && m.documents === 1)).toBe(true);
      expect(await unrecorded()).toBe(0);
      expect(b.output()).toMatch(/este proceso lee la fuente/);

      b.child.kill('SIGTERM');
      await b.exited;
    }
  });
});
