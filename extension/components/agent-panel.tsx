import './base.css';
import './panel.css';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { CONNECTION_ERROR_CODES, toAgentError } from '../lib/errors';
import { useApi } from './api-context';
import { CompanyStep } from './company-step';
import { ConnectionStep } from './connection-step';
import type { Permission } from '../../server/users/permissions';
import { CloseIcon, SettingsIcon } from './icons';
import { PermissionsContext } from './permissions-context';
import { StatusView } from './status-view';
import { TaskListStep } from './task-list-step';
import { WelcomeStep } from './welcome-step';

type Screen =
  | { kind: 'loading' }
  | { kind: 'connect'; serverUrl?: string; companyNit?: string; problem?: string }
  | { kind: 'company' }
  | { kind: 'welcome'; name: string }
  | { kind: 'tasks' }
  | { kind: 'status' }
  | { kind: 'error'; message: string };

interface Props {
  /** Absent when the panel is a page of its own (opened from the popup outside Alegra). */
  onClose?: () => void;
}

/**
 * The side panel, in the order users were told: connection (first run only), welcome with "Registrar los más
 * recientes" and "Activar", the task list with "Empezar ▶", then the agent's status for good.
 */
export function AgentPanel({ onClose }: Props) {
  const api = useApi();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [permissions, setPermissions] = useState<readonly Permission[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setScreen({ kind: 'loading' });
    let connection;
    try {
      connection = await api.connection();
      if (!connection.configured) return setScreen({ kind: 'connect', serverUrl: connection.serverUrl, companyNit: connection.companyNit });
      const me = await api.me();
      api.setActor(me.user.name);
      setPermissions(me.user.permissions);
      const state = await api.agentState();
      setScreen(state.status === 'inactive' ? { kind: 'welcome', name: me.user.name } : { kind: 'status' });
    } catch (failure) {
      const error = toAgentError(failure);
      if (error.code === 'NO_COMPANY') setScreen({ kind: 'company' });
      else if (CONNECTION_ERROR_CODES.has(error.code)) setScreen({ kind: 'connect', serverUrl: connection?.serverUrl, companyNit: connection?.companyNit, problem: error.message });
      else setScreen({ kind: 'error', message: error.message });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const showConnection = async () => {
    const connection = await api.connection().catch(() => undefined);
    setScreen({ kind: 'connect', serverUrl: connection?.serverUrl, companyNit: connection?.companyNit });
  };

  // Keyboard users land on the panel's title when it opens.
  useEffect(() => heading.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && onClose) {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div lang="es-CO" class={`ag-panel${onClose ? '' : ' ag-panel--page'}`} role="dialog" aria-modal="false" aria-labelledby="ag-panel-title" data-testid="agente-panel" onKeyDown={onKeyDown}>
      <header class="ag-panel__header">
        <h2 id="ag-panel-title" class="ag-panel__title" tabIndex={-1} ref={heading}>
          Agente de Gastos
        </h2>
        {screen.kind !== 'connect' && screen.kind !== 'loading' && (
          <button type="button" class="ag-icon-button" onClick={() => void showConnection()} aria-label="Conexión con el agente" title="Conexión con el agente">
            <SettingsIcon />
          </button>
        )}
        {onClose && (
          <button type="button" class="ag-icon-button" onClick={onClose} aria-label="Cerrar el panel" title="Cerrar (Esc)" data-testid="agente-close">
            <CloseIcon />
          </button>
        )}
      </header>
      <div class="ag-panel__body">
        {screen.kind === 'loading' && (
          <p class="ag-muted" role="status">
            Conectando con el agente…
          </p>
        )}
        {screen.kind === 'connect' && (
          <ConnectionStep
            initialServerUrl={screen.serverUrl}
            initialCompanyNit={screen.companyNit}
            problem={screen.problem}
            onConnected={(result) => (result.needsCompany ? setScreen({ kind: 'company' }) : void load())}
          />
        )}
        {screen.kind === 'company' && <CompanyStep onCreated={() => void load()} />}
        {screen.kind === 'welcome' && <WelcomeStep name={screen.name} onActivate={() => setScreen({ kind: 'tasks' })} />}
        {screen.kind === 'tasks' && <TaskListStep onStarted={() => setScreen({ kind: 'status' })} />}
        {screen.kind === 'status' && (
          <PermissionsContext.Provider value={permissions}>
            <StatusView />
          </PermissionsContext.Provider>
        )}
        {screen.kind === 'error' && (
          <div class="ag-step">
            <p class="ag-alert ag-alert--error" role="alert">
              {screen.message}
            </p>
            <button type="button" class="ag-button" onClick={() => void load()}>
              Reintentar
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
