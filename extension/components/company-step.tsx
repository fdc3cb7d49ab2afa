import { useState } from 'preact/hooks';
import type { CompanyProfile } from '#shared/company';
import type { ComponentChildren } from 'preact';
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
  // Asked, never assumed: the same purchase goes to inventory (14), to purchases (6205) or straight to expense or cost
  // depending on the inventory system (accounting-co.md §2), and the group of general expenses decides 51 or 52.
  const [inventory, setInventory] = useState<CompanyProfile['inventory'] | ''>('');
  const [expenseFunction, setExpenseFunction] = useState<'admin' | 'ventas' | ''>('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!inventory) {
      setError('Elige cómo llevas el inventario.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const codes = ciiu.split(/[\s,;]+/).filter(Boolean);
      onCreated(await api.createCompany({ nit, name, userName, ciiu: codes, inventory, ...(expenseFunction ? { expenseFunction } : {}) }));
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
      <fieldset class="ag-options" aria-required="true">
        <legend class="ag-field__label">¿Cómo llevas el inventario?</legend>
        <Choice name="ag-inventory" required checked={inventory === 'perpetual'} onChoose={() => setInventory('perpetual')} title="Inventario permanente">
          Lo que compras para vender o transformar entra al inventario (14).
        </Choice>
        <Choice name="ag-inventory" required checked={inventory === 'periodic'} onChoose={() => setInventory('periodic')} title="Inventario periódico">
          Lo que compras para vender o transformar va a compras (6205) y se cierra al final del periodo.
        </Choice>
        <Choice name="ag-inventory" required checked={inventory === 'none'} onChoose={() => setInventory('none')} title="No llevo inventario">
          Lo que compras va al gasto o al costo.
        </Choice>
      </fieldset>
      <fieldset class="ag-options">
        <legend class="ag-field__label">¿A qué grupo van tus gastos generales?</legend>
        <Choice name="ag-function" checked={expenseFunction === ''} onChoose={() => setExpenseFunction('')} title="Según mi actividad">
          Si tu actividad principal es comercio, a ventas (52); si no, a administración (51).
        </Choice>
        <Choice name="ag-function" checked={expenseFunction === 'admin'} onChoose={() => setExpenseFunction('admin')} title="Administración (51)" />
        <Choice name="ag-function" checked={expenseFunction === 'ventas'} onChoose={() => setExpenseFunction('ventas')} title="Ventas (52)" />
      </fieldset>
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

/** One answer of a question, as a card like the welcome step's («Registrar los más recientes»). */
function Choice({ name, required, checked, onChoose, title, children }: { name: string; required?: boolean; checked: boolean; onChoose: () => void; title: string; children?: ComponentChildren }) {
  return (
    <label class={`ag-option${checked ? ' ag-option--checked' : ''}`}>
      <input type="radio" name={name} checked={checked} onChange={onChoose} required={required} />
      <span>
        <strong>{title}</strong>
        {children && <span class="ag-option__hint">{children}</span>}
      </span>
    </label>
  );
}
