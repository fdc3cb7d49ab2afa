import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * The seventh round of issue #13, each lever pinned by a case written here (not taken from any benchmark set): what a
 * service company that keeps perpetual inventory holds in stock (§4.3 Q, §4.2 row 5); a manufacturer's line whose head
 * noun is a word of its own CIIU activity is raw material, whatever a later word reads as.
 */
describe('suggestion engine: seventh round of #13', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a hospital that keeps inventory stocks medicines and medical supplies in 1455; one without inventory books them to cost', async () => {
    t = await testCompany({ company: { ciiu: ['8610'], inventory: 'perpetual' } });
    const [drug, supply, service] = await t.classify(line('Ibuprofeno 400 mg tableta caja x 30'), line('Jeringa desechable 10 ml caja x 100'), line('Honorarios médicos turno urgencias'));
    expect(drug!.accountCode).toMatch(/^1455/);
    expect(drug!.explanation).toContain('farmacia');
    expect(supply!.accountCode).toMatch(/^1455/);
    // A service is never stock.
    expect(service!.accountCode).not.toMatch(/^14/);

    const noStock = await testCompany({ company: { ciiu: ['8610'], inventory: 'none' } });
    const [consumed] = await noStock.classify(line('Ibuprofeno 400 mg tableta caja x 30'));
    expect(consumed!.accountCode).toMatch(/^6165/);
    await noStock.close();
  });

  it('a carrier that keeps inventory stocks its spare parts in 1455 but not its fuel; a shop still resells them', async () => {
    t = await testCompany({ company: { ciiu: ['4923'], inventory: 'perpetual' } });
    const [tyre, diesel] = await t.classify(line('Llanta 11R22.5 direccional'), line('ACPM galón'));
    expect(tyre!.accountCode).toMatch(/^1455/);
    expect(diesel!.accountCode).not.toMatch(/^14/);

    const shop = await testCompany({ company: { ciiu: ['4530'], inventory: 'perpetual' } });
    const [resold] = await shop.classify(line('Llanta 11R22.5 direccional'));
    expect(resold!.accountCode).toMatch(/^1435/);
    await shop.close();
  });

  it('a shoe factory’s line that starts with a word of its CIIU («cuero», «piel», «suela») is raw material; a colour after it does not decide', async () => {
    t = await testCompany({ company: { ciiu: ['1521'], inventory: 'perpetual' } });
    const [leather, hide, sole, office] = await t.classify(line('Cuero napa café pie cuadrado'), line('Piel de res negra por pie'), line('Suela caucho termoplástico par talla 40'), line('Café molido libra'));
    expect(leather!.accountCode).toMatch(/^1405/);
    expect(leather!.explanation).toContain('«cuero»');
    expect(leather!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(hide!.accountCode).toMatch(/^1405/);
    expect(sole!.accountCode).toMatch(/^1405/);
    // The coffee for the office still reads as cafetería: its head noun is the rules' own keyword.
    expect(office!.accountCode).not.toMatch(/^14/);

    // A company that does not make shoes gets no raw-material reading from the same words.
    const hardware = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' } });
    const [other] = await hardware.classify(line('Cuero napa café pie cuadrado'));
    expect(other!.accountCode).not.toMatch(/^1405/);
    await hardware.close();
  });

  it('a school’s catered snacks are the cost of its service (6160), flagged; an office’s lunch stays gastos de representación', async () => {
    t = await testCompany({ company: { ciiu: ['8513'], inventory: 'none' } });
    const [snack] = await t.classify(line('Refrigerio estudiantes jornada mañana'));
    expect(snack!.accountCode).toMatch(/^6160/);
    expect(snack!.confidence).toBeLessThan(0.6);
    expect(snack!.explanation).toContain('519520');

    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [lunch] = await office.classify(line('Refrigerio estudiantes jornada mañana'));
    expect(lunch!.accountCode).toBe('519520');
    await office.close();
  });

  it('a hospital books a health service to the 6165 subcuenta of the provider’s activity (a reference laboratory: 616520)', async () => {
    t = await testCompany({ company: { ciiu: ['8610'], inventory: 'none' } });
    const [lab, own] = await t.classify(line('Exámenes de laboratorio clínico remitidos', { supplierCiiu: ['8691'] }), line('Exámenes de laboratorio clínico remitidos', { supplierCiiu: ['8610'] }));
    expect(lab!.accountCode).toBe('616520');
    expect(lab!.explanation).toContain('8691');
    expect(own!.accountCode).toBe('616505');
  });
});
