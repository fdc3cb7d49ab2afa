import { Hono } from 'hono';
import { z } from 'zod';
import { DOCUMENT_STATUSES, type DocumentStatus } from '#shared/inbox';
import { getDocumentOrThrow, pageDocuments } from '../../agent/inbox-documents';
import { pageParams, parsePage } from '../../agent/pagination';
import { registerByHand } from '../../agent/manual-registration';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const listQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(DOCUMENT_STATUSES as [DocumentStatus, ...DocumentStatus[]])).optional()),
  ...pageParams,
});

/** The reception inbox: every document received, by status, with its reason when it was not registered. */
export const documentRoutes = new Hono<ApiEnv>()
  .get('/', validate('query', listQuery), async (c) => {
    const { status, limit, offset } = c.req.valid('query');
    return c.json(await pageDocuments(c.get('agent').db, c.get('company').id, status ? { status } : {}, parsePage('documents', { limit, offset })));
  })
  .get('/:id', async (c) => c.json(await getDocumentOrThrow(c.get('agent').db, c.get('company').id, c.req.param('id'))))
  // A person may register by hand what the agent must not register by itself (arrived while paused…).
  .post('/:id/register', async (c) => c.json(await registerByHand(c.get('agent').deps, c.get('company').id, c.req.param('id'), c.get('actor'))));
