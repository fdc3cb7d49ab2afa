import './dom-environment';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentAgentState } from '../../server/agent/agent-switch';
import { StatusView } from '../../extension/components/status-view';
import { PAUSE_WARNING } from '../../extension/components/agent-switch';
import { startActiveTestAgent, type TestAgent } from './support';

const MINUTE = 60_000;

describe('StatusView (paso 4: estado del agente)', () => {
  let agent: TestAgent;
  let company: { id: string; nit: string };

  beforeEach(async () => {
    ({ agent, company } = await startActiveTestAgent(10 * MINUTE));
    await agent.receive(company.nit, 'dian-toolkit__Generica.xml', 'FE-101');
    await agent.receive(company.nit, 'dian-toolkit__Servicios.xml', 'FE-102');
  });
  afterEach(() => cleanup());

  const figure = (testId: string) => screen.getByTestId(testId).textContent ?? '';

  it('recién activado muestra «Hoy» (ayer está vacío por definición): registradas y tiempo ahorrado (3 min cada una)', async () => {
    render(<StatusView />);
    await screen.findByTestId('agente-figures');
    expect(screen.getByTestId('agente-summary-day').textContent).toBe('Hoy, viernes, 27 de noviembre (hasta ahora)');
    expect(figure('agente-registered')).toBe('2');
    expect(figure('agente-time-saved')).toBe('0 h 6 min');
    expect(figure('agente-not-registered')).toBe('0');
    expect(screen.queryByRole('button', { name: 'Ver motivos' })).toBeNull(); // nothing to see
    expect(screen.getByText('El resumen se actualiza todos los días a las 12:00 a. m. con la información del día anterior.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Ayer' }));
    expect(screen.getByTestId('agente-summary-day').textContent).toBe('Ayer, jueves, 26 de noviembre');
    expect(figure('agente-registered')).toBe('0');
    expect(screen.getByRole('switch', { name: 'Estado del Agente' }).getAttribute('aria-checked')).toBe('true');
  });

  it('al día siguiente muestra el resumen de ayer por defecto', async () => {
    agent.clock.advance(24 * 60 * MINUTE);
    render(<StatusView />);
    await screen.findByTestId('agente-figures');
    expect(screen.getByTestId('agente-summary-day').textContent).toBe('Ayer, viernes, 27 de noviembre');
    expect(figure('agente-registered')).toBe('2');
  });

  it('pausar pide confirmación con las consecuencias, y lo que llega en pausa no se registra', async () => {
    render(<StatusView />);
    const toggle = await screen.findByRole('switch', { name: 'Estado del Agente' });
    fireEvent.click(toggle);
    const confirm = screen.getByTestId('agente-pause-confirm');
    expect(confirm.textContent).toContain(PAUSE_WARNING);
    expect(PAUSE_WARNING).toMatch(/no registro nada: ni lo que llegue, ni lo que ya estaba en espera/);
    expect(PAUSE_WARNING).toMatch(/registraré lo que estaba en espera y lo que llegue desde ese momento/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Desactivar' }));
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect((await currentAgentState(agent.db, company.id, agent.clock)).status).toBe('paused');
    expect(screen.getByTestId('agente-paused-note').textContent).toContain('El agente está desactivado.');

    agent.clock.advance(5 * MINUTE);
    await agent.receive(company.nit, 'dian-toolkit__Exento_de_IVA.xml', 'FE-103');
    // Receiving now checks both signatures: a refresh started meanwhile may still be running («Actualizando…»).
    fireEvent.click(await screen.findByRole('button', { name: 'Actualizar' }, { timeout: 10_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoy' }));
    await waitFor(() => expect(figure('agente-not-registered')).toMatch(/^1/));
    expect(figure('agente-registered')).toBe('2');

    fireEvent.click(screen.getByRole('button', { name: 'Ver motivos' }));
    const item = await screen.findByTestId('agente-not-registered-item');
    expect(item.textContent).toContain('No. FE-103');
    expect(item.textContent).toContain('Llegó con el agente desactivado');
    expect(item.textContent).toMatch(/con el agente en pausa: no se registra automáticamente/);
    fireEvent.click(screen.getByRole('button', { name: '‹ Volver al estado del agente' }));

    const resumeToggle = await screen.findByRole('switch', { name: 'Estado del Agente' });
    fireEvent.click(resumeToggle);
    await waitFor(() => expect(resumeToggle.getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByText(/Los que llegaron mientras estuvo desactivado siguen sin registrar/)).toBeTruthy();
    expect((await currentAgentState(agent.db, company.id, agent.clock)).status).toBe('active');
  });

  it('cancelar la confirmación deja el agente activo', async () => {
    render(<StatusView />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Estado del Agente' }));
    fireEvent.click(within(screen.getByTestId('agente-pause-confirm')).getByRole('button', { name: 'Cancelar' }));
    expect(screen.queryByTestId('agente-pause-confirm')).toBeNull();
    expect((await currentAgentState(agent.db, company.id, agent.clock)).status).toBe('active');
  });
});
