import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * The fifteenth round of issue #13, part D: cold start, second pass. Cases written here, not taken from any benchmark:
 * 1. a trading company's freight whose words say where the goods come from (the supplier, «desde», the port, customs)
 *    is part of the goods' cost (accounting-co.md §2 worked example 1, §4.2 row 24 inbound): 1435 «por verificar», the
 *    selling expense named; words of a delivery to a customer win (523550), and freight that says neither stays
 *    523550 with 1435 as the other reading;
 * 2. equipment named by its PUC group-15 subcuenta (equipo-durable.csv): a motorcycle is 154030 motocicletas, a TV
 *    screen or an interactive board 152410 equipos (not a computer screen), a powered pallet stacker 154020
 *    montacargas;
 * 3. a manufacturer's line whose first noun is the whole name of a packaging class of its inputs (UNSPSC 551216
 *    «Etiquetas») is envases y empaques (1460, §4.2 row 4) «por verificar», not papelería; an office's label stays
 *    papelería.
 */
const HAULIER = '900444555';

describe('suggestion engine: fifteenth round of #13 (D), cold start', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a shop’s freight from its supplier is part of the merchandise’s cost, «por verificar»', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('SERVICIO FLETE CAMION DESDE PLANTA DEL PROVEEDOR IBAGUE', { nit: HAULIER, supplierCiiu: ['4923'] }));
    expect(result!.accountCode).toMatch(/^1435/);
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('523550');
    expect(result!.explanation).toContain('verifícala');
  });

  it('import freight (sea container, customs) of a wholesaler goes to the goods too', async () => {
    t = await testCompany({ company: { ciiu: ['4649'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FLETE TERRESTRE CONTENEDOR 20 PIES PUERTO SANTA MARTA - CALI', { nit: HAULIER, supplierCiiu: ['4923'] }));
    expect(result!.accountCode).toMatch(/^1435/);
  });

  it('a delivery to customers stays a selling expense even when it names the warehouse it leaves from', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FLETE DESDE ALMACEN ENTREGA A CLIENTES ZONA NORTE', { nit: HAULIER, supplierCiiu: ['4923'] }));
    expect(result!.accountCode).toMatch(/^5235/);
  });

  it('freight that says neither where from nor to whom stays 523550, with the merchandise as the other reading', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('FLETE CAMION SENCILLO CALI - PALMIRA', { nit: HAULIER, supplierCiiu: ['4923'] }));
    expect(result!.accountCode).toMatch(/^5235/);
    expect(result!.explanation).toContain('1435');
  });

  it('a company that keeps no stock books the same freight as an expense', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [result] = await t.classify(line('SERVICIO FLETE CAMION DESDE PLANTA DEL PROVEEDOR IBAGUE', { nit: HAULIER, supplierCiiu: ['4923'] }));
    expect(result!.accountCode).not.toMatch(/^14/);
  });

  it('a motorcycle is 154030 motocicletas, not a car', async () => {
    t = await testCompany({ company: { ciiu: ['5320'], inventory: 'none' } });
    const [result] = await t.classify(line('MOTOCICLETA 150 CC MODELO NUEVO COLOR ROJO', { nit: '890300400' }));
    expect(result!.accountCode).toBe('154030');
  });

  it('a TV screen and an interactive board are office equipment (152410), a computer screen is not', async () => {
    t = await testCompany({ company: { ciiu: ['8512'], inventory: 'none' } });
    const [tv] = await t.classify(line('PANTALLA TV 50 PULGADAS PARA SALA DE ESPERA', { nit: '890300401' }));
    expect(tv!.accountCode).toBe('152410');
    const [board] = await t.classify(line('PANTALLA INTERACTIVA 86 PULGADAS SALON', { nit: '890300402' }));
    expect(board!.accountCode).toBe('152410');
    const [monitor] = await t.classify(line('MONITOR 24 PULGADAS HDMI OFICINA', { nit: '890300403' }));
    expect(monitor!.accountCode).not.toBe('152410');
  });

  it('a powered pallet stacker is 154020 montacargas; a hand pallet jack stays 154040', async () => {
    t = await testCompany({ company: { ciiu: ['1030'], inventory: 'perpetual' } });
    const [powered] = await t.classify(line('ESTIBADOR ELECTRICO 2 TON BATERIA LITIO', { nit: '890300404' }));
    expect(powered!.accountCode).toBe('154020');
    const [manual] = await t.classify(line('ESTIBADOR MANUAL 2500 KG', { nit: '890300405' }));
    expect(manual!.accountCode).toBe('154040');
  });

  it('a food plant’s labels are its packaging (1460, «por verificar»); an office’s labels stay papelería', async () => {
    t = await testCompany({ company: { ciiu: ['1040'], inventory: 'perpetual' } });
    const [plant] = await t.classify(line('ETIQUETA AUTOADHESIVA KUMIS 1 LITRO ROLLO X 2000', { nit: '890300406' }));
    expect(plant!.accountCode).toMatch(/^1460/);
    expect(plant!.confidence).toBeLessThan(0.6);
    expect(plant!.explanation).toContain('551216');
    await t.close();
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [office] = await t.classify(line('ETIQUETA AUTOADHESIVA PARA CARPETAS X 100', { nit: '890300406' }));
    expect(office!.accountCode).toBe('519530');
  });
});
