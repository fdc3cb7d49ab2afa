import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

const SUPPLIER = '800333444';

/**
 * The second round of causes found on the «no visto» and blind sets (issue #13), each pinned by a case written here:
 * words that only mean something in the buyer's sector, codes and sizes as evidence, goods a service company sells
 * over the counter, a farm's packaging, waste bags and disinfectants, and the agent re-reading a line that only its
 * own unverified guess matched.
 */
describe('suggestion engine: causes found with the «no visto» and blind sets', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('exam gloves are a clinic’s supply (cost of its service) and protective equipment anywhere else', async () => {
    t = await testCompany({ company: { ciiu: ['8621'], inventory: 'none' } });
    const [clinic] = await t.classify(line('Guantes de nitrilo talla S caja x 100'));
    expect(clinic!.accountCode).toBe('616510');
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [elsewhere] = await office.classify(line('Guantes de nitrilo talla S caja x 100'));
    expect(elsewhere!.accountCode).toBe('510551');
    await office.close();
  });

  it('a SAE grade makes «aceite» a lubricant; a personal-size bottle of water is a drink, the botellón cafetería', async () => {
    t = await testCompany({ company: { ciiu: ['4921'], inventory: 'none' } });
    const [gearOil, cookingOil] = await t.classify(line('Aceite Shell 20W50 cuarto'), line('Aceite de girasol botella 3000 ml'));
    expect(gearOil!.accountCode).toBe('614505');
    expect(gearOil!.explanation).toMatch(/grado SAE/);
    expect(cookingOil!.accountCode).toBe('519525');
    const restaurant = await testCompany({ company: { ciiu: ['5611'], inventory: 'perpetual' } });
    const [bottle, jug] = await restaurant.classify(line('Agua Brisa 600 ml paca x 24'), line('Agua botellón 20 litros'));
    expect(bottle!.accountCode).toBe('1435');
    expect(jug!.accountCode).not.toBe('1435');
    await restaurant.close();
  });

  it('a veterinary clinic sells pet food and accessories (1435) and applies medicines to patients (616525)', async () => {
    t = await testCompany({ company: { ciiu: ['7500'], inventory: 'perpetual' } });
    const [food, harness, dewormer] = await t.classify(line('Cuido para cachorro raza pequeña 2 kg'), line('Arnés ajustable para perro talla L'), line('Albendazol suspensión oral frasco 20 ml'));
    expect(food!.accountCode).toBe('1435');
    expect(harness!.accountCode).toBe('1435');
    expect(dewormer!.accountCode).toBe('616525');
    // Any other company does not resell them.
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'perpetual' } });
    const [officeFood] = await office.classify(line('Cuido para cachorro raza pequeña 2 kg'));
    expect(officeFood!.accountCode).not.toBe('1435');
    await office.close();
  });

  it('a farm keeps the sacks its harvest is sold in as packaging stock (1460), and its motor tools are assets', async () => {
    t = await testCompany({ company: { ciiu: ['0123'], inventory: 'perpetual' } });
    const [sack, brushcutter, hoe] = await t.classify(line('Costal de fique 60 kg'), line('Motosierra 45 cc espada 18"'), line('Azadón con cabo'));
    expect(sack!.accountCode).toBe('1460');
    expect(brushcutter!.accountCode).toBe('1520');
    expect(hoe!.accountCode).toBe('519595');
  });

  it('waste bags by colour code and quaternary ammonium are cleaning supplies; the water bill with «aseo» is acueducto', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [red, quat, bill, toiletPaper] = await t.classify(line('Bolsa roja riesgo biológico 50 x 70'), line('Amonio cuaternario 5a generación galón'), line('Servicio acueducto y aseo periodo 3'), line('Papel sanitario doble hoja x 4'));
    expect(red!.accountCode).toBe('519525');
    expect(quat!.accountCode).toBe('519525');
    expect(bill!.accountCode).toBe('513525');
    expect(toiletPaper!.accountCode).toBe('519525');
  });

  it('in a preschool, finger paint and modelling clay are teaching material; a school word losing to papelería is «por verificar»', async () => {
    t = await testCompany({ company: { ciiu: ['8512'], inventory: 'none' } });
    const [paint, clay, card] = await t.classify(line('Pintura de dedos 6 colores'), line('Plastilina barra x 12'), line('Cartulina escolar octavo'));
    expect(paint!.accountCode).toBe('616005');
    expect(clay!.accountCode).toBe('616005');
    expect(card!.confidence).toBeLessThan(0.6);
  });

  it('a line word counts once per concept, and a word that is a keyword is not a truncation of a longer one', async () => {
    t = await testCompany({ company: { ciiu: ['4711'], inventory: 'perpetual' } });
    // «Café» is coffee, not a truncation of «cafetera»; «greca» alone does not make the line a machine.
    const [coffee, rubbing] = await t.classify(line('Café molido para greca 500 g'), line('Alcohol anti. 350 ml'));
    expect(coffee!.accountCode).toBe('1435');
    expect(coffee!.explanation).toMatch(/cafetería/);
    // «anti» abbreviates several drug words: one word, one piece of evidence, so alcohol still reads as aseo.
    expect(rubbing!.explanation).toMatch(/aseo/);
  });

  it('a restaurant’s equipment maintenance proposes 514515 «por verificar» and names 514535', async () => {
    t = await testCompany({ company: { ciiu: ['5611'], inventory: 'perpetual' } });
    const [upkeep] = await t.classify(line('Mantenimiento preventivo equipos de cocina', { unitCode: 'E48' }));
    expect(upkeep!.accountCode).toBe('514515');
    expect(upkeep!.confidence).toBeLessThan(0.6);
    expect(upkeep!.explanation).toMatch(/514535/);
  });

  it('a line only the agent’s own unverified guess matched is read again; a clearer reading wins, «por verificar»', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    // The first invoice says too little: the agent guesses from the supplier's activity and registers it.
    const vague = line('SLLA REF 2231 NGR', { nit: SUPPLIER, sellerCode: 'S-2231', supplierCiiu: ['4761'] });
    const [first] = await t.classify(vague);
    expect(first!.accountCode).not.toBe('152405');
    await t.engine.learn([{ companyId: t.company.id, supplierNit: SUPPLIER, description: 'SLLA REF 2231 NGR', sellerCode: 'S-2231', accountCode: first!.accountCode, byUser: false, origin: 'registro', confidence: first!.confidence, at: '2026-06-01T15:00:00Z' }]);
    // The next invoice names the product: the same code no longer carries the old guess.
    const [next] = await t.classify(line('Silla ergonómica giratoria negra', { nit: SUPPLIER, sellerCode: 'S-2231', supplierCiiu: ['4761'] }));
    expect(next!.accountCode).toBe('152405');
    expect(next!.confidence).toBeLessThan(0.6);
    expect(next!.explanation).toMatch(/el agente la había registrado en \d+ sin que nadie la verificara/);
    expect(next!.runnerUp?.accountCode).toBe(first!.accountCode);
    // A person's decision is not re-read: once verified, the history decides.
    await t.engine.learn([{ companyId: t.company.id, supplierNit: SUPPLIER, description: 'SLLA REF 2231 NGR', sellerCode: 'S-2231', accountCode: '519530', byUser: true, origin: 'correccion', at: '2026-06-02T15:00:00Z' }]);
    const [decided] = await t.classify(line('Silla ergonómica giratoria negra', { nit: SUPPLIER, sellerCode: 'S-2231', supplierCiiu: ['4761'] }));
    expect(decided!.accountCode).toBe('519530');
  });
});
