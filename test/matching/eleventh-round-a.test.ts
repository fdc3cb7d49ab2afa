import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { namedActivityObject } from '../../server/matching/activity-object';
import { reviewThreshold } from '../../server/matching/calibration';
import { line, testCompany, type TestCompany } from './support';

/**
 * The eleventh round of issue #13, part A (cold start), each rule pinned by a case written here (not taken from any
 * benchmark set):
 * 1. a line that names what the company's activity works on or serves (objeto-de-actividad.csv, and the words of its
 *    own CIIU description) is the cost of that activity (PUC 61), whatever the office would book the same service to
 *    — the office's line, which names no such thing, keeps the expense;
 * 2. the company's own people (training, uniforms: 5105), their trips (5155) and the SOAT stay where the PUC puts
 *    them, whatever they name;
 * 3. a line nothing else recognises, but that names the activity's object, is proposed at that cost, «por verificar»;
 * 4. a manufacturer buying goods its own CIIU description names transforms them: materia prima (1405);
 * 5. the cost subcuenta of a car-rental company is the PUC's «alquiler equipo de transporte»;
 * 6. a line nothing recognises, bought by a company whose section consumes what it buys in its service
 *    (postura-por-seccion.csv), defaults to the activity's cost instead of 519595, still «por verificar».
 */
describe('suggestion engine: eleventh round of #13, part A', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('an insurance policy or a rent for what the company operates is the cost of its activity; the office’s keeps the expense', async () => {
    t = await testCompany({ company: { ciiu: ['5011'], inventory: 'none' } });
    const [hull, office] = await t.classify(line('POLIZA CASCO Y MAQUINARIA MOTONAVE VIGENCIA ANUAL'), line('POLIZA INCENDIO OFICINA ADMINISTRATIVA'));
    expect(hull!.accountCode).toBe('614515'); // PUC 6145 transporte, por vía acuática
    expect(hull!.explanation).toContain('la línea nombra lo que la empresa hace («motonave»)');
    expect(hull!.explanation).toContain('costo de la actividad');
    expect(office!.accountCode).toMatch(/^5130/);

    const school = await testCompany({ company: { ciiu: ['8559'], inventory: 'none' } });
    const [room, desk] = await school.classify(line('ARRIENDO AULA ADICIONAL SEDE NORTE MES'), line('ARRIENDO LOCAL ADMINISTRATIVO MES'));
    expect(room!.accountCode).toBe('616005');
    expect(desk!.accountCode).toBe('512010');
    await school.close();
  });

  it('training the company’s own teachers and the SOAT of a bus stay where the PUC puts them', async () => {
    t = await testCompany({ company: { ciiu: ['8521'], inventory: 'none' } });
    const [training] = await t.classify(line('CAPACITACION DOCENTES EVALUACION POR COMPETENCIAS'));
    expect(training!.accountCode).toBe('510563');

    const carrier = await testCompany({ company: { ciiu: ['4921'], inventory: 'none' } });
    const [soat] = await carrier.classify(line('SOAT BUS PLACA XYZ123 VIGENCIA ANUAL'));
    expect(soat!.accountCode).toBe('513075');
    await carrier.close();
  });

  it('a line nothing recognises but that names the activity’s object is proposed at its cost, «por verificar»', async () => {
    t = await testCompany({ company: { ciiu: ['5022'], inventory: 'none' } });
    const [berth] = await t.classify(line('AMARRE NOCTURNO BARCAZA ZONA PORTUARIA'));
    expect(berth!.accountCode).toBe('614515');
    expect(berth!.confidence).toBeLessThan(reviewThreshold());
    expect(berth!.explanation).toContain('«barcaza»');
  });

  it('a line nothing recognises, bought by a company that consumes what it buys in its service, defaults to its cost, flagged; a consultancy keeps 519595', async () => {
    t = await testCompany({ company: { ciiu: ['8610'], inventory: 'none' } });
    const [unknown] = await t.classify(line('ZUNCHADO PERIMETRAL ETAPA TRES'));
    expect(unknown!.accountCode).toBe('616505'); // PUC 6165 servicio hospitalario
    expect(unknown!.confidence).toBeLessThan(reviewThreshold());
    expect(unknown!.explanation).toContain('nada en la línea dice qué es');

    const office = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [same] = await office.classify(line('ZUNCHADO PERIMETRAL ETAPA TRES'));
    expect(same!.accountCode).toBe('519595');
    await office.close();
  });

  it('a manufacturer buying what its own CIIU description names keeps it as materia prima', async () => {
    t = await testCompany({ company: { ciiu: ['2392'], inventory: 'perpetual' } });
    const [clay] = await t.classify(line('ARCILLA ROJA CERNIDA VOLQUETA'));
    expect(clay!.accountCode).toMatch(/^1405/);
  });

  it('a car-rental company’s cost is «alquiler equipo de transporte» (615515), from costo-por-actividad.csv', async () => {
    const row = readDataCsv('costo-por-actividad.csv').find((r) => r.ciiu === '7710');
    expect(row?.cuenta).toBe('615515');
    t = await testCompany({ company: { ciiu: ['7710'], inventory: 'none' } });
    const [wash] = await t.classify(line('PARQUEADERO NOCTURNO CAMIONETAS DE ALQUILER'));
    expect(wash!.accountCode).toBe('615515');
  });

  it('every row of objeto-de-actividad.csv names a CIIU code that exists and says where its words come from', () => {
    const codes = readDataCsv('ciiu.csv').map((r) => r.code!);
    for (const row of readDataCsv('objeto-de-actividad.csv')) {
      expect(codes.some((c) => c.startsWith(row.ciiu!)), row.ciiu).toBe(true);
      expect(row.fuente!.length).toBeGreaterThan(10);
      expect(row.palabras!.trim().length).toBeGreaterThan(0);
    }
    // The class's own description counts; its title words («actividad», «alquiler») do not.
    expect(namedActivityObject(['entrada', 'parque'], ['9321'])?.word).toBe('parque');
    expect(namedActivityObject(['alquiler', 'oficina'], ['7730'])).toBeUndefined();
  });
});
