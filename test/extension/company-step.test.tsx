import './dom-environment';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listCompanies } from '../../server/companies/companies';
import { CompanyStep } from '../../extension/components/company-step';
import { startTestAgent, type TestAgent } from './support';

describe('CompanyStep (el agente aún no tiene empresa)', () => {
  let agent: TestAgent;
  beforeEach(async () => {
    agent = await startTestAgent();
    await agent.connect();
  });
  afterEach(() => cleanup());

  const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

  it('crea la empresa en el agente con el nombre de quien la usa', async () => {
    const onCreated = vi.fn();
    render(<CompanyStep onCreated={onCreated} />);
    fill('NIT (sin dígito de verificación)', '900.108.281');
    fill('Razón social', 'Ópticas GMO S.A.S.');
    fill('Tu nombre', 'Diana Gómez');
    fill('Actividades económicas CIIU (opcional, separadas por coma)', '4773, 4719');
    fireEvent.click(screen.getByLabelText(/Inventario permanente/));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar empresa' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const [company] = await listCompanies(agent.db);
    expect(company).toMatchObject({ nit: '900108281', dv: '3', name: 'Ópticas GMO S.A.S.', userName: 'Diana Gómez', ciiu: ['4773', '4719'], inventory: 'perpetual', expenseFunction: 'ventas' });
  });

  it('muestra en español qué campo está mal', async () => {
    render(<CompanyStep onCreated={vi.fn()} />);
    fill('NIT (sin dígito de verificación)', '900108281');
    fill('Razón social', 'Ópticas GMO');
    fill('Tu nombre', 'Diana');
    fill('Actividades económicas CIIU (opcional, separadas por coma)', '47');
    fireEvent.click(screen.getByLabelText(/No llevo inventario/));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar empresa' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/ciiu.*CIIU tiene 4 dígitos/);
    expect(await listCompanies(agent.db)).toHaveLength(0);
  });
});
