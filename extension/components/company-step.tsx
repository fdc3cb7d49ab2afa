import { useState } from 'preact/hooks';
import type { CompanyProfile } from '#shared/company';
import { toAgentError } from '../lib/errors';
import { useApi } from './api-context';

interface Props {
  onCreated: (company: CompanyProfile) => void;
}

/** The agent has no company yet: the few facts it needs to register purchases in its name. */
export function CompanyStep({ onCreated }: Props) {
  const api = useApi();
  const [nit, setNit] = useState('');
  const [name, setName] = useState('');
  const [userName, setUserName] = useState('');
  const [ciiu, setCiiu] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const codes = ciiu.split(/[\s,;]+/).filter(Boolean);
      onCreated(await api.createCompany({ nit, name, userName, ciiu: codes }));
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="ag-step ag-form" onSubmit={submit} data-testid="agente-company" aria-labelledby="ag-company-title">
      <h3 id="ag-company-title" class="ag-step__title">Datos de tu empresa</h3>
      <p>El agente todavía no tiene empresa. Registraré las compras que lleguen a nombre de este NIT.</p>
      <label class="ag-field">
        <span class="ag-field__label">NIT (sin dígito de verificación)</span>
        <input type="text" inputMode="numeric" value={nit} onInput={(e) => setNit(e.currentTarget.value)} required />
      </label>
      <label class="ag-field">
        <span class="ag-field__label">Razón social</span>
        <input type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} required />
      </label>
      <label class="ag-field">
        <span class="ag-field__label">Tu nombre</span>
        <input type="text" autoComplete="name" value={userName} onInput={(e) => setUserName(e.currentTarget.value)} required />
      </label>
      <label class="ag-field">
        <span class="ag-field__label">Actividades económicas CIIU (opcional, separadas por coma)</span>
        <input type="text" inputMode="numeric" value={ciiu} onInput={(e) => setCiiu(e.currentTarget.value)} placeholder="4773, 4719" />
      </label>
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
      <div class="ag-actions">
        <button type="submit" class="ag-button ag-button--primary" disabled={busy}>
          {busy ? 'Guardando…' : 'Guardar empresa'}
        </button>
      </div>
    </form>
  );
}
