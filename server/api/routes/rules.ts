import { Hono } from 'hono';
import { z } from 'zod';
import { listRulesEvents, recomputeYear } from '../../agent/recompute';
import { currentWithholdingRules, enterUvt, rulesWarnings } from '../../agent/uvt-values';
import { loadReteIcaRules } from '../../ledger/withholding-rules';
import { CONCEPT_NAMES, WITHHOLDING_CONCEPTS } from '../../ledger/withholding-concepts';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const year = z.coerce.number().int().min(2006).max(2100);
const uvtInput = z.object({
  value: z.number().int().positive('la UVT es un número entero de pesos mayor que cero'),
  resolution: z.string().trim().min(4, 'indica la resolución de la DIAN (número y fecha)').max(200),
});

/**
 * The tax rules the agent applies: UVT per year (shipped, plus what a person entered), the retención concepts with
 * their rates and norms, the ReteICA municipalities, what is missing, and the trail of changes.
 */
export const rulesRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => {
    const agent = c.get('agent');
    const rules = await currentWithholdingRules(agent.db);
    return c.json({
      uvt: rules.uvt,
      warnings: await rulesWarnings(agent.db, agent.clock.now()),
      concepts: WITHHOLDING_CONCEPTS.map((concept) => ({ concept, name: CONCEPT_NAMES[concept], rules: rules.retefuente.filter((r) => r.concept === concept) })),
      reteica: loadReteIcaRules().map((m) => ({ code: m.code, name: m.name, norm: m.norm, minimumBaseUvt: m.minimumBaseUvt, activities: m.activities.map(({ code, name, ratePerMille }) => ({ code, name, ratePerMille })) })),
    });
  })
  // Enter the UVT of a year as DIAN published it; validated against the previous year's value.
  .put('/uvt/:year', validate('param', z.object({ year })), validate('json', uvtInput), async (c) => {
    const agent = c.get('agent');
    const body = c.req.valid('json');
    return c.json(await enterUvt(agent.db, { year: c.req.valid('param').year, value: body.value, resolution: body.resolution, actor: c.get('actor').name, now: agent.clock.now() }));
  })
  // Re-computes the bills of a year registered while its UVT was missing.
  .post('/recompute/:year', validate('param', z.object({ year })), async (c) => c.json(await recomputeYear(c.get('agent').deps, c.req.valid('param').year, c.get('actor').name)))
  .get('/events', async (c) => c.json(await listRulesEvents(c.get('agent').db, c.get('company').id)));
