import { z } from 'zod';
import type { AutoSendSetting, DianEnvironmentName, ReceivingPerson, RadianSettingsView } from '#shared/radian';
import { normalizeNit } from '#shared/nit';
import type { Clock } from '../agent/clock';
import { fromJson, toJson, type Db } from '../db/database';
import type { RadianSettingsRow } from '../db/schema';
import { InputError, NotFoundError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';
import { getCertificateView } from './company-certificate';
import type { DianSoftware, SmtpSettings } from './ports';

/**
 * The company's RADIAN settings: its DIAN software (SoftwareID, PIN, environment), the person who receives goods
 * and services (IssuerParty/Person of 030/032), what the agent sends by itself, and the outgoing mail server for the
 * copies to suppliers. The PIN and the SMTP password go in and never come out (`hasPin`, `hasPassword`); like the
 * mailbox, the SMTP password is only ever lent to the server and user it was saved for.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const radianSettingsInput = z.object({
  software: z
    .object({
      softwareId: text(100),
      /** Omitted to keep the stored one. */
      pin: z.string().trim().min(1).max(100).optional(),
      environment: z.enum(['habilitacion', 'produccion']),
      /** NIT of the software's owner; the company's own NIT when omitted. */
      providerNit: z.string().trim().regex(/^[\d.\s-]{5,20}$/, 'escribe solo los números del NIT').optional(),
    })
    .optional(),
  receiver: z
    .object({
      firstName: text(100),
      familyName: text(100),
      // DIAN identification type (13 cédula de ciudadanía, 22 cédula de extranjería, 31 NIT…).
      idType: z.string().regex(/^\d{2}$/, 'el tipo de documento son dos dígitos (13 cédula)').default('13'),
      idNumber: z.string().trim().regex(/^[0-9A-Za-z-]{3,20}$/, 'escribe el número de identificación sin puntos'),
      jobTitle: text(100),
      department: text(100),
    })
    .optional(),
  autoSend: z.enum(['none', '030', '030_032']).optional(),
  smtp: z
    .object({
      host: text(255),
      port: z.coerce.number().int().min(1).max(65535),
      secure: z.boolean(),
      user: z.string().trim().max(320).nullable().optional(),
      /** Omitted to keep the stored one (only for the same host, port and user). */
      password: z.string().min(1).max(1024).optional(),
      from: z.string().trim().email('escribe una dirección de correo válida').max(320),
    })
    .optional(),
});

export type RadianSettingsInput = z.input<typeof radianSettingsInput>;

export async function getRadianSettingsView(db: Db, companyId: string, now: Date): Promise<RadianSettingsView> {
  const row = await db.selectFrom('radianSettings').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  const certificate = await getCertificateView(db, companyId, now);
  const view: RadianSettingsView = { autoSend: (row?.autoSend as AutoSendSetting | undefined) ?? 'none', ...(certificate ? { certificate } : {}) };
  if (!row) return view;
  return {
    ...view,
    ...(row.softwareId && row.pinSealed
      ? { software: { softwareId: row.softwareId, environment: row.environment as DianEnvironmentName, providerNit: row.providerNit ?? '', hasPin: true as const } }
      : {}),
    ...(row.receiverJson ? { receiver: fromJson<ReceivingPerson>(row.receiverJson, undefined as never) } : {}),
    ...(row.smtpHost && row.smtpPort && row.smtpFrom
      ? { smtp: { host: row.smtpHost, port: row.smtpPort, secure: row.smtpSecure === 1, user: row.smtpUser, from: row.smtpFrom, hasPassword: !!row.smtpPasswordSealed } }
      : {}),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/**
 * Saves what was sent; what was left out stays as it was.
 * @throws InputError `RADIAN_PIN_REQUIRED`, `SMTP_PASSWORD_REQUIRED`
 */
export async function saveRadianSettings(db: Db, box: SecretBox, company: { id: string; nit: string }, input: RadianSettingsInput, actor: string, clock: Clock): Promise<RadianSettingsView> {
  const parsed = radianSettingsInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Configuración de eventos RADIAN inválida en «${issue?.path.join('.') || 'configuración'}»: ${issue?.message ?? 'valor no válido'}.`);
  }
  const value = parsed.data;
  const existing = await db.selectFrom('radianSettings').selectAll().where('companyId', '=', company.id).executeTakeFirst();
  const now = clock.now().toISOString();
  const changes: Partial<RadianSettingsRow> = { updatedAt: now, updatedBy: actor };
  if (value.software) {
    if (!value.software.pin && !existing?.pinSealed) throw new InputError('Falta el PIN del software registrado en la DIAN.', 'RADIAN_PIN_REQUIRED');
    // The PIN belongs to one SoftwareID: another software needs its own.
    if (!value.software.pin && existing?.softwareId !== value.software.softwareId) {
      throw new InputError('Cambiaste el identificador del software: escribe también su PIN.', 'RADIAN_PIN_REQUIRED');
    }
    Object.assign(changes, {
      softwareId: value.software.softwareId,
      environment: value.software.environment,
      providerNit: normalizeNit(value.software.providerNit ?? company.nit),
      ...(value.software.pin ? { pinSealed: box.seal(value.software.pin) } : {}),
    });
  }
  if (value.receiver) changes.receiverJson = toJson(value.receiver);
  if (value.autoSend) changes.autoSend = value.autoSend;
  if (value.smtp) {
    const user = value.smtp.user || null;
    if (!value.smtp.password && existing?.smtpPasswordSealed) {
      const changed = [
        existing.smtpHost?.toLowerCase() !== value.smtp.host.toLowerCase() ? 'el servidor' : undefined,
        existing.smtpPort !== value.smtp.port ? 'el puerto' : undefined,
        (existing.smtpUser ?? null) !== user ? 'el usuario' : undefined,
      ].filter(Boolean);
      if (changed.length > 0) {
        throw new InputError(
          `Cambiaste ${changed.join(' y ')} del correo de salida: escribe la contraseña otra vez. La guardada solo se envía a ${existing.smtpUser ?? '(sin usuario)'} en ${existing.smtpHost}:${existing.smtpPort}.`,
          'SMTP_PASSWORD_REQUIRED',
        );
      }
    }
    if (user && !value.smtp.password && !existing?.smtpPasswordSealed) throw new InputError('Falta la contraseña del correo de salida.', 'SMTP_PASSWORD_REQUIRED');
    Object.assign(changes, {
      smtpHost: value.smtp.host,
      smtpPort: value.smtp.port,
      smtpSecure: value.smtp.secure ? 1 : 0,
      smtpUser: user,
      smtpFrom: value.smtp.from,
      ...(value.smtp.password ? { smtpPasswordSealed: box.seal(value.smtp.password) } : user ? {} : { smtpPasswordSealed: null }),
    });
  }
  if (existing) await db.updateTable('radianSettings').set(changes).where('companyId', '=', company.id).execute();
  else await db.insertInto('radianSettings').values({ companyId: company.id, updatedAt: now, updatedBy: actor, ...changes } as RadianSettingsRow).execute();
  return getRadianSettingsView(db, company.id, clock.now());
}

export interface RadianRuntimeSettings {
  software?: DianSoftware;
  receiver?: ReceivingPerson;
  autoSend: AutoSendSetting;
  smtp?: SmtpSettings;
}

/** The settings with the secrets opened, for one sending. */
export async function loadRuntimeSettings(db: Db, box: SecretBox, companyId: string): Promise<RadianRuntimeSettings> {
  const row = await db.selectFrom('radianSettings').selectAll().where('companyId', '=', companyId).executeTakeFirst();
  if (!row) return { autoSend: 'none' };
  const open = (sealed: string, what: string) => {
    try {
      return box.open(sealed);
    } catch (error) {
      throw new InputError(`${(error as Error).message} (${what}: guárdalo otra vez en Eventos RADIAN).`, 'SECRET_UNREADABLE');
    }
  };
  return {
    autoSend: row.autoSend as AutoSendSetting,
    ...(row.softwareId && row.pinSealed
      ? { software: { softwareId: row.softwareId, pin: open(row.pinSealed, 'PIN del software'), environment: row.environment as DianEnvironmentName, providerNit: row.providerNit ?? '' } }
      : {}),
    ...(row.receiverJson ? { receiver: fromJson<ReceivingPerson>(row.receiverJson, undefined as never) } : {}),
    ...(row.smtpHost && row.smtpPort && row.smtpFrom
      ? {
          smtp: {
            host: row.smtpHost,
            port: row.smtpPort,
            secure: row.smtpSecure === 1,
            user: row.smtpUser,
            password: row.smtpPasswordSealed ? open(row.smtpPasswordSealed, 'contraseña del correo de salida') : null,
            from: row.smtpFrom,
          },
        }
      : {}),
  };
}

/** @throws NotFoundError `RADIAN_SOFTWARE_MISSING` */
export function requireSoftware(settings: RadianRuntimeSettings): DianSoftware {
  if (!settings.software) throw new NotFoundError('Falta configurar el software de la DIAN (identificador del software y PIN) en Eventos RADIAN.', 'RADIAN_SOFTWARE_MISSING');
  return settings.software;
}
