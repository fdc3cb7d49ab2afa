import { useState } from 'preact/hooks';
import { toAgentError } from '../lib/errors';
import { useApi } from './api-context';

interface Props {
  onStarted: () => void;
}

/** What the agent will do for each document, in the order it does it. */
export const AGENT_TASKS = [
  { title: 'Registro de comprobantes', description: 'Capturo los comprobantes electrónicos que lleguen a tu buzón de recepción desde hoy y los registro como facturas de proveedor.' },
  { title: 'Sugerencias inteligentes', description: 'Elijo los productos o las cuentas contables según tu actividad económica y tu historial de compras.' },
  { title: 'Verificación de datos', description: 'Extraigo los datos del documento electrónico y los registro de forma estructurada, con sus impuestos y retenciones.' },
] as const;

/** Step 3: the task list and "Empezar ▶", which switches the agent on ("Registrar los más recientes"). */
export function TaskListStep({ onStarted }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.activate();
      onStarted();
    } catch (failure) {
      setError(toAgentError(failure).message);
      setBusy(false);
    }
  };

  return (
    <section class="ag-step" data-testid="agente-tasks" aria-labelledby="ag-tasks-title">
      <h3 id="ag-tasks-title" class="ag-step__title">Lista de tareas</h3>
      <ol class="ag-tasks">
        {AGENT_TASKS.map((task, index) => (
          <li class="ag-task" key={task.title}>
            <span class="ag-task__number" aria-hidden="true">
              {index + 1}
            </span>
            <span>
              <strong class="ag-task__title">{task.title}</strong>
              <span class="ag-task__description">{task.description}</span>
            </span>
          </li>
        ))}
      </ol>
      <p class="ag-muted">Puedes detener al agente en cualquier momento desde «Estado del Agente».</p>
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
      <div class="ag-actions">
        <button type="button" class="ag-button ag-button--primary" onClick={start} disabled={busy}>
          {busy ? 'Activando…' : 'Empezar ▶'}
        </button>
      </div>
    </section>
  );
}
