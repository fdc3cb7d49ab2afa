import './dom-environment';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticityNote } from '../../extension/components/authenticity-note';
import { NotRegisteredList } from '../../extension/components/not-registered-list';

/** What the panel says once DIAN's stored copy was compared (server/agent/dian-copy-check.ts). */
describe('la copia de la DIAN en el panel', () => {
  afterEach(() => cleanup());

  it('signatures that hold but a copy at DIAN that differs: «Puede haber sido alterado», with why', () => {
    const reason = 'Puede haber sido alterado: la copia que la DIAN guarda de este CUFE no es igual al documento recibido (el contenido firmado no es el mismo).';
    render(<AuthenticityNote authenticity={{ code: 'verified', reason, mayBeAltered: true, dianCopy: 'differs' }} />);
    const note = screen.getByTestId('agente-authenticity');
    expect(note.textContent).toContain('Puede haber sido alterado.');
    expect(note.textContent).toContain('la copia que la DIAN guarda de este CUFE no es igual');
    expect(note.textContent).not.toContain('✓');
    expect(note.getAttribute('data-dian-copy')).toBe('differs');
  });

  it('an unknown authority confirmed by DIAN’s copy reads as confirmed, not «por verificar»; a verified one mentions the copy', () => {
    render(<AuthenticityNote authenticity={{ code: 'unverifiable', reason: 'Confirmado por la DIAN: …', mayBeAltered: false, dianCopy: 'matches', confirmedByDian: true }} />);
    expect(screen.getByTestId('agente-authenticity').textContent).toBe('✓ Confirmado por la DIAN: su copia guardada es idéntica al documento recibido');
    cleanup();
    render(<AuthenticityNote authenticity={{ code: 'verified', reason: '', mayBeAltered: false, dianCopy: 'matches' }} />);
    expect(screen.getByTestId('agente-authenticity').textContent).toBe('✓ Firma del proveedor verificada · validada por la DIAN · copia de la DIAN idéntica');
  });
});

describe('los cabos sueltos de la copia de la DIAN en el panel', () => {
  afterEach(() => cleanup());

  it('a registered bill DIAN’s copy refuted afterwards: «Puede haber sido alterada», already registered, what to do', () => {
    render(<AuthenticityNote registered authenticity={{ code: 'verified', reason: 'Puede haber sido alterado o inventado: la DIAN no tiene ningún documento con este CUFE.', mayBeAltered: true, dianCopy: 'unknown_to_dian' }} />);
    const note = screen.getByTestId('agente-authenticity');
    expect(note.textContent).toContain('Puede haber sido alterada.');
    expect(note.textContent).toContain('Ya estaba registrada cuando la DIAN mostró su copia');
    expect(note.textContent).toContain('anúlala o revérsala en Alegra');
    expect(note.textContent).not.toContain('No lo registres');
  });

  it('a bare document DIAN holds identically shows that fact, even in the short form, and is not called confirmed', () => {
    render(<AuthenticityNote compact authenticity={{ code: 'no_dian_validation', reason: 'Llegó solo el documento…', mayBeAltered: false, dianCopy: 'matches' }} />);
    const note = screen.getByTestId('agente-authenticity');
    expect(note.textContent).toBe('Sin la validación de la DIAN. La DIAN guarda una copia idéntica, pero eso no dice si lo validó.');
    expect(note.getAttribute('data-dian-copy')).toBe('matches');
    cleanup();
    render(<AuthenticityNote compact authenticity={{ code: 'no_dian_validation', reason: 'Llegó solo el documento…', mayBeAltered: false }} />);
    expect(screen.getByTestId('agente-authenticity').textContent).toBe('Sin la validación de la DIAN.');
  });

  it('«Registrar ahora» is offered for a document waiting for DIAN’s copy, never for one that may have been altered', () => {
    const entry = (documentId: string, reasonCode: string, mayBeAltered: boolean) => ({
      documentId,
      status: 'not_registered' as const,
      number: documentId,
      reasonCode,
      reason: reasonCode === 'AWAITING_DIAN_COPY' ? 'Se está comparando con la copia que guarda la DIAN antes de registrarlo.' : 'Puede haber sido alterado.',
      arrivedAt: '2026-11-26T15:00:00.000Z',
      authenticity: { code: 'verified' as const, reason: '', mayBeAltered, ...(mayBeAltered ? { dianCopy: 'differs' as const } : {}) },
    });
    const summary = {
      date: '2026-11-26',
      registered: 0,
      timeSavedMinutes: 0,
      notRegistered: 2,
      notRegisteredDocuments: [entry('FE-1', 'AWAITING_DIAN_COPY', false), entry('FE-2', 'POSSIBLY_ALTERED', true)],
      pending: 0,
      agentStatus: 'active' as const,
      computedAt: '2026-11-26T15:00:00.000Z',
      final: false,
    };
    render(<NotRegisteredList summary={summary} dayLabel="hoy" onBack={() => undefined} onRegistered={() => undefined} />);
    const items = screen.getAllByTestId('agente-not-registered-item');
    const waiting = items.find((item) => item.textContent?.includes('FE-1'))!;
    const altered = items.find((item) => item.textContent?.includes('FE-2'))!;
    expect(within(waiting).getByRole('button', { name: 'Registrar ahora' })).toBeTruthy();
    expect(within(altered).queryByRole('button', { name: 'Registrar ahora' })).toBeNull();
  });
});
