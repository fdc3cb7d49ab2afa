import { Hono } from 'hono';
import { z } from 'zod';
import { bogotaDate, isIsoDate, previousDate } from '#shared/bogota-time';
import { getDailySummary } from '../../agent/daily-summary';
import { pageParams, parsePage } from '../../agent/pagination';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const dateQuery = z.object({ date: z.string().refine(isIsoDate, 'usa el formato AAAA-MM-DD').optional(), ...pageParams });

/** Daily summaries by Bogotá date. Without a date: yesterday's (what the popup shows). `/today`: today so far. */
export const summaryRoutes = new Hono<ApiEnv>()
  .get('/', validate('query', dateQuery), async (c) => {
    const agent = c.get('agent');
    const { date, limit, offset } = c.req.valid('query');
    return c.json(await getDailySummary(agent.db, c.get('company').id, date ?? previousDate(bogotaDate(agent.clock.now())), agent.clock, parsePage('notRegistered', { limit, offset })));
  })
  // Page read by hand (no validator), so `$get()` without a query keeps working in the typed client.
  .get('/today', async (c) => {
    const agent = c.get('agent');
    const limit = c.req.query('limit');
    const offset = c.req.query('offset');
    return c.json(await getDailySummary(agent.db, c.get('company').id, bogotaDate(agent.clock.now()), agent.clock, parsePage('notRegistered', { limit, offset })));
  });
