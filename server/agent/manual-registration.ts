import type { DianDocument } from '#shared/dian-document';
import type { InboxDocument } from '#shared/inbox';
import { ConflictError } from '../errors';
import type { ActorLike } from '../users/actor';
import { recordAudit } from '../users/audit';
import { getDocumentOrThrow } from './inbox-documents';
import { registerDocument, type AgentDeps, type RegisterOutcome } from './register-document';

/**
 * A person registers by hand what the agent must not register by itself («Registrar ahora» in the panel,
 * `agente documents register <id>`): the same rules as the agent's own registration, with the manual override.
 * The audit trail keeps who asked and what came of it (registered or why not).
 * @throws NotFoundError when the company has no such document; ConflictError when its status does not allow it, or
 *   when it may have been altered (never registered, not even by hand)
 */
export async function registerByHand(
  deps: AgentDeps,
  companyId: string,
  documentId: string,
  actor: ActorLike = 'sin identificar',
): Promise<{ outcome: RegisterOutcome; document: InboxDocument & { document?: DianDocument } }> {
  const document = await getDocumentOrThrow(deps.db, companyId, documentId);
  if (document.authenticity?.mayBeAltered) {
    throw new ConflictError(`Este documento puede haber sido alterado y no se registra, ni siquiera a mano: ${document.authenticity.reason} Pídele al proveedor que te envíe de nuevo el original.`, 'POSSIBLY_ALTERED');
  }
  const outcome = await registerDocument(deps, document.id, { manual: true });
  if (outcome.status === 'skipped') throw new ConflictError(`El documento está «${document.status}» y no se puede registrar${document.reason ? `: ${document.reason}` : ''}.`);
  await recordAudit(deps.db, {
    companyId,
    type: 'manual_registration',
    details: { documentId: document.id, number: document.number, outcome: outcome.status, ...('billId' in outcome ? { billId: outcome.billId } : {}), ...('reasonCode' in outcome ? { reasonCode: outcome.reasonCode } : {}) },
    actor,
    at: deps.clock.now(),
  });
  return { outcome, document: await getDocumentOrThrow(deps.db, companyId, document.id) };
}
