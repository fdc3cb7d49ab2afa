import { Hono } from 'hono';
import { z } from 'zod';
import { DOCUMENT_STATUSES, type DocumentStatus } from '#shared/inbox';
import { getDocumentOrThrow, listDocuments } from '../../agent/inbox-documents';
import { registerDocument } from '../../agent/register-document';
import { ConflictError } from '../../errors';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const listQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(DOCUMENT_STATUSES as [DocumentStatus, ...DocumentStatus[]])).optional()),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** The reception inbox: every document received, by status, with its reason when it was not registered. */
export const documentRoutes = new Hono<ApiEnv>()
  .get('/', validate('query', listQuery), async (c) => {
    const { status, limit, offset } = c.req.valid('query');
    return c.json(await listDocuments(c.get('agent').db, c.get('company').id, { ...(status ? { status } : {}), ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) }));
  })
  .get('/:id', async (c) => c.json(await getDocumentOrThrow(c.get('agent').db, c.get('company').id, c.req.param('id'))))
  // A person may register by hand what the agent must not register by itself (arrived while paused…).
  .post('/:id/register', async (c) => {
    const agent = c.get('agent');
    const document = await getDocumentOrThrow(agent.db, c.get('company').id, c.req.param('id'));
    if (document.authenticity?.mayBeAltered) {
      throw new ConflictError(`Este documento puede haber sido alterado y no se registra, ni siquiera a mano: ${document.authenticity.reason} Pídele al proveedor que te envíe de nuevo el original.`, 'POSSIBLY_ALTERED');
    }
    const outcome = await registerDocument(agent.deps, document.id, { manual: true });
    if (outcome.status === 'skipped') throw new ConflictError(`El documento está «${document.status}» y no se puede registrar${document.reason ? `: ${document.reason}` : ''}.`);
    return c.json({ outcome, document: await getDocumentOrThrow(agent.db, c.get('company').id, document.id) });
  });
