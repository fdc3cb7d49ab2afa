import { useEffect, useRef, useState } from 'preact/hooks';
import { PAUSE_EFFECT, type AgentState } from '#shared/agent';
import { toAgentError } from '../lib/errors';
import { useApi } from './api-context';

interface Props {
  state: AgentState;
  onChange: (state: AgentState) => void;
}

/** The same words as the API's and the CLI's answer to a pause (shared/agent.ts): pause means stop. */
export const PAUSE_WARNING = PAUSE_EFFECT;

/**
 * "Estado del Agente": Activo / Desactivado. Pausing asks first and says plainly what happens to what arrives
 * meanwhile; the same words stay on screen while it is paused.
 */
export function AgentSwitch({ state, onChange }: Props) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [resumed, setResumed] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const active = state.status === 'active';

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const run = async (action: () => Promise<AgentState>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await action());
      after?.();
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = () => {
    if (active) {
      setResumed(false);
      setConfirming(true);
    } else {
      void run(() => (state.status === 'inactive' ? api.activate() : api.resume()), () => setResumed(true));
    }
  };

  return (
    <section class="ag-card ag-switch-card" aria-labelledby="ag-switch-label">
      <div class="ag-switch-row">
        <span id="ag-switch-label" class="ag-switch-row__label">
          Estado del Agente
        </span>
        <span class={`ag-switch-row__state${active ? ' ag-switch-row__state--on' : ''}`} aria-hidden="true">
          {active ? 'Activo' : 'Desactivado'}
        </span>
        <button
          type="button"
          role="switch"
          class="ag-switch"
          aria-checked={active}
          aria-labelledby="ag-switch-label"
          aria-describedby={active ? undefined : 'ag-paused-note'}
          data-testid="agente-switch"
          disabled={busy || confirming}
          onClick={toggle}
        >
          <span class="ag-switch__thumb" />
          <span class="ag-visually-hidden">{active ? 'Activo' : 'Desactivado'}</span>
        </button>
      </div>
      {confirming && (
        <div class="ag-alert ag-alert--warning" role="group" aria-labelledby="ag-pause-question" data-testid="agente-pause-confirm">
          <p id="ag-pause-question">
            <strong>¿Desactivar el agente?</strong> {PAUSE_WARNING}
          </p>
          <div class="ag-actions ag-actions--inline">
            <button
              ref={confirmButton}
              type="button"
              class="ag-button ag-button--danger"
              disabled={busy}
              onClick={() => void run(api.pause, () => setConfirming(false))}
            >
              Desactivar
            </button>
            <button type="button" class="ag-button" disabled={busy} onClick={() => setConfirming(false)}>
              Cancelar
            </button>
          </div>
        </div>
      )}
      {state.status === 'paused' && (
        <p id="ag-paused-note" class="ag-alert ag-alert--warning" role="status" data-testid="agente-paused-note">
          El agente está desactivado. {PAUSE_WARNING}
        </p>
      )}
      {active && resumed && (
        <p class="ag-alert ag-alert--info" role="status">
          El agente está activo de nuevo: registraré los comprobantes que estaban en espera y los que lleguen desde ahora. Los que llegaron mientras estuvo desactivado siguen sin registrar.
        </p>
      )}
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
