import type { Agent } from '../agent/agent';
import type { DianCopyGateway, DianEventGateway } from './ports';
import { RadianEvents, type RadianTransports } from './radian-events';

/**
 * The composition root's one place for the RADIAN transports: DIAN's `SendEventUpdateStatus` (SOAP 1.2 with
 * WS-Security, server/radian/dian/) and the supplier's copy by the company's SMTP server (supplier-mail.ts).
 * Both are loaded on first use, so commands that never send an event do not load nodemailer or the SOAP client.
 * `AGENTE_DIAN_URL` points every call at another host (the tests' imitation of DIAN); without it each company's
 * environment (habilitación or producción) picks DIAN's own host.
 */
export function radianTransports(env: NodeJS.ProcessEnv = process.env): RadianTransports {
  const baseUrl = env.AGENTE_DIAN_URL || undefined;
  let gateway: Promise<DianEventGateway> | undefined;
  return {
    gateway: {
      async sendEvent(event, software, credential, options) {
        gateway ??= import('./dian/gateways').then(({ createDianGateway }) => createDianGateway({ baseUrl }));
        return (await gateway).sendEvent(event, software, credential, options);
      },
    },
    notifier: (smtp) => ({
      async notify(notice) {
        const { createSmtpNotifier } = await import('./supplier-mail');
        return createSmtpNotifier(smtp).notify(notice);
      },
    }),
  };
}

/**
 * DIAN's `GetXmlByDocumentKey` for «la copia de la DIAN» (server/agent/dian-copy-check.ts), at the same host as the
 * events (`AGENTE_DIAN_URL`, else the environment's own). One extra attempt within the call, 30 s each: the checker
 * asks again later on its own schedule, and a received document must not hold the others for minutes.
 */
export function dianCopyGateway(env: NodeJS.ProcessEnv = process.env): DianCopyGateway {
  const baseUrl = env.AGENTE_DIAN_URL || undefined;
  let gateway: Promise<DianCopyGateway> | undefined;
  return {
    async storedCopy(documentKey, environment, credential) {
      gateway ??= import('./dian/document-copy').then(({ createDianCopyGateway }) => createDianCopyGateway({ ...(baseUrl ? { baseUrl } : {}), retries: 1, timeoutMs: 30_000 }));
      return (await gateway).storedCopy(documentKey, environment, credential);
    },
  };
}

const attached = new WeakMap<Agent, RadianEvents>();

/** Ties the RADIAN service the composition root built to the agent, for the API routes. */
export function attachRadian(agent: Agent, radian: RadianEvents): void {
  attached.set(agent, radian);
}

/** The RADIAN service of this agent: the one attached, else one with `radianTransports()` (tests, the CLI). */
export function radianOf(agent: Agent): RadianEvents {
  let radian = attached.get(agent);
  if (!radian) {
    radian = new RadianEvents({ db: agent.db, clock: agent.clock, transports: radianTransports() });
    attached.set(agent, radian);
  }
  return radian;
}
