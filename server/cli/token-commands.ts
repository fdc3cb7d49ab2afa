import { Command } from 'commander';
import { bogotaDate } from '#shared/bogota-time';
import { createPersonalToken, DEFAULT_TOKEN_DAYS, hasActiveToken, listTokens, MAX_TOKEN_DAYS, parseExpiry, revokeToken, revokeTokensOf, rotateToken } from '../api/tokens';
import { InputError } from '../errors';
import { ROLES } from '../users/permissions';
import { companiesOf, createUser, findCompanyByRefOrThrow, findUserOrThrow, grantRole, listUsers, revokeAllRoles, revokeRole, rolesOf, usersOfCompany } from '../users/users';
import { cliActor, printJson, withDatabase, type GlobalOptions } from './context';
import { systemClock } from '../agent/clock';

/**
 * `agente token`: without a subcommand, a new installation token for the first administrator (what the README's
 * first steps use; it revokes only the earlier installation tokens). `create`, `list`, `revoke`: personal tokens.
 */
export function tokenCommand(global: () => GlobalOptions): Command {
  const command = new Command('token')
    .description('Tokens de la API. Sin subcomando: genera un token nuevo del primer administrador (revoca sus tokens de instalación anteriores). create, list y revoke: tokens personales que vencen.')
    .option('--label <nombre>', 'para qué es el token (por defecto «extensión», o «personal» con create)')
    .action((flags: { label?: string }) =>
      withDatabase(global(), async (db) => {
        const replaced = await hasActiveToken(db, systemClock);
        const token = await rotateToken(db, flags.label ?? 'extensión', systemClock);
        process.stdout.write(`${token}\n`);
        process.stderr.write(`Token del primer administrador (usuario «administrador»). ${replaced ? 'Sus tokens de instalación anteriores quedaron revocados; los tokens personales siguen vigentes. ' : ''}Guárdalo: no se volverá a mostrar.\n`);
      }),
    );
  command
    .command('create')
    .description(`Crea un token personal para una persona; vence en ${DEFAULT_TOKEN_DAYS} días si no se indica otra cosa. Se muestra una sola vez.`)
    .requiredOption('--user <usuario>', 'dueño del token (ver `agente users list`)')
    .option('--expires <vencimiento>', `días (90d) o una fecha AAAA-MM-DD, hasta ${MAX_TOKEN_DAYS} días`, `${DEFAULT_TOKEN_DAYS}d`)
    .action((flags: { user: string; expires: string }) =>
      withDatabase(global(), async (db) => {
        const label = command.opts<{ label?: string }>().label ?? 'personal';
        const user = await findUserOrThrow(db, flags.user);
        const expiresAt = parseExpiry(flags.expires, systemClock.now());
        const created = await createPersonalToken(db, { user, label, expiresAt }, cliActor(), systemClock);
        process.stdout.write(`${created.token}\n`);
        process.stderr.write(`Token ${created.id} de ${user.login}: vale hasta el ${bogotaDate(new Date(created.expiresAt.valueOf()))} (incluido, hora de Bogotá). Guárdalo: no se volverá a mostrar. Para revocarlo: npx agente token revoke ${created.id}\n`);
      }),
    );
  command
    .command('list')
    .description('Tokens (nunca el token mismo), los más nuevos primero, en JSON: id, dueño, vencimiento, último uso, si está activo.')
    .option('--user <usuario>', 'solo los de esta persona')
    .action((flags: { user?: string }) =>
      withDatabase(global(), async (db) => {
        const user = flags.user ? await findUserOrThrow(db, flags.user) : undefined;
        printJson(await listTokens(db, systemClock, user ? { userId: user.id } : {}));
      }),
    );
  command
    .command('revoke')
    .description('Revoca un token por su id (ver `agente token list`): deja de funcionar de inmediato.')
    .argument('<id>', 'id del token')
    .action((id: string) => withDatabase(global(), async (db) => printJson(await revokeToken(db, id, cliActor(), systemClock))));
  return command;
}

/** `agente users add|list|grant|revoke`: the people of an office and their role in each company. */
export function usersCommand(global: () => GlobalOptions): Command {
  const command = new Command('users').description('Personas que usan el agente y su rol en cada empresa (administrador, contador, auxiliar).');
  command
    .command('add')
    .description('Crea una persona. Con --empresa y --rol le da además un rol; después, su token: `agente token create --user <usuario>`.')
    .argument('<usuario>', 'nombre de usuario (letras, números, punto, guion; por ejemplo ana.gomez)')
    .option('--nombre <nombre>', 'nombre para el saludo y el registro de auditoría («Ana Gómez»)')
    .option('--administrador-general', 'administrador de todas las empresas, también de las que se creen después')
    .option('--empresa <nit|id>', 'empresa en la que trabaja')
    .option('--rol <rol>', `su rol en esa empresa: ${ROLES.join(', ')}`)
    .action((login: string, flags: { nombre?: string; administradorGeneral?: boolean; empresa?: string; rol?: string }) =>
      withDatabase(global(), async (db) => {
        if (Boolean(flags.empresa) !== Boolean(flags.rol)) throw new InputError('Indica --empresa y --rol juntos (o ninguno de los dos).');
        // Check the company before creating anyone, so a typo does not leave a person half set up.
        const company = flags.empresa ? await findCompanyByRefOrThrow(db, flags.empresa) : undefined;
        const user = await createUser(db, { login, displayName: flags.nombre ?? null, generalAdmin: flags.administradorGeneral === true }, cliActor(), systemClock);
        if (company && flags.rol) await grantRole(db, user, company.id, flags.rol, cliActor(), systemClock);
        printJson({ ...user, roles: await rolesOf(db, user) });
      }),
    );
  command
    .command('list')
    .description('Personas con sus roles por empresa, en JSON. Con --empresa: solo quienes trabajan en ella.')
    .option('--empresa <nit|id>', 'solo las personas de esta empresa')
    .action((flags: { empresa?: string }) =>
      withDatabase(global(), async (db) => {
        if (flags.empresa) {
          const company = await findCompanyByRefOrThrow(db, flags.empresa);
          printJson(await usersOfCompany(db, company.id));
          return;
        }
        const users = await listUsers(db);
        const now = systemClock.now();
        const out = [];
        for (const user of users) {
          const tokens = await listTokens(db, { now: () => now }, { userId: user.id });
          out.push({ ...user, roles: await rolesOf(db, user), activeTokens: tokens.filter((t) => t.active).length });
        }
        printJson(out);
      }),
    );
  command
    .command('grant')
    .description('Da (o cambia) el rol de una persona en una empresa.')
    .argument('<usuario>', 'la persona')
    .requiredOption('--empresa <nit|id>', 'la empresa')
    .requiredOption('--rol <rol>', ROLES.join(', '))
    .action((login: string, flags: { empresa: string; rol: string }) =>
      withDatabase(global(), async (db) => {
        const user = await findUserOrThrow(db, login);
        const company = await findCompanyByRefOrThrow(db, flags.empresa);
        printJson({ ...(await grantRole(db, user, company.id, flags.rol, cliActor(), systemClock)), company: company.name, nit: company.nit });
      }),
    );
  command
    .command('revoke')
    .description('Quita el rol de una persona en una empresa; con --todas, todos sus roles y todos sus tokens (alguien que se va de la oficina).')
    .argument('<usuario>', 'la persona')
    .option('--empresa <nit|id>', 'la empresa')
    .option('--todas', 'todas las empresas, y revoca sus tokens')
    .action((login: string, flags: { empresa?: string; todas?: boolean }) =>
      withDatabase(global(), async (db) => {
        const user = await findUserOrThrow(db, login);
        if (flags.todas) {
          const roles = await revokeAllRoles(db, user, cliActor(), systemClock);
          const tokens = await revokeTokensOf(db, user, systemClock);
          if (user.generalAdmin) process.stderr.write(`${user.login} es administrador general: sigue siéndolo de todas las empresas hasta que otro lo cambie; sus tokens quedaron revocados.\n`);
          printJson({ login: user.login, rolesRemoved: roles, tokensRevoked: tokens, companies: (await companiesOf(db, user)).length });
          return;
        }
        if (!flags.empresa) throw new InputError('Indica la empresa (--empresa <nit>) o --todas.');
        const company = await findCompanyByRefOrThrow(db, flags.empresa);
        const removed = await revokeRole(db, user, company.id, cliActor(), systemClock);
        if (!removed) throw new InputError(`${user.login} no tenía un rol propio en ${company.name}${user.generalAdmin ? ' (es administrador general: lo es de todas)' : ''}.`);
        printJson({ login: user.login, company: company.name, nit: company.nit, removed });
      }),
    );
  return command;
}
