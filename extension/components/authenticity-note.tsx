import type { AuthenticitySummary } from '#shared/inbox';

/**
 * Whether a document is genuine, in an accountant's words: what the signature checks found when it arrived
 * (server/authenticity). Verified is one quiet line; anything else says what to do.
 */
export function AuthenticityNote({ authenticity, compact = false, registered = false }: { authenticity: AuthenticitySummary | undefined; compact?: boolean; registered?: boolean }) {
  if (!authenticity) return null;
  // First: DIAN's stored copy may contradict signatures that hold (an invoice altered and signed again), also after
  // the bill was registered (DIAN had not answered then).
  if (authenticity.mayBeAltered) {
    return (
      <div class="ag-alert ag-alert--error" data-testid="agente-authenticity" data-code={authenticity.code} data-dian-copy={authenticity.dianCopy} role="note">
        <p>
          <strong>{registered ? 'Puede haber sido alterada.' : 'Puede haber sido alterado.'}</strong>{' '}
          {registered
            ? 'Ya estaba registrada cuando la DIAN mostró su copia. Revísala con el proveedor y, si no es la que validó la DIAN, anúlala o revérsala en Alegra.'
            : 'No lo registres: pídele al proveedor que te envíe de nuevo el original.'}
        </p>
        {!compact && <p class="ag-small">{authenticity.reason}</p>}
      </div>
    );
  }
  if (authenticity.code === 'verified' || authenticity.confirmedByDian) {
    const copy = authenticity.dianCopy === 'matches' ? ' · copia de la DIAN idéntica' : '';
    return (
      <p class="ag-small ag-authenticity ag-authenticity--ok" data-testid="agente-authenticity" data-code={authenticity.code} data-dian-copy={authenticity.dianCopy}>
        {authenticity.code === 'verified' ? `✓ Firma del proveedor verificada · validada por la DIAN${copy}` : '✓ Confirmado por la DIAN: su copia guardada es idéntica al documento recibido'}
      </p>
    );
  }
  // A bare document DIAN holds identically: a fact for the person deciding, not DIAN's validation.
  const copy = authenticity.dianCopy === 'matches' ? ' La DIAN guarda una copia idéntica, pero eso no dice si lo validó.' : '';
  return (
    <div class="ag-alert ag-alert--warning" data-testid="agente-authenticity" data-code={authenticity.code} data-dian-copy={authenticity.dianCopy} role="note">
      <p>
        <strong>{authenticity.code === 'unverifiable' ? 'Autenticidad por verificar.' : 'Sin la validación de la DIAN.'}</strong>
        {compact ? copy : ` ${authenticity.reason}`}
      </p>
    </div>
  );
}
