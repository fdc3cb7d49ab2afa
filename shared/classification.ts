/**
 * What the suggestion engine (`server/matching`) says about one line of a purchase document. The registration
 * step calls it through one interface; the panel shows `explanation` next to the account.
 */
export type ClassificationSource = 'history' | 'inventory' | 'activity' | 'rule' | 'user';

export interface Suggestion {
  /** PUC account code the line is debited to (postable only). */
  accountCode: string;
  /** Inventory item, when the line is an item rather than an account. */
  itemId?: string;
  itemName?: string;
  source: ClassificationSource;
  /** 0 … 1. Below the company's threshold the bill is registered but flagged "por verificar". */
  confidence: number;
  /** Short Spanish reason for the panel: "Usada 14 veces con este proveedor". */
  explanation: string;
}

export interface Classification extends Suggestion {
  runnerUp?: Suggestion;
  /**
   * What decided the line and how sure that mechanism was by its own reckoning (`raw`); `confidence` is what lines
   * decided that way turned out to be worth when measured (server/matching/calibration.ts). The agent's own
   * registration teaches back `raw`, the number its reasoning compares. `first`: for a repeat of the agent's own
   * unverified guess, the reading that first made it; the line is never reported surer than that reading.
   */
  evidence?: { kind: string; raw: number; first?: { kind: string; raw: number } };
}
