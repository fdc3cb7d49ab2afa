import { Hono } from 'hono';
import { z } from 'zod';
import { isIsoDate } from '#shared/bogota-time';
import type { Agent } from '../../agent/agent';
import { alegraStatus, runAlegraSync, syncRunning } from '../../alegra/alegra-status';
import { alegraClientOrThrow, connectAlegra, connectInput, disconnectAlegra, testAlegraConnection } from '../../alegra/connection';
import { alegraBillStatus } from '../../alegra/push-status';
import { alegraPusherOf, requeueBill } from '../../alegra/push-queue';
import { SecretBox } from '../../secrets/secret-box';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

/** The running pusher's box (same key), else the one the environment configures. */
function boxFor(agent: Agent): SecretBox {
  return alegraPusherOf(agent)?.secretBox() ?? SecretBox.fromEnv();
}

/** Starts a sync in the background (it can take minutes on a large account at Alegra's 150 requests/minute). */
function startSync(agent: Agent, companyId: string, options: { full?: boolean; since?: string; adoptChart?: { actor: string } } = {}): boolean {
  if (syncRunning(companyId)) return false;
  runAlegraSync(agent.db, boxFor(agent), companyId, { clock: agent.clock, ...options, learn: (lines) => agent.deps.classifier.learn(lines) })
    .then(() => alegraPusherOf(agent)?.wake())
    .catch((error) => console.error('La sincronización con Alegra falló:', error));
  return true;
}

const syncInput = z
  .object({
    full: z.boolean().optional(),
    /** Make Alegra's chart of accounts the company's chart in the agent (replaces an imported one). */
    adoptChart: z.boolean().optional(),
    since: z.string().refine(isIsoDate, 'usa AAAA-MM-DD').optional(),
  })
  .default({});

/**
 * The company's Alegra connection, sync and the bills' trip to Alegra. The token goes in on `/connect` and never
 * comes out: responses only say `hasToken: true`. Only GET/POST, which the API's CORS policy allows.
 */
export const alegraRoutes = new Hono<ApiEnv>()
  .get('/status', async (c) => c.json(await alegraStatus(c.get('agent').db, c.get('company').id)))
  // Tests the e-mail and token with Alegra and stores them only if Alegra accepts them; then reads the account.
  .post('/connect', validate('json', connectInput), async (c) => {
    const agent = c.get('agent');
    const company = c.get('company');
    const result = await connectAlegra(agent.db, boxFor(agent), company.id, c.req.valid('json'), c.get('actor').name, agent.clock);
    const syncStarted = startSync(agent, company.id);
    return c.json({ ...result, syncStarted });
  })
  .post('/test', async (c) => {
    const agent = c.get('agent');
    return c.json(await testAlegraConnection(agent.db, boxFor(agent), c.get('company').id, agent.clock));
  })
  .post('/sync', validate('json', syncInput), async (c) => {
    const agent = c.get('agent');
    const company = c.get('company');
    const input = c.req.valid('json');
    // Fails fast (404 ALEGRA_NOT_CONNECTED) instead of starting a sync that cannot run.
    await alegraClientOrThrow(agent.db, boxFor(agent), company.id);
    const started = startSync(agent, company.id, { ...(input.full ? { full: true } : {}), ...(input.since ? { since: input.since } : {}), ...(input.adoptChart ? { adoptChart: { actor: c.get('actor').name } } : {}) });
    return c.json({ started, running: true as const }, 202);
  })
  .post('/disconnect', async (c) => c.json(await disconnectAlegra(c.get('agent').db, c.get('company').id)))
  // Whether a bill is in Alegra: its Alegra id, or why not (Alegra's own message when Alegra refused it).
  .get('/bills/:id', async (c) => c.json(await alegraBillStatus(c.get('agent').db, c.get('company').id, c.req.param('id'))))
  // Send (again) now: a bill registered before connecting, or one that failed after the cause was fixed.
  .post('/bills/:id/push', validate('json', z.object({ recreate: z.boolean().optional() }).default({})), async (c) => {
    const agent = c.get('agent');
    const company = c.get('company');
    await requeueBill(agent.db, company.id, c.req.param('id'), agent.clock, { ...(c.req.valid('json').recreate ? { recreate: true } : {}) });
    alegraPusherOf(agent)?.wake();
    return c.json(await alegraBillStatus(agent.db, company.id, c.req.param('id')));
  });

