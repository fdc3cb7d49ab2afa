import type { DianDocument } from '#shared/dian-document';
import type { InboxDocument } from '#shared/inbox';
import { ConflictError } from '../errors';
import { getDocumentOrThrow } from './inbox-documents';
import { registerDocument, type AgentDeps, type RegisterOutcome } from './register-document';

/**
 * A person registers by hand what the agent must not register by itself («Registrar ahora» in the panel,
 * `agente documents register <id>`): the same rules as the agent's own registration, with the manual override.
 * @throws NotFoundError when the company has no such document; ConflictError when its status does not allow it, or
 *   when it may have been altered (never registered, not even by hand)
 */
export async function registerByHand(deps: AgentDeps, companyId: string, documentId: string): Promise<{ outcome: RegisterOutcome; document: InboxDocument & { document?: DianDocument } }> {
  const document = await getDocumentOrThrow(deps.db, companyId, documentId);
  if (document.authenticity?.mayBeAltered) {
    throw new ConflictError(`Este documento puede haber sido alterado y no se registra, ni siquiera a mano: ${document.authenticity.reason} Pídele al proveedor que te envíe de nuevo el original.`, 'POSSIBLY_ALTERED');
  }
  const outcome = await registerDocument(deps, document.id, { manual: true });
  if (outcome.status === 'skipped') throw new ConflictError(`El documento está «${document.status}» y no se puede registrar${document.reason ? `: ${document.reason}` : ''}.`);
  return { outcome, document: await getDocumentOrThrow(deps.db, companyId, document.id) };
}
