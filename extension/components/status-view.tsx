import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AgentState } from '#shared/agent';
import { UvtForm } from './uvt-form';
import type { Bill } from '#shared/bill';
import type { DailySummary } from '#shared/summary';
import { toAgentError } from '../lib/errors';
import { formatLongDate } from '../lib/format';
import { AgentSwitch } from './agent-switch';
import { firstSummaryDay } from '../lib/summary-day';
import { useApi } from './api-context';
import { BillList } from './bill-list';
import { NotRegisteredList } from './not-registered-list';
import { SummaryFigures } from './summary-figures';
import { UploadZone, carriesFiles } from './upload-zone';
import { RadianSettingsForm } from './radian-settings-form';

/** How often the open panel asks for news (documents keep arriving while it is open). */
export const REFRESH_INTERVAL_MS = 15_000;
const BILLS_PAGE = 20;

type Day = 'yesterday' | 'today';

interface Data {
  state: AgentState;
  yesterday: DailySummary;
  today: DailySummary;
  bills: Bill[];
  /** More bills than shown: the API pages its lists. */
  moreBills: boolean;
}

/**
 * Step 4: the switch, the day's figures, the files to upload, the bills to verify or correct, and the documents
 * not registered.
 */
export function StatusView() {
  const api = useApi();
  const [data, setData] = useState<Data>();
  // Chosen once the figures are in (firstSummaryDay), until the user picks a day.
  const [chosenDay, setDay] = useState<Day>();
  const [view, setView] = useState<'main' | 'not-registered'>('main');
  const [billCount, setBillCount] = useState(BILLS_PAGE);
  const [error, setError] = useState<string>();
  const [refreshing, setRefreshing] = useState(false);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const [state, yesterday, today, bills] = await Promise.all([api.agentState(), api.summary(), api.todaySummary(), api.bills({ limit: billCount })]);
      setData({ state, yesterday, today, bills: bills.items, moreBills: bills.nextOffset !== null });
      setError(undefined);
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setRefreshing(false);
    }
  }, [api, billCount]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (!data) {
    return error ? (
      <p class="ag-alert ag-alert--error" role="alert">
        {error}
      </p>
    ) : (
      <p class="ag-muted" role="status">
        Cargando el estado del agente…
      </p>
    );
  }

  const day = chosenDay ?? firstSummaryDay(data.state, data.yesterday, data.today);
  const summary = day === 'yesterday' ? data.yesterday : data.today;
  const dayLabel = day === 'yesterday' ? `ayer, ${formatLongDate(summary.date)}` : `hoy, ${formatLongDate(summary.date)}`;

  if (view === 'not-registered') {
    return <NotRegisteredList summary={summary} dayLabel={dayLabel} onBack={() => setView('main')} onRegistered={() => void refresh()} />;
  }

  return (
    <div
      class="ag-status"
      data-testid="agente-status"
      // A file dropped beside the drop zone would make the browser open it in place of Alegra's page.
      onDragOver={(event) => {
        if (event.defaultPrevented || !carriesFiles(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      }}
      onDrop={(event) => event.preventDefault()}
    >
      {data.state.intakeWarning && (
        <p class="ag-alert ag-alert--error" role="status" data-testid="agente-intake-warning">
          {data.state.intakeWarning}
        </p>
      )}
      <AgentSwitch
        state={data.state}
        onChange={(state) => {
          // Just activated: yesterday is empty by definition, today is what there is to see.
          if (data.state.status === 'inactive' && state.status === 'active') setDay('today');
          setData({ ...data, state });
          void refresh();
        }}
      />
      {(data.state.warnings ?? []).map((warning) => (
        <p key={warning} class="ag-alert ag-alert--warning" role="status" data-testid="agente-rules-warning">
          {warning}
        </p>
      ))}
      {(data.state.missingUvtYears ?? []).map((year) => (
        <UvtForm key={year} year={year} onSaved={() => void refresh()} />
      ))}
      {data.state.missingConfirmations && (
        <section class="ag-card" aria-labelledby="ag-radian-title" data-testid="agente-missing-confirmations">
          <h3 id="ag-radian-title" class="ag-card__title">
            Facturas a crédito sin confirmar ({data.state.missingConfirmations.total})
          </h3>
          <p class="ag-muted ag-small">Sin el acuse de recibo (030) y el recibo del bien (032) aceptados por la DIAN, el IVA descontable de estas facturas está en riesgo. Primero las más antiguas.</p>
          <ul class="ag-notes">
            {data.state.missingConfirmations.items.map((item) => (
              <li key={item.billId}>
                {item.supplierName}, factura {item.number} del {formatLongDate(item.issueDate)}: {item.text}
              </li>
            ))}
          </ul>
          {data.state.missingConfirmations.nextOffset !== null && <p class="ag-muted ag-small">Y {data.state.missingConfirmations.total - data.state.missingConfirmations.items.length} más: ábrelas en Facturas registradas.</p>}
        </section>
      )}

      <section class="ag-card" aria-labelledby="ag-summary-title">
        <div class="ag-card__head">
          <h3 id="ag-summary-title" class="ag-card__title">
            Resumen
          </h3>
          <div class="ag-segmented" role="group" aria-label="Día del resumen">
            <button type="button" aria-pressed={day === 'yesterday'} onClick={() => setDay('yesterday')} data-testid="agente-day-yesterday">
              Ayer
            </button>
            <button type="button" aria-pressed={day === 'today'} onClick={() => setDay('today')} data-testid="agente-day-today">
              Hoy
            </button>
          </div>
        </div>
        <p class="ag-muted ag-small" data-testid="agente-summary-day">
          {day === 'yesterday' ? `Ayer, ${formatLongDate(summary.date)}` : `Hoy, ${formatLongDate(summary.date)} (hasta ahora)`}
        </p>
        <SummaryFigures summary={summary} onShowNotRegistered={() => setView('not-registered')} />
        <p class="ag-muted ag-small">El resumen se actualiza todos los días a las 12:00 a. m. con la información del día anterior.</p>
      </section>

      <UploadZone
        onSent={() => {
          // What was just received counts today: show today's figures.
          setDay('today');
          void refresh();
        }}
        onStatusChanged={() => void refresh()}
      />

      <section class="ag-card" aria-labelledby="ag-bills-title">
        <div class="ag-card__head">
          <h3 id="ag-bills-title" class="ag-card__title">
            Facturas registradas
          </h3>
          <button type="button" class="ag-button ag-button--small" onClick={() => void refresh()} disabled={refreshing} data-testid="agente-refresh">
            {refreshing ? 'Actualizando…' : 'Actualizar'}
          </button>
        </div>
        <p class="ag-muted ag-small">Primero las que conviene verificar. Verifica o cambia la cuenta de una línea: el agente aprende de tus cambios.</p>
        <BillList bills={data.bills} onChanged={(bill) => setData({ ...data, bills: data.bills.map((b) => (b.id === bill.id ? bill : b)) })} />
        {data.moreBills && (
          <button type="button" class="ag-button ag-button--small" onClick={() => setBillCount(billCount + BILLS_PAGE)}>
            Ver más facturas
          </button>
        )}
      </section>
      <RadianSettingsForm />
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
