import './base.css';
import './popup.css';
import { useEffect, useState } from 'preact/hooks';
import type { AgentState } from '#shared/agent';
import type { DailySummary } from '#shared/summary';
import { CONNECTION_ERROR_CODES, toAgentError } from '../lib/errors';
import { AGENT_STATUS_LABELS, formatLongDate } from '../lib/format';
import { useApi } from './api-context';
import { AgentIcon } from './icons';
import { firstSummaryDay } from '../lib/summary-day';
import { SummaryFigures } from './summary-figures';

interface Props {
  onOpenPanel: () => void;
  onOpenSettings: () => void;
}

type Data = { kind: 'loading' } | { kind: 'ready'; state: AgentState; yesterday: DailySummary; today: DailySummary } | { kind: 'disconnected'; message: string } | { kind: 'error'; message: string };

/**
 * The toolbar popup: the agent's state, yesterday's summary at a glance and a line on today so far (today's in
 * full right after activating, when yesterday is empty by definition), and the way into the panel.
 */
export function PopupView({ onOpenPanel, onOpenSettings }: Props) {
  const api = useApi();
  const [data, setData] = useState<Data>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      try {
        const connection = await api.connection();
        if (!connection.configured) return setData({ kind: 'disconnected', message: 'La extensión todavía no está conectada con tu agente.' });
        const [state, yesterday, today] = await Promise.all([api.agentState(), api.summary(), api.todaySummary()]);
        setData({ kind: 'ready', state, yesterday, today });
      } catch (failure) {
        const error = toAgentError(failure);
        setData(CONNECTION_ERROR_CODES.has(error.code) || error.code === 'NO_COMPANY' ? { kind: 'disconnected', message: error.message } : { kind: 'error', message: error.message });
      }
    })();
  }, [api]);

  return (
    <main class="ag-popup" data-testid="agente-popup">
      <header class="ag-popup__header">
        <AgentIcon size={20} />
        <h1 class="ag-popup__title">Agente de Gastos</h1>
        {data.kind === 'ready' && (
          <span class={`ag-pill ag-pill--${data.state.status}`} data-testid="agente-popup-state">
            {AGENT_STATUS_LABELS[data.state.status]}
          </span>
        )}
      </header>
      {data.kind === 'loading' && (
        <p class="ag-muted" role="status">
          Consultando el agente…
        </p>
      )}
      {data.kind === 'ready' &&
        (firstSummaryDay(data.state, data.yesterday, data.today) === 'today' ? (
          <section aria-labelledby="ag-popup-summary">
            <h2 id="ag-popup-summary" class="ag-popup__subtitle">
              Hoy, {formatLongDate(data.today.date)} (hasta ahora)
            </h2>
            <SummaryFigures summary={data.today} />
            <p class="ag-muted ag-small">Mañana a las 12:00 a. m. verás aquí el resumen completo de hoy.</p>
          </section>
        ) : (
          <section aria-labelledby="ag-popup-summary">
            <h2 id="ag-popup-summary" class="ag-popup__subtitle">
              Resumen de ayer, {formatLongDate(data.yesterday.date)}
            </h2>
            <SummaryFigures summary={data.yesterday} />
            <p class="ag-small" data-testid="agente-popup-today">
              Hoy, hasta ahora: {countText(data.today.registered, 'registrada', 'registradas')} y {countText(data.today.notRegistered, 'no registrada', 'no registradas')}.
            </p>
            <p class="ag-muted ag-small">Se actualiza todos los días a las 12:00 a. m. con la información del día anterior.</p>
          </section>
        ))}
      {(data.kind === 'disconnected' || data.kind === 'error') && (
        <p class={`ag-alert ${data.kind === 'error' ? 'ag-alert--error' : 'ag-alert--warning'}`} role="alert">
          {data.message}
        </p>
      )}
      <div class="ag-actions ag-actions--stacked">
        {data.kind === 'disconnected' ? (
          <button type="button" class="ag-button ag-button--primary" onClick={onOpenSettings}>
            Conectar con el agente
          </button>
        ) : (
          <button type="button" class="ag-button ag-button--primary" onClick={onOpenPanel} data-testid="agente-popup-open-panel">
            Abrir el panel
          </button>
        )}
        {data.kind !== 'disconnected' && (
          <button type="button" class="ag-link-button" onClick={onOpenSettings}>
            Conexión
          </button>
        )}
      </div>
    </main>
  );
}

function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
