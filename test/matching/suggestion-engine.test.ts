import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SuggestionEngine } from '../../server/matching/suggestion-engine';
import { Tally, tallyConfidence } from '../../server/matching/tally';
import { line, past, testCompany, type TestCompany } from './support';
import { Calibration } from '../../server/matching/calibration';

const STATIONER = '800111222';
const CLEANING = '800333444';

describe('suggestion engine: priority order', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  async function officeWithHistoryAndCatalog(): Promise<TestCompany> {
    return testCompany({
      company: { ciiu: ['6201'], inventory: 'perpetual' },
      items: [{ codigo: 'INV-1', nombre: 'Resma papel carta 75 g Reprograf', cuenta: '1435', inventariable: 'si' }],
      history: [
        past('PAPEL BOND CARTA REPROGRAF CAJA', '519530', '2026-01-10', { nit: STATIONER, code: 'PB-100' }),
        past('PAPEL BOND CARTA REPROGRAF CAJA', '519530', '2026-02-10', { nit: STATIONER, code: 'PB-100' }),
        past('PAPEL BOND CARTA REPROGRAF CAJA', '519530', '2026-03-10', { nit: STATIONER, code: 'PB-100' }),
      ],
    });
  }

  it('a history match (this supplier, this seller code) beats a closer-looking inventory item', async () => {
    t = await officeWithHistoryAndCatalog();
    const [result] = await t.classify(line('Resma papel carta 75 g Reprograf', { nit: STATIONER, sellerCode: 'PB-100' }));
    expect(result).toMatchObject({ accountCode: '519530', source: 'history' });
    expect(result!.explanation).toMatch(/Usada 3 veces con este proveedor para su código PB-100/);
    // The same words from a supplier with no history go to the catalog item: it really is the closer-looking one.
    const [fromNewSupplier] = await t.classify(line('Resma papel carta 75 g Reprograf', { nit: '811999888' }));
    expect(fromNewSupplier).toMatchObject({ accountCode: '1435', source: 'inventory', itemName: 'Resma papel carta 75 g Reprograf' });
    expect(fromNewSupplier!.explanation).toMatch(/^Parecida al ítem «Resma papel carta 75 g Reprograf»/);
  });

  it('a similar past line of the same supplier (no code, reworded) also beats the catalog item', async () => {
    t = await officeWithHistoryAndCatalog();
    const [result] = await t.classify(line('Papel bond tamaño carta Reprograf x caja', { nit: STATIONER }));
    expect(result).toMatchObject({ accountCode: '519530', source: 'history' });
    expect(result!.explanation).toMatch(/^Parecida a «PAPEL BOND CARTA REPROGRAF CAJA» de este proveedor \(usada 3 veces\)/);
  });

  it('exact keys come before similar ones: the seller code decides even when the description changed completely', async () => {
    t = await testCompany({
      company: { ciiu: ['6201'], inventory: 'none' },
      history: [past('Soporte técnico mensual', '513515', '2026-03-01', { nit: STATIONER, code: 'S-7' }), past('Hosting servidor', '513520', '2026-03-01', { nit: STATIONER, code: 'H-1' })],
    });
    const [result] = await t.classify(line('Soporte técnico mensual (nuevo sistema de facturación)', { nit: STATIONER, sellerCode: 'H-1' }));
    expect(result).toMatchObject({ accountCode: '513520', source: 'history' });
  });

  it('without history or a similar item, the economic activity decides: the same goods are inventory or expense', async () => {
    const cases: [string[], 'perpetual' | 'none', 'admin' | 'ventas', string][] = [
      [['5611'], 'perpetual', 'admin', '1405'], // restaurant: food is raw material
      [['4711'], 'perpetual', 'ventas', '1435'], // minimarket: resold
      [['6201'], 'none', 'admin', '519525'], // software house: cafetería
    ];
    for (const [ciiu, inventory, expenseFunction, account] of cases) {
      t = await testCompany({ company: { ciiu, inventory, expenseFunction } });
      const [result] = await t.classify(line('Pechuga de pollo campesina x kg', { unspsc: '50111513' }));
      expect(result, ciiu[0]).toMatchObject({ accountCode: account, source: 'activity' });
      expect(result!.explanation).toMatch(new RegExp(`^Actividad ${ciiu[0]}: .*→ ${account}`));
      await t.close();
    }
    t = await testCompany({ company: { ciiu: ['4752'], expenseFunction: 'ventas' } });
    const [energy] = await t.classify(line('Servicio de energía eléctrica periodo marzo', { unitCode: 'E48' }));
    expect(energy).toMatchObject({ accountCode: '523530', source: 'activity' });
    const [rent] = await t.classify(line('Factura mes de abril', { supplierCiiu: ['6810'], unitCode: 'MON' }));
    expect(rent).toMatchObject({ accountCode: '522010', source: 'activity' });
    expect(rent!.explanation).toMatch(/proveedor CIIU 6810/);
  });

  it('falls back to the default rule, clearly labelled, when nothing says anything', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [result] = await t.classify(line('Concepto 4471-B'));
    expect(result).toMatchObject({ accountCode: '519595', source: 'rule' });
    expect(result!.confidence).toBeLessThan(0.6);
  });

  it('a GTIN finds its catalog item exactly', async () => {
    t = await testCompany({ items: [{ codigo: 'A1', nombre: 'Borrador de nata', cuenta: '1435', codigo_barras: '7702111222333' }] });
    const [result] = await t.classify(line('ARTICULO VARIOS', { gtin: '7702111222333', nit: '899000111' }));
    expect(result).toMatchObject({ accountCode: '1435', source: 'inventory', itemName: 'Borrador de nata', confidence: 0.95 });
  });
});

describe('suggestion engine: learning', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('the agent’s own registrations do not teach it: a low-confidence guess stays low however often it is repeated', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [first] = await t.classify(line('Kit de bioseguridad referencia 7781', { nit: CLEANING }));
    const selfRegistered = Array.from({ length: 12 }, (_, i) => ({ companyId: t.company.id, supplierNit: CLEANING, description: 'Kit de bioseguridad referencia 7781', accountCode: first!.accountCode, byUser: false, origin: 'registro' as const, confidence: first!.confidence, at: `2026-0${1 + (i % 5)}-1${i % 9}T12:00:00Z` }));
    await t.engine.learn(selfRegistered);
    const [again] = await t.classify(line('Kit de bioseguridad referencia 7781', { nit: CLEANING }));
    expect(again!.accountCode).toBe(first!.accountCode);
    expect(again!.confidence).toBeLessThanOrEqual(first!.confidence);
    expect(again!.explanation).toMatch(/Registrada 12 veces por el agente, sin verificar/);
    // A person verifies it once: from then on it is a person's decision.
    await t.engine.learn([{ ...selfRegistered[0]!, byUser: true, origin: 'verificacion', at: '2026-06-01T12:00:00Z' }]);
    const [verified] = await t.classify(line('Kit de bioseguridad referencia 7781', { nit: CLEANING }));
    expect(verified).toMatchObject({ accountCode: first!.accountCode, confidence: 0.97 });
    expect(verified!.explanation).toMatch(/Verificada por una persona/);
  });

  it('an item the agent created keeps the confidence of its guess until a person confirms it', async () => {
    t = await testCompany({ company: { ciiu: ['4719'], inventory: 'perpetual' } });
    const [guess] = await t.classify(line('Producto Zeta-44 caja x 12', { nit: CLEANING }));
    expect(guess!.itemId).toBeDefined();
    await t.engine.learn([{ companyId: t.company.id, supplierNit: CLEANING, description: 'Producto Zeta-44 caja x 12', accountCode: guess!.accountCode, itemId: guess!.itemId!, byUser: false, origin: 'registro', confidence: guess!.confidence, at: '2026-06-01T12:00:00Z' }]);
    const [similar] = await t.classify(line('Producto Zeta-44 caja x 24', { nit: '901222333' }));
    expect(similar!.itemId).toBe(guess!.itemId);
    expect(similar!.confidence).toBeLessThanOrEqual(guess!.confidence);
    await t.engine.learn([{ companyId: t.company.id, supplierNit: CLEANING, description: 'Producto Zeta-44 caja x 12', accountCode: '1435', itemId: guess!.itemId!, byUser: true, origin: 'correccion', at: '2026-06-02T12:00:00Z' }]);
    const [confirmed] = await t.classify(line('Producto Zeta-44 caja x 24', { nit: '901222333' }));
    expect(confirmed).toMatchObject({ itemId: guess!.itemId, accountCode: '1435' });
    expect(confirmed!.confidence).toBeGreaterThan(guess!.confidence);
  });

  it('after one correction, the next invoice from that supplier follows it, over many automatic choices', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const { company } = t;
    const registered = (account: string, at: string, byUser: boolean) => ({ companyId: company.id, supplierNit: CLEANING, description: 'Servicio de aseo y cafetería marzo', sellerCode: 'ASEO-1', accountCode: account, byUser, at, ...(byUser ? {} : { origin: 'importado' as const }) });
    await t.engine.learn(Array.from({ length: 30 }, (_, i) => registered('519525', `2026-0${1 + (i % 5)}-0${1 + (i % 9)}T12:00:00Z`, false)));
    const [before] = await t.classify(line('Servicio de aseo y cafetería abril', { nit: CLEANING, sellerCode: 'ASEO-1' }));
    expect(before).toMatchObject({ accountCode: '519525', source: 'history' });
    expect(before!.explanation).toMatch(/Usada 30 veces/);

    await t.engine.learn([registered('513505', '2026-05-20T12:00:00Z', true)]);
    const [after] = await t.classify(line('Servicio de aseo y cafetería mayo', { nit: CLEANING, sellerCode: 'ASEO-1' }));
    expect(after).toMatchObject({ accountCode: '513505', source: 'history', confidence: 0.98 });
    expect(after!.explanation).toMatch(/Corregida por una persona/);
    expect(after!.runnerUp).toMatchObject({ accountCode: '519525' });
    // Without the code too: the description key learned the correction.
    const [noCode] = await t.classify(line('Servicio de aseo y cafetería junio', { nit: CLEANING }));
    expect(noCode).toMatchObject({ accountCode: '513505', source: 'history' });
  });

  it('remembers across a restart: learning lives in SQLite', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    await t.engine.learn([{ companyId: t.company.id, supplierNit: STATIONER, description: 'Licencia antivirus anual', accountCode: '513520', byUser: true, at: '2026-05-01T12:00:00Z' }]);
    const restarted = new SuggestionEngine(t.db, { calibration: Calibration.identity() });
    const [result] = await restarted.classify([line('LICENCIA ANTIVIRUS ANUAL', { nit: STATIONER })], { company: t.company, chart: await t.chart() });
    expect(result).toMatchObject({ accountCode: '513520', source: 'history' });
  });

  it('picks up history another process wrote (an import while the server runs)', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    await t.classify(line('Cualquier cosa'));
    const { importHistory } = await import('../../server/matching/import-data');
    await importHistory(t.db, t.company.id, [past('Honorarios revisoría fiscal', '511010', '2026-04-30', { nit: '830555666' })], { fileName: 'h.csv', actor: 'otro', now: t.clock.now() });
    const [result] = await t.classify(line('Honorarios revisoría fiscal mayo', { nit: '830555666' }));
    expect(result).toMatchObject({ accountCode: '511010', source: 'history' });
  });

  it('a company with inventory gets a new item for a product nothing matched, and the next invoice matches it', async () => {
    t = await testCompany({ company: { ciiu: ['4761'], inventory: 'perpetual', expenseFunction: 'ventas' } });
    const [first] = await t.classify(line('Cuaderno argollado Norma 100 hojas cuadriculado', { nit: STATIONER, sellerCode: 'CU-100' }));
    expect(first).toMatchObject({ accountCode: '1435', source: 'activity', itemName: 'Cuaderno argollado Norma 100 hojas cuadriculado' });
    expect(first!.itemId).toMatch(/^agt-/);
    expect(first!.explanation).toMatch(/Ítem nuevo «Cuaderno argollado Norma 100 hojas cuadriculado» \(inventariable/);

    // Registration learns the line: the item is created with its account.
    await t.engine.learn([{ companyId: t.company.id, supplierNit: STATIONER, description: 'Cuaderno argollado Norma 100 hojas cuadriculado', sellerCode: 'CU-100', accountCode: '1435', itemId: first!.itemId!, byUser: false, at: '2026-06-01T15:00:00Z' }]);
    const items = await t.db.selectFrom('matchingItem').selectAll().execute();
    expect(items).toEqual([expect.objectContaining({ id: first!.itemId, name: 'Cuaderno argollado Norma 100 hojas cuadriculado', accountCode: '1435', inventoried: 1, source: 'agente', supplierNit: STATIONER, supplierCode: 'CU100' })]);

    const [again] = await t.classify(line('CUADERNO ARG NORMA 100H', { nit: STATIONER, sellerCode: 'CU-100' }));
    expect(again).toMatchObject({ accountCode: '1435', source: 'history', itemId: first!.itemId });
    // Another supplier, same words in another order: the same description, bought elsewhere (history, with its item).
    const [reordered] = await t.classify(line('Cuaderno argollado Norma cuadriculado 100 hojas', { nit: '899123123' }));
    expect(reordered).toMatchObject({ accountCode: '1435', source: 'history', itemId: first!.itemId });
    expect(reordered!.explanation).toMatch(/con otros proveedores/);
    // Another supplier, other words: the new catalog item.
    const [otherSupplier] = await t.classify(line('CUADERNO NORMA ARGOLLADO 100H', { nit: '899123123' }));
    expect(otherSupplier).toMatchObject({ accountCode: '1435', source: 'inventory', itemId: first!.itemId });

    // A correction moves the agent's item too.
    await t.engine.learn([{ companyId: t.company.id, supplierNit: STATIONER, description: 'CUADERNO ARG NORMA 100H', sellerCode: 'CU-100', accountCode: '529530', byUser: true, at: '2026-06-02T15:00:00Z' }]);
    expect(await t.db.selectFrom('matchingItem').select(['accountCode', 'inventoried']).where('id', '=', first!.itemId!).executeTakeFirst()).toEqual({ accountCode: '529530', inventoried: 0 });
  });

  it('a company without inventory gets no items', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [result] = await t.classify(line('Cuaderno argollado Norma 100 hojas'));
    expect(result!.itemId).toBeUndefined();
    expect(result).toMatchObject({ accountCode: '519530', source: 'activity' });
  });
});

describe('suggestion engine: guarantees', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const WORDS = ['resma', 'papel', 'carta', 'cafe', 'azucar', 'tornillo', 'servicio', 'energia', 'arriendo', 'honorarios', 'bolsa', 'basura', 'pollo', 'toner', 'portatil', 'silla', 'flete', 'xyzw', 'ref', '75g', 'x12', 'PROMO', 'mtto', 'aire'];

  /** A company chart with auxiliaries: 519530 and 1435 themselves do not accept movements, their children do. */
  const accounts = [
    ['1', 'ACTIVO', 'no'], ['14', 'INVENTARIOS', 'no'], ['1435', 'MERCANCIAS', 'no'], ['143505', 'MERCANCIAS', 'no'], ['14350501', 'Mercancías papelería', 'si'],
    ['1405', 'MATERIAS PRIMAS', 'no'], ['14050501', 'Materias primas', 'si'], ['15', 'PROPIEDAD', 'no'], ['152805', 'EQUIPO COMPUTO', 'no'], ['15280501', 'Equipo de cómputo', 'si'],
    ['5', 'GASTOS', 'no'], ['51', 'ADMINISTRACION', 'no'], ['5135', 'SERVICIOS', 'no'], ['513530', 'ENERGIA', 'no'], ['51353001', 'Energía', 'si'],
    ['5195', 'DIVERSOS', 'no'], ['519530', 'PAPELERIA', 'no'], ['51953001', 'Útiles y papelería', 'si'], ['519595', 'OTROS', 'no'], ['51959501', 'Otros gastos', 'si'],
    ['519525', 'ASEO Y CAFETERIA', 'no'], ['51952501', 'Aseo y cafetería', 'si'], ['52', 'VENTAS', 'no'], ['5295', 'DIVERSOS', 'no'], ['529595', 'OTROS', 'no'], ['52959501', 'Otros', 'si'],
  ].map(([codigo, nombre, movimiento]) => ({ codigo: codigo!, nombre: nombre!, movimiento: movimiento! }));

  it('never suggests an account that does not accept movements, and always explains itself', async () => {
    t = await testCompany({
      company: { ciiu: ['4761'], inventory: 'perpetual' },
      accounts,
      items: [{ codigo: 'P1', nombre: 'Resma papel carta 75 g', cuenta: '14350501' }],
      // Past bills booked before the chart had auxiliaries: 519530 (parent of one leaf) and 5195 (parent of many).
      history: [past('Café molido 500 g', '519525', '2025-01-01', { nit: STATIONER }), past('Tornillos surtidos', '5195', '2025-02-01', { nit: STATIONER }), past('Resma carta', '519530', '2025-03-01', { nit: CLEANING })],
    });
    const chart = await t.chart();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }),
        fc.constantFrom(STATIONER, CLEANING, '811000111'),
        fc.option(fc.constantFrom('50111513', '14111507', '83101801', '44121704', '99999999'), { nil: undefined }),
        fc.option(fc.constantFrom('PB-1', 'X'), { nil: undefined }),
        async (words, nit, unspsc, sellerCode) => {
          const [result] = await t.classify(line(words.join(' '), { nit, ...(unspsc ? { unspsc } : {}), ...(sellerCode ? { sellerCode } : {}) }));
          expect(chart.isPostable(result!.accountCode), `${words.join(' ')} → ${result!.accountCode}`).toBe(true);
          if (result!.runnerUp) expect(chart.isPostable(result!.runnerUp.accountCode)).toBe(true);
          expect(result!.explanation.length).toBeGreaterThan(10);
          expect(result!.confidence).toBeGreaterThanOrEqual(0);
          expect(result!.confidence).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150, seed: 4 },
    );
    // History on a parent with a single leaf counts, on that leaf (and says so).
    const [coffee] = await t.classify(line('Café molido 500 g', { nit: STATIONER }));
    expect(coffee).toMatchObject({ accountCode: '51952501', source: 'history' });
    expect(coffee!.explanation).toMatch(/la cuenta 519525 no acepta movimientos; se usa 51952501/);
    // On a parent with several leaves it cannot: the engine moves on down the chain.
    const [screws] = await t.classify(line('Tornillos surtidos', { nit: STATIONER }));
    expect(screws!.accountCode).not.toBe('5195');
    expect(chart.isPostable(screws!.accountCode)).toBe(true);
  });

  it('lands on a postable account even when the chart lacks the default rule’s account', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, accounts: [{ codigo: '1435', nombre: 'Mercancías' }, { codigo: '5135', nombre: 'Servicios' }, { codigo: '51353001', nombre: 'Energía' }] });
    const [result] = await t.classify(line('Concepto 4471-B'));
    expect(result).toMatchObject({ accountCode: '51353001', source: 'rule' });
    expect(result!.explanation).toMatch(/no tiene la cuenta por defecto 519595/);
  });

  it('keeps a bounded number of companies in memory and reloads the others when needed', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, history: [past('Honorarios contables', '511030', '2026-01-31')] });
    const { createCompany } = await import('../../server/companies/companies');
    const other = await createCompany(t.db, { nit: '901000111', name: 'Otra SAS', ciiu: ['6201'], inventory: 'none' }, t.clock);
    const engine = new SuggestionEngine(t.db, { companiesInMemory: 1, calibration: Calibration.identity() });
    const chart = await t.chart();
    const ask = async (companyId: string) => (await engine.classify([line('Honorarios contables abril')], { company: companyId === other.id ? other : t.company, chart }))[0]!;
    expect(await ask(t.company.id)).toMatchObject({ accountCode: '511030', source: 'history' });
    expect((await ask(other.id)).source).not.toBe('history');
    expect(await ask(t.company.id)).toMatchObject({ accountCode: '511030', source: 'history' });
  });

  it('gives the same answers for the same inputs, in the same engine or a fresh one', async () => {
    t = await testCompany({
      company: { ciiu: ['5611'], inventory: 'perpetual' },
      items: [
        { codigo: 'A', nombre: 'Arroz Diana 5 kg', cuenta: '1405' },
        { codigo: 'B', nombre: 'Arroz Roa 5 kg', cuenta: '1405' },
        { codigo: 'C', nombre: 'Aceite vegetal 3 l', cuenta: '1405' },
      ],
      history: [past('ARROZ DIANA X 5KG', '1405', '2026-01-01'), past('ARROZ DIANA X 5KG', '519525', '2026-01-02'), past('Gaseosa 1.5 l', '1435', '2026-02-01')],
    });
    const batch = [line('ARROZ DIANA X 5KG'), line('Arroz 5 kg', { nit: '899000111' }), line('aceite 3000 ml'), line('Servicio de gas natural', { unitCode: 'E48' }), line('Gaseosa Postobón 1.5 l')];
    const first = await t.classify(...batch);
    const second = await t.classify(...batch);
    const fresh = await new SuggestionEngine(t.db, { calibration: Calibration.identity() }).classify(batch, { company: t.company, chart: await t.chart() });
    expect(second).toEqual(first);
    expect(fresh).toEqual(first);
    expect(first.every((r) => r.explanation.length > 0)).toBe(true);
  });
});

describe('tally: recency and the hierarchy of evidence', () => {
  it('recent use outweighs old use; frequency still counts among recent ones', () => {
    const tally = new Tally();
    for (let i = 0; i < 5; i++) tally.add('A', '2023-01-10', 'books');
    tally.add('B', '2026-03-01', 'books');
    tally.add('B', '2026-04-01', 'books');
    expect(tally.verdict()!.best.account).toBe('B');
    const recent = new Tally();
    for (let i = 0; i < 5; i++) recent.add('A', '2026-01-10', 'books');
    recent.add('B', '2026-02-01', 'books');
    expect(recent.verdict()!.best.account).toBe('A');
    expect(tallyConfidence(recent.verdict()!)).toBeLessThan(0.98);
  });

  it('a correction outweighs any number of the agent’s own choices; the latest correction wins', () => {
    const tally = new Tally();
    for (let i = 0; i < 200; i++) tally.add('A', '2026-05-01', 'self', undefined, { confidence: 0.9 });
    tally.add('B', '2026-04-01', 'person');
    expect(tally.verdict()).toMatchObject({ best: { account: 'B', corrections: 1 }, share: 1, decided: true });
    tally.add('C', '2026-04-15', 'person');
    expect(tally.verdict()!.best.account).toBe('C');
    expect(tally.verdict((a) => a !== 'C')!.best.account).toBe('B');
  });

  it('a correction and the books that follow it win over any volume of older books, whatever the loading order', () => {
    const tally = new Tally();
    for (let i = 0; i < 60; i++) tally.add('A', `2025-0${1 + (i % 9)}-10`, 'books');
    tally.add('B', '2026-01-15', 'person');
    tally.add('B', '2026-02-10', 'books');
    tally.add('B', '2026-03-10', 'books');
    const verdict = tally.verdict()!;
    expect(verdict.best.account).toBe('B');
    expect(tallyConfidence(verdict)).toBeGreaterThanOrEqual(0.9);
    // Books written after the decision may move the key again: the company changed its mind in its own books.
    for (let i = 0; i < 4; i++) tally.add('C', `2026-0${4 + i}-10`, 'books');
    expect(tally.verdict()!.best.account).toBe('C');
    // Lines dated before the decision that arrive later (an old import) still do not vote.
    const late = new Tally();
    late.add('B', '2026-01-15', 'person');
    for (let i = 0; i < 30; i++) late.add('A', '2025-06-01', 'books');
    expect(late.verdict()!.best.account).toBe('B');
  });

  it('the agent’s own registrations never outvote the books and never raise confidence above the guess that made them', () => {
    const tally = new Tally();
    tally.add('A', '2026-01-10', 'books');
    for (let i = 0; i < 50; i++) tally.add('B', '2026-03-10', 'self', undefined, { confidence: 0.95 });
    expect(tally.verdict()!.best.account).toBe('A');
    const selfTaught = new Tally();
    for (let i = 0; i < 50; i++) selfTaught.add('B', `2026-0${1 + (i % 9)}-10`, 'self', undefined, { confidence: 0.45 });
    const verdict = selfTaught.verdict()!;
    expect(verdict).toMatchObject({ selfOnly: true, best: { account: 'B' } });
    expect(tallyConfidence(verdict)).toBeLessThanOrEqual(0.45);
    // They may break a tie between equal books.
    const tie = new Tally();
    tie.add('A', '2026-01-10', 'books');
    tie.add('B', '2026-01-10', 'books');
    tie.add('B', '2026-02-10', 'self', undefined, { confidence: 0.5 });
    expect(tie.verdict()!.best.account).toBe('B');
  });

  it('a verification is a person’s decision too, and says so', () => {
    const tally = new Tally();
    tally.add('A', '2026-01-10', 'self', undefined, { confidence: 0.4 });
    tally.add('A', '2026-01-11', 'person', undefined, { verification: true });
    const verdict = tally.verdict()!;
    expect(verdict).toMatchObject({ decided: true, best: { lastWasVerification: true, verifications: 1 } });
    expect(tallyConfidence(verdict)).toBe(0.97);
  });
});

describe('suggestion engine: sectors, prior and synonyms (issue #13)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a clinic books medical supplies and medicines to the cost of its service, lab supplies to the lab’s, and equipment as an asset', async () => {
    t = await testCompany({ company: { ciiu: ['8621'], inventory: 'none' } });
    const [gauze, antibiotic, tubes, monitor, paper] = await t.classify(line('Gasa estéril 10 x 10 cm paquete x 100'), line('Amoxicilina cápsulas 500 mg', { unspsc: '51101500' }), line('Tubo vacutainer tapa lila EDTA'), line('Tensiómetro digital de brazo'), line('Resma papel carta 75 g'));
    expect(gauze).toMatchObject({ accountCode: '616510', source: 'activity' });
    expect(gauze!.explanation).toMatch(/^Actividad 8621: insumos médico-quirúrgicos, costo de la actividad → 616510/);
    expect(antibiotic!.accountCode).toBe('616510');
    expect(tubes!.accountCode).toBe('616520');
    expect(monitor!.accountCode).toBe('153205');
    expect(paper!.accountCode).toBe('519530');
    // The same gauze in a software company is the staff's first aid.
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    expect((await office.classify(line('Gasa estéril 10 x 10 cm paquete x 100')))[0]!.accountCode).toBe('510584');
    await office.close();
  });

  it('schools, passenger transport, builders and farms get their own cost postures', async () => {
    const cases: [string, 'none' | 'perpetual', string, string][] = [
      ['8521', 'none', 'Ábaco escolar didáctico de madera', '616005'],
      ['4921', 'none', 'ACPM galones tanqueo bus 045', '614505'],
      ['4921', 'none', 'Llanta radial 295/80 R22.5', '614505'],
      ['4111', 'perpetual', 'Cemento gris de uso general bulto 50 kg', '1415'],
      ['4111', 'none', 'Cemento gris de uso general bulto 50 kg', '613010'],
      ['0111', 'none', 'Urea 46 % bulto 50 kg', '610505'],
      ['0111', 'none', 'Insecticida lambda cihalotrina litro', '610505'],
    ];
    for (const [ciiu, inventory, description, account] of cases) {
      const c = await testCompany({ company: { ciiu: [ciiu], inventory } });
      const [result] = await c.classify(line(description));
      expect([ciiu, description, result!.accountCode]).toEqual([ciiu, description, account]);
      await c.close();
    }
  });

  it('the first word says what the product is: one qualifier does not outvote it, and a lone qualifier is left «por verificar»', async () => {
    t = await testCompany({ company: { ciiu: ['8621'], inventory: 'none' } });
    const [needle, oximeter, lone] = await t.classify(line('Aguja desechable 21G caja x 100'), line('Oxímetro de pulso portátil'), line('Surtido 4471 desechable'));
    expect(needle!.accountCode).toBe('616510');
    expect(oximeter!.accountCode).toBe('153205');
    expect(lone!.confidence).toBeLessThan(0.6);
  });

  it('the supplier’s usual account is a prior: a fixed asset from a supplies supplier goes to assets, «por verificar»', async () => {
    const history = Array.from({ length: 12 }, (_, i) => past(`Resma papel carta 75 g lote ${i}`, '519530', `2026-0${1 + (i % 5)}-10`, { nit: STATIONER }));
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, history });
    const [chair, pens] = await t.classify(line('Silla ergonómica giratoria con brazos', { nit: STATIONER }), line('Sobres de manila tamaño carta', { nit: STATIONER }));
    expect(chair!.accountCode).toBe('152405');
    expect(chair!.confidence).toBeLessThan(0.6);
    expect(chair!.explanation).toMatch(/aunque este proveedor suele ir a 519530/);
    expect(chair!.runnerUp).toMatchObject({ accountCode: '519530' });
    expect(pens!.accountCode).toBe('519530');
  });

  it('a product under another common name finds the catalog item before a new one is created', async () => {
    t = await testCompany({ company: { ciiu: ['8621'], inventory: 'perpetual' }, items: [{ codigo: 'M-1', nombre: 'Acetaminofén 500 mg tabletas', cuenta: '1455' }, { codigo: 'M-2', nombre: 'Solución salina normal bolsa 500 ml', cuenta: '1455' }] });
    const [paracetamol, saline] = await t.classify(line('PARACETAMOL 500 MG TABLETAS', { nit: '901555666' }), line('Suero fisiológico bolsa 500 ml', { nit: '901555666' }));
    expect(paracetamol).toMatchObject({ source: 'inventory', itemName: 'Acetaminofén 500 mg tabletas', accountCode: '1455' });
    expect(saline).toMatchObject({ source: 'inventory', itemName: 'Solución salina normal bolsa 500 ml' });
  });
});
