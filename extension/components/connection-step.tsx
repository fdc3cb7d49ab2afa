import { useState } from 'preact/hooks';
import { DEFAULT_SERVER_URL } from '../lib/storage';
import { toAgentError } from '../lib/errors';
import type { ConnectResult } from '../lib/messages';
import { useApi } from './api-context';

interface Props {
  initialServerUrl?: string;
  initialCompanyNit?: string;
  /** Why the connection is asked for again (token rejected, server down…). */
  problem?: string;
  onConnected: (result: ConnectResult) => void;
}

/**
 * First run (and whenever the saved connection stops working): the agent's address and the access code (the token
 * `npm start` printed). Written for the accountant who opens the panel, not for whoever installed the agent: what
 * to ask for and where it is; the commands stay behind «¿Cómo lo obtengo?» (issue 17). The background checks both
 * before saving anything.
 */
export function ConnectionStep({ initialServerUrl, initialCompanyNit, problem, onConnected }: Props) {
  const api = useApi();
  const [serverUrl, setServerUrl] = useState(initialServerUrl || DEFAULT_SERVER_URL);
  const [token, setToken] = useState('');
  const [companyNit, setCompanyNit] = useState(initialCompanyNit ?? '');
  const [error, setError] = useState<string | undefined>(problem);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onConnected(await api.connect({ serverUrl, token, companyNit }));
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="ag-step ag-form" onSubmit={submit} data-testid="agente-connection" aria-labelledby="ag-connection-title">
      <h3 id="ag-connection-title" class="ag-step__title">Conecta la extensión con tu agente</h3>
      <p>
        El agente registra tus facturas desde tu computador (o el de tu empresa). Para conectar este panel necesitas dos datos: la <strong>dirección del agente</strong> y su{' '}
        <strong>código de acceso</strong>. Los encuentras en la ventana donde está abierto el agente; si lo instaló otra persona, pídeselos.
      </p>
      <details class="ag-help" data-testid="agente-connection-help">
        <summary>¿Cómo lo obtengo?</summary>
        <p>
          El agente se inicia con <code>npm start</code> en su carpeta. La primera vez muestra su dirección (por ejemplo <code>http://127.0.0.1:8787</code>) y un código de acceso que empieza por{' '}
          <code>ag_</code>. Si el código se perdió, genera uno nuevo en esa carpeta con <code>npx agente token</code> (el anterior deja de servir).
        </p>
        <p>
          En una oficina contable cada persona usa su propio código: pídeselo a quien administra el agente (<code>npx agente token create --user …</code>). Solo verás las empresas en las que trabajas.
        </p>
      </details>
      <label class="ag-field">
        <span class="ag-field__label">Dirección del agente</span>
        <input type="text" inputMode="url" autoComplete="off" spellcheck={false} value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} required />
      </label>
      <label class="ag-field">
        <span class="ag-field__label">Código de acceso</span>
        <input type="password" autoComplete="off" spellcheck={false} value={token} onInput={(e) => setToken(e.currentTarget.value)} placeholder="ag_…" required />
      </label>
      <label class="ag-field">
        <span class="ag-field__label">NIT de la empresa (solo si el agente lleva varias)</span>
        <input type="text" inputMode="numeric" autoComplete="off" value={companyNit} onInput={(e) => setCompanyNit(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="ag-alert ag-alert--error" role="alert" data-testid="agente-connection-error">
          {error}
        </p>
      )}
      <div class="ag-actions">
        <button type="submit" class="ag-button ag-button--primary" disabled={busy}>
          {busy ? 'Conectando…' : 'Conectar'}
        </button>
      </div>
    </form>
  );
}
