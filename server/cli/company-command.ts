import { Command, Option } from 'commander';
import type { CompanyInput } from '#shared/company';
import { createCompany, listCompanies, updateCompany } from '../companies/companies';
import { auditSettings, companyOf, printJson, withAgent, type GlobalOptions } from './context';

interface ProfileFlags {
  nit?: string;
  name?: string;
  user?: string;
  ciiu?: string;
  granContribuyente?: boolean;
  agenteRetenedorIva?: boolean;
  agenteRetencion?: boolean;
  responsableIva?: boolean;
  reteica?: string;
  funcion?: CompanyInput['expenseFunction'];
  inventario?: CompanyInput['inventory'];
  municipioIca?: string;
  ivaActivos?: 'capitalizar' | 'descontar';
  proveedoresConfianza?: string;
}

/** `agente company create|show|update|list`: the company profile (NIT, name, user, CIIU, withholding profile). */
export function companyCommand(global: () => GlobalOptions): Command {
  const command = new Command('company').description('Crea, muestra o actualiza el perfil de la empresa.');
  const profileOptions = (c: Command) =>
    c
      .option('--name <razón social>', 'nombre de la empresa')
      .option('--user <nombre>', 'nombre de quien usa el agente ("Hola, {nombre}")')
      .option('--ciiu <códigos>', 'actividades económicas CIIU separadas por coma (principal primero)')
      .option('--gran-contribuyente', 'es gran contribuyente (O-13): practica ReteIVA')
      .option('--agente-retenedor-iva', 'es agente retenedor de IVA designado (O-23)')
      .option('--no-agente-retencion', 'no es agente de retención en la fuente')
      .option('--no-responsable-iva', 'no es responsable de IVA: el IVA pagado va al costo')
      .option('--reteica <por mil>', 'tarifa de ReteICA en por mil (si es agente de retención de ICA)')
      .addOption(new Option('--funcion <función>', 'grupo de gastos por defecto').choices(['admin', 'ventas', 'costo']))
      .addOption(new Option('--inventario <sistema>', 'inventario').choices(['perpetual', 'periodic', 'none']))
      .option('--municipio-ica <DIVIPOLA>', 'municipio donde practica ReteICA (11001 Bogotá): la tarifa sale de la actividad del proveedor')
      .addOption(new Option('--iva-activos <política>', 'IVA de activos fijos y licencias: al costo o descuento en renta (ET art. 258-1)').choices(['capitalizar', 'descontar']))
      .option(
        '--proveedores-confianza <nits>',
        'NIT de proveedores (separados por coma; "" para ninguno) cuyos XML sin la validación de la DIAN se registran solos si su firma es válida',
      );

  profileOptions(command.command('create').description('Crea la empresa.').requiredOption('--nit <nit>', 'NIT sin DV')).action(async (flags: ProfileFlags) => {
    await withAgent(global(), async (agent) => {
      if (!flags.name) throw new Error('Falta --name');
      printJson(await createCompany(agent.db, { nit: flags.nit!, name: flags.name, ...toInput(flags) }, agent.clock));
    });
  });
  profileOptions(command.command('update').description('Actualiza el perfil de la empresa.')).action(async (flags: ProfileFlags) => {
    await withAgent(global(), async (agent) => {
      const company = await companyOf(agent, global());
      const changes = { ...(flags.name ? { name: flags.name } : {}), ...toInput(flags) };
      const updated = await updateCompany(agent.db, company.id, changes);
      await auditSettings(agent, company.id, 'company update', Object.keys(changes));
      printJson(updated);
    });
  });
  command
    .command('show')
    .description('Muestra el perfil de la empresa.')
    .action(async () => withAgent(global(), async (agent) => printJson(await companyOf(agent, global()))));
  command
    .command('list')
    .description('Lista las empresas de esta base de datos.')
    .action(async () => withAgent(global(), async (agent) => printJson(await listCompanies(agent.db))));
  return command;
}

function toInput(flags: ProfileFlags): Partial<CompanyInput> {
  return {
    ...(flags.user ? { userName: flags.user } : {}),
    ...(flags.ciiu ? { ciiu: flags.ciiu.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(flags.granContribuyente ? { largeTaxpayer: true } : {}),
    ...(flags.agenteRetenedorIva ? { ivaWithholdingAgent: true } : {}),
    ...(flags.agenteRetencion === false ? { withholdingAgent: false } : {}),
    ...(flags.responsableIva === false ? { ivaResponsible: false } : {}),
    ...(flags.reteica ? { icaRatePerMille: flags.reteica } : {}),
    ...(flags.funcion ? { expenseFunction: flags.funcion } : {}),
    ...(flags.inventario ? { inventory: flags.inventario } : {}),
    ...(flags.municipioIca ? { icaMunicipality: flags.municipioIca } : {}),
    ...(flags.ivaActivos ? { fixedAssetIva: flags.ivaActivos === 'descontar' ? ('discount' as const) : ('capitalize' as const) } : {}),
    ...(flags.proveedoresConfianza !== undefined ? { trustedSupplierNits: flags.proveedoresConfianza.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
  };
}
