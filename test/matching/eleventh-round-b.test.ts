import { afterEach, describe, expect, it } from 'vitest';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { line, testCompany, type TestCompany } from './support';

/**
 * The eleventh round of issue #13, part B: a person's corrections teach beyond the corrected product. Cases written
 * here (a textile dye house), not taken from any benchmark set:
 * 1. when people moved two of the agent's products from one account to the same other account, and never the other
 *    way, a third product the agent had booked by itself to the first account follows them, saying so;
 * 2. a single correction does not move other products, but their explanation says a person already corrected that
 *    choice, and their evidence is measured as its own kind (`corregida`);
 * 3. a person's confirmation of the agent's account on another product disputes the lesson: nothing moves; and a
 *    person's own decision on a product is never overridden by what was learnt on others.
 */
describe('suggestion engine: eleventh round of #13 (B)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const FROM = '513525';
  const TO = '612020';
  const booked = (companyId: string, nit: string, description: string, account: string, at: string): LearnedLine => ({ companyId, supplierNit: nit, description, accountCode: account, byUser: false, origin: 'registro', confidence: 0.58, at });
  const decided = (companyId: string, nit: string, description: string, account: string, at: string, origin: 'correccion' | 'verificacion' = 'correccion'): LearnedLine => ({ companyId, supplierNit: nit, description, accountCode: account, byUser: true, origin, at });

  /** The agent booked four products of three suppliers to FROM by itself, twice each. */
  async function agentAlone(): Promise<void> {
    t = await testCompany({ company: { ciiu: ['1313'], inventory: 'none' } });
    const chart = await t.chart();
    expect(chart.isPostable(FROM) && chart.isPostable(TO)).toBe(true);
    const id = t.company.id;
    await t.engine.learn(
      ['2026-01-05', '2026-02-05'].flatMap((at) => [
        booked(id, '800100200', 'VAPOR CALDERA TINTORERIA TONELADA', FROM, at),
        booked(id, '800100200', 'AGUA DESMINERALIZADA TINAS M3', FROM, at),
        booked(id, '800300400', 'TRATAMIENTO EFLUENTES PLANTA TEÑIDO', FROM, at),
        booked(id, '800500600', 'AIRE COMPRIMIDO SECADORAS M3', FROM, at),
      ]),
    );
  }

  it('two products moved from one account to the same other one, none back: a third product follows the people', async () => {
    await agentAlone();
    const id = t.company.id;
    await t.engine.learn([decided(id, '800100200', 'VAPOR CALDERA TINTORERIA TONELADA', TO, '2026-02-20'), decided(id, '800100200', 'AGUA DESMINERALIZADA TINAS M3', TO, '2026-02-20')]);

    const [third, corrected] = await t.classify(line('TRATAMIENTO EFLUENTES PLANTA TEÑIDO', { nit: '800300400' }), line('VAPOR CALDERA TINTORERIA TONELADA', { nit: '800100200' }));
    expect(third!.accountCode).toBe(TO);
    expect(third!.explanation).toContain(`personas corrigieron 2 productos que el agente había puesto en ${FROM}`);
    expect(third!.runnerUp?.accountCode).toBe(FROM);
    expect(corrected!.accountCode).toBe(TO);
    expect(corrected!.explanation).toMatch(/^Corregida por una persona/);
  });

  it('a single correction moves nothing else, but says so and is measured as its own kind', async () => {
    await agentAlone();
    await t.engine.learn([decided(t.company.id, '800100200', 'VAPOR CALDERA TINTORERIA TONELADA', TO, '2026-02-20')]);

    const [other] = await t.classify(line('AIRE COMPRIMIDO SECADORAS M3', { nit: '800500600' }));
    expect(other!.accountCode).toBe(FROM);
    expect(other!.explanation).toContain(`una persona ya corrigió en esta empresa una vez lo que el agente había puesto en ${FROM} (→ ${TO})`);
    expect(other!.evidence?.kind).toMatch(/\/corregida\//);
  });

  it('a confirmation of the agent’s account disputes the lesson, and a person’s own decision on a product stands', async () => {
    await agentAlone();
    const id = t.company.id;
    await t.engine.learn([
      decided(id, '800100200', 'VAPOR CALDERA TINTORERIA TONELADA', TO, '2026-02-20'),
      decided(id, '800100200', 'AGUA DESMINERALIZADA TINAS M3', TO, '2026-02-20'),
      decided(id, '800500600', 'AIRE COMPRIMIDO SECADORAS M3', FROM, '2026-02-20', 'verificacion'),
    ]);

    const [third, confirmed] = await t.classify(line('TRATAMIENTO EFLUENTES PLANTA TEÑIDO', { nit: '800300400' }), line('AIRE COMPRIMIDO SECADORAS M3', { nit: '800500600' }));
    expect(third!.accountCode).toBe(FROM);
    expect(third!.explanation).not.toContain('personas corrigieron');
    expect(confirmed!.accountCode).toBe(FROM);
    expect(confirmed!.explanation).toMatch(/^Verificada por una persona/);
  });
});
