import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Agent } from '../agent/agent';
import { DISK_FULL_MESSAGE, InputError, isDiskFull } from '../errors';
import type { ApiEnv, ApiErrorBody } from './env';
import { accountRoutes } from './routes/accounts';
import { agentRoutes } from './routes/agent';
import { alegraRoutes } from './routes/alegra';
import { billRoutes } from './routes/bills';
import { companyRoutes, companySettingsRoutes } from './routes/companies';
import { documentRoutes } from './routes/documents';
import { mailboxRoutes } from './routes/mailbox';
import { meRoutes } from './routes/me';
import { radianRoutes } from './routes/radian';
import { rulesRoutes } from './routes/rules';
import { summaryRoutes } from './routes/summary';
import { supplierRoutes } from './routes/suppliers';
import { uploadRoutes } from './routes/uploads';
import { accessGuard } from './access';
import { auditRoutes, userRoutes } from './routes/users';

export const API_VERSION = 'v1';

/** Origins allowed to call the API from a browser: the extension itself and Alegra's web app. */
const ALLOWED_ORIGINS = [/^chrome-extension:\/\/[a-p]{32}$/, /^moz-extension:\/\/[0-9a-f-]{36}$/, /^https:\/\/app\.alegra\.com$/];

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * The HTTP API the extension talks to, under `/api/v1`. Every route but `/health` needs `Authorization: Bearer
 * <token>` of a person, and the permission its role grants in the company (server/users/permissions.ts). Routes are chained so `AppType` carries every path, input and output to the typed client.
 */
export function createApp(agent: Agent) {
  const app = new Hono<ApiEnv>();

  // Chrome's Private Network Access preflight: must run before cors(), which answers OPTIONS itself.
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.req.header('Access-Control-Request-Private-Network')) c.header('Access-Control-Allow-Private-Network', 'true');
  });
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (origin && ALLOWED_ORIGINS.some((allowed) => allowed.test(origin)) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'X-Empresa', 'X-Usuario', 'X-Nombre-Archivo'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  );

  app.onError((error, c) => {
    if (error instanceof InputError) return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof HTTPException) {
      // Hono's own messages are English ("Malformed JSON in request body"): people read Spanish.
      if (error.status === 400 && /json/i.test(error.message)) return c.json(errorBody('INVALID_JSON', 'El cuerpo de la solicitud no es JSON válido.'), 400);
      return c.json(errorBody('HTTP_ERROR', error.status === 400 ? 'Solicitud inválida: revisa el formato del cuerpo.' : `La solicitud no se pudo atender (HTTP ${error.status}).`), error.status);
    }
    if (error instanceof SyntaxError) return c.json(errorBody('INVALID_JSON', 'El cuerpo de la solicitud no es JSON válido.'), 400);
    // Every write is a transaction: a full disk rolls it back whole. Say so, never a generic 500.
    if (isDiskFull(error)) return c.json(errorBody('DISK_FULL', DISK_FULL_MESSAGE), 507);
    console.error('Error no esperado en la API:', error);
    return c.json(errorBody('INTERNAL_ERROR', 'Error interno del agente. Revisa el registro del servidor.'), 500);
  });
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No existe la ruta ${c.req.method} ${c.req.path}.`), 404));

  // Who may do what is decided in one place: accessGuard (token → person → route's permission → company → role).
  const api = new Hono<ApiEnv>()
    .use(accessGuard(agent, `/api/${API_VERSION}`))
    .route('/companies', companyRoutes)
    .route('/me', meRoutes)
    .route('/agent', agentRoutes)
    .route('/summary', summaryRoutes)
    .route('/documents', documentRoutes)
    .route('/bills', billRoutes)
    .route('/suppliers', supplierRoutes)
    .route('/rules', rulesRoutes)
    .route('/company', companySettingsRoutes)
    .route('/accounts', accountRoutes)
    .route('/alegra', alegraRoutes)
    .route('/mailbox', mailboxRoutes)
    .route('/users', userRoutes)
    .route('/audit', auditRoutes)
    .route('/radian', radianRoutes)
    .use('/uploads', bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', 'El archivo supera los 25 MB permitidos.'), 413) }))
    .route('/uploads', uploadRoutes);

  return app.get(`/api/${API_VERSION}/health`, (c) => c.json({ ok: true as const, name: 'agente-de-gastos', api: API_VERSION })).route(`/api/${API_VERSION}`, api);
}

export type AppType = ReturnType<typeof createApp>;

function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}
