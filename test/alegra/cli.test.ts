import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { DefaultAccountRule } from '../../server/matching/default-account-rule';
import { encoder, fixtureText, retarget } from '../support/fixtures';
import { runAgente } from '../support/cli';
import { FakeAlegra } from '../support/fake-alegra';

const EMAIL = 'contador@empresa.co';
const TOKEN = 'token-valido-123';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('npx agente alegra …', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'agente-alegra-cli-'));
  const db = join(dir, 'agente.db');
  const env = { ...process.env, AGENTE_SECRET_KEY: randomBytes(32).toString('base64'), USER: 'contadora' };
  let fake: FakeAlegra;
  let billId: string;

  function agente(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
    return runAgente(['--db', db, ...args], { env: { ...env, ...extraEnv } });
  }

  beforeAll(async () => {
    fake = await FakeAlegra.start([{ email: EMAIL, token: TOKEN }]);
    fake.seedColombianAccount();
    // A bill registered before the company was connected to Alegra.
    const database = await openDatabase(db);
    const agent = new Agent(database, { classifier: new DefaultAccountRule() });
    const company = await createCompany(database, { nit: '900123456', name: 'Prueba SAS', userName: 'Ana', ciiu: ['4711'] }, agent.clock);
    await activateAgent(database, company.id, 'recent', 'test', agent.clock);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const xml = retarget(fixtureText('dian-toolkit__Ejemplificacion_cambio_otra_Moneda.xml'), { customerNit: '900123456', number: 'CLI1', cufeSeed: 'cli-1', issueDate: '2026-03-09' });
    await agent.ingest({ companyId: company.id, bytes: encoder.encode(xml), channel: 'cli', sourceRef: 'CLI1.xml' });
    await agent.processor.runPending(company.id);
    billId = (await database.selectFrom('bill').select('id').executeTakeFirstOrThrow()).id;
    await agent.stop();
    await database.destroy();
  });

  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a wrong token with the Spanish reason and a non-zero exit', async () => {
    const run = await agente(['alegra', 'connect', '--email', EMAIL, '--url', fake.url], { ALEGRA_TOKEN: 'token-equivocado' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Alegra no aceptó el correo y el token');
    expect(run.stdout + run.stderr).not.toContain('token-equivocado');
  });

  it('connects (token from ALEGRA_TOKEN, never printed), syncs, and pushes an older bill on request', async () => {
    const connected = await agente(['alegra', 'connect', '--email', EMAIL, '--url', fake.url], { ALEGRA_TOKEN: TOKEN });
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stdout).not.toContain(TOKEN);
    const result = JSON.parse(connected.stdout);
    expect(result).toMatchObject({ connection: { connected: true, hasToken: true, email: EMAIL }, test: { ok: true }, sync: { ok: true } });

    const status = await agente(['alegra', 'status', '--bill', billId]);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'not_queued', inAlegra: false });

    const pushed = await agente(['alegra', 'push', '--bill', billId]);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ pushed: 1, bill: { state: 'pushed', inAlegra: true, remoteId: String(fake.bills[0]!.id) } });
    expect(fake.bills).toHaveLength(1);

    const overview = await agente(['alegra', 'status']);
    expect(overview.stdout).not.toContain(TOKEN);
    expect(JSON.parse(overview.stdout)).toMatchObject({ connection: { connected: true }, pushes: { pushed: 1, pending: 0, failed: 0 } });

    const test = await agente(['alegra', 'test']);
    expect(test.code).toBe(0);
    expect(JSON.parse(test.stdout)).toMatchObject({ ok: true });

    const gone = await agente(['alegra', 'disconnect']);
    expect(JSON.parse(gone.stdout)).toEqual({ disconnected: true });
    const after = await agente(['alegra', 'test']);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('no está conectada con Alegra');
  });
});
