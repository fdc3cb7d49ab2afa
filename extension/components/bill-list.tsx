import { useState } from 'preact/hooks';
import { formatPesos } from '#shared/money';
import type { Bill, BillLine } from '#shared/bill';
import { CONCEPT_NAMES, NO_WITHHOLDING, WITHHOLDING_CONCEPTS } from '#shared/withholding-concepts';
import { toAgentError } from '../lib/errors';
import { SOURCE_LABELS, formatShortDate } from '../lib/format';
import { AccountPicker } from './account-picker';
import { useApi } from './api-context';
import { CheckIcon } from './icons';
import { AuthenticityNote } from './authenticity-note';
import { RadianBox } from './radian-box';

interface Props {
  bills: Bill[];
  onChanged: (bill: Bill) => void;
}

/** The registered bills, "por verificar" first, each with its lines, account, source and explanation. */
export function BillList({ bills, onChanged }: Props) {
  if (bills.length === 0) return <p class="ag-muted">Todavía no hay facturas registradas por el agente.</p>;
  return (
    <ul class="ag-list" data-testid="agente-bills">
      {bills.map((bill) => (
        <BillCard key={bill.id} bill={bill} onChanged={onChanged} />
      ))}
    </ul>
  );
}

const KIND_LABELS: Record<Bill['kind'], string> = { invoice: 'Factura', 'credit-note': 'Nota crédito', 'debit-note': 'Nota débito' };

function BillCard({ bill, onChanged }: { bill: Bill; onChanged: (bill: Bill) => void }) {
  return (
    <li class="ag-list__item ag-bill" data-testid="agente-bill">
      <details>
        <summary class="ag-bill__summary">
          <span class="ag-bill__supplier">{bill.supplier.name}</span>
          <span class="ag-bill__meta">
            {KIND_LABELS[bill.kind]} {bill.number} · {formatShortDate(bill.issueDate)}
          </span>
          <span class="ag-bill__total">{formatPesos(bill.total)}</span>
          {bill.needsReview && <span class="ag-badge ag-badge--warning">Por verificar</span>}
          {bill.radian?.ivaAtRisk && <span class="ag-badge ag-badge--warning">IVA descontable en riesgo</span>}
        </summary>
        <AuthenticityNote authenticity={bill.authenticity} registered />
        <RadianBox bill={bill} onChanged={onChanged} />
        {bill.reviewNotes.length > 0 && (
          <ul class="ag-notes">
            {bill.reviewNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <ol class="ag-lines">
          {bill.lines.map((line) => (
            <LineRow key={line.id} bill={bill} line={line} onChanged={onChanged} />
          ))}
        </ol>
      </details>
    </li>
  );
}

function LineRow({ bill, line, onChanged }: { bill: Bill; line: BillLine; onChanged: (bill: Bill) => void }) {
  const api = useApi();
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const verified = line.source === 'user';

  const save = async (accountCode: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await api.correctLine(bill.id, line.id, accountCode));
      setPicking(false);
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="ag-line" data-testid="agente-bill-line">
      <div class="ag-line__head">
        <span class="ag-line__description">{line.description}</span>
        <span class="ag-line__amount">{formatPesos(line.amount)}</span>
      </div>
      <dl class="ag-line__facts">
        <div>
          <dt>Cuenta</dt>
          <dd data-testid="agente-line-account">
            <span class="ag-code">{line.accountCode}</span> {line.accountName ?? ''}
          </dd>
        </div>
        {line.itemName && (
          <div>
            <dt>Producto</dt>
            <dd>{line.itemName}</dd>
          </div>
        )}
        <div>
          <dt>Origen</dt>
          <dd data-testid="agente-line-source">{SOURCE_LABELS[line.source]}</dd>
        </div>
        <div>
          <dt>Por qué</dt>
          <dd data-testid="agente-line-explanation">{line.explanation}</dd>
        </div>
        {line.withholdingConcept && (
          <div>
            <dt>Retención</dt>
            <dd data-testid="agente-line-concept">
              <ConceptPicker bill={bill} line={line} onChanged={onChanged} />
              {line.conceptExplanation && <span class="ag-muted"> {line.conceptExplanation}</span>}
            </dd>
          </div>
        )}
      </dl>
      {!picking && (
        <div class="ag-actions ag-actions--inline">
          {verified ? (
            <span class="ag-verified">
              <CheckIcon /> Verificada
            </span>
          ) : (
            <button type="button" class="ag-button ag-button--small" disabled={busy} onClick={() => void save(line.accountCode)}>
              Verificar
            </button>
          )}
          <button type="button" class="ag-button ag-button--small" disabled={busy} onClick={() => setPicking(true)}>
            Cambiar cuenta
          </button>
        </div>
      )}
      {picking && <AccountPicker label={`Cuenta para «${line.description.slice(0, 40)}»`} onPick={(account) => void save(account.code)} onCancel={() => setPicking(false)} />}
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The line's retención concept, as the agent chose it or a person did; changing it re-computes the entry. */
function ConceptPicker({ bill, line, onChanged }: { bill: Bill; line: BillLine; onChanged: (bill: Bill) => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const change = async (concept: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await api.changeConcept(bill.id, line.id, concept));
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <select
        class="ag-select"
        aria-label={`Concepto de retención de «${line.description.slice(0, 40)}»`}
        value={line.withholdingConcept}
        disabled={busy}
        onChange={(event) => void change((event.target as HTMLSelectElement).value)}
      >
        {WITHHOLDING_CONCEPTS.map((concept) => (
          <option key={concept} value={concept}>
            {CONCEPT_NAMES[concept].charAt(0).toUpperCase() + CONCEPT_NAMES[concept].slice(1)}
          </option>
        ))}
        <option value={NO_WITHHOLDING}>Sin retención</option>
      </select>
      {error && (
        <span class="ag-alert ag-alert--error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
