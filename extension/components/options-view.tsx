import './base.css';
import './popup.css';
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionInfo, ConnectResult } from '../lib/messages';
import { useApi } from './api-context';
import { CompanyStep } from './company-step';
import { ConnectionStep } from './connection-step';

/** The options page: the same connection step as the panel's first run, reachable from the browser's menu. */
export function OptionsView() {
  const api = useApi();
  const [info, setInfo] = useState<ConnectionInfo>();
  const [result, setResult] = useState<ConnectResult>();
  const [companyCreated, setCompanyCreated] = useState<string>();

  useEffect(() => {
    void api.connection().then(setInfo);
  }, [api]);

  const forget = async () => {
    setInfo(await api.disconnect());
    setResult(undefined);
  };

  return (
    <main class="ag-options-page" data-testid="agente-options">
      <h1 class="ag-popup__title">Agente de Gastos · Conexión</h1>
      {info?.configured && !result && (
        <p class="ag-alert ag-alert--info" role="status">
          Conectada con el agente en <code>{info.serverUrl}</code>. Para cambiar la conexión, escribe de nuevo la dirección y el token.
        </p>
      )}
      {info && (
        <ConnectionStep
          key={info.serverUrl}
          initialServerUrl={info.serverUrl}
          initialCompanyNit={info.companyNit}
          onConnected={(connected) => {
            setResult(connected);
            setInfo({ ...info, configured: true, serverUrl: connected.serverUrl });
          }}
        />
      )}
      {result && !result.needsCompany && (
        <p class="ag-alert ag-alert--info" role="status" data-testid="agente-options-connected">
          Conectada. {result.companyName ? `Empresa: ${result.companyName}.` : ''} Abre Gastos › Recepción de comprobantes en Alegra y elige «Más acciones › Agente de Gastos».
        </p>
      )}
      {result?.needsCompany && !companyCreated && <CompanyStep onCreated={(company) => setCompanyCreated(company.name)} />}
      {companyCreated && (
        <p class="ag-alert ag-alert--info" role="status">
          Empresa {companyCreated} creada. Abre Gastos › Recepción de comprobantes en Alegra para activar el agente.
        </p>
      )}
      {info?.configured && (
        <button type="button" class="ag-link-button" onClick={() => void forget()}>
          Olvidar el token guardado
        </button>
      )}
    </main>
  );
}
