import './dom-environment';
import { randomBytes } from 'node:crypto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import { BillList } from '../../extension/components/bill-list';
import { PermissionsContext } from '../../extension/components/permissions-context';
import { agentApi } from '../../extension/lib/agent-api';
import { saveCertificate } from '../../server/radian/company-certificate';
import { RadianEvents } from '../../server/radian/radian-events';
import { saveRadianSettings } from '../../server/radian/radian-settings';
import { attachRadian } from '../../server/radian/transports';
import { SecretBox } from '../../server/secrets/secret-box';
import type { Permission } from '../../server/users/permissions';
import { supplierIdentity } from '../support/pki';
import { p12For, recordingTransports, type RecordingTransports } from '../radian/support';
import { startTestAgent, type TestAgent } from './support';

function Harness({ initial, permissions }: { initial: Bill[]; permissions: readonly Permission[] }) {
  const [bills, setBills] = useState(initial);
  return (
    <PermissionsContext.Provider value={permissions}>
      <BillList bills={bills} onChanged={(bill) => setBills(bills.map((b) => (b.id === bill.id ? bill : b)))} />
    </PermissionsContext.Provider>
  );
}

describe('RadianBox (eventos RADIAN de una factura a crédito)', () => {
  let agent: TestAgent;
  let transports: RecordingTransports;

  beforeEach(async () => {
    agent = await startTestAgent();
    await agent.connect();
    const company = await agent.createCompany();
    const name = 'Ópticas GMO S.A.S.';
    const box = SecretBox.fromKey(randomBytes(32));
    transports = recordingTransports();
    attachRadian(agent.agent, new RadianEvents({ db: agent.db, clock: agent.clock, box, transports }));
    await saveRadianSettings(agent.db, box, company, {
      software: { softwareId: 'soft-1', pin: '12345', environment: 'habilitacion' },
      receiver: { firstName: 'Diana', familyName: 'Gómez', idType: '13', idNumber: '52123456', jobTitle: 'Contadora', department: 'Contabilidad' },
    }, 'Diana', agent.clock);
    await saveCertificate(agent.db, box, { ...company, name }, p12For(supplierIdentity(company.nit, name), 'x'), 'x', 'Diana', agent.clock);
    await agent.activate(company.id);
    agent.clock.advance(60_000);
    await agent.receive(company.nit, 'dian-toolkit__Generica.xml', 'FE-701');
    agentApi.setActor('Diana Gómez');
  });
  afterEach(() => {
    cleanup();
    agentApi.setActor('');
  });

  it('marca el IVA en riesgo, envía 030 y 032, y «Reclamar» pide el motivo y lo envía a nombre de quien hace clic', async () => {
    // The permissions the panel gets from /me (this token is the first administrator's).
    render(<Harness initial={(await agentApi.bills()).items} permissions={(await agentApi.me()).user.permissions} />);
    const bill = screen.getByTestId('agente-bill');
    expect(bill.textContent).toContain('IVA descontable en riesgo');
    const box = within(bill).getByTestId('agente-radian');
    expect(within(box).getByTestId('agente-radian-030').textContent).toBe('Falta');
    expect(within(box).queryByTestId('agente-radian-accept')).toBeNull();

    fireEvent.click(within(box).getByRole('button', { name: 'Enviar acuse de recibo (030)' }));
    await waitFor(() => expect(within(screen.getByTestId('agente-radian')).getByTestId('agente-radian-030').textContent).toBe('Aceptado por la DIAN'));
    fireEvent.click(within(screen.getByTestId('agente-radian')).getByRole('button', { name: 'Enviar recibo del bien (032)' }));
    await waitFor(() => expect(screen.getByTestId('agente-radian-032').textContent).toBe('Aceptado por la DIAN'));
    expect(screen.getByTestId('agente-bill').textContent).not.toContain('IVA descontable en riesgo');
    expect(screen.getByTestId('agente-radian-accept')).toBeTruthy();

    fireEvent.click(screen.getByTestId('agente-radian-claim'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Motivo del reclamo' }), { target: { value: '03' } });
    fireEvent.click(screen.getByTestId('agente-radian-claim-send'));
    await waitFor(() => expect(screen.getByTestId('agente-radian-acceptance').textContent).toBe('Reclamada (031).'));
    expect(screen.getByTestId('agente-radian-events').textContent).toMatch(/031 .*motivo 03 Mercancía entregada parcialmente.*Aceptado por la DIAN.*Diana Gómez/);
    expect(screen.queryByTestId('agente-radian-accept')).toBeNull();
    expect(transports.gateway.sent.map((s) => s.event.code)).toEqual(['030', '032', '031']);
  });

  it('a un auxiliar no le ofrece «Aceptar» ni «Reclamar»: envía 030 y 032 y le dice quién decide', async () => {
    render(<Harness initial={(await agentApi.bills()).items} permissions={['read', 'review']} />);
    fireEvent.click(within(screen.getByTestId('agente-radian')).getByRole('button', { name: 'Enviar acuse de recibo (030)' }));
    await waitFor(() => expect(screen.getByTestId('agente-radian-030').textContent).toBe('Aceptado por la DIAN'));
    fireEvent.click(within(screen.getByTestId('agente-radian')).getByRole('button', { name: 'Enviar recibo del bien (032)' }));
    await waitFor(() => expect(screen.getByTestId('agente-radian-032').textContent).toBe('Aceptado por la DIAN'));
    expect(screen.queryByTestId('agente-radian-accept')).toBeNull();
    expect(screen.queryByTestId('agente-radian-claim')).toBeNull();
    expect(screen.getByTestId('agente-radian-decide-note').textContent).toBe('Aceptar o reclamar la factura lo hace un contador o un administrador de la empresa.');
    expect(transports.gateway.sent.map((s) => s.event.code)).toEqual(['030', '032']);
  });
});
