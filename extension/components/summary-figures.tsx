import type { DailySummary } from '#shared/summary';
import { formatTimeSaved } from '../lib/format';

interface Props {
  summary: DailySummary;
  /** Makes "Facturas no registradas" a button that opens the list with each reason. */
  onShowNotRegistered?: () => void;
}

/** The three figures users were promised: registered, time saved (3 min each), not registered. */
export function SummaryFigures({ summary, onShowNotRegistered }: Props) {
  return (
    <dl class="ag-figures" data-testid="agente-figures">
      <div class="ag-figure">
        <dt>Facturas registradas</dt>
        <dd data-testid="agente-registered">{summary.registered}</dd>
      </div>
      <div class="ag-figure">
        <dt>Tiempo ahorrado</dt>
        <dd data-testid="agente-time-saved">
          <TimeSaved minutes={summary.timeSavedMinutes} />
        </dd>
      </div>
      <div class="ag-figure">
        <dt>
          Facturas no registradas
          {/* Only when there is a reason to read, and after the label it belongs to (issue 17). */}
          {onShowNotRegistered && summary.notRegistered > 0 && (
            <>
              {' '}
              <button type="button" class="ag-link-button ag-figure__more" onClick={onShowNotRegistered} data-testid="agente-show-reasons">
                Ver motivos
              </button>
            </>
          )}
        </dt>
        <dd data-testid="agente-not-registered">{summary.notRegistered}</dd>
      </div>
    </dl>
  );
}

/** "1 h 12 min", allowed to break only between the hours and the minutes in a narrow column. */
function TimeSaved({ minutes }: { minutes: number }) {
  const [hours, rest] = formatTimeSaved(minutes).split(' h ');
  return (
    <>
      <span class="ag-nowrap">{hours} h</span> <span class="ag-nowrap">{rest}</span>
    </>
  );
}
