import './dom-environment';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotRegisteredList } from '../../extension/components/not-registered-list';
import { agentApi } from '../../extension/lib/agent-api';
import { encoder } from '../support/fixtures';
import { signAsSupplier } from '../support/signing';
import { buildUbl, unsignedUbl, type PartySpec } from '../support/ubl';
import { startActiveTestAgent, type TestAgent } from './support';

/** The panel says, in an accountant's words, which documents may have been altered and which only need a look. */
describe('autenticidad en el panel', () => {
  let agent: TestAgent;
  let company: { id: string; nit: string };
  const supplier: PartySpec = { nit: '900555111', name: 'Distribuidora del Norte SAS' };

  beforeEach(async () => {
    ({ agent, company } = await startActiveTestAgent(60_000));
    const customer: PartySpec = { nit: company.nit, name: 'Empresa' };
    const spec = (number: string) => ({ number, issueDate: '2026-11-26', supplier, customer, lines: [{ description: 'Cajas', unitPrice: '100000', iva: '19' }] });
    const forged = buildUbl(spec('FE-501')).replace('<cbc:PayableAmount currencyID="COP">119000.00<', '<cbc:PayableAmount currencyID="COP">119900.00<');
    const bare = signAsSupplier(unsignedUbl(spec('FE-502')));
    for (const [name, xml] of [['FE-501.xml', forged], ['FE-502.xml', bare]] as const) {
      await agent.agent.ingest({ companyId: company.id, bytes: encoder.encode(xml), channel: 'mailbox', sourceRef: name });
    }
  });
  afterEach(() => cleanup());

  it('«Puede haber sido alterado» sin «Registrar ahora»; sin la validación de la DIAN, sí se puede registrar a mano', async () => {
    const summary = await agentApi.todaySummary();
    render(<NotRegisteredList summary={summary} dayLabel="hoy" onBack={vi.fn()} onRegistered={vi.fn()} />);
    const items = screen.getAllByTestId('agente-not-registered-item');
    const altered = items.find((item) => item.textContent?.includes('FE-501'))!;
    const bare = items.find((item) => item.textContent?.includes('FE-502'))!;

    expect(within(altered).getByTestId('agente-authenticity').textContent).toContain('Puede haber sido alterado.');
    expect(altered.textContent).toContain('pídele al proveedor que te envíe de nuevo el original');
    expect(within(altered).queryByRole('button', { name: 'Registrar ahora' })).toBeNull();

    expect(within(bare).getByTestId('agente-authenticity').textContent).toContain('Sin la validación de la DIAN.');
    fireEvent.click(within(bare).getByRole('button', { name: 'Registrar ahora' }));
    await within(bare).findByText('Registrada a mano.', {}, { timeout: 10_000 });
    const [bill] = (await agentApi.bills()).items;
    expect(bill?.needsReview).toBe(true);
    expect(bill?.authenticity?.code).toBe('no_dian_validation');
  });
});
