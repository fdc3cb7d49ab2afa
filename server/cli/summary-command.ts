import { Command } from 'commander';
import { bogotaDate, isIsoDate, previousDate } from '#shared/bogota-time';
import { systemClock } from '../agent/clock';
import { getDailySummary } from '../agent/daily-summary';
import { PAGE_SIZES, parsePage } from '../agent/pagination';
import { resolveCompanyOrThrow } from '../companies/companies';
import { printJson, withDatabase, type GlobalOptions } from './context';

/**
 * `agente summary`: the daily summary. It only reads the database, so it opens just that, not the whole agent
 * (matching, ledger, DIAN reader): a summary is what people script and check often, and it answers at once.
 */
export function summaryCommand(global: () => GlobalOptions): Command {
  return new Command('summary')
    .description('Resumen diario (por defecto, el de ayer en Bogotá): registradas, tiempo ahorrado, no registradas (la lista, por páginas).')
    .option('--date <AAAA-MM-DD>', 'fecha del resumen')
    .option('--today', 'lo que va de hoy')
    .option('--limit <n>', `cuántas no registradas por página (por defecto ${PAGE_SIZES.notRegistered.default}, hasta ${PAGE_SIZES.notRegistered.max})`)
    .option('--offset <n>', 'desde cuál no registrada (el notRegisteredNextOffset de la página anterior)')
    .action((flags: { date?: string; today?: boolean; limit?: string; offset?: string }) => {
      const page = parsePage('notRegistered', flags);
      return withDatabase(global(), async (db) => {
        if (flags.date && !isIsoDate(flags.date)) throw new Error(`Fecha inválida «${flags.date}»: usa AAAA-MM-DD.`);
        const company = await resolveCompanyOrThrow(db, global().company);
        const today = bogotaDate(systemClock.now());
        printJson(await getDailySummary(db, company.id, flags.today ? today : (flags.date ?? previousDate(today)), systemClock, page));
      });
    });
}
