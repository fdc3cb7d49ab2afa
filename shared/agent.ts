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
  /** A status line about the reception itself (a mailbox flooded by unknown senders), in Spanish; only when there is one. */
  intakeWarning?: string;
}

export type AgentEventType = 'activated' | 'paused' | 'resumed';

export interface AgentEvent {
  id: string;
  type: AgentEventType;
  mode?: ActivationMode;
  /** Who did it: the user name sent by the panel, `cli:<user>`, … */
  actor: string;
  at: string;
}
