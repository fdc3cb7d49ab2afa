import { Hono } from 'hono';
import { z } from 'zod';
import { bogotaDate, isIsoDate, previousDate } from '#shared/bogota-time';
import { getDailySummary } from '../../agent/daily-summary';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const dateQuery = z.object({ date: z.string().refine(isIsoDate, 'use el formato AAAA-MM-DD').optional() });

/** Daily summaries by Bogotá date. Without a date: yesterday's (what the popup shows). `/today`: today so far. */
export const summaryRoutes = new Hono<ApiEnv>()
  .get('/', validate('query', dateQuery), async (c) => {
    const agent = c.get('agent');
    const date = c.req.valid('query').date ?? previousDate(bogotaDate(agent.clock.now()));
    return c.json(await getDailySummary(agent.db, c.get('company').id, date, agent.clock));
  })
  .get('/today', async (c) => {
    const agent = c.get('agent');
    return c.json(await getDailySummary(agent.db, c.get('company').id, bogotaDate(agent.clock.now()), agent.clock));
  });
