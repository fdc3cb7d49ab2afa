import './dom-environment';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DailySummary } from '#shared/summary';
import { SummaryFigures } from '../../extension/components/summary-figures';

const day = (notRegistered: number): DailySummary => ({
  date: '2026-11-26',
  registered: 3,
  timeSavedMinutes: 9,
  notRegistered,
  notRegisteredDocuments: [],
  pending: 0,
  agentStatus: 'active',
  computedAt: '2026-11-27T05:00:00Z',
  final: true,
});

describe('SummaryFigures: «Ver motivos»', () => {
  afterEach(() => cleanup());

  it('only when there is something to see, after the label', () => {
    const onShow = vi.fn();
    render(<SummaryFigures summary={day(2)} onShowNotRegistered={onShow} />);
    const link = screen.getByRole('button', { name: 'Ver motivos' });
    const label = link.closest('dt')!;
    expect(label.textContent).toBe('Facturas no registradas Ver motivos');
    expect(screen.getByTestId('agente-not-registered').textContent).toBe('2');
    fireEvent.click(link);
    expect(onShow).toHaveBeenCalledOnce();
  });

  it('not with nothing to see', () => {
    render(<SummaryFigures summary={day(0)} onShowNotRegistered={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Ver motivos' })).toBeNull();
    expect(screen.getByTestId('agente-not-registered').textContent).toBe('0');
  });
});
