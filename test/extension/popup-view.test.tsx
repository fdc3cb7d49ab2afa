import './dom-environment';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pauseAgent } from '../../server/agent/agent-switch';
import { PopupView } from '../../extension/components/popup-view';
import { startTestAgent, type TestAgent } from './support';

describe('PopupView (el resumen diario de un vistazo)', () => {
  let agent: TestAgent;
  beforeEach(async () => {
    agent = await startTestAgent('2026-11-26T15:00:00Z');
  });
  afterEach(() => cleanup());

  it('muestra las cifras de ayer, el estado del agente y abre el panel', async () => {
    await agent.connect();
    const company = await agent.createCompany();
    await agent.activate(company.id);
    agent.clock.advance(60_000);
    await agent.receive(company.nit, 'dian-toolkit__Generica.xml', 'FE-301');
    await agent.receive(company.nit, 'dian-toolkit__Servicios.xml', 'FE-302');
    agent.clock.advance(60_000);
    await pauseAgent(agent.db, company.id, 'Diana Gómez', agent.clock);
    agent.clock.advance(60_000);
    await agent.receive(company.nit, 'dian-toolkit__Exento_de_IVA.xml', 'FE-303');
    // The next day in Bogotá: the summary shown is the day before.
    agent.clock.set('2026-11-27T13:00:00Z');

    const onOpenPanel = vi.fn();
    render(<PopupView onOpenPanel={onOpenPanel} onOpenSettings={vi.fn()} />);
    expect((await screen.findByRole('heading', { name: /Resumen de ayer/ })).textContent).toBe('Resumen de ayer, jueves, 26 de noviembre');
    expect(screen.getByTestId('agente-registered').textContent).toBe('2');
    expect(screen.getByTestId('agente-time-saved').textContent).toBe('0 h 6 min');
    expect(screen.getByTestId('agente-not-registered').textContent).toBe('1');
    expect(screen.getByTestId('agente-popup-state').textContent).toBe('Desactivado');
    expect(screen.getByTestId('agente-popup-today').textContent).toBe('Hoy, hasta ahora: 0 registradas y 0 no registradas.');
    fireEvent.click(screen.getByRole('button', { name: 'Abrir el panel' }));
    expect(onOpenPanel).toHaveBeenCalled();
  });

  it('recién activado dice lo que pasó hoy (ayer está vacío por definición)', async () => {
    await agent.connect();
    const company = await agent.createCompany();
    await agent.activate(company.id);
    agent.clock.advance(60_000);
    await agent.receive(company.nit, 'dian-toolkit__Generica.xml', 'FE-311');
    render(<PopupView onOpenPanel={vi.fn()} onOpenSettings={vi.fn()} />);
    expect((await screen.findByRole('heading', { name: /^Hoy/ })).textContent).toBe('Hoy, jueves, 26 de noviembre (hasta ahora)');
    expect(screen.getByTestId('agente-registered').textContent).toBe('1');
    expect(screen.queryByRole('heading', { name: /Resumen de ayer/ })).toBeNull();
  });

  it('sin conexión, invita a conectar la extensión', async () => {
    const onOpenSettings = vi.fn();
    render(<PopupView onOpenPanel={vi.fn()} onOpenSettings={onOpenSettings} />);
    expect((await screen.findByRole('alert')).textContent).toContain('todavía no está conectada');
    fireEvent.click(screen.getByRole('button', { name: 'Conectar con el agente' }));
    expect(onOpenSettings).toHaveBeenCalled();
  });
});
