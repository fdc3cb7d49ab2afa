import { activateAgent } from '../../server/agent/agent-switch';
import { Agent, type AgentOptions } from '../../server/agent/agent';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import type { CompanyProfile } from '#shared/company';

export const COMPANY_NIT = '900111222';

/** A real agent on a real SQLite database (in memory unless a file is given), with one company. */
export async function agentWithCompany(options: { file?: string; activateAt?: Date; agent?: AgentOptions } = {}): Promise<{ agent: Agent; company: CompanyProfile }> {
  const db = await openDatabase(options.file ?? ':memory:');
  const agent = new Agent(db, options.agent);
  const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Empresa de Pruebas SAS', userName: 'Contadora' }, agent.clock);
  if (options.activateAt !== null) await activateAgent(db, company.id, 'recent', 'prueba', options.activateAt ? { now: () => options.activateAt! } : agent.clock);
  return { agent, company };
}
