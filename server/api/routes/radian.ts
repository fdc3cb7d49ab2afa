import { Hono } from 'hono';
import { z } from 'zod';
import { pageParams, parsePage } from '../../agent/pagination';
import { NotFoundError } from '../../errors';
import { billRadianState, pageMissingConfirmations } from '../../radian/bill-state';
import { MAX_P12_BYTES, removeCertificate, saveCertificate } from '../../radian/company-certificate';
import { getRadianSettingsView, radianSettingsInput, saveRadianSettings } from '../../radian/radian-settings';
import { radianOf } from '../../radian/transports';
import { EVENT_PERMISSIONS } from '../../users/permissions';
import { requirePermission } from '../access';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const certificateInput = z.object({
  /** The .p12 file, base64. */
  p12: z.string().min(1).max(Math.ceil(MAX_P12_BYTES / 3) * 4 + 8),
  password: z.string().max(1024),
});

const eventInput = z.object({
  code: z.enum(['030', '031', '032', '033']),
  /** 031: the claim concept. */
  reason: z.enum(['01', '02', '03', '04']).optional(),
});

/**
 * The buyer's RADIAN events (issue 16): settings (the PIN and passwords go in, never come out), the company's
 * certificate, each bill's events and the decisions a person takes (Aceptar 033, Reclamar 031 with its reason), and
 * the credit invoices whose confirmations are missing.
 */
export const radianRoutes = new Hono<ApiEnv>()
  .get('/settings', async (c) => {
    const agent = c.get('agent');
    return c.json(await getRadianSettingsView(agent.db, c.get('company').id, agent.clock.now()));
  })
  .put('/settings', validate('json', radianSettingsInput), async (c) => {
    const agent = c.get('agent');
    return c.json(await saveRadianSettings(agent.db, radianOf(agent).box(), c.get('company'), c.req.valid('json'), c.get('actor').name, agent.clock));
  })
  .put('/certificate', validate('json', certificateInput), async (c) => {
    const agent = c.get('agent');
    const { p12, password } = c.req.valid('json');
    return c.json(await saveCertificate(agent.db, radianOf(agent).box(), c.get('company'), Buffer.from(p12, 'base64'), password, c.get('actor').name, agent.clock));
  })
  .delete('/certificate', async (c) => {
    if (!(await removeCertificate(c.get('agent').db, c.get('company').id))) throw new NotFoundError('Esta empresa no tiene certificado guardado.', 'CERTIFICATE_MISSING');
    return c.json({ removed: true as const });
  })
  .get('/missing', validate('query', z.object(pageParams)), async (c) => {
    const { limit, offset } = c.req.valid('query');
    return c.json(await pageMissingConfirmations(c.get('agent').db, c.get('company').id, parsePage('missingConfirmations', { limit, offset })));
  })
  .get('/bills/:id', async (c) => {
    const agent = c.get('agent');
    const bill = await agent.db.selectFrom('bill').selectAll().where('companyId', '=', c.get('company').id).where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!bill) throw new NotFoundError(`No existe la factura registrada ${c.req.param('id')}.`);
    return c.json(await billRadianState(agent.db, bill, agent.clock.now()));
  })
  // A person's decision: send one event about the bill (Aceptar = 033, Reclamar = 031 with its reason, or 030/032
  // by hand). The answer is the event as it stands (accepted, rejected with DIAN's reason, or pending with why).
  // 033 and 031 bind the company: they need `decide` (a contador or administrador), 030/032 only the route's `review`.
  .post('/bills/:id/events', validate('json', eventInput), async (c) => {
    const agent = c.get('agent');
    const { code, reason } = c.req.valid('json');
    requirePermission(c, EVENT_PERMISSIONS[code]);
    const event = await radianOf(agent).sendEvent(c.get('company').id, c.req.param('id'), code, c.get('actor'), reason);
    return c.json(event);
  })
  /** The signed event exactly as sent (for the accountant or an auditor). */
  .get('/events/:id/xml', async (c) => {
    const row = await c.get('agent').db.selectFrom('radianEvent').select(['xml', 'number']).where('companyId', '=', c.get('company').id).where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!row) throw new NotFoundError(`No existe el evento ${c.req.param('id')}.`);
    return c.body(row.xml, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': `attachment; filename="${row.number}.xml"` });
  });
