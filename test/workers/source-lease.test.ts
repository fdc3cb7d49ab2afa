import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLease, releaseLease, runWhileLeased } from '../../server/workers/source-lease';
import { openDatabase, type Db } from '../../server/db/database';
import { invoiceXml, openHarness, tempDir } from '../support/agent-harness';
import { ROOT } from '../support/cli';
import { TEST_ANCHOR_FILE } from '../support/pki';

const TIMING = { ttlMs: 1_000, renewMs: 100 };

async function until(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('tiempo agotado');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('source lease', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('one holder at a time; renewed by its holder; taken over only once expired; released at once', async () => {
    db = await openDatabase(':memory:');
    const t0 = new Date('2026-03-10T15:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await acquireLease(db, 'buzon:x', TIMING, 'a', t0)).toBe(true);
    expect(await acquireLease(db, 'buzon:x', TIMING, 'b', at(10))).toBe(false);
    // Another source is another lease.
    expect(await acquireLease(db, 'buzon:y', TIMING, 'b', at(10))).toBe(true);
    // The holder renews before expiry: still not free for b.
    expect(await acquireLease(db, 'buzon:x', TIMING, 'a', at(900))).toBe(true);
    expect(await acquireLease(db, 'buzon:x', TIMING, 'b', at(1_500))).toBe(false);
    // a stops renewing (dead): after the lease runs out b takes it, keeping its own start time.
    expect(await acquireLease(db, 'buzon:x', TIMING, 'b', at(1_901))).toBe(true);
    expect(await acquireLease(db, 'buzon:x', TIMING, 'a', at(1_950))).toBe(false);
    const row = await db.selectFrom('sourceLease').selectAll().where('sourceKey', '=', 'buzon:x').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ holderId: 'b', acquiredAt: at(1_901).toISOString(), expiresAt: at(2_901).toISOString() });
    // Only its holder can release it.
    await releaseLease(db, 'buzon:x', 'a');
    expect(await acquireLease(db, 'buzon:x', TIMING, 'a', at(2_000))).toBe(false);
    await releaseLease(db, 'buzon:x', 'b');
    expect(await acquireLease(db, 'buzon:x', TIMING, 'a', at(2_000))).toBe(true);
  });

  it('runs the reader only while holding: the second runner waits, and takes over when the first stops', async () => {
    const tmp = tempDir();
    db = await openDatabase(tmp.file('lease.db'));
    const other = await openDatabase(tmp.file('lease.db'));
    const running: string[] = [];
    const reader = (name: string) => async () => {
      running.push(name);
      return { close: async () => void running.splice(running.indexOf(name), 1) };
    };
    const a = runWhileLeased(db, 'carpeta:x', reader('a'), { timing: TIMING, holder: 'a' });
    await a.firstTry;
    const b = runWhileLeased(other, 'carpeta:x', reader('b'), { timing: TIMING, holder: 'b' });
    await b.firstTry;
    expect([a.holding, b.holding, running]).toEqual([true, false, ['a']]);
    await new Promise((r) => setTimeout(r, 400)); // several renewals: nothing changes
    expect(running).toEqual(['a']);
    await a.stop();
    await until(() => b.holding, 2_000);
    expect(running).toEqual(['b']);
    await b.stop();
    expect(running).toEqual([]);
    await other.destroy();
    tmp.remove();
  });
});

describe('two agent processes, one watched folder', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children.length = 0;
  });

  it('only the lease holder reads the folder; when it is killed (SIGKILL) the other takes over within seconds and no file is read twice', async () => {
    const tmp = tempDir();
    const file = tmp.file('oficina.db');
    const inbox = join(tmp.dir, 'inbox');
    const h = await openHarness({ file, activate: true });
    await h.close();

    const serve = () => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/agente.js'), '--db', file, 'serve', '--port', '0', '--inbox', inbox, '--no-mailbox'], {
        cwd: ROOT,
        env: { ...process.env, AGENTE_LEASE_SEGUNDOS: '1.5', AGENTE_COPIAS_DIAS: '0', AGENTE_ANCLAS_CONFIANZA: TEST_ANCHOR_FILE },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      children.push(child);
      return { child, output: () => out };
    };
    const db = await openDatabase(file);
    try {
      const holder = async () => (await db.selectFrom('sourceLease').select('holderId').where('sourceKey', 'like', 'carpeta:%').executeTakeFirst())?.holderId ?? '';
      const files = async () => (await db.selectFrom('receivedFile').select('sourceRef').where('channel', '=', 'folder').execute()).map((r) => r.sourceRef).sort();

      const a = serve();
      await until(async () => (await holder()).includes(`:${a.child.pid}:`), 30_000);
      const b = serve();
      await until(() => /escuchando/.test(b.output()), 30_000);
      expect(b.output()).toMatch(/la lee otro proceso del agente/);

      for (let i = 0; i < 3; i++) writeFileSync(join(inbox, `fe-${i}.xml`), invoiceXml(`FE-90${i}`));
      await until(async () => (await files()).length === 3);
      expect(await holder()).toContain(`:${a.child.pid}:`);

      a.child.kill('SIGKILL');
      const killedAt = Date.now();
      for (let i = 3; i < 6; i++) writeFileSync(join(inbox, `fe-${i}.xml`), invoiceXml(`FE-90${i}`));
      await until(async () => (await holder()).includes(`:${b.child.pid}:`));
      const takeoverMs = Date.now() - killedAt;
      await until(async () => (await files()).length === 6);
      // Within the lease (1.5 s) and one try (0.5 s), plus the load of a shared machine.
      expect(takeoverMs).toBeLessThan(8_000);
      expect(await files()).toEqual(['fe-0.xml', 'fe-1.xml', 'fe-2.xml', 'fe-3.xml', 'fe-4.xml', 'fe-5.xml']);
      // Read once each: those A stored and never read (killed in between) are read by B when it finds them.
      const numbers = async () => (await db.selectFrom('inboxDocument').select('number').execute()).map((r) => r.number).sort();
      await until(async () => (await numbers()).length >= 6);
      await new Promise((r) => setTimeout(r, 500));
      expect(await numbers()).toEqual(['FE-900', 'FE-901', 'FE-902', 'FE-903', 'FE-904', 'FE-905']);
      b.child.kill('SIGTERM');
      await new Promise((r) => b.child.once('close', r));
    } finally {
      await db.destroy();
      tmp.remove();
    }
  }, 180_000);
});
