import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxDocument, Page } from '#shared/inbox';
import { pauseAgent } from '../../server/agent/agent-switch';
import { invoiceXml, openHarness, tempDir } from '../support/agent-harness';
import { ROOT, runAgente } from '../support/cli';

/**
 * The CLI as a tool people script: pages, one document, manual registration, exit codes, and where the database is.
 * Real processes (`node bin/agente.js`), real SQLite files.
 */
describe('npx agente for scripts', { timeout: 180_000 }, () => {
  const tmp = tempDir('agente-scripting-');
  const db = tmp.file('agente.db');
  const agente = (...args: string[]) => runAgente(['--db', db, ...args]);
  let paused: string;

  beforeAll(async () => {
    const h = await openHarness({ file: db, activate: true });
    for (let i = 0; i < 3; i++) await h.ingest(invoiceXml(`FE-S${i}`));
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    paused = (await h.ingest(invoiceXml('FE-SP'))).documents[0]!.id;
    await h.close();
  });
  afterAll(() => tmp.remove());

  it('documents: pages with --limit/--offset, and a Spanish error for a limit that is not a number', async () => {
    const first = await agente('documents', '--limit', '2');
    expect(first.code, first.stderr).toBe(0);
    const page = JSON.parse(first.stdout) as Page<InboxDocument>;
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 0, nextOffset: 2 });
    const next = JSON.parse((await agente('documents', 'list', '--limit', '2', '--offset', '2')).stdout) as Page<InboxDocument>;
    expect(next).toMatchObject({ total: 4, offset: 2, nextOffset: null });
    expect(new Set([...page.items, ...next.items].map((d) => d.id)).size).toBe(4);

    const bad = await agente('documents', '--limit', 'abc');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('Error: «limit» debe ser un número entero entre 1 y 500, no «abc».\n');
    const tooMany = await agente('bills', '--limit', '1000');
    expect(tooMany.stderr).toMatch(/«limit» debe ser un número entero entre 1 y 200, no «1000»/);
    expect((await agente('mailbox', 'messages', '--offset', '-3')).stderr).toMatch(/«offset» debe ser un número entero desde 0, no «-3»/);
    expect((await agente('summary', '--today', '--limit', '0')).stderr).toMatch(/«limit» debe ser un número entero entre 1 y 500, no «0»/);
  });

  it('documents show <id> and documents register <id> (a person registers what arrived while paused)', async () => {
    const shown = await agente('documents', 'show', paused);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: paused, status: 'arrived_while_paused', number: 'FE-SP', document: { number: 'FE-SP' } });
    const registered = await agente('documents', 'register', paused);
    expect(registered.code, registered.stderr).toBe(0);
    expect(JSON.parse(registered.stdout)).toMatchObject({ outcome: { status: 'registered' }, document: { id: paused, status: 'registered', billId: expect.any(String) } });
    const again = await agente('documents', 'register', paused);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Error: El documento está «registered» y no se puede registrar/);
    expect((await agente('documents', 'show', 'no-existe')).stderr).toMatch(/^Error: No existe el documento no-existe\./);
  });

  it('ingest: a missing path is said in Spanish; exit 3 when nothing was received, 2 when only part was', async () => {
    const missing = await agente('ingest', tmp.file('no-esta.xml'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(`${tmp.file('no-esta.xml')}: no existe (se buscó en ${tmp.file('no-esta.xml')}).\nNo se recibió ningún archivo.\n`);
    expect(missing.stderr).not.toMatch(/ENOENT/);
    const good = tmp.file('buena.xml');
    writeFileSync(good, invoiceXml('FE-S9'));
    const partial = await agente('ingest', good, 'tampoco.xml');
    expect(partial.code).toBe(2);
    expect(JSON.parse(partial.stdout)).toEqual([expect.objectContaining({ file: good, number: 'FE-S9' })]);
    expect(partial.stderr).toMatch(/tampoco\.xml: no existe \(se buscó en .*tampoco\.xml\)\.\n1 ruta\(s\) no se pudieron leer; el resto se recibió\.\n$/);
  });

  it('backup <file> copies the database and prints where', async () => {
    const target = tmp.file('copia.db');
    const run = await agente('backup', target);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ database: db, backup: target, bytes: expect.any(Number) });
    expect(existsSync(target)).toBe(true);
    expect((await agente('backup', target)).stderr).toMatch(/Ya existe .*copia\.db: elige otro nombre/);
  });

  it('a relative --db is taken from the project folder, whatever folder the shell is in; init creates it and says where', async () => {
    const relative = `data/prueba-ruta-${process.pid}/agente.db`;
    const expected = join(ROOT, relative);
    try {
      // From another folder, as a person whose shell is elsewhere would run it.
      const run = await runAgente(['--db', relative, 'init'], { cwd: tmp.dir });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ database: expected, created: true });
      expect(run.stderr).toBe(`Base de datos creada en ${expected} (--db).\n`);
      expect(existsSync(expected)).toBe(true);
      expect(existsSync(join(tmp.dir, relative))).toBe(false);
    } finally {
      rmSync(join(ROOT, `data/prueba-ruta-${process.pid}`), { recursive: true, force: true });
    }
  });
});
