import './dom-environment';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentAgentState, listAgentEvents } from '../../server/agent/agent-switch';
import { AgentPanel } from '../../extension/components/agent-panel';
import { saveConnection } from '../../extension/lib/storage';
import { startTestAgent, TEST_SERVER_URL, type TestAgent } from './support';

const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('AgentPanel (el recorrido completo, en orden)', () => {
  let agent: TestAgent;
  beforeEach(async () => {
    agent = await startTestAgent();
  });
  afterEach(() => cleanup());

  it('primera vez: conexión → empresa → «Hola, {nombre}» → Activar → tareas → Empezar ▶ → estado', async () => {
    render(<AgentPanel onClose={vi.fn()} />);
    await screen.findByTestId('agente-connection');
    fill('Código de acceso', agent.token);
    fireEvent.click(screen.getByRole('button', { name: 'Conectar' }));

    await screen.findByTestId('agente-company');
    fill('NIT (sin dígito de verificación)', '900108281');
    fill('Razón social', 'Ópticas GMO S.A.S.');
    fill('Tu nombre', 'Diana Gómez');
    fireEvent.click(screen.getByLabelText(/Inventario permanente/));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar empresa' }));

    expect(await screen.findByRole('heading', { name: 'Hola, Diana Gómez' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Activar' }));
    await screen.findByTestId('agente-tasks');
    fireEvent.click(screen.getByRole('button', { name: 'Empezar ▶' }));

    const toggle = await screen.findByRole('switch', { name: 'Estado del Agente' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    const company = await agent.db.selectFrom('company').select('id').executeTakeFirstOrThrow();
    expect((await currentAgentState(agent.db, company.id, agent.clock)).status).toBe('active');
    // The panel sends the user's name: the audit trail says who switched the agent on.
    const [event] = await listAgentEvents(agent.db, company.id);
    expect(event).toMatchObject({ type: 'activated', mode: 'recent', actor: 'Diana Gómez' });
  });

  it('la empresa dice cómo lleva el inventario y a qué grupo van sus gastos generales; sin inventario elegido, no se guarda', async () => {
    await agent.connect();
    render(<AgentPanel onClose={vi.fn()} />);
    await screen.findByTestId('agente-company');
    fill('NIT (sin dígito de verificación)', '900373913');
    fill('Razón social', 'Distribuciones del Sinú S.A.S.');
    fill('Tu nombre', 'Jorge Petro');
    fill('Actividades económicas CIIU (opcional, separadas por coma)', '4631');
    // Nothing is assumed: without the inventory system the company is not created, and the panel says what is missing.
    fireEvent.submit(screen.getByTestId('agente-company'));
    expect((await screen.findByRole('alert')).textContent).toBe('Elige cómo llevas el inventario.');
    expect(await agent.db.selectFrom('company').select('id').execute()).toHaveLength(0);

    fireEvent.click(screen.getByLabelText(/No llevo inventario/));
    fireEvent.click(screen.getByLabelText(/Administración \(51\)/));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar empresa' }));
    await screen.findByRole('heading', { name: 'Hola, Jorge Petro' });
    // A wholesaler (4631) would default to selling expenses (52); the person chose administration.
    const company = await agent.db.selectFrom('company').select(['inventory', 'expenseFunction']).executeTakeFirstOrThrow();
    expect(company).toEqual({ inventory: 'none', expenseFunction: 'admin' });
  });

  it('«Según mi actividad» deja el grupo a la actividad principal (comercio → ventas, 52)', async () => {
    await agent.connect();
    render(<AgentPanel onClose={vi.fn()} />);
    await screen.findByTestId('agente-company');
    fill('NIT (sin dígito de verificación)', '900373914');
    fill('Razón social', 'Granos del Sinú S.A.S.');
    fill('Tu nombre', 'Jorge Petro');
    fill('Actividades económicas CIIU (opcional, separadas por coma)', '4631');
    fireEvent.click(screen.getByLabelText(/Inventario periódico/));
    expect((screen.getByLabelText(/Según mi actividad/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar empresa' }));
    await screen.findByRole('heading', { name: 'Hola, Jorge Petro' });
    const company = await agent.db.selectFrom('company').select(['inventory', 'expenseFunction']).executeTakeFirstOrThrow();
    expect(company).toEqual({ inventory: 'periodic', expenseFunction: 'ventas' });
  });

  it('con el agente ya activo, abre directamente en el estado del agente', async () => {
    await agent.connect();
    const company = await agent.createCompany();
    await agent.activate(company.id);
    render(<AgentPanel onClose={vi.fn()} />);
    await screen.findByTestId('agente-status');
    expect(screen.queryByTestId('agente-welcome')).toBeNull();
  });

  it('si el token guardado ya no sirve, vuelve a la conexión y dice por qué', async () => {
    await agent.createCompany();
    await saveConnection({ serverUrl: TEST_SERVER_URL, token: 'ag_revocado', companyNit: '' });
    render(<AgentPanel onClose={vi.fn()} />);
    await screen.findByTestId('agente-connection');
    expect(screen.getByTestId('agente-connection-error').textContent).toMatch(/Token inválido o ausente/);
  });

  it('si el agente no responde, lo dice en la conexión', async () => {
    await saveConnection({ serverUrl: 'http://127.0.0.1:9', token: agent.token, companyNit: '' });
    render(<AgentPanel onClose={vi.fn()} />);
    await screen.findByTestId('agente-connection');
    expect(screen.getByTestId('agente-connection-error').textContent).toMatch(/No se pudo conectar con el agente en http:\/\/127\.0\.0\.1:9/);
  });

  it('Esc y el botón × cierran el panel', async () => {
    await agent.connect();
    await agent.createCompany();
    const onClose = vi.fn();
    render(<AgentPanel onClose={onClose} />);
    await screen.findByTestId('agente-welcome');
    fireEvent.keyDown(screen.getByRole('button', { name: 'Activar' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cerrar el panel' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2));
  });
});
