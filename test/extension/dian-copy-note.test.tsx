import './dom-environment';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticityNote } from '../../extension/components/authenticity-note';

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
