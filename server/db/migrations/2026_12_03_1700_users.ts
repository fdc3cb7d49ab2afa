import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Issue #15, users and access for an office: people with a role per company, personal API tokens that expire, and
 * an audit trail that names the person. Additive and portable (text ids, ISO text timestamps, integer flags), so it
 * runs the same on SQLite and PostgreSQL. Frozen in time: never import application code here.
 *
 * An existing installation keeps working: its installation tokens become the first administrator's (an
 * administrador of every company), so the extension already connected is not locked out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // `user` is a reserved word in PostgreSQL: the table is `app_user`.
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What a person types in `agente users grant <usuario>`: lower case, unique.
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    // Administrador of every company, present and future; creates companies and enters installation-wide rules.
    .addColumn('general_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_company_role')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_company_role_pk', ['user_id', 'company_id'])
    .execute();
  await db.schema.createIndex('user_company_role_company').on('user_company_role').column('company_id').execute();

  // Tokens belong to a person and may expire; `kind` tells the installation token (`agente token`, first start)
  // from personal ones (`agente token create --user …`).
  await db.schema.alterTable('api_token').addColumn('user_id', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('kind', 'text', (c) => c.notNull().defaultTo('personal')).execute();
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();

  // Who acted, as a user id beside the name already kept in `actor` (null: the console, the agent itself).
  await db.schema.alterTable('agent_event').addColumn('actor_id', 'text').execute();
  await db.schema.alterTable('line_correction').addColumn('actor_id', 'text').execute();
  await db.schema.alterTable('rules_event').addColumn('actor_id', 'text').execute();

  // What had no trail before: manual registrations, settings and connection changes, users and tokens.
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actor_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_company_at').on('audit_event').columns(['company_id', 'at']).execute();

  // Only ids are read: the application's CamelCasePlugin may be on this connection, and would rename other columns.
  const tokens = await db.selectFrom('api_token').select('id').execute();
  if (tokens.length > 0) {
    const adminId = randomUUID();
    await db.insertInto('app_user').values({ id: adminId, login: 'administrador', display_name: null, general_admin: 1, created_at: new Date().toISOString() }).execute();
    await db.updateTable('api_token').set({ user_id: adminId, kind: 'installation' }).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  await db.schema.alterTable('rules_event').dropColumn('actor_id').execute();
  await db.schema.alterTable('line_correction').dropColumn('actor_id').execute();
  await db.schema.alterTable('agent_event').dropColumn('actor_id').execute();
  await db.schema.dropIndex('api_token_user').execute();
  await db.schema.alterTable('api_token').dropColumn('kind').execute();
  await db.schema.alterTable('api_token').dropColumn('expires_at').execute();
  await db.schema.alterTable('api_token').dropColumn('user_id').execute();
  await db.schema.dropTable('user_company_role').execute();
  await db.schema.dropTable('app_user').execute();
}
