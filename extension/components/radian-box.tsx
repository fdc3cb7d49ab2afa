import { useState } from 'preact/hooks';
import type { Bill } from '#shared/bill';
import { CLAIM_REASONS, type ClaimCode, type RadianCode, type RequiredEventState } from '#shared/radian';
import { toAgentError } from '../lib/errors';
import { useApi } from './api-context';
import { useMay } from './permissions-context';

const STATE_LABELS: Record<RequiredEventState, string> = {
  falta: 'Falta',
  pendiente: 'Pendiente de envío',
  aceptado: 'Aceptado por la DIAN',
  rechazado: 'Rechazado por la DIAN',
};

const SEND_LABELS: Partial<Record<RadianCode, string>> = { '030': 'Enviar acuse de recibo (030)', '032': 'Enviar recibo del bien (032)' };

/**
 * The buyer's RADIAN events of one invoice (issue 16): whether the law asks for 030/032, where each stands, the
 * acceptance, and the decisions only a person takes: «Aceptar» (033) and «Reclamar» (031, with its reason), offered
 * only to whom may take them (a contador or administrador: the `decide` permission).
 */
export function RadianBox({ bill, onChanged }: { bill: Bill; onChanged: (bill: Bill) => void }) {
  const api = useApi();
  const may = useMay();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [claiming, setClaiming] = useState(false);
  const [reason, setReason] = useState<ClaimCode>('01');
  const radian = bill.radian;
  if (!radian) return null;

  const send = async (code: RadianCode, claim?: ClaimCode) => {
    setBusy(true);
    setError(undefined);
    try {
      const event = await api.sendRadianEvent(bill.id, code, claim);
      if (event.status !== 'aceptado') setError(event.statusText);
      setClaiming(false);
      onChanged(await api.bill(bill.id));
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ag-radian" data-testid="agente-radian" aria-label="Eventos RADIAN">
      <p class="ag-small">
        <strong>Eventos RADIAN.</strong> {radian.reason}
      </p>
      {radian.warning && (
        <p class="ag-alert ag-alert--warning" role="status" data-testid="agente-radian-warning">
          {radian.warning}
        </p>
      )}
      {radian.required && (
        <dl class="ag-line__facts">
          <div>
            <dt>Acuse de recibo (030)</dt>
            <dd data-testid="agente-radian-030">{STATE_LABELS[radian.receipt]}</dd>
          </div>
          <div>
            <dt>Recibo del bien (032)</dt>
            <dd data-testid="agente-radian-032">{STATE_LABELS[radian.goods]}</dd>
          </div>
          <div>
            <dt>Aceptación</dt>
            <dd data-testid="agente-radian-acceptance">{radian.acceptanceText}</dd>
          </div>
        </dl>
      )}
      {radian.events.length > 0 && (
        <ul class="ag-notes" data-testid="agente-radian-events">
          {radian.events.map((event) => (
            <li key={event.id}>
              {event.code} {event.name} ({event.number}){event.claim ? `, motivo ${event.claim.code} ${event.claim.name}` : ''}: {event.statusText}
              {event.supplierNotice && event.supplierNotice.status !== 'enviado' ? ` ${event.supplierNotice.text}` : ''}{' '}
              <span class="ag-muted">— {event.automatic ? 'enviado por el agente' : event.actor}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="ag-actions ag-actions--inline">
        {radian.allowed
          .filter((code) => code === '030' || code === '032')
          .map((code) => (
            <button key={code} type="button" class="ag-button ag-button--small" disabled={busy} onClick={() => void send(code)}>
              {SEND_LABELS[code]}
            </button>
          ))}
        {radian.allowed.includes('033') && may('decide') && (
          <button type="button" class="ag-button ag-button--small" disabled={busy} onClick={() => void send('033')} data-testid="agente-radian-accept">
            Aceptar
          </button>
        )}
        {radian.allowed.includes('031') && may('decide') && !claiming && (
          <button type="button" class="ag-button ag-button--small" disabled={busy} onClick={() => setClaiming(true)} data-testid="agente-radian-claim">
            Reclamar
          </button>
        )}
      </div>
      {(radian.allowed.includes('033') || radian.allowed.includes('031')) && !may('decide') && (
        <p class="ag-muted ag-small" data-testid="agente-radian-decide-note">
          Aceptar o reclamar la factura lo hace un contador o un administrador de la empresa.
        </p>
      )}
      {claiming && may('decide') && (
        <div class="ag-actions ag-actions--inline">
          <select class="ag-select" aria-label="Motivo del reclamo" value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as ClaimCode)}>
            {(Object.keys(CLAIM_REASONS) as ClaimCode[]).map((code) => (
              <option key={code} value={code}>
                {code} {CLAIM_REASONS[code]}
              </option>
            ))}
          </select>
          <button type="button" class="ag-button ag-button--small" disabled={busy} onClick={() => void send('031', reason)} data-testid="agente-radian-claim-send">
            Enviar reclamo
          </button>
          <button type="button" class="ag-button ag-button--small" disabled={busy} onClick={() => setClaiming(false)}>
            Cancelar
          </button>
        </div>
      )}
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
