import type { Context, MiddlewareHandler } from 'hono';
import type { Agent } from '../agent/agent';
import { ForbiddenError, UnauthorizedError } from '../errors';
import type { Actor } from '../users/actor';
import { recordAudit } from '../users/audit';
import { AUDITED_PERMISSIONS, PERMISSION_WORDS, permissionFor, roleAllows, type Permission, type Role } from '../users/permissions';
import { resolveCompanyForUser, type User } from '../users/users';
import type { ApiEnv } from './env';
import { authenticate } from './tokens';

const INVALID =
  'Token inválido o ausente: copia el token que mostró el agente la primera vez que arrancó, o pide uno personal (`npx agente token create --user …`); `npx agente token` genera otro para el primer administrador y revoca los anteriores de la instalación.';

/**
 * The one place that decides who may do what on the API (`/api/v1/*` but `/health`):
 * 1. the bearer token names a person (401 when missing, unknown, expired or revoked, in Spanish);
 * 2. the route's permission comes from ROUTE_PERMISSIONS (a route not listed there is answered 404);
 * 3. the company (`X-Empresa`, NIT or id; else the person's only one) must be one of the person's: otherwise the
 *    same 403 whether it exists or not;
 * 4. the person's role there must grant the permission (403 saying what the role does not allow);
 * 5. after a successful change of settings or connections, the audit trail records who, which route, which fields.
 * Routes then read `user`, `company`, `role` and `actor` from the context.
 */
export function accessGuard(agent: Agent, prefix: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw new UnauthorizedError(INVALID);
    const auth = await authenticate(agent.db, token, agent.clock);
    if (!auth.ok) {
      if (auth.reason === 'expired') throw new UnauthorizedError(`Tu token venció el ${day(auth.at)}: pide uno nuevo a un administrador de la oficina (\`npx agente token create --user …\`).`, 'TOKEN_EXPIRED');
      if (auth.reason === 'revoked') {
        // The installation token is replaced by whoever runs the agent; a personal one, by an administrator.
        const next = auth.kind === 'installation' ? 'copia el nuevo, o genera otro en la carpeta del agente con `npx agente token`' : 'pide uno nuevo a un administrador de la oficina (`npx agente token create --user …`)';
        throw new UnauthorizedError(`Este token fue revocado el ${day(auth.at)}: ${next}.`, 'TOKEN_REVOKED');
      }
      throw new UnauthorizedError(INVALID);
    }
    const user = auth.user;
    const path = c.req.path.slice(prefix.length) || '/';
    const needed = permissionFor(c.req.method, path);
    if (!needed) return c.json({ error: { code: 'NOT_FOUND', message: `No existe la ruta ${c.req.method} ${c.req.path}.` } }, 404);
    c.set('agent', agent);
    c.set('user', user);
    c.set('actor', actorOf(user, c));

    if (needed.permission === 'session') return next();
    if (needed.permission === 'general') {
      // Installation-wide: no company is chosen, and only a general administrator may.
      if (!user.generalAdmin) throw new ForbiddenError(`Solo un administrador general de la oficina puede ${PERMISSION_WORDS.general}.`);
    } else {
      const { company, role } = await resolveCompanyForUser(agent.db, user, c.req.header('x-empresa'));
      refuseUnless(company.name, role, needed.permission);
      c.set('company', company);
      c.set('role', role);
    }
    await next();
    if (AUDITED_PERMISSIONS.has(needed.permission) && c.req.method !== 'GET' && c.res.status < 400) {
      await recordAudit(agent.db, { companyId: c.get('company')?.id ?? null, type: 'settings_changed', details: { route: needed.route, fields: await fieldsOf(c) }, actor: c.get('actor'), at: agent.clock.now() });
    }
  };
}

/**
 * For a route whose request decides what it needs beyond the route's own permission (a RADIAN event: 033/031 need
 * `decide`, see EVENT_PERMISSIONS): the same 403 as the guard's.
 */
export function requirePermission(c: Context<ApiEnv>, permission: Permission): void {
  refuseUnless(c.get('company').name, c.get('role'), permission);
}

function refuseUnless(companyName: string, role: Role, permission: Permission): void {
  if (roleAllows(role, permission)) return;
  throw new ForbiddenError(`Tu rol en ${companyName} es ${role}: no te permite ${PERMISSION_WORDS[permission]}. Pídeselo a ${permission === 'users' ? 'un administrador' : 'un contador o administrador'} de la empresa.`);
}

/**
 * The person, by the name they were given; a person without one (the first administrator) by the name the panel
 * sends (`X-Usuario`, the company's «¿Cómo te llamas?»), else their login.
 */
function actorOf(user: User, c: Context<ApiEnv>): Actor {
  return { id: user.id, name: user.displayName ?? (decodeHeader(c.req.header('x-usuario')) || user.login) };
}

/** The names of the fields a JSON body changed, never their values (passwords and tokens go through here). */
async function fieldsOf(c: Context<ApiEnv>): Promise<string[]> {
  if (!(c.req.header('content-type') ?? '').includes('json')) return [];
  try {
    const body = (await c.req.json()) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).sort() : [];
  } catch {
    return [];
  }
}

function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : 'antes';
}

/** `X-Usuario` may carry accents, percent-encoded by the extension. */
function decodeHeader(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value).slice(0, 120);
  } catch {
    return value.slice(0, 120);
  }
}
