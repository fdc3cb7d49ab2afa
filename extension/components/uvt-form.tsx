import { useState } from 'preact/hooks';
import { toAgentError } from '../lib/errors';
import { useApi } from './api-context';

/**
 * The UVT of a year the agent is missing, as DIAN published it: value in pesos and the resolution. The agent checks
 * it against the previous year's; after saving, `agente reglas recalcular <año>` re-computes the bills that waited.
 */
export function UvtForm({ year, onSaved }: { year: number; onSaved: () => void }) {
  const api = useApi();
  const [value, setValue] = useState('');
  const [resolution, setResolution] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.enterUvt(year, Number(value.replace(/[.\s$]/g, '')), resolution);
      onSaved();
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="ag-card" data-testid="agente-uvt-form" onSubmit={(event) => void save(event)}>
      <h3 class="ag-card__title">UVT {year}</h3>
      <label class="ag-field">
        <span class="ag-field__label">Valor de la UVT {year} en pesos</span>
        <input inputMode="numeric" required value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
      </label>
      <label class="ag-field">
        <span class="ag-field__label">Resolución de la DIAN (número y fecha)</span>
        <input required value={resolution} onInput={(e) => setResolution((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="ag-button ag-button--small" disabled={busy}>
        Guardar UVT
      </button>
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
