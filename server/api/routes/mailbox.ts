import { Hono } from 'hono';
import { z } from 'zod';
import type { Agent } from '../../agent/agent';
import { InputError, NotFoundError } from '../../errors';
import { SecretBox } from '../../secrets/secret-box';
import { testMailboxConnection } from '../../sources/imap-client';
import { assertSameDestination, assertSecurityAllowed, getMailboxViewOrThrow, loadMailboxCredentials, mailboxInput, openPassword, removeMailboxConfig, saveMailboxConfig, type MailboxSettings } from '../../sources/mailbox-config';
import { mailboxManagerOf } from '../../sources/mailbox-manager';
import { getMailboxMessageRaw, MAILBOX_MESSAGE_STATUSES, pageMailboxMessages } from '../../sources/mailbox-messages';
import { pageParams, parsePage } from '../../agent/pagination';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

/** The box of the running server (same key), else the one the environment configures. */
function boxFor(agent: Agent): SecretBox {
  return mailboxManagerOf(agent)?.box() ?? SecretBox.fromEnv();
}

/** Like the PUT body, every field optional and without defaults: what is missing comes from the stored mailbox. */
const testInput = z
  .object({
    host: z.string().trim().min(1).max(255).optional(),
    port: z.coerce.number().int().min(1).max(65535).optional(),
    security: z.enum(['tls', 'starttls', 'none']).optional(),
    user: z.string().trim().min(1).max(320).optional(),
    password: z.string().min(1).max(1024).optional(),
    folder: z.string().trim().min(1).max(255).optional(),
  })
  .default({});

/**
 * The company's reception mailbox (IMAP). The password goes in on PUT and never comes out: responses only say
 * `hasPassword: true`. Changes apply to the running watcher at once.
 */
export const mailboxRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => {
    const agent = c.get('agent');
    return c.json(await getMailboxViewOrThrow(agent.db, c.get('company').id, { now: agent.clock.now(), floodThreshold: agent.intake.floodThreshold }));
  })
  .put('/', validate('json', mailboxInput), async (c) => {
    const agent = c.get('agent');
    const view = await saveMailboxConfig(agent.db, boxFor(agent), c.get('company').id, c.req.valid('json'), agent.clock);
    await mailboxManagerOf(agent)?.reload();
    return c.json(view);
  })
  .delete('/', async (c) => {
    const agent = c.get('agent');
    if (!(await removeMailboxConfig(agent.db, c.get('company').id))) throw new NotFoundError('Esta empresa no tiene buzón de correo configurado.', 'MAILBOX_NOT_CONFIGURED');
    await mailboxManagerOf(agent)?.reload();
    return c.json({ removed: true as const });
  })
  /** Tries the stored settings, or the ones sent (a form not saved yet; the stored password fills a missing one). */
  .post('/test', validate('json', testInput), async (c) => {
    const agent = c.get('agent');
    const input = c.req.valid('json');
    const stored = await loadMailboxCredentials(agent.db, c.get('company').id);
    if (!input.host && !stored) throw new NotFoundError('Esta empresa no tiene buzón de correo configurado.', 'MAILBOX_NOT_CONFIGURED');
    const security = input.security ?? stored?.settings.security ?? 'tls';
    const settings: MailboxSettings = {
      host: input.host ?? stored!.settings.host,
      port: input.port ?? (input.host ? (security === 'tls' ? 993 : 143) : stored!.settings.port),
      security,
      user: input.user ?? stored?.settings.user ?? '',
      folder: input.folder ?? stored?.settings.folder ?? 'INBOX',
      enabled: true,
    };
    assertSecurityAllowed(settings);
    // The stored password is only lent to the server and user it was saved for.
    if (!input.password && stored) assertSameDestination(stored.settings, settings);
    if (!input.password && !stored) throw new InputError('Falta la contraseña del buzón (o la contraseña de aplicación).', 'MAILBOX_PASSWORD_REQUIRED');
    const password = input.password ?? openPassword(boxFor(agent), stored!.passwordSealed);
    return c.json(await testMailboxConnection(settings, password));
  })
  .get('/messages', validate('query', z.object({ ...pageParams, status: z.enum(MAILBOX_MESSAGE_STATUSES).optional() })), async (c) => {
    const { limit, offset, status } = c.req.valid('query');
    return c.json(await pageMailboxMessages(c.get('agent').db, c.get('company').id, status ? { status } : {}, parsePage('mailboxMessages', { limit, offset })));
  })
  /** The message exactly as it was received (an .eml), for the accountant or an auditor. */
  .get('/messages/:id/raw', async (c) => {
    const raw = await getMailboxMessageRaw(c.get('agent').db, c.get('company').id, c.req.param('id'));
    return c.body(raw as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="mensaje-${c.req.param('id')}.eml"` });
  });
