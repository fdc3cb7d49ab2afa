import './dom-environment';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStep } from '../../extension/components/connection-step';
import { readConnection } from '../../extension/lib/storage';
import { startTestAgent, TEST_SERVER_URL, type TestAgent } from './support';

describe('ConnectionStep (primera conexión)', () => {
  let agent: TestAgent;
  beforeEach(async () => {
    agent = await startTestAgent();
  });
  afterEach(() => cleanup());

  it('habla a quien lleva la contabilidad: qué datos pedir y dónde están; el detalle técnico tras «¿Cómo lo obtengo?»', async () => {
    render(<ConnectionStep initialServerUrl={TEST_SERVER_URL} onConnected={vi.fn()} />);
    const step = screen.getByTestId('agente-connection');
    const help = screen.getByTestId('agente-connection-help');
    const intro = step.textContent!.replace(help.textContent!, '');
    expect(intro).toContain('necesitas dos datos: la dirección del agente y su código de acceso');
    expect(intro).toMatch(/si lo instaló otra persona, pídeselos/);
    expect(intro).not.toMatch(/npm|token/); // no commands nor jargon before the link
    expect((help as HTMLDetailsElement).open).toBe(false);
    expect(within(help).getByText('¿Cómo lo obtengo?').tagName).toBe('SUMMARY');
    expect(help.textContent).toContain('npm start');
    expect(help.textContent).toContain('npx agente token');
  });

  it('guarda la dirección y el token cuando el agente los acepta', async () => {
    const onConnected = vi.fn();
    render(<ConnectionStep initialServerUrl={TEST_SERVER_URL} onConnected={onConnected} />);
    fireEvent.input(screen.getByLabelText('Código de acceso'), { target: { value: agent.token } });
    fireEvent.click(screen.getByRole('button', { name: 'Conectar' }));
    await waitFor(() => expect(onConnected).toHaveBeenCalled());
    expect(onConnected.mock.calls[0]![0]).toMatchObject({ serverUrl: TEST_SERVER_URL, needsCompany: true });
    expect(await readConnection()).toEqual({ serverUrl: TEST_SERVER_URL, token: agent.token, companyNit: '' });
  });

  it('dice claramente que el token es incorrecto y no guarda nada', async () => {
    const onConnected = vi.fn();
    render(<ConnectionStep initialServerUrl={TEST_SERVER_URL} onConnected={onConnected} />);
    fireEvent.input(screen.getByLabelText('Código de acceso'), { target: { value: 'ag_equivocado' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conectar' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('El código de acceso no es válido');
    expect(onConnected).not.toHaveBeenCalled();
    expect((await readConnection()).token).toBe('');
  });

  it('dice que no encuentra el agente cuando la dirección no responde', async () => {
    render(<ConnectionStep initialServerUrl="http://127.0.0.1:1" onConnected={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Código de acceso'), { target: { value: agent.token } });
    fireEvent.click(screen.getByRole('button', { name: 'Conectar' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/No se pudo conectar con el agente en http:\/\/127\.0\.0\.1:1/);
  });
});
