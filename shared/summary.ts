import type { AgentStatus } from './agent';
import type { AuthenticitySummary, DocumentStatus } from './inbox';
import type { MissingConfirmation } from './radian';

/** Minutes an accountant spends typing one invoice by hand: what the agent saves per registered document. */
export const MINUTES_SAVED_PER_DOCUMENT = 3;

export interface NotRegisteredEntry {
  documentId: string;
  status: DocumentStatus;
  number?: string;
  supplierName?: string;
  reasonCode?: string;
  reason: string;
  arrivedAt: string;
  /** What the signature checks found, for purchase documents. */
  authenticity?: AuthenticitySummary;
}

/** The day's figures, by Bogotá date of arrival. */
export interface DailySummary {
  date: string;
  registered: number;
  timeSavedMinutes: number;
  /** All of the day's documents not registered; `notRegisteredDocuments` is one page of them. */
  notRegistered: number;
  notRegisteredDocuments: NotRegisteredEntry[];
  /** Where the page of `notRegisteredDocuments` starts, and where the next one does (null on the last page). */
  notRegisteredOffset?: number;
  notRegisteredNextOffset?: number | null;
  /** Still waiting to be registered when the summary was computed (normally 0). */
  pending: number;
  agentStatus: AgentStatus;
  computedAt: string;
  /** Stored by the midnight job (true) or computed on demand for a day still running (false). */
  final: boolean;
  /** What a person must do about the tax rules (next year's UVT missing from 1 December…). */
  warnings?: string[];
  /** Credit invoices whose 030/032 DIAN had not accepted when the summary was computed, oldest first (issue 16). */
  missingConfirmations?: { total: number; items: MissingConfirmation[] };
}
