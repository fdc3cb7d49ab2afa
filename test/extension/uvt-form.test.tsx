import './dom-environment';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusView } from '../../extension/components/status-view';
import { startTestAgent, type TestAgent } from './support';

describe('UVT del año siguiente en el panel (desde el 1 de diciembre)', () => {
  let agent: TestAgent;

  beforeEach(async () => {
    agent = await startTestAgent('2026-12-02T14:00:00Z');
    await agent.connect();
    const company = await agent.createCompany();
    await agent.activate(company.id);
  });
  afterEach(() => cleanup());

  it('avisa que falta la UVT 2027, rechaza un valor fuera de rango y guarda el correcto con su resolución', async () => {
    render(<StatusView />);
    const warning = await screen.findByTestId('agente-rules-warning');
    expect(warning.textContent).toMatch(/Falta la UVT de 2027/);
    const form = screen.getByTestId('agente-uvt-form');
    fireEvent.input(within(form).getByLabelText('Valor de la UVT 2027 en pesos'), { target: { value: '5.507' } });
    fireEvent.input(within(form).getByLabelText('Resolución de la DIAN (número y fecha)'), { target: { value: '000200 del 18-dic-2026' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Guardar UVT' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/Revisa el valor/);
    expect(await agent.db.selectFrom('uvtValue').selectAll().execute()).toEqual([]);

    fireEvent.input(within(form).getByLabelText('Valor de la UVT 2027 en pesos'), { target: { value: '55.075' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Guardar UVT' }));
    await waitFor(() => expect(screen.queryByTestId('agente-uvt-form')).toBeNull());
    expect(screen.queryByTestId('agente-rules-warning')).toBeNull();
    expect(await agent.db.selectFrom('uvtValue').select(['year', 'value', 'resolution']).execute()).toEqual([{ year: 2027, value: 55_075, resolution: '000200 del 18-dic-2026' }]);
  });
});
