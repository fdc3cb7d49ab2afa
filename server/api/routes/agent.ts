import { Hono } from 'hono';
import { z } from 'zod';
import { PAUSE_EFFECT, type PauseResult } from '#shared/agent';
import { activateAgent, currentAgentState, listAgentEvents, pauseAgent, resumeAgent } from '../../agent/agent-switch';
import { missingUvtYears, rulesWarnings } from '../../agent/uvt-values';
import type { AgentState } from '#shared/agent';
import { mailboxFloodReport } from '../../sources/mailbox-flood';
import { refutedAfterRegistrationWarnings } from '../../agent/awaiting-dian-copy';
import { pageMissingConfirmations } from '../../radian/bill-state';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

/** The Activo/Desactivado switch and its audit trail. */
export const agentRoutes = new Hono<ApiEnv>()
  // The state, what a person must do about the rules (next year's UVT from 1 December…), and a flooded mailbox, so
  // the panel's status shows it without asking for the mailbox itself.
  .get('/', async (c) => {
    const agent = c.get('agent');
    const companyId = c.get('company').id;
    const state = await currentAgentState(agent.db, companyId, agent.clock);
    const warnings = [...(await rulesWarnings(agent.db, agent.clock.now())), ...(await refutedAfterRegistrationWarnings(agent.db, companyId))];
    const years = await missingUvtYears(agent.db, agent.clock.now());
    const flood = await mailboxFloodReport(agent.db, companyId, agent.clock.now(), agent.intake.floodThreshold);
    const missing = await pageMissingConfirmations(agent.db, companyId, { limit: 10, offset: 0 });
    return c.json<AgentState>({
      ...state,
      ...(warnings.length ? { warnings } : {}),
      ...(years.length ? { missingUvtYears: years } : {}),
      ...(flood.message ? { intakeWarning: flood.message } : {}),
      ...(missing.total > 0 ? { missingConfirmations: missing } : {}),
    });
  })
  .post('/activate', validate('json', z.object({ mode: z.literal('recent').default('recent') })), async (c) => {
    const agent = c.get('agent');
    return c.json(await activateAgent(agent.db, c.get('company').id, c.req.valid('json').mode, c.get('actor'), agent.clock));
  })
  .post('/pause', async (c) => {
    const agent = c.get('agent');
    const result: PauseResult = { ...(await pauseAgent(agent.db, c.get('company').id, c.get('actor'), agent.clock)), notice: PAUSE_EFFECT };
    return c.json(result);
  })
  .post('/resume', async (c) => {
    const agent = c.get('agent');
    return c.json(await resumeAgent(agent.db, c.get('company').id, c.get('actor'), agent.clock));
  })
  .get('/events', async (c) => c.json(await listAgentEvents(c.get('agent').db, c.get('company').id)));
