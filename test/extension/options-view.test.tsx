import './dom-environment';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsView } from '../../extension/components/options-view';
import { readConnection } from '../../extension/lib/storage';
import { startTestAgent, TEST_SERVER_URL, type TestAgent } from './support';

describe('OptionsView (la página de opciones: la misma conexión que el panel)', () => {
  let agent: TestAgent;
  beforeEach(async () => {
    agent = await startTestAgent();
  });
  afterEach(() => cleanup());

  it('conecta, dice con qué empresa y permite olvidar el token', async () => {
    await agent.createCompany();
    render(<OptionsView />);
    fireEvent.input(await screen.findByLabelText('Dirección del agente'), { target: { value: TEST_SERVER_URL } });
    fireEvent.input(screen.getByLabelText('Código de acceso'), { target: { value: agent.token } });
    fireEvent.click(screen.getByRole('button', { name: 'Conectar' }));
    expect((await screen.findByTestId('agente-options-connected')).textContent).toContain('Empresa: Ópticas GMO S.A.S.');
    expect((await readConnection()).token).toBe(agent.token);

    fireEvent.click(screen.getByRole('button', { name: 'Olvidar el token guardado' }));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Olvidar el token guardado' })).toBeNull());
    expect((await readConnection()).token).toBe('');
  });

  it('si el agente aún no tiene empresa, la pide ahí mismo', async () => {
    render(<OptionsView />);
    fireEvent.input(await screen.findByLabelText('Código de acceso'), { target: { value: agent.token } });
    fireEvent.click(screen.getByRole('button', { name: 'Conectar' }));
    expect(await screen.findByTestId('agente-company')).toBeTruthy();
  });
});
