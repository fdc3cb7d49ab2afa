import './dom-environment';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import { listBills } from '../../server/agent/bills';
import { BillList } from '../../extension/components/bill-list';
import { agentApi } from '../../extension/lib/agent-api';
import { startActiveTestAgent, type TestAgent } from './support';

/** The list as the status view holds it: a corrected bill replaces the old one. */
function Harness({ initial }: { initial: Bill[] }) {
  const [bills, setBills] = useState(initial);
  return <BillList bills={bills} onChanged={(bill) => setBills(bills.map((b) => (b.id === bill.id ? bill : b)))} />;
}

describe('BillList (facturas registradas: verificar o cambiar la cuenta)', () => {
  let agent: TestAgent;
  let company: { id: string; nit: string };

  beforeEach(async () => {
    ({ agent, company } = await startActiveTestAgent(60_000));
    await agent.receive(company.nit, 'dian-toolkit__Generica.xml', 'FE-201');
    agentApi.setActor('Diana Gómez');
  });
  afterEach(() => {
    cleanup();
    agentApi.setActor('');
  });

  const firstLine = () => screen.getAllByTestId('agente-bill-line')[0]!;

  it('muestra cada línea con su cuenta, su origen y la explicación', async () => {
    const page = await agentApi.bills();
    expect(page).toMatchObject({ total: 1, offset: 0, nextOffset: null });
    const bills = page.items;
    expect(bills).toHaveLength(1);
    render(<Harness initial={bills} />);
    const bill = screen.getByTestId('agente-bill');
    expect(bill.textContent).toContain(bills[0]!.supplier.name);
    expect(bill.textContent).toContain('Factura FE-201');
    const line = bills[0]!.lines[0]!;
    expect(within(firstLine()).getByTestId('agente-line-account').textContent).toContain(line.accountCode);
    expect(within(firstLine()).getByTestId('agente-line-source').textContent).not.toBe('');
    expect(within(firstLine()).getByTestId('agente-line-explanation').textContent).toBe(line.explanation);
  });

  it('«Verificar» confirma la cuenta sugerida y la deja como elegida por una persona', async () => {
    render(<Harness initial={(await agentApi.bills()).items} />);
    const before = within(firstLine()).getByTestId('agente-line-account').textContent;
    fireEvent.click(within(firstLine()).getByRole('button', { name: 'Verificar' }));
    await within(firstLine()).findByText('Verificada');
    expect(within(firstLine()).getByTestId('agente-line-account').textContent).toBe(before);
    expect(within(firstLine()).getByTestId('agente-line-source').textContent).toBe('Elegida por una persona');
    expect(within(firstLine()).getByTestId('agente-line-explanation').textContent).toBe('Verificada por Diana Gómez');
  });

  it('«Cambiar cuenta» busca en el plan de cuentas, cambia la cuenta y el agente lo aprende', async () => {
    const [bill] = (await agentApi.bills()).items;
    render(<Harness initial={[bill!]} />);
    const oldAccount = bill!.lines[0]!.accountCode;
    fireEvent.click(within(firstLine()).getByRole('button', { name: 'Cambiar cuenta' }));
    const picker = screen.getByTestId('agente-account-picker');
    fireEvent.input(within(picker).getByRole('searchbox'), { target: { value: 'papeleria fotocopias' } });
    const option = await within(picker).findByRole('button', { name: /519530 UTILES, PAPELERIA Y FOTOCOPIAS/ });
    fireEvent.click(option);
    await waitFor(() => expect(within(firstLine()).getByTestId('agente-line-account').textContent).toContain('519530'));
    expect(within(firstLine()).getByTestId('agente-line-explanation').textContent).toBe(`Corregida por Diana Gómez (antes ${oldAccount})`);

    const [stored] = await listBills(agent.db, company.id);
    expect(stored!.lines[0]).toMatchObject({ accountCode: '519530', source: 'user', correctedBy: 'Diana Gómez' });
    const correction = await agent.db.selectFrom('lineCorrection').selectAll().executeTakeFirstOrThrow();
    expect(correction).toMatchObject({ oldAccountCode: oldAccount, newAccountCode: '519530', actor: 'Diana Gómez' });
    // The journal entry follows the new account.
    expect(stored!.journal.some((entry) => entry.accountCode === '519530' && entry.debit > 0)).toBe(true);
  });

  it('muestra el concepto de retención de cada línea y deja cambiarlo; el agente recalcula la factura', async () => {
    const bills = (await agentApi.bills()).items;
    render(<Harness initial={bills} />);
    const select = within(firstLine()).getByRole('combobox', { name: /Concepto de retención de/ }) as HTMLSelectElement;
    expect(select.value).toBe(bills[0]!.lines[0]!.withholdingConcept);
    fireEvent.change(select, { target: { value: 'ninguno' } });
    await waitFor(() => expect((within(firstLine()).getByRole('combobox', { name: /Concepto de retención de/ }) as HTMLSelectElement).value).toBe('ninguno'));
    expect(within(firstLine()).getByTestId('agente-line-concept').textContent).toContain('Sin retención, por decisión de una persona.');
    const [stored] = await listBills(agent.db, company.id);
    expect(stored!.lines[0]).toMatchObject({ withholdingConcept: 'ninguno', conceptSource: 'user' });
  });
});
