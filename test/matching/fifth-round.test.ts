import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * The fifth round of issue #13, each lever pinned by a case written here (not taken from any benchmark set): the
 * activity's PUC 61 subcuenta as data (server/data/costo-por-actividad.csv) and UNSPSC classes that were mapped
 * against their own name.
 */
describe('suggestion engine: fifth round of #13', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a trout farm (CIIU 0321/0322, acuicultura) books its feed to 611010 «explotación de criaderos de peces», not 610545', async () => {
    t = await testCompany({ company: { ciiu: ['0322'], inventory: 'none' } });
    const [feed] = await t.classify(line('Concentrado para truchas 45 % proteína bulto 40 kg'));
    expect(feed!.accountCode).toBe('611010');
    expect(feed!.explanation).toContain('costo de la actividad');
  });

  it('a laundry (CIIU 9601) books its own trade’s supplies to 617050 «lavanderías y similares», not 617095 conexas', async () => {
    t = await testCompany({ company: { ciiu: ['9601'], inventory: 'none' } });
    const [soap] = await t.classify(line('Detergente industrial en polvo bulto 25 kg'));
    expect(soap!.accountCode).toBe('617050');
  });

  it('UNSPSC 4226 (post mortem y funerarios) is not gastos médicos: a funeral home resells the coffin, consumes the embalming fluid', async () => {
    t = await testCompany({ company: { ciiu: ['9603'], inventory: 'perpetual' } });
    const [coffin, fluid] = await t.classify(line('Cofre madera pino tapizado adulto', { unspsc: '42262100' }), line('Fluido arterial concentrado 16 oz', { unspsc: '42262000' }));
    expect(coffin!.accountCode).toMatch(/^1435/);
    expect(fluid!.accountCode).toBe('617060');
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [wreath] = await office.classify(line('Suministro funerario para condolencia', { unspsc: '42262100' }));
    expect(wreath!.accountCode).not.toBe('510584');
    await office.close();
  });

  it('UNSPSC 4610: a firearm is 1560 armamento de vigilancia, not dotación; a security company’s ammunition is its cost (615565)', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [gun, rounds] = await t.classify(line('Pistola 9 mm con salvoconducto', { unspsc: '46101500' }), line('Munición 9 mm caja x 50', { unspsc: '46101600' }));
    expect(gun!.accountCode).toMatch(/^1560/);
    expect(rounds!.accountCode).toBe('615565');
  });

  it('equipment the segment rule sent to consumption is maquinaria y equipo: a laundry’s washer (4711), a pump (401515)', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [washer, pump] = await t.classify(line('Equipo industrial referencia WX-60', { unspsc: '47111500' }), line('Equipo centrífugo referencia P-2', { unspsc: '40151500' }));
    expect(washer!.accountCode).toMatch(/^1520/);
    expect(pump!.accountCode).toMatch(/^1520/);
  });

  it('work done on an asset is the service, not the asset: «mantenimiento motobomba» is 514515, the pump itself 1520', async () => {
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [upkeep, pump] = await t.classify(line('Mantenimiento motobomba 3 pulgadas'), line('Motobomba 3 pulgadas a gasolina'));
    expect(upkeep!.accountCode).toBe('514515');
    expect(upkeep!.explanation).toContain('servicio sobre el bien');
    expect(pump!.accountCode).toMatch(/^1520/);
  });

  it('a travel agency resells a guide’s service (UNSPSC 9012) as its cost 614545; any other company books it as travel, not lodging', async () => {
    t = await testCompany({ company: { ciiu: ['7911'], inventory: 'none' } });
    const [guide] = await t.classify(line('Servicio de guía bilingüe recorrido grupo', { unspsc: '90121700' }));
    expect(guide!.accountCode).toBe('614545');
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [other] = await office.classify(line('Servicio de guía bilingüe recorrido grupo', { unspsc: '90121700' }));
    expect(other!.accountCode).not.toBe('515505');
    await office.close();
  });
});
