import type { Page } from './inbox';
import type { MissingConfirmation } from './radian';

/**
 * The agent's switch, exactly as users were told:
 * - activating with "Registrar los más recientes" registers only documents that arrive from that moment on;
 * - documents that arrive while paused are kept, marked, and never registered automatically;
 * - resuming registers only documents that arrive from the resume on.
 */
export type AgentStatus = 'inactive' | 'active' | 'paused';

/** "Registrar los más recientes": from the activation moment on (the only mode users were promised). */
export type ActivationMode = 'recent';

export interface AgentState {
  status: AgentStatus;
  mode?: ActivationMode;
  /** The instant from which arrivals are registered automatically (activation or last resume). */
  activeSince?: string;
  updatedAt?: string;
  /** What a person must do about the tax rules (a missing UVT…), in Spanish. */
  warnings?: string[];
  /** Years whose UVT is missing and should be entered now (the panel offers a form). */
  missingUvtYears?: number[];
  /** A status line about the reception itself (a mailbox flooded by unknown senders), in Spanish; only when there is one. */
  intakeWarning?: string;
  /**
   * Credit invoices whose 030/032 DIAN has not accepted yet, oldest first (first page; `GET /radian/missing` pages
   * the rest): their IVA descontable is at risk (issue 16). Absent when there are none.
   */
  missingConfirmations?: Page<MissingConfirmation>;
}

export type AgentEventType = 'activated' | 'paused' | 'resumed';

/**
 * What pausing does, in the words the panel, the API and the CLI all use (issue 17: pause means stop). Documents
 * already waiting arrived while the agent was active: they are registered once it is active again.
 */
export const PAUSE_EFFECT =
  'Mientras esté desactivado no registro nada: ni lo que llegue, ni lo que ya estaba en espera. Al activarlo de nuevo registraré lo que estaba en espera y lo que llegue desde ese momento; lo que llegue mientras esté desactivado queda sin registrar.';

/** The answer to a pause (API and CLI): the new state and what it means. */
export interface PauseResult extends AgentState {
  notice: string;
}

export interface AgentEvent {
  id: string;
  type: AgentEventType;
  mode?: ActivationMode;
  /** Who did it: the person's name, «consola (ana)» at the console, … */
  actor: string;
  /** The person's user id, when a person with a token (or `--usuario` at the console) did it. */
  actorId?: string;
  at: string;
}
