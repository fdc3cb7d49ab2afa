import { afterEach, describe, expect, it } from 'vitest';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { line, testCompany, type TestCompany } from './support';

/**
 * The nineteenth round of issue #13, task R: people's corrections teach the kind of move (kind-lesson.ts), not only
 * the account they moved from. Cases written here (a restaurant, CIIU 5611, whose activity cost is 614015), not taken
 * from any benchmark set:
 * 1. people moved two of the agent's products from two *different* office accounts to the same cost account: another
 *    product the agent had put in a third office account, which the rules read as office expense or the activity's
 *    cost, follows them, «por verificar», saying which corrections it follows; a line never seen does too;
 * 2. what must not move: overhead the rules read without the cost as an alternative (the internet), a line that names
 *    the management (the manager's fuel), a bill of the premises (energy), a person's own decision, an account a
 *    person confirmed, a company whose people moved a cost back to the office, and corrections to two cost accounts.
 */
describe('suggestion engine: nineteenth round of #13 (R)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const COST = '614015';
  const booked = (companyId: string, nit: string, description: string, account: string, at: string): LearnedLine => ({ companyId, supplierNit: nit, description, accountCode: account, byUser: false, origin: 'registro', confidence: 0.58, at });
  const decided = (companyId: string, nit: string, description: string, account: string, at: string, origin: 'correccion' | 'verificacion' = 'correccion'): LearnedLine => ({ companyId, supplierNit: nit, description, accountCode: account, byUser: true, origin, at });

  const GAS = ['800100201', 'GAS NATURAL M3 CONSUMO', '513555'] as const;
  const ACPM = ['800100202', 'ACPM GALONES', '519535'] as const;
  const FLETE = ['800100203', 'TRANSPORTE FLETE MERCANCIA', '513550'] as const;
  const ALQUILER = ['800100204', 'ALQUILER MONTACARGAS', '512095'] as const;
  const INTERNET = ['800100205', 'SERVICIO INTERNET FIBRA OFICINA', '513535'] as const;
  const GERENCIA = ['800100206', 'GASOLINA CAMIONETA GERENCIA', '519535'] as const;
  const ALL = [GAS, ACPM, FLETE, ALQUILER, INTERNET, GERENCIA];

  /** The agent booked six products of six suppliers by itself, twice each, each where the rules read it. */
  async function agentAlone(): Promise<void> {
    t = await testCompany({ company: { ciiu: ['5611'], inventory: 'periodic' } });
    const chart = await t.chart();
    expect(ALL.every(([, , account]) => chart.isPostable(account)) && chart.isPostable(COST)).toBe(true);
    const id = t.company.id;
    await t.engine.learn(['2026-01-05', '2026-02-05'].flatMap((at) => ALL.map(([nit, description, account]) => booked(id, nit, description, account, at))));
  }

  const correct = (p: readonly [string, string, string], account: string, origin: 'correccion' | 'verificacion' = 'correccion') => decided(t.company.id, p[0], p[1], account, '2026-02-20', origin);
  const again = (p: readonly [string, string, string]) => line(p[1], { nit: p[0] });

  it('two office products of different accounts moved to the same cost: a third office product the rules read as either follows', async () => {
    await agentAlone();
    await t.engine.learn([correct(GAS, COST), correct(ACPM, COST)]);

    const [flete, alquiler, nueva] = await t.classify(again(FLETE), again(ALQUILER), line('TORNILLOS ACERO X100', { nit: '800100299' }));
    for (const [c, from] of [[flete!, FLETE[2]], [alquiler!, ALQUILER[2]]] as const) {
      expect(c.accountCode).toBe(COST);
      expect(c.explanation).toContain('En esta empresa, personas ya pasaron 2 productos que el agente había puesto en gastos de administración (513555, 519535) a 614015, ninguno al revés');
      expect(c.explanation).toContain(`(el agente la leía como ${from})`);
      expect(c.runnerUp?.accountCode).toBe(from);
      expect(c.evidence?.kind).toMatch(/^leccion\/clase-51-61\//);
    }
    expect(nueva!.accountCode).toBe(COST);
    expect(nueva!.explanation).toContain('las reglas leen esta línea como gastos de administración');
  });

  it('overhead the rules read without the cost, a line naming the management and people’s own decisions do not move', async () => {
    await agentAlone();
    await t.engine.learn([correct(GAS, COST), correct(ACPM, COST)]);

    const [internet, gerencia, gas, energia] = await t.classify(again(INTERNET), again(GERENCIA), again(GAS), line('ENERGIA ELECTRICA KWH PERIODO', { nit: '800100299' }));
    expect(internet!.accountCode).toBe(INTERNET[2]);
    expect(internet!.explanation).not.toContain('personas ya pasaron');
    expect(gerencia!.accountCode).toBe(GERENCIA[2]);
    expect(gerencia!.explanation).not.toContain('personas ya pasaron');
    expect(gas!.accountCode).toBe(COST);
    expect(gas!.explanation).toMatch(/^Corregida por una persona/);
    // A bill of the premises (conceptos-del-local.csv): the rules read it as office or cost, but the place decides.
    expect(energia!.accountCode).toMatch(/^5135/);
    expect(energia!.explanation).toContain('es costo (614015)');
    expect(energia!.explanation).not.toContain('personas ya pasaron');
  });

  it('a confirmation of the line’s own account, a cost moved back to the office, or two cost targets: nothing moves', async () => {
    await agentAlone();
    await t.engine.learn([correct(GAS, COST), correct(ACPM, COST), correct(FLETE, FLETE[2], 'verificacion')]);
    const [confirmed, alquiler] = await t.classify(again(FLETE), again(ALQUILER));
    expect(confirmed!.accountCode).toBe(FLETE[2]);
    // Another office account than the confirmed one still follows the people.
    expect(alquiler!.accountCode).toBe(COST);
    await t.close();

    await agentAlone();
    await t.engine.learn([correct(GAS, COST), correct(ACPM, '614010')]);
    const [split] = await t.classify(again(FLETE));
    expect(split!.accountCode).toBe(FLETE[2]);
    await t.close();

    await agentAlone();
    const id = t.company.id;
    await t.engine.learn(['2026-01-05', '2026-02-05'].map((at) => booked(id, '800100207', 'CARBON VEGETAL PARRILLA BULTO', COST, at)));
    await t.engine.learn([correct(GAS, COST), correct(ACPM, COST), decided(id, '800100207', 'CARBON VEGETAL PARRILLA BULTO', '519595', '2026-02-20')]);
    const [back] = await t.classify(again(FLETE));
    expect(back!.accountCode).toBe(FLETE[2]);
    expect(back!.explanation).not.toContain('personas ya pasaron');
  });
});
