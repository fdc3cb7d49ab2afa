import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../server/errors';
import { Chart } from '../../server/ledger/chart';
import { importFile } from '../../server/matching/import-data';
import { tempDir } from '../support/agent-harness';
import { runAgente } from '../support/cli';
import { line, testCompany, type TestCompany } from './support';
import { forEachEngine } from '../support/engines';

const options = (fileName: string) => ({ fileName, actor: 'ana', now: new Date('2026-06-01T15:00:00Z') });

forEachEngine((engine) => {
  describe('importing the company chart of accounts', () => {
    let t: TestCompany;
    afterEach(async () => t?.close());

    it('reads a semicolon CSV with Spanish headers; once imported, it is the chart (only its postable accounts)', async () => {
      t = await testCompany({ engine, company: { ciiu: ['6201'], inventory: 'none' } });
      const csv = ['Código;Nombre;Movimiento', '5;GASTOS;no', '51;OPERACIONALES DE ADMINISTRACIÓN;no', '5195;DIVERSOS;no', '519530;ÚTILES, PAPELERÍA Y FOTOCOPIAS;no', '51953001;Papelería oficina;sí', '51959501;Otros gastos;si'].join('\n');
      const result = await importFile(t.db, t.company.id, 'accounts', csv, options('plan.csv'));
      expect(result).toMatchObject({ kind: 'accounts', imported: 6, skipped: 0, errors: [] });
      const chart = await Chart.forCompany(t.db, t.company.id);
      expect(chart.isPostable('51953001')).toBe(true);
      expect(chart.isPostable('519530')).toBe(false);
      expect(chart.isPostable('513530')).toBe(false); // a PUC account the company chart does not have
      const [suggestion] = await t.classify(line('Resma papel carta 75 g'));
      expect(suggestion).toMatchObject({ accountCode: '51953001', source: 'activity' });
      expect(await t.db.selectFrom('companyAccount').select(['code', 'postable', 'source']).where('code', '=', '51953001').execute()).toEqual([{ code: '51953001', postable: 1, source: 'import' }]);
    });

    it('without a "movimiento" column, the leaves are postable; a second import replaces the first', async () => {
      t = await testCompany({ engine });
      await importFile(t.db, t.company.id, 'accounts', 'codigo,nombre\n1435,Mercancías\n143501,Papelería\n143502,Tecnología\n5195,Diversos\n519595,Otros', options('plan.csv'));
      let chart = await Chart.forCompany(t.db, t.company.id);
      expect(['143501', '143502', '519595'].every((c) => chart.isPostable(c))).toBe(true);
      expect(chart.isPostable('1435')).toBe(false);
      await importFile(t.db, t.company.id, 'accounts', JSON.stringify([{ codigo: '1435', nombre: 'Mercancías' }]), options('plan.json'));
      chart = await Chart.forCompany(t.db, t.company.id);
      expect(chart.isPostable('1435')).toBe(true);
      expect(chart.get('143501')).toBeUndefined();
    });

    it('refuses a file with invalid rows, saying which and why, and changes nothing', async () => {
      t = await testCompany({ engine });
      const csv = 'codigo;nombre\n5195;Diversos\n51-95-30;Papelería\n5195;Repetida\n519595;';
      const error = await importFile(t.db, t.company.id, 'accounts', csv, options('plan.csv')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/No se importó el plan de cuentas: 3 filas con errores/);
      expect((error as InputError).message).toMatch(/fila 3: el código de cuenta «51-95-30» debe tener solo números/);
      expect((error as InputError).message).toMatch(/fila 4: la cuenta 5195 está repetida/);
      expect((error as InputError).message).toMatch(/fila 5: la cuenta 519595 no tiene nombre/);
      expect(await t.db.selectFrom('companyAccount').selectAll().execute()).toEqual([]);
    });
  });

  describe('importing items and past bills', () => {
    let t: TestCompany;
    afterEach(async () => t?.close());

    it('imports items with their account and inventory flag; re-importing a code updates it instead of duplicating', async () => {
      t = await testCompany({ engine, company: { ciiu: ['4761'] } });
      const json = JSON.stringify({ items: [
        { codigo: 'P-001', nombre: 'Resma papel carta 75 g', cuenta: '1435', inventariable: 'sí', codigo_barras: '7702111222333', nit_proveedor: '800.111.222', codigo_proveedor: 'rc-75' },
        { codigo: 'G-010', nombre: 'Café para la oficina', cuenta: '519525' },
      ] });
      expect(await importFile(t.db, t.company.id, 'items', json, options('items.json'))).toMatchObject({ imported: 2, skipped: 0 });
      let rows = await t.db.selectFrom('matchingItem').select(['code', 'name', 'accountCode', 'inventoried', 'gtin', 'supplierNit', 'supplierCode', 'source']).orderBy('code').execute();
      expect(rows).toEqual([
        { code: 'G-010', name: 'Café para la oficina', accountCode: '519525', inventoried: 0, gtin: null, supplierNit: null, supplierCode: null, source: 'import' },
        { code: 'P-001', name: 'Resma papel carta 75 g', accountCode: '1435', inventoried: 1, gtin: '7702111222333', supplierNit: '800111222', supplierCode: 'RC75', source: 'import' },
      ]);
      // The supplier's own code for the item finds it at once.
      const [bySupplierCode] = await t.classify(line('PAPEL RESMA', { nit: '800111222', sellerCode: 'RC-75' }));
      expect(bySupplierCode).toMatchObject({ accountCode: '1435', source: 'inventory', itemName: 'Resma papel carta 75 g' });

      await importFile(t.db, t.company.id, 'items', 'codigo;nombre;cuenta\nG-010;Café tostado para la oficina;519525', options('items.csv'));
      rows = await t.db.selectFrom('matchingItem').select(['code', 'name', 'accountCode', 'inventoried', 'gtin', 'supplierNit', 'supplierCode', 'source']).orderBy('code').execute();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ code: 'G-010', name: 'Café tostado para la oficina' });
      const [renamed] = await t.classify(line('cafe tostado oficina', { nit: '899000111' }));
      expect(renamed).toMatchObject({ source: 'inventory', itemName: 'Café tostado para la oficina', accountCode: '519525' });
    });

    it('refuses items whose account does not accept movements, or imports the rest with skipInvalid', async () => {
      t = await testCompany({ engine });
      const csv = 'codigo,nombre,cuenta\nA,Escoba,519525\nB,Trapero,5195\nC,Balde,999999\nD,,519525';
      await expect(importFile(t.db, t.company.id, 'items', csv, options('items.csv'))).rejects.toThrow(/fila 3: la cuenta 5195 no acepta movimientos \(es una cuenta mayor\)[\s\S]*fila 4: la cuenta 999999 no existe en el plan de cuentas de la empresa[\s\S]*fila 5: el ítem no tiene nombre/);
      const result = await importFile(t.db, t.company.id, 'items', csv, { ...options('items.csv'), skipInvalid: true });
      expect(result).toMatchObject({ imported: 1, skipped: 3 });
      expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5]);
      expect(await t.db.selectFrom('matchingImport').select(['kind', 'fileName', 'rows', 'skipped', 'actor']).execute()).toEqual([{ kind: 'items', fileName: 'items.csv', rows: 1, skipped: 3, actor: 'ana' }]);
    });

    it('imports past bills (dates as DD/MM/AAAA or AAAA-MM-DD) that seed the history', async () => {
      t = await testCompany({ engine, company: { ciiu: ['6201'], inventory: 'none' } });
      const csv = [
        'nit_proveedor;proveedor;descripcion;codigo_proveedor;cuenta;fecha',
        '830.555.666-1;Seguridad Atlas;Servicio de vigilancia mensual;VIG-1;513505;31/01/2026',
        '830555666;Seguridad Atlas;Servicio de vigilancia mensual;VIG-1;513505;2026-02-28',
        '830555666;Seguridad Atlas;Servicio de vigilancia mensual;VIG-1;5135;2026-03-31',
      ].join('\n');
      const result = await importFile(t.db, t.company.id, 'history', csv, options('historial.csv'));
      expect(result).toMatchObject({ imported: 3, skipped: 0 });
      expect(result.warnings).toEqual([expect.stringMatching(/^1 filas usan cuentas que hoy no aceptan movimientos/)]);
      const history = await t.db.selectFrom('matchingHistory').select(['supplierNit', 'sellerCode', 'accountCode', 'origin', 'byUser', 'at']).orderBy('id').execute();
      expect(history[0]).toEqual({ supplierNit: '830555666', sellerCode: 'VIG-1', accountCode: '513505', origin: 'importado', byUser: 0, at: '2026-01-31' });
      const [suggestion] = await t.classify(line('Servicio de vigilancia mensual abril', { nit: '830555666', sellerCode: 'VIG-1' }));
      expect(suggestion).toMatchObject({ accountCode: '513505', source: 'history' });
      expect(suggestion!.explanation).toMatch(/Usada 2 veces con este proveedor/);
      expect(suggestion!.runnerUp).toMatchObject({ accountCode: expect.not.stringMatching(/^5135$/) });
    });

    it('says which rows of a history file are wrong', async () => {
      t = await testCompany({ engine });
      const json = JSON.stringify([{ nit: '800111222', descripcion: 'Algo', cuenta: '519595', fecha: '31/02/2026' }, { nit: 'abc', descripcion: 'Algo', cuenta: '519595', fecha: '2026-01-01' }, { nit: '800111222', cuenta: '519595', fecha: '2026-01-01' }]);
      await expect(importFile(t.db, t.company.id, 'history', json, options('h.json'))).rejects.toThrow(/fila 1: la fecha «31\/02\/2026» no es válida[\s\S]*fila 2: falta el NIT del proveedor[\s\S]*fila 3: falta la descripción/);
    });
  });

  describe('importing what people already did (issue #13)', () => {
    let t: TestCompany;
    afterEach(async () => t?.close());

    it('past corrections count as a person’s decisions: they win over any volume of older books', async () => {
      t = await testCompany({ engine, company: { ciiu: ['8621'], inventory: 'none' } });
      const older = Array.from({ length: 25 }, (_, i) => ['800999111', 'Guantes de nitrilo para examen caja x 100', 'GN-100', '519525', `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`]);
      const history = ['nit_proveedor;descripcion;codigo_proveedor;cuenta;fecha', ...older.map((r) => r.join(';')), '800999111;Guantes de nitrilo para examen caja x 100;GN-100;616510;2026-02-10'].join('\n');
      await importFile(t.db, t.company.id, 'history', history, options('historial.csv'));
      const corrections = 'supplierNit,description,sellerCode,account,previousAccount,date\n800999111,Guantes de nitrilo para examen caja x 100,GN-100,616510,519525,2026-01-20';
      const result = await importFile(t.db, t.company.id, 'corrections', corrections, options('correcciones.csv'));
      expect(result).toMatchObject({ kind: 'corrections', imported: 1, skipped: 0, warnings: [] });
      const stored = await t.db.selectFrom('matchingHistory').select(['origin', 'byUser']).where('accountCode', '=', '616510').orderBy('id').execute();
      expect(stored).toEqual([{ origin: 'importado', byUser: 0 }, { origin: 'importado-correccion', byUser: 1 }]);
      const [suggestion] = await t.classify(line('Guantes de nitrilo para examen caja x 100', { nit: '800999111', sellerCode: 'GN-100' }));
      expect(suggestion).toMatchObject({ accountCode: '616510', source: 'history' });
      expect(suggestion!.confidence).toBeGreaterThanOrEqual(0.9);
      expect(suggestion!.explanation).toMatch(/Corregida por una persona/);
    });

    it('a corregida / verificada column in a history file marks people’s decisions', async () => {
      t = await testCompany({ engine, company: { ciiu: ['6201'], inventory: 'none' } });
      const csv = 'nit_proveedor;descripcion;cuenta;fecha;verificada\n800111222;Hosting anual;513520;2026-01-10;sí\n800111222;Hosting anual;513520;2026-02-10;no';
      const result = await importFile(t.db, t.company.id, 'history', csv, options('h.csv'));
      expect(result.warnings).toEqual([expect.stringMatching(/^1 filas marcadas como corregidas o verificadas cuentan como decisiones de una persona/)]);
      const [suggestion] = await t.classify(line('Hosting anual', { nit: '800111222' }));
      expect(suggestion!.explanation).toMatch(/Verificada por una persona/);
      await expect(importFile(t.db, t.company.id, 'history', 'nit;descripcion;cuenta;fecha;corregida\n800111222;X;513520;2026-01-10;quizás', options('h.csv'))).rejects.toThrow(/fila 2: «quizás» no es sí ni no \(columna corregida\)/);
    });

    it('reads camelCase and English columns, names the columns it does not recognise, and warns of a supplier code without NIT', async () => {
      t = await testCompany({ engine, company: { ciiu: ['4761'] } });
      const json = JSON.stringify([
        { itemId: 'P-9', name: 'Tóner HP 85A', account: '1435', inventoriable: 'yes', supplierNit: '800111222', sellerCode: 'T85', colorFavorito: 'azul' },
        { itemId: 'P-10', name: 'Cinta microporosa', account: '1435', sellerCode: 'MC-1' },
      ]);
      const result = await importFile(t.db, t.company.id, 'items', json, options('items.json'));
      expect(result.imported).toBe(2);
      expect(result.warnings).toEqual([expect.stringMatching(/La columna «colorFavorito» no se reconoce y se ignoró/), expect.stringMatching(/1 filas traen código del proveedor sin NIT del proveedor \(filas 2\)/)]);
      const rows = await t.db.selectFrom('matchingItem').select(['code', 'inventoried', 'supplierNit', 'supplierCode']).orderBy('code').execute();
      expect(rows).toEqual([
        { code: 'P-10', inventoried: 1, supplierNit: null, supplierCode: null },
        { code: 'P-9', inventoried: 1, supplierNit: '800111222', supplierCode: 'T85' },
      ]);
    });

    it('completes an imported chart that lacks the accounts every bill needs, saying which', async () => {
      t = await testCompany({ engine, company: { ciiu: ['6201'], inventory: 'none' } });
      const csv = 'codigo;nombre\n2408;IVA;\n240810;IVA descontable\n2205;Proveedores\n220505;Nacionales\n5195;Diversos\n519595;Otros';
      const result = await importFile(t.db, t.company.id, 'accounts', csv, options('plan.csv'));
      expect(result.imported).toBe(6);
      expect(result.warnings.filter((w) => w.startsWith('El plan no tenía'))).toEqual([
        expect.stringMatching(/retención en la fuente \(2365\).*236540/),
        expect.stringMatching(/ReteIVA \(2367\).*236701/),
        expect.stringMatching(/ReteICA \(2368\).*236805/),
        expect.stringMatching(/costos y gastos por pagar \(2335\).*233595/),
      ]);
      const chart = await Chart.forCompany(t.db, t.company.id);
      expect(['236540', '236525', '236701', '236805', '233525', '233595', '240810', '220505'].every((c) => chart.isPostable(c))).toBe(true);
      expect(chart.isPostable('2365')).toBe(false);
    });
  });
});

describe('agente import (command line)', { timeout: 120_000 }, () => {
  const run = (db: string, ...args: string[]) => runAgente(['--db', db, ...args]);

  it('imports accounts, items and history from files, and refuses a bad file with a Spanish message', async () => {
    const tmp = tempDir('agente-import-');
    try {
      const db = tmp.file('agente.db');
      expect((await run(db, 'init')).code).toBe(0);
      expect((await run(db, 'company', 'create', '--nit', '900123456', '--name', 'Papelería El Lápiz SAS', '--ciiu', '4761')).code).toBe(0);
      writeFileSync(tmp.file('plan.csv'), 'codigo;nombre;movimiento\n1435;Mercancías;no\n14350501;Mercancías papelería;si\n529530;Papelería;si');
      writeFileSync(tmp.file('items.json'), JSON.stringify([{ codigo: 'R1', nombre: 'Resma carta', cuenta: '14350501' }]));
      writeFileSync(tmp.file('historial.csv'), 'nit_proveedor,descripcion,cuenta,fecha\n800111222,Resma carta,14350501,2026-05-01');
      writeFileSync(tmp.file('malo.csv'), 'codigo,nombre,cuenta\nR2,Lapicero,1435');
      const accounts = await run(db, 'import', 'accounts', tmp.file('plan.csv'));
      expect(accounts.code, accounts.stderr).toBe(0);
      expect(JSON.parse(accounts.stdout)).toMatchObject({ kind: 'accounts', imported: 3 });
      expect(JSON.parse((await run(db, 'import', 'items', tmp.file('items.json'))).stdout)).toMatchObject({ kind: 'items', imported: 1 });
      expect(JSON.parse((await run(db, 'import', 'history', tmp.file('historial.csv'))).stdout)).toMatchObject({ kind: 'history', imported: 1 });
      const bad = await run(db, 'import', 'items', tmp.file('malo.csv'));
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/fila 2: la cuenta 1435 no acepta movimientos/);
      expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
      const unknownKind = await run(db, 'import', 'clientes', tmp.file('malo.csv'));
      expect(unknownKind.code).not.toBe(0);
    } finally {
      tmp.remove();
    }
  });
});
