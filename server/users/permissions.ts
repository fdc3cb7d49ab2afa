import type { RadianCode } from '#shared/radian';

/**
 * Who may do what, in one table. The API's access guard (server/api/access.ts) looks every request up here; no
 * route checks a role by itself. An accountant's view: the auxiliar works the books (verifies and corrects lines,
 * registers by hand, uploads, sends the RADIAN receipts 030/032); the contador also takes the company's legal
 * decisions before DIAN (accepts or claims an invoice: events 033 and 031) and decides how the agent works for the
 * company (switches it on and off, settings, connections, imports); the administrador also decides who works on it.
 */

export const ROLES = ['administrador', 'contador', 'auxiliar'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export type Permission =
  /** Any person with a valid token; no company involved (the list of their companies). */
  | 'session'
  /** See the company's books, inbox, summaries, settings (never secrets). */
  | 'read'
  /** Verify and correct lines, register by hand, upload documents, send a bill to Alegra again, send RADIAN 030/032. */
  | 'review'
  /** Accept (033) or claim (031) an invoice before DIAN: a legal act that binds the company. */
  | 'decide'
  /** Activate, pause, resume the agent. */
  | 'switch'
  /** The company's settings, trusted suppliers, suppliers' tax profile. */
  | 'settings'
  /** Mailbox, Alegra connection and sync (which may adopt Alegra's chart of accounts). */
  | 'connections'
  /** Who works on the company, with which role. */
  | 'users'
  /** What touches every company: creating companies, the UVT of a year and re-computing its bills. */
  | 'general';

/** What each permission lets a person do, in the words of the 403 message. */
export const PERMISSION_WORDS: Record<Permission, string> = {
  session: 'usar el agente',
  read: 'ver los libros de la empresa',
  review: 'verificar o corregir facturas y registrar documentos',
  decide: 'aceptar o reclamar facturas ante la DIAN',
  switch: 'activar o pausar el agente',
  settings: 'cambiar la configuración de la empresa',
  connections: 'cambiar el buzón de correo o la conexión con Alegra',
  users: 'dar o quitar acceso a la empresa',
  general: 'crear empresas o cambiar reglas que afectan a todas las empresas (la UVT del año, el recálculo)',
};

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  auxiliar: ['read', 'review'],
  contador: ['read', 'review', 'decide', 'switch', 'settings', 'connections'],
  administrador: ['read', 'review', 'decide', 'switch', 'settings', 'connections', 'users'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Every route of `/api/v1` (paths relative to it) and what it needs. A route missing here answers 404 to everyone:
 * a new route is closed until someone decides who may use it (test/api/access.test.ts checks that every route the
 * app serves is listed).
 */
export const ROUTE_PERMISSIONS: readonly (readonly [Method, string, Permission])[] = [
  ['GET', '/companies', 'session'],
  ['POST', '/companies', 'general'],

  ['GET', '/me', 'read'],
  ['PUT', '/me/trusted-suppliers', 'settings'],

  ['GET', '/agent', 'read'],
  ['GET', '/agent/events', 'read'],
  ['POST', '/agent/activate', 'switch'],
  ['POST', '/agent/pause', 'switch'],
  ['POST', '/agent/resume', 'switch'],

  ['GET', '/summary', 'read'],
  ['GET', '/summary/today', 'read'],

  ['GET', '/documents', 'read'],
  ['GET', '/documents/:id', 'read'],
  ['POST', '/documents/:id/register', 'review'],
  ['POST', '/uploads', 'review'],

  ['GET', '/bills', 'read'],
  ['GET', '/bills/:id', 'read'],
  ['PATCH', '/bills/:id/lines/:lineId', 'review'],

  ['GET', '/suppliers', 'read'],
  ['PATCH', '/suppliers/:nit', 'settings'],

  ['GET', '/rules', 'read'],
  ['GET', '/rules/events', 'read'],
  ['PUT', '/rules/uvt/:year', 'general'],
  ['POST', '/rules/recompute/:year', 'general'],

  ['GET', '/company', 'read'],
  ['PATCH', '/company', 'settings'],
  ['GET', '/accounts', 'read'],

  ['GET', '/alegra/status', 'read'],
  ['GET', '/alegra/bills/:id', 'read'],
  ['POST', '/alegra/bills/:id/push', 'review'],
  ['POST', '/alegra/connect', 'connections'],
  ['POST', '/alegra/test', 'connections'],
  ['POST', '/alegra/sync', 'connections'],
  ['POST', '/alegra/disconnect', 'connections'],

  ['GET', '/mailbox', 'read'],
  ['GET', '/mailbox/messages', 'read'],
  ['GET', '/mailbox/messages/:id/raw', 'read'],
  ['PUT', '/mailbox', 'connections'],
  ['DELETE', '/mailbox', 'connections'],
  ['POST', '/mailbox/test', 'connections'],

  // The buyer's RADIAN events. The software PIN, the certificate and the SMTP server are connections. Sending an
  // event is one route: 030/032 by hand are daily work on the books (`review`, checked here); «Aceptar» 033 and
  // «Reclamar» 031 also need EVENT_PERMISSIONS below (the route asks the guard's `requirePermission` for them).
  ['GET', '/radian/settings', 'read'],
  ['PUT', '/radian/settings', 'connections'],
  ['PUT', '/radian/certificate', 'connections'],
  ['DELETE', '/radian/certificate', 'connections'],
  ['GET', '/radian/missing', 'read'],
  ['GET', '/radian/bills/:id', 'read'],
  ['POST', '/radian/bills/:id/events', 'review'],
  ['GET', '/radian/events/:id/xml', 'read'],

  ['GET', '/audit', 'read'],
  ['GET', '/users', 'users'],
  ['PUT', '/users/:login/role', 'users'],
  ['DELETE', '/users/:login/role', 'users'],
];

/** What sending each RADIAN event needs, on top of its route's permission. */
export const EVENT_PERMISSIONS: Record<RadianCode, Permission> = {
  '030': 'review',
  '032': 'review',
  '031': 'decide',
  '033': 'decide',
};

/** Writes under these permissions leave an `settings_changed` entry in the audit trail (who, which route, which fields). */
export const AUDITED_PERMISSIONS: ReadonlySet<Permission> = new Set(['settings', 'connections', 'general']);

const COMPILED = ROUTE_PERMISSIONS.map(([method, path, permission]) => ({
  method,
  path,
  permission,
  pattern: new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
}));

/** The permission a request needs, or undefined when no such route exists. HEAD is a GET. */
export function permissionFor(method: string, path: string): { permission: Permission; route: string } | undefined {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const found = COMPILED.find((entry) => entry.method === wanted && entry.pattern.test(path));
  return found && { permission: found.permission, route: `${found.method} ${found.path}` };
}
