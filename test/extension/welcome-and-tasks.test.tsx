import './dom-environment';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentAgentState } from '../../server/agent/agent-switch';
import { TaskListStep } from '../../extension/components/task-list-step';
import { WelcomeStep } from '../../extension/components/welcome-step';
import { startTestAgent, type TestAgent } from './support';

describe('WelcomeStep (pasos 1 y 2)', () => {
  afterEach(() => cleanup());

  it('saluda por el nombre y ofrece «Registrar los más recientes» antes de «Activar»', () => {
    const onActivate = vi.fn();
    render(<WelcomeStep name="Diana Gómez" onActivate={onActivate} />);
    expect(screen.getByRole('heading', { name: 'Hola, Diana Gómez' })).toBeTruthy();
    expect(screen.getByText('Soy tu agente de gastos y te ayudaré a registrar automáticamente tus compras.')).toBeTruthy();
    expect(screen.getByText(/Preparé una lista de tareas para registrar los nuevos comprobantes que lleguen a tu buzón de recepción/)).toBeTruthy();
    const option = screen.getByRole('radio', { name: /Registrar los más recientes/ }) as HTMLInputElement;
    expect(option.checked).toBe(true);
    expect(screen.getByText(/Desde hoy/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Activar' }));
    expect(onActivate).toHaveBeenCalledWith('recent');
  });
});

describe('TaskListStep (paso 3)', () => {
  let agent: TestAgent;
  beforeEach(async () => {
    agent = await startTestAgent();
    await agent.connect();
  });
  afterEach(() => cleanup());

  it('muestra las tres tareas en orden y «Empezar ▶» activa el agente desde ahora', async () => {
    const company = await agent.createCompany();
    const onStarted = vi.fn();
    render(<TaskListStep onStarted={onStarted} />);
    const titles = [...document.querySelectorAll('.ag-task__title')].map((element) => element.textContent);
    expect(titles).toEqual(['Registro de comprobantes', 'Sugerencias inteligentes', 'Verificación de datos']);
    expect(screen.getByText(/desde hoy/)).toBeTruthy();
    expect(screen.getByText(/historial de compras/)).toBeTruthy();
    expect(screen.getByText(/de forma estructurada/)).toBeTruthy();
    expect(screen.getByText(/Puedes detener al agente en cualquier momento/)).toBeTruthy();
    expect((await currentAgentState(agent.db, company.id, agent.clock)).status).toBe('inactive');

    fireEvent.click(screen.getByRole('button', { name: 'Empezar ▶' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalled());
    const state = await currentAgentState(agent.db, company.id, agent.clock);
    expect(state).toMatchObject({ status: 'active', mode: 'recent', activeSince: '2026-11-27T14:00:00.000Z' });
  });

  it('muestra el error del agente si no puede activarse', async () => {
    // No company yet: the server answers NO_COMPANY with its Spanish message.
    render(<TaskListStep onStarted={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Empezar ▶' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Todavía no hay empresa configurada/);
  });
});
