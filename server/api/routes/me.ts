import { Hono } from 'hono';
import type { ApiEnv } from '../env';

/** Who am I: the company and the user's name for "Hola, {nombre}". */
export const meRoutes = new Hono<ApiEnv>().get('/', (c) => {
  const company = c.get('company');
  return c.json({ company, user: { name: company.userName } });
});
