import { Hono } from 'hono';
import { z } from 'zod';
import { listAudit } from '../../users/audit';
import { ROLES } from '../../users/permissions';
import { findUserOrThrow, grantRole, revokeRole, usersOfCompany } from '../../users/users';
import { NotFoundError } from '../../errors';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

/**
 * Who works on the chosen company, for its administrador: the people and their role; give or change a role, take
 * it away. People themselves are created at the console (`npx agente users add`), where their tokens are made too.
 */
export const userRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => c.json(await usersOfCompany(c.get('agent').db, c.get('company').id)))
  .put('/:login/role', validate('json', z.object({ role: z.enum(ROLES) })), async (c) => {
    const agent = c.get('agent');
    const user = await findUserOrThrow(agent.db, c.req.param('login'));
    return c.json(await grantRole(agent.db, user, c.get('company').id, c.req.valid('json').role, c.get('actor'), agent.clock));
  })
  .delete('/:login/role', async (c) => {
    const agent = c.get('agent');
    const user = await findUserOrThrow(agent.db, c.req.param('login'));
    if (!(await revokeRole(agent.db, user, c.get('company').id, c.get('actor'), agent.clock))) {
      throw new NotFoundError(`${user.login} no tiene un rol propio en esta empresa${user.generalAdmin ? ' (es administrador general: lo es de todas)' : ''}.`, 'ROLE_NOT_FOUND');
    }
    return c.json({ login: user.login, removed: true as const });
  });

/** The company's audit trail besides the agent's switch: manual registrations, settings, users (newest first). */
export const auditRoutes = new Hono<ApiEnv>().get('/', async (c) => c.json(await listAudit(c.get('agent').db, c.get('company').id)));
