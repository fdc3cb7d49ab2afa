import { Hono } from 'hono';
import { z } from 'zod';
import { activateAgent, currentAgentState, listAgentEvents, pauseAgent, resumeAgent } from '../../agent/agent-switch';
import type { AgentState } from '#shared/agent';
import { mailboxFloodReport } from '../../sources/mailbox-flood';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

/** The Activo/Desactivado switch and its audit trail. */
export const agentRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => {
    const agent = c.get('agent');
    const companyId = c.get('company').id;
    const state = await currentAgentState(agent.db, companyId, agent.clock);
    // The panel's status shows a flooded mailbox without asking for the mailbox itself.
    const flood = await mailboxFloodReport(agent.db, companyId, agent.clock.now(), agent.intake.floodThreshold);
    return c.json<AgentState>(flood.message ? { ...state, intakeWarning: flood.message } : state);
  })
  .post('/activate', validate('json', z.object({ mode: z.literal('recent').default('recent') })), async (c) => {
    const agent = c.get('agent');
    return c.json(await activateAgent(agent.db, c.get('company').id, c.req.valid('json').mode, c.get('actor'), agent.clock));
  })
  .post('/pause', async (c) => {
    const agent = c.get('agent');
    return c.json(await pauseAgent(agent.db, c.get('company').id, c.get('actor'), agent.clock));
  })
  .post('/resume', async (c) => {
    const agent = c.get('agent');
    return c.json(await resumeAgent(agent.db, c.get('company').id, c.get('actor'), agent.clock));
  })
  .get('/events', async (c) => c.json(await listAgentEvents(c.get('agent').db, c.get('company').id)));
