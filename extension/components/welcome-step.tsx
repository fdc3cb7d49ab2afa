import { useState } from 'preact/hooks';

interface Props {
  name: string;
  /** "Activar" with the chosen option: the panel shows the task list next. */
  onActivate: (mode: 'recent') => void;
}

/** Steps 1 and 2 of the journey: the greeting, then "Registrar los más recientes" and "Activar". */
export function WelcomeStep({ name, onActivate }: Props) {
  const [mode, setMode] = useState<'recent' | ''>('recent');
  return (
    <section class="ag-step" data-testid="agente-welcome" aria-labelledby="ag-welcome-title">
      <h3 id="ag-welcome-title" class="ag-step__title ag-step__title--big">Hola, {name}</h3>
      <p>Soy tu agente de gastos y te ayudaré a registrar automáticamente tus compras.</p>
      <p>Preparé una lista de tareas para registrar los nuevos comprobantes que lleguen a tu buzón de recepción. Primero, elige qué comprobantes quieres que registre:</p>
      <fieldset class="ag-options">
        <legend class="ag-visually-hidden">Comprobantes a registrar</legend>
        <label class={`ag-option${mode === 'recent' ? ' ag-option--checked' : ''}`}>
          <input type="radio" name="ag-mode" value="recent" checked={mode === 'recent'} onChange={() => setMode('recent')} />
          <span>
            <strong>Registrar los más recientes</strong>
            <span class="ag-option__hint">Desde hoy: registraré los comprobantes que lleguen a partir de ahora.</span>
          </span>
        </label>
      </fieldset>
      <div class="ag-actions">
        <button type="button" class="ag-button ag-button--primary" disabled={mode === ''} onClick={() => mode && onActivate(mode)}>
          Activar
        </button>
      </div>
    </section>
  );
}
