import { useEffect, useRef, useState } from 'preact/hooks';
import { toAgentError } from '../lib/errors';
import type { Account } from '../lib/agent-api';
import { useApi } from './api-context';

interface Props {
  /** Shown to say what is being changed: "Cuenta para «Lentes»". */
  label: string;
  onPick: (account: Account) => void;
  onCancel: () => void;
}

/** Search the chart of accounts (postable accounts only) by code or by words of the name. */
export function AccountPicker({ label, onPick, onCancel }: Props) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [accounts, setAccounts] = useState<Account[]>();
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    let current = true;
    // Wait for a pause in typing: one search per word, not per key.
    const timer = setTimeout(() => {
      api.accounts(query.trim()).then(
        (found) => current && (setAccounts(found), setError(undefined)),
        (failure: unknown) => current && setError(toAgentError(failure).message),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  return (
    <div class="ag-picker" role="group" aria-label={label} data-testid="agente-account-picker" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <label class="ag-field">
        <span class="ag-field__label">{label}: busca por código o nombre</span>
        <input ref={input} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="Ej.: 5195 o papelería" />
      </label>
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
      {accounts && accounts.length === 0 && <p class="ag-muted">Ninguna cuenta coincide.</p>}
      {accounts && accounts.length > 0 && (
        <ul class="ag-picker__results" aria-label="Cuentas encontradas">
          {accounts.map((account) => (
            <li key={account.code}>
              <button type="button" class="ag-picker__option" onClick={() => onPick(account)}>
                <span class="ag-code">{account.code}</span> {account.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="ag-button ag-button--small" onClick={onCancel}>
        Cancelar
      </button>
    </div>
  );
}
