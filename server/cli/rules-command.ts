import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { correctBillLine } from '../agent/bills';
import { listRulesEvents, recomputeYear } from '../agent/recompute';
import { importSupplierProfiles, listSuppliers, updateSupplierTaxProfile } from '../agent/suppliers';
import { currentWithholdingRules, enterUvt, rulesWarnings } from '../agent/uvt-values';
import { NotFoundError } from '../errors';
import { cliActor, companyOf, printJson, withAgent, type GlobalOptions } from './context';

/**
 * `agente reglas uvt|recalcular|mostrar|historial`: the tax rules the agent applies. The UVT of a new year is entered
 * here when DIAN publishes it; `recalcular` re-computes the bills of that year registered without it.
 */
export function rulesCommand(global: () => GlobalOptions): Command {
  const command = new Command('reglas').description('UVT por año, conceptos y tarifas de retención; recálculo de facturas.');
  command
    .command('uvt')
    .description('Ingresa la UVT de un año, como la publicó la DIAN (se valida contra la del año anterior).')
    .argument('<año>', 'año gravable, p. ej. 2027')
    .argument('<valor>', 'valor en pesos, sin puntos, p. ej. 55000')
    .requiredOption('--resolucion <número y fecha>', 'resolución de la DIAN que la fijó')
    .action((year: string, value: string, flags: { resolucion: string }) =>
      withAgent(global(), async (agent) => {
        printJson(await enterUvt(agent.db, { year: Number(year), value: Number(value.replace(/[.\s]/g, '')), resolution: flags.resolucion, actor: cliActor().name, now: agent.clock.now() }));
        process.stderr.write(`Listo. Para recalcular las facturas de ${year} registradas sin UVT: agente reglas recalcular ${year}\n`);
      }),
    );
  command
    .command('recalcular')
    .description('Recalcula las facturas de un año registradas sin su UVT (retenciones y asiento); queda en el historial.')
    .argument('<año>')
    .action((year: string) => withAgent(global(), async (agent) => printJson(await recomputeYear(agent.deps, Number(year), cliActor().name))));
  command
    .command('mostrar')
    .description('UVT conocidas, conceptos de retención con sus tarifas y normas, y lo que falta.')
    .action(() =>
      withAgent(global(), async (agent) => {
        const rules = await currentWithholdingRules(agent.db);
        printJson({ warnings: await rulesWarnings(agent.db, agent.clock.now()), uvt: rules.uvt, retefuente: rules.retefuente });
      }),
    );
  command
    .command('historial')
    .description('Historial de cambios de reglas: UVT, perfiles de proveedores, conceptos, recálculos.')
    .action(() => withAgent(global(), async (agent) => printJson(await listRulesEvents(agent.db, (await companyOf(agent, global())).id))));
  return command;
}

/** `agente proveedor lista|perfil|importar`: persona natural o jurídica y declarante, per supplier. */
export function supplierCommand(global: () => GlobalOptions): Command {
  const command = new Command('proveedor').description('Proveedores: persona natural o jurídica y si es declarante de renta.');
  command
    .command('lista')
    .description('Lista los proveedores de la empresa.')
    .action(() => withAgent(global(), async (agent) => printJson(await listSuppliers(agent.db, (await companyOf(agent, global())).id))));
  command
    .command('perfil')
    .description('Cambia el perfil tributario de un proveedor (decide las tarifas de 3,5 % / 6 % y de honorarios).')
    .argument('<nit>')
    .addOption(new Option('--persona <tipo>', 'persona natural o jurídica').choices(['natural', 'juridica']))
    .option('--declarante', 'es declarante de renta')
    .option('--no-declarante', 'no es declarante de renta')
    .action((nit: string, flags: { persona?: 'natural' | 'juridica'; declarante?: boolean }) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await updateSupplierTaxProfile(agent.db, company.id, nit, { ...(flags.persona ? { personType: flags.persona } : {}), ...(flags.declarante !== undefined ? { declarante: flags.declarante } : {}) }, cliActor().name, agent.clock.now()));
      }),
    );
  command
    .command('importar')
    .description('Importa perfiles desde un CSV: nit;natural|juridica;si|no (encabezado opcional).')
    .argument('<archivo>')
    .action((file: string) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await importSupplierProfiles(agent.db, company.id, await readFile(file, 'utf8'), cliActor().name, agent.clock.now()));
      }),
    );
  return command;
}

/** `agente factura concepto <factura> <línea> <concepto>`: a person's withholding concept for one line. */
export function billConceptCommand(global: () => GlobalOptions): Command {
  const command = new Command('factura').description('Cambios de una factura registrada.');
  command
    .command('concepto')
    .description('Cambia el concepto de retención de una línea (o «ninguno») y recalcula retenciones y asiento.')
    .argument('<factura>', 'id o número de la factura')
    .argument('<línea>', 'posición de la línea (1, 2…) o su id')
    .argument('<concepto>', 'vehiculos, software_licencias, software_servicios, vigilancia_aseo, … o ninguno')
    .action((billRef: string, lineRef: string, concept: string) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const bill = await agent.db.selectFrom('bill').select(['id', 'number']).where('companyId', '=', company.id).where((eb) => eb.or([eb('id', '=', billRef), eb('number', '=', billRef)])).executeTakeFirst();
        if (!bill) throw new NotFoundError(`No hay ninguna factura registrada «${billRef}».`);
        const line = await agent.db.selectFrom('billLine').select('id').where('billId', '=', bill.id).where((eb) => (/^\d+$/.test(lineRef) ? eb('position', '=', Number(lineRef)) : eb('id', '=', lineRef))).executeTakeFirst();
        if (!line) throw new NotFoundError(`La factura ${bill.number} no tiene la línea ${lineRef}.`);
        printJson(await correctBillLine(agent.deps, company.id, bill.id, line.id, { withholdingConcept: concept }, cliActor()));
      }),
    );
  return command;
}
