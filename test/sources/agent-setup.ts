import { activateAgent } from '../../server/agent/agent-switch';
import { Agent, type AgentOptions } from '../../server/agent/agent';
import { createCompany } from '../../server/companies/companies';
import { openTestDatabase, type Engine } from '../support/engines';
import type { CompanyProfile } from '#shared/company';

export const COMPANY_NIT = '900111222';

/**
 * A real agent on a real database (SQLite in memory unless a file is given, or a fresh PostgreSQL database), with one
 * company. `close` stops the agent and closes (on PostgreSQL, drops) the database.
 */
export async function agentWithCompany(
  options: { file?: string; activateAt?: Date; agent?: AgentOptions; engine?: Engine } = {},
): Promise<{ agent: Agent; company: CompanyProfile; close: () => Promise<void> }> {
  const opened = await openTestDatabase(options.engine ?? 'sqlite', options.file ? { file: options.file } : {});
  const db = opened.db;
  const agent = new Agent(db, options.agent);
  const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Empresa de Pruebas SAS', userName: 'Contadora' }, agent.clock);
  if (options.activateAt !== null) await activateAgent(db, company.id, 'recent', 'prueba', options.activateAt ? { now: () => options.activateAt! } : agent.clock);
  return {
    agent,
    company,
    close: async () => {
      await agent.stop();
      await opened.close();
    },
  };
}
