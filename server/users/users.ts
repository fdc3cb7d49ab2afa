import { randomUUID } from 'node:crypto';
import type { CompanyProfile } from '#shared/company';
import { normalizeNit } from '#shared/nit';
import type { Clock } from '../agent/clock';
import { findCompanyByNit, getCompanyOrThrow, listCompanies } from '../companies/companies';
import type { Db } from '../db/database';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../errors';
import { actorName, type ActorLike } from './actor';
import { recordAudit } from './audit';
import { isRole, ROLES, type Role } from './permissions';

/** A person who uses the agent. */
export interface User {
  id: string;
  login: string;
  /** The name people read («Hola, Ana»); null when it was never given (the first administrator). */
  displayName: string | null;
  /** Administrador of every company, present and future. */
  generalAdmin: boolean;
  createdAt: string;
}

export interface UserRole {
  companyId: string;
  nit: string;
  company: string;
  role: Role;
}

/** The login the first start creates (and the migration gives an existing installation's tokens). */
export const FIRST_ADMIN_LOGIN = 'administrador';

/**
 * The same answer for a company that does not exist, one the person does not cover, and an id that is not an id:
 * a person must not learn which NITs the office keeps by trying them.
 */
export const COMPANY_FORBIDDEN_MESSAGE = 'No tienes acceso a esa empresa. Si debes trabajar en ella, pídele acceso a un administrador de la oficina.';

export function companyForbidden(): ForbiddenError {
  return new ForbiddenError(COMPANY_FORBIDDEN_MESSAGE, 'COMPANY_FORBIDDEN');
}

/** `Ana.Gómez ` → `ana.gómez`: logins compare without case. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export async function createUser(db: Db, input: { login: string; displayName?: string | null; generalAdmin?: boolean }, actor: ActorLike, clock: Clock): Promise<User> {
  const login = normalizeLogin(input.login);
  if (!/^[\p{L}\p{N}._@-]{2,60}$/u.test(login)) throw new InputError(`«${input.login}» no sirve como usuario: usa de 2 a 60 letras, números, punto, guion o @ (por ejemplo ana.gomez).`);
  if (await findUser(db, login)) throw new ConflictError(`Ya existe el usuario ${login}.`);
  const user: User = { id: randomUUID(), login, displayName: input.displayName?.trim() || null, generalAdmin: input.generalAdmin === true, createdAt: clock.now().toISOString() };
  await db.insertInto('appUser').values({ id: user.id, login, displayName: user.displayName, generalAdmin: user.generalAdmin ? 1 : 0, createdAt: user.createdAt }).execute();
  await recordAudit(db, { companyId: null, type: 'user_created', details: { userId: user.id, login, generalAdmin: user.generalAdmin }, actor, at: clock.now() });
  return user;
}

/**
 * The first administrator (an administrador of every company): the one the first start prints a token for, and
 * whose are the installation tokens. Created when missing; two processes starting at once create one.
 */
export async function ensureFirstAdministrator(db: Db, clock: Clock): Promise<User> {
  const existing = await firstAdministrator(db);
  if (existing) return existing;
  await db
    .insertInto('appUser')
    .values({ id: randomUUID(), login: FIRST_ADMIN_LOGIN, displayName: null, generalAdmin: 1, createdAt: clock.now().toISOString() })
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
  const created = await firstAdministrator(db);
  if (created) return created;
  // Someone named a person «administrador» without making them a general administrator: never promote them silently.
  throw new ConflictError(`Ya existe un usuario «${FIRST_ADMIN_LOGIN}» que no es administrador general: créalo con \`npx agente users add <usuario> --administrador-general\`.`);
}

async function firstAdministrator(db: Db): Promise<User | undefined> {
  const row = await db.selectFrom('appUser').selectAll().where('generalAdmin', '=', 1).orderBy('createdAt').orderBy('login').executeTakeFirst();
  return row && toUser(row);
}

export async function findUser(db: Db, login: string): Promise<User | undefined> {
  const row = await db.selectFrom('appUser').selectAll().where('login', '=', normalizeLogin(login)).executeTakeFirst();
  return row && toUser(row);
}

export async function getUserById(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserOrThrow(db: Db, login: string): Promise<User> {
  const user = await findUser(db, login);
  if (!user) throw new NotFoundError(`No existe el usuario «${normalizeLogin(login)}»: créalo con \`npx agente users add ${normalizeLogin(login)} --nombre "…"\`.`, 'USER_NOT_FOUND');
  return user;
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.selectFrom('appUser').selectAll().orderBy('login').execute()).map(toUser);
}

/** The person's role in a company, or undefined when they do not cover it. */
export async function roleIn(db: Db, user: User, companyId: string): Promise<Role | undefined> {
  if (user.generalAdmin) return 'administrador';
  const row = await db.selectFrom('userCompanyRole').select('role').where('userId', '=', user.id).where('companyId', '=', companyId).executeTakeFirst();
  return row && isRole(row.role) ? row.role : undefined;
}

/** The companies the person works on, in creation order. */
export async function companiesOf(db: Db, user: User): Promise<CompanyProfile[]> {
  const all = await listCompanies(db);
  if (user.generalAdmin) return all;
  const granted = new Set((await db.selectFrom('userCompanyRole').select('companyId').where('userId', '=', user.id).execute()).map((r) => r.companyId));
  return all.filter((c) => granted.has(c.id));
}

/** Every role of the person (a general administrator is administrador of every company). */
export async function rolesOf(db: Db, user: User): Promise<UserRole[]> {
  if (user.generalAdmin) return (await listCompanies(db)).map((c) => ({ companyId: c.id, nit: c.nit, company: c.name, role: 'administrador' as const }));
  const rows = await db
    .selectFrom('userCompanyRole')
    .innerJoin('company', 'company.id', 'userCompanyRole.companyId')
    .select(['userCompanyRole.companyId', 'userCompanyRole.role', 'company.nit', 'company.name'])
    .where('userCompanyRole.userId', '=', user.id)
    .orderBy('company.createdAt')
    .execute();
  return rows.filter((r) => isRole(r.role)).map((r) => ({ companyId: r.companyId, nit: r.nit, company: r.name, role: r.role as Role }));
}

/** People who work on a company and their role there (general administrators included). */
export async function usersOfCompany(db: Db, companyId: string): Promise<(Pick<User, 'id' | 'login' | 'displayName' | 'generalAdmin'> & { role: Role })[]> {
  const users = await listUsers(db);
  const roles = new Map((await db.selectFrom('userCompanyRole').select(['userId', 'role']).where('companyId', '=', companyId).execute()).map((r) => [r.userId, r.role]));
  return users.flatMap((u) => {
    const role = u.generalAdmin ? 'administrador' : roles.get(u.id);
    return role && isRole(role) ? [{ id: u.id, login: u.login, displayName: u.displayName, generalAdmin: u.generalAdmin, role }] : [];
  });
}

export async function grantRole(db: Db, user: User, companyId: string, role: string, actor: ActorLike, clock: Clock): Promise<{ login: string; companyId: string; role: Role }> {
  if (!isRole(role)) throw new InputError(`El rol «${role}» no existe: usa ${ROLES.join(', ')}.`, 'INVALID_ROLE');
  const at = clock.now().toISOString();
  await db
    .insertInto('userCompanyRole')
    .values({ userId: user.id, companyId, role, grantedBy: actorName(actor), grantedAt: at })
    .onConflict((oc) => oc.columns(['userId', 'companyId']).doUpdateSet({ role, grantedBy: actorName(actor), grantedAt: at }))
    .execute();
  await recordAudit(db, { companyId, type: 'role_granted', details: { userId: user.id, login: user.login, role }, actor, at: clock.now() });
  return { login: user.login, companyId, role };
}

/** Takes the person's role in the company away; true when they had one. */
export async function revokeRole(db: Db, user: User, companyId: string, actor: ActorLike, clock: Clock): Promise<boolean> {
  const result = await db.deleteFrom('userCompanyRole').where('userId', '=', user.id).where('companyId', '=', companyId).executeTakeFirst();
  const removed = Number(result.numDeletedRows) > 0;
  if (removed) await recordAudit(db, { companyId, type: 'role_revoked', details: { userId: user.id, login: user.login }, actor, at: clock.now() });
  return removed;
}

/** Every role of the person, for someone who leaves the office (their tokens are revoked apart). */
export async function revokeAllRoles(db: Db, user: User, actor: ActorLike, clock: Clock): Promise<number> {
  const roles = await rolesOf(db, user);
  for (const role of roles) await revokeRole(db, user, role.companyId, actor, clock);
  return roles.length;
}

/** A company by NIT (with or without dots) or by id, for the CLI's `--empresa`. */
export async function findCompanyByRef(db: Db, ref: string): Promise<CompanyProfile | undefined> {
  const text = ref.trim();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return getCompanyOrThrow(db, text.toLowerCase()).catch(() => undefined);
  const nit = normalizeNit(text.split('-')[0] ?? '');
  if (!/^[\d.\s-]+$/.test(text) || !/^\d{5,15}$/.test(nit)) return undefined;
  return findCompanyByNit(db, nit);
}

export async function findCompanyByRefOrThrow(db: Db, ref: string): Promise<CompanyProfile> {
  const company = await findCompanyByRef(db, ref);
  if (!company) throw new NotFoundError(`No hay ninguna empresa con NIT o id «${ref}».`, 'COMPANY_NOT_FOUND');
  return company;
}

/**
 * The company a request is about, among the person's own: the one named (`X-Empresa`, NIT or id), else the only
 * one they cover. A company named that they do not cover, that does not exist, or a malformed reference all get the
 * same 403 (COMPANY_FORBIDDEN_MESSAGE).
 */
export async function resolveCompanyForUser(db: Db, user: User, ref: string | undefined): Promise<{ company: CompanyProfile; role: Role }> {
  if (ref !== undefined && ref.trim() !== '') {
    const company = await findCompanyByRef(db, ref);
    const role = company && (await roleIn(db, user, company.id));
    if (!company || !role) throw companyForbidden();
    return { company, role };
  }
  const mine = await companiesOf(db, user);
  if (mine.length === 1) return { company: mine[0]!, role: (await roleIn(db, user, mine[0]!.id))! };
  if (mine.length === 0) {
    if (user.generalAdmin) throw new ConflictError('Todavía no hay empresa configurada: créala desde el panel o con `npx agente company create --nit … --name … --user …`.', 'NO_COMPANY');
    throw new ForbiddenError('Tu usuario todavía no tiene acceso a ninguna empresa: pídele a un administrador de la oficina que te la asigne (`npx agente users grant …`).', 'NO_COMPANY_ACCESS');
  }
  throw new ConflictError(`Hay ${mine.length} empresas a las que tienes acceso: di cuál con su NIT (cabecera X-Empresa en la API, o elígela en las opciones de la extensión).`, 'COMPANY_REQUIRED');
}

function toUser(row: { id: string; login: string; displayName: string | null; generalAdmin: number; createdAt: string }): User {
  return { id: row.id, login: row.login, displayName: row.displayName, generalAdmin: row.generalAdmin === 1, createdAt: row.createdAt };
}
