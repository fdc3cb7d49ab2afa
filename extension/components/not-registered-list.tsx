import { useEffect, useRef, useState } from 'preact/hooks';
import type { DailySummary, NotRegisteredEntry } from '#shared/summary';
import { toAgentError } from '../lib/errors';
import { DOCUMENT_STATUS_LABELS, formatDateTime } from '../lib/format';
import { useApi } from './api-context';
import { AuthenticityNote } from './authenticity-note';

interface Props {
  summary: DailySummary;
  /** "Ayer, jueves 26 de noviembre"… */
  dayLabel: string;
  onBack: () => void;
  /** A document was registered by hand: figures and bills change. */
  onRegistered: () => void;
}

/**
 * Reasons a person may override by registering the document by hand (the agent never does it by itself). A document
 * that may have been altered is never one of them.
 */
const MANUAL_REGISTRATION_REASONS = new Set(['ARRIVED_WHILE_PAUSED', 'AGENT_INACTIVE', 'AUTHENTICITY_UNCONFIRMED', 'AWAITING_DIAN_COPY']);

/** "Facturas no registradas": each document with the reason the agent did not register it. */
export function NotRegisteredList({ summary, dayLabel, onBack, onRegistered }: Props) {
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The summary brings the first page; «Ver más» asks for the next ones (a flooded day is never one huge answer).
  const [entries, setEntries] = useState(summary.notRegisteredDocuments);
  const [next, setNext] = useState(summary.notRegisteredNextOffset ?? null);
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    setEntries(summary.notRegisteredDocuments);
    setNext(summary.notRegisteredNextOffset ?? null);
  }, [summary]);
  const more = async () => {
    if (next === null) return;
    try {
      const page = await api.summary(summary.date, { offset: next });
      setEntries((current) => [...current, ...page.notRegisteredDocuments]);
      setNext(page.notRegisteredNextOffset ?? null);
      setLoadError(undefined);
    } catch (failure) {
      setLoadError(toAgentError(failure).message);
    }
  };
  return (
    <section class="ag-step" data-testid="agente-not-registered-list" aria-labelledby="ag-not-registered-title">
      <button type="button" class="ag-link-button ag-back" onClick={onBack}>
        ‹ Volver al estado del agente
      </button>
      <h3 id="ag-not-registered-title" class="ag-step__title" tabIndex={-1} ref={heading}>
        Facturas no registradas · {dayLabel}
      </h3>
      {entries.length === 0 ? (
        <p class="ag-muted">No hay facturas sin registrar ese día.</p>
      ) : (
        <ul class="ag-list">
          {entries.map((entry) => (
            <NotRegisteredItem key={entry.documentId} entry={entry} onRegistered={onRegistered} />
          ))}
        </ul>
      )}
      {next !== null && (
        <button type="button" class="ag-button ag-button--small" onClick={() => void more()} data-testid="agente-not-registered-more">
          Ver más ({entries.length} de {summary.notRegistered})
        </button>
      )}
      {loadError && (
        <p class="ag-alert ag-alert--error" role="alert">
          {loadError}
        </p>
      )}
    </section>
  );
}

function NotRegisteredItem({ entry, onRegistered }: { entry: NotRegisteredEntry; onRegistered: () => void }) {
  const api = useApi();
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string>();
  const canRegister = !entry.authenticity?.mayBeAltered && (MANUAL_REGISTRATION_REASONS.has(entry.reasonCode ?? '') || entry.status === 'arrived_while_paused');

  const register = async () => {
    setState('busy');
    setError(undefined);
    try {
      await api.registerDocument(entry.documentId);
      setState('done');
      onRegistered();
    } catch (failure) {
      setError(toAgentError(failure).message);
      setState('idle');
    }
  };

  return (
    <li class="ag-list__item" data-testid="agente-not-registered-item">
      <div class="ag-list__head">
        <strong>{entry.number ? `No. ${entry.number}` : 'Documento sin número'}</strong>
        {entry.supplierName && <span> · {entry.supplierName}</span>}
      </div>
      <div class="ag-badge ag-badge--muted">{DOCUMENT_STATUS_LABELS[entry.status]}</div>
      <p class="ag-reason">
        <span class="ag-visually-hidden">Motivo: </span>
        {entry.reason}
      </p>
      {/* The reason already says it when authenticity is why it was not registered. */}
      <AuthenticityNote authenticity={entry.authenticity} compact={entry.reasonCode === 'POSSIBLY_ALTERED' || entry.reasonCode === 'AUTHENTICITY_UNCONFIRMED'} />
      <p class="ag-muted ag-small">Recibido el {formatDateTime(entry.arrivedAt)}</p>
      {canRegister && state !== 'done' && (
        <button type="button" class="ag-button ag-button--small" disabled={state === 'busy'} onClick={register}>
          {state === 'busy' ? 'Registrando…' : 'Registrar ahora'}
        </button>
      )}
      {state === 'done' && (
        <p class="ag-alert ag-alert--info" role="status">
          Registrada a mano.
        </p>
      )}
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
