import { describe, expect, it } from 'vitest';
import type { InboxDocument } from '#shared/inbox';
import { describeDocument, refusalFor, summarizeDocuments, MAX_UPLOAD_BYTES } from '../../extension/lib/uploads';

const base: InboxDocument = {
  id: 'd1',
  status: 'pending',
  kind: 'invoice',
  number: 'FE-9',
  supplierName: 'Distribuidora Andina S.A.S.',
  arrivedAt: '2026-11-27T14:00:00Z',
  channel: 'upload',
  source: ['FE-9.xml'],
  receivedFileId: 'f1',
  warnings: [],
};

describe('lo que el panel dice de cada documento subido', () => {
  it('cada estado en una frase, con número y proveedor cuando se conocen', () => {
    const text = (document: Partial<InboxDocument>) => describeDocument({ ...base, ...document }).text;
    expect(describeDocument(base)).toEqual({ title: 'Factura FE-9', supplier: 'Distribuidora Andina S.A.S.', text: 'Registrándose…', tone: 'progress' });
    expect(text({ status: 'registered' })).toBe('Registrada');
    expect(text({ status: 'not_registered', reason: 'Es un documento del ambiente de pruebas de la DIAN (habilitación): no tiene validez fiscal.' })).toBe(
      'No se registrará: Es un documento del ambiente de pruebas de la DIAN (habilitación): no tiene validez fiscal.',
    );
    expect(text({ status: 'arrived_while_paused' })).toMatch(/^Llegó con el agente en pausa: no se registra sola\./);
    expect(text({ status: 'duplicate' })).toMatch(/^Ya había llegado \(duplicado\)/);
    expect(text({ status: 'ignored', reason: 'Es una respuesta de la DIAN, no una factura ni una nota de compra.' })).toBe(
      'No es una compra, se guarda sin registrar: Es una respuesta de la DIAN, no una factura ni una nota de compra.',
    );
    expect(describeDocument({ ...base, kind: 'credit-note', number: 'NC-3' }).title).toBe('Nota crédito NC-3');
  });

  it('sin número, el documento se nombra por el archivo dentro del ZIP (o no se nombra si es el archivo mismo)', () => {
    const { number: _number, supplierName: _supplier, kind: _kind, ...unread } = base;
    expect(describeDocument({ ...unread, source: ['z0900.zip', 'ad0900.xml'], status: 'not_registered', reason: 'x' }).title).toBe('ad0900.xml');
    expect(describeDocument({ ...unread, status: 'not_registered', reason: 'x' })).toEqual({ text: 'No se registrará: x', tone: 'warning' });
  });

  it('el resumen para lectores de pantalla cuenta registradas, en proceso y sin registrar', () => {
    expect(summarizeDocuments([])).toBe('');
    expect(summarizeDocuments([{ ...base, status: 'registered' }, base, { ...base, status: 'duplicate' }, { ...base, status: 'registered' }])).toBe(
      '4 documentos: 2 registradas, 1 registrándose, 1 sin registrar.',
    );
  });

  it('más de 25 MB o vacío no se envía; 25 MB justos sí', () => {
    expect(refusalFor({ size: MAX_UPLOAD_BYTES })).toBeUndefined();
    expect(refusalFor({ size: 1 })).toBeUndefined();
    expect(refusalFor({ size: MAX_UPLOAD_BYTES + 1 })).toBe('Pesa 25,1 MB y el límite es 25 MB por archivo: no se envió.');
    expect(refusalFor({ size: 40 * 1024 * 1024 })).toBe('Pesa 40 MB y el límite es 25 MB por archivo: no se envió.');
    expect(refusalFor({ size: 0 })).toBe('Está vacío: no se envió.');
  });
});
