import './dom-environment';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pauseAgent } from '../../server/agent/agent-switch';
import { NotRegisteredList } from '../../extension/components/not-registered-list';
import { agentApi } from '../../extension/lib/agent-api';
import { startTestAgent, type TestAgent } from './support';

describe('NotRegisteredList (facturas no registradas, cada una con su motivo)', () => {
  let agent: TestAgent;
  let company: { id: string; nit: string };

  beforeEach(async () => {
    agent = await startTestAgent();
    await agent.connect();
    company = await agent.createCompany();
    await agent.receive(company.nit, 'dian-toolkit__Generica.xml', 'FE-401'); // before activation
    agent.clock.advance(60_000);
    await agent.activate(company.id);
    agent.clock.advance(60_000);
    await pauseAgent(agent.db, company.id, 'Diana Gómez', agent.clock);
    agent.clock.advance(60_000);
    await agent.receive(company.nit, 'dian-toolkit__Servicios.xml', 'FE-402'); // while paused
  });
  afterEach(() => cleanup());

  it('lista cada documento con su motivo y permite registrarlo a mano', async () => {
    const summary = await agentApi.todaySummary();
    const onRegistered = vi.fn();
    render(<NotRegisteredList summary={summary} dayLabel="hoy" onBack={vi.fn()} onRegistered={onRegistered} />);
    const items = screen.getAllByTestId('agente-not-registered-item');
    expect(items).toHaveLength(2);
    const beforeActivation = items.find((item) => item.textContent?.includes('FE-401'))!;
    const whilePaused = items.find((item) => item.textContent?.includes('FE-402'))!;
    expect(beforeActivation.textContent).toMatch(/antes de activar el agente/);
    expect(whilePaused.textContent).toContain('Llegó con el agente desactivado');
    expect(whilePaused.textContent).toMatch(/con el agente en pausa/);

    fireEvent.click(within(whilePaused).getByRole('button', { name: 'Registrar ahora' }));
    await within(whilePaused).findByText('Registrada a mano.');
    expect(onRegistered).toHaveBeenCalled();
    const documents = await agentApi.documents(['registered']);
    expect(documents.items.map((d) => d.number)).toEqual(['FE-402']);
  });

  it('dice cuándo no hay nada sin registrar', () => {
    const empty = { date: '2026-11-26', registered: 0, timeSavedMinutes: 0, notRegistered: 0, notRegisteredDocuments: [], pending: 0, agentStatus: 'inactive' as const, computedAt: '', final: true };
    render(<NotRegisteredList summary={empty} dayLabel="ayer" onBack={vi.fn()} onRegistered={vi.fn()} />);
    expect(screen.getByText('No hay facturas sin registrar ese día.')).toBeTruthy();
  });
});
