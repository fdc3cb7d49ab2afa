import type { Agent } from '../agent/agent';
import type { DianEventGateway, SupplierNotifier } from './ports';
import { RadianEvents, type RadianTransports } from './radian-events';

/**
 * The composition root's one place for the RADIAN transports. Until the real ones are wired (server/radian/dian/* and
 * server/radian/supplier-mail.ts, issue 16's other half), nothing pretends to reach DIAN or the supplier: every event
 * is built, signed and stored, and stays «pendiente» with the reason below, to be sent again once configured.
 *
 * At merge: return `{ gateway: <SendEventUpdateStatus client>, notifier: (smtp) => <nodemailer notifier for smtp> }`.
 */
export function radianTransports(): RadianTransports {
  return { gateway: new UnconfiguredGateway(), notifier: () => new UnconfiguredNotifier() };
}

export const GATEWAY_NOT_CONFIGURED = 'Falta configurar el envío a la DIAN.';

export class UnconfiguredGateway implements DianEventGateway {
  async sendEvent(): Promise<never> {
    throw new Error(GATEWAY_NOT_CONFIGURED);
  }
}

export class UnconfiguredNotifier implements SupplierNotifier {
  async notify(): Promise<never> {
    throw new Error('Falta configurar el envío de copias al proveedor.');
  }
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
