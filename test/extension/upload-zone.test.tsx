import './dom-environment';
import { cleanup, createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BYTES as SERVER_MAX_UPLOAD_BYTES } from '../../server/api/app';
import { rotateToken } from '../../server/api/tokens';
import { StatusView } from '../../extension/components/status-view';
import { RECHECK_MS, UploadZone } from '../../extension/components/upload-zone';
import { MAX_UPLOAD_BYTES } from '../../extension/lib/uploads';
import { saveConnection } from '../../extension/lib/storage';
import { encoder, fixtureText, retarget } from '../support/fixtures';
import { startActiveTestAgent, type TestAgent } from './support';

const MINUTE = 60_000;

describe('UploadZone (subir facturas desde el panel)', () => {
  let agent: TestAgent;
  let company: { id: string; nit: string };

  beforeEach(async () => {
    ({ agent, company } = await startActiveTestAgent(10 * MINUTE));
  });
  afterEach(() => cleanup());

  /** A DIAN sample made into a production invoice for the test company, as the supplier would send it. */
  const invoiceXml = (sample: string, number: string) =>
    encoder.encode(retarget(fixtureText(sample), { customerNit: company.nit, number, cufeSeed: `subida-${number}`, issueDate: '2026-11-26' }));
  const received = () => agent.db.selectFrom('receivedFile').select(['sourceRef', 'channel', 'size']).execute();
  /**
   * Drag events by their DOM names: happy-dom elements lack `ondragenter`…, so `fireEvent.dragEnter` would
   * dispatch "DragEnter", which no browser sends and Preact does not listen to.
   */
  const drag = (type: 'dragEnter' | 'dragLeave' | 'drop', target: Element, dataTransfer: object) => fireEvent(target, createEvent[type](target, { dataTransfer }));
  const choose = (files: File[]) => fireEvent.change(screen.getByTestId('agente-upload-input'), { target: { files } });

  it('un XML soltado en la zona se envía, dice «Registrándose…», termina «Registrada» y se cuenta hoy', async () => {
    render(<StatusView />);
    const zone = await screen.findByTestId('agente-drop-zone');
    expect(zone.textContent).toContain('Arrastra aquí XML o ZIP de facturas electrónicas, o elige archivos');
    // Activated today: yesterday is empty by definition, so today is shown from the start.
    expect(screen.getByTestId('agente-summary-day').textContent).toMatch(/^Hoy/);

    drag('dragEnter', zone, { types: ['Files'] });
    expect(zone.classList.contains('ag-drop--over')).toBe(true);
    drag('dragLeave', zone, { types: ['Files'] });
    expect(zone.classList.contains('ag-drop--over')).toBe(false);

    const file = new File([invoiceXml('dian-toolkit__Generica.xml', 'FE-301')], 'FE-301.xml', { type: 'text/xml' });
    drag('drop', zone, { files: [file], types: ['Files'] });
    expect(screen.getByTestId('agente-upload-status').textContent).toBe('Enviando 1 archivo…');

    // Receiving checks both signatures of the document first: allow for a slow, busy machine.
    const result = await screen.findByTestId('agente-upload-document', {}, { timeout: 10_000 });
    // The processor is not running in these tests: the document stays pending until the test runs it.
    expect(result.textContent).toContain('Registrándose…');
    const stored = await agent.db.selectFrom('inboxDocument').select(['status', 'channel', 'supplierName']).where('number', '=', 'FE-301').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'pending', channel: 'upload' });
    expect(within(result).getByText('Factura FE-301')).toBeTruthy();
    expect(result.textContent).toContain(`Factura FE-301 · ${stored.supplierName}`);
    expect(await received()).toEqual([{ sourceRef: 'FE-301.xml', channel: 'upload', size: file.size }]);
    // What was just received counts today: the figures switch to "Hoy".
    await waitFor(() => expect(screen.getByTestId('agente-summary-day').textContent).toMatch(/^Hoy/));

    await agent.agent.processor.runPending();
    await waitFor(() => expect(result.textContent).toContain('Registrada'), { timeout: RECHECK_MS + 3000 });
    expect(result.getAttribute('data-status')).toBe('registered');
    expect(screen.getByTestId('agente-upload-status').textContent).toBe('1 documento: 1 registrada.');
    await waitFor(() => expect(screen.getByTestId('agente-registered').textContent).toBe('1'));
    await waitFor(() => expect(screen.getByTestId('agente-bills').textContent).toContain('FE-301'));
  });

  it('varios archivos a la vez, elegidos con el botón: un ZIP y una copia repetida, cada uno con su resultado', async () => {
    const onSent = vi.fn();
    render(<UploadZone onSent={onSent} onStatusChanged={vi.fn()} />);
    const picker = screen.getByTestId('agente-upload-input') as HTMLInputElement;
    expect(picker.type).toBe('file');
    expect(picker.multiple).toBe(true);
    expect(picker.accept).toBe('.xml,.zip,application/xml,text/xml,application/zip');
    // Keyboard users reach the picker through a real button.
    expect(screen.getByRole('button', { name: 'Elegir archivos' })).toBeTruthy();

    const xml = invoiceXml('dian-toolkit__Servicios.xml', 'FE-302');
    const zip = new File([zipSync({ 'ad0900.xml': xml })], 'z0900.zip', { type: 'application/zip' });
    const copy = new File([xml], 'FE-302 copia.xml', { type: 'text/xml' });
    choose([zip, copy]);
    expect(screen.getByTestId('agente-upload-status').textContent).toMatch(/^Enviando 2 archivos…/);

    await waitFor(() => expect(screen.getAllByTestId('agente-upload-document')).toHaveLength(2));
    const [fromZip, fromCopy] = screen.getAllByTestId('agente-upload-file');
    expect(fromZip!.textContent).toContain('z0900.zip');
    expect(fromZip!.textContent).toContain('Factura FE-302');
    expect(fromZip!.textContent).toContain('Registrándose…');
    expect(fromCopy!.textContent).toContain('FE-302 copia.xml');
    expect(fromCopy!.textContent).toContain('Ya había llegado (duplicado)');
    expect(screen.getByTestId('agente-upload-status').textContent).toBe('2 documentos: 1 registrándose, 1 sin registrar.');
    expect(onSent).toHaveBeenCalledTimes(1);
    expect((await received()).map((file) => file.sourceRef)).toEqual(['z0900.zip', 'FE-302 copia.xml']);
  });

  it('un archivo de más de 25 MB (o vacío) se rechaza en el panel, sin enviarlo', async () => {
    expect(MAX_UPLOAD_BYTES).toBe(SERVER_MAX_UPLOAD_BYTES);
    render(<UploadZone onSent={vi.fn()} onStatusChanged={vi.fn()} />);
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'grande.zip', { type: 'application/zip' });
    const empty = new File([], 'vacio.xml', { type: 'text/xml' });
    choose([big, empty]);

    const [bigResult, emptyResult] = screen.getAllByTestId('agente-upload-file');
    expect(bigResult!.textContent).toBe('grande.zipPesa 25,1 MB y el límite es 25 MB por archivo: no se envió.');
    expect(emptyResult!.textContent).toBe('vacio.xmlEstá vacío: no se envió.');
    expect(screen.getByTestId('agente-upload-status').textContent).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await received()).toEqual([]);
  });

  it('un archivo de exactamente 25 MB sí se envía: el límite del panel es el del agente', async () => {
    render(<UploadZone onSent={vi.fn()} onStatusChanged={vi.fn()} />);
    choose([new File([new Uint8Array(MAX_UPLOAD_BYTES)], 'justo.zip', { type: 'application/zip' })]);
    const result = await screen.findByTestId('agente-upload-document', {}, { timeout: 10_000 });
    const stored = await agent.db.selectFrom('inboxDocument').select(['status', 'reason']).executeTakeFirstOrThrow();
    expect(stored.status).toBe('not_registered');
    expect(result.textContent).toBe(`No se registrará: ${stored.reason}`);
    expect(stored.reason).toMatch(/no es un XML ni un ZIP/);
    expect(await received()).toEqual([{ sourceRef: 'justo.zip', channel: 'upload', size: MAX_UPLOAD_BYTES }]);
  });

  it('si el agente rechaza el token, se muestra su mensaje y no se envía nada más', async () => {
    render(<UploadZone onSent={vi.fn()} onStatusChanged={vi.fn()} />);
    await rotateToken(agent.db, 'otro equipo', agent.clock);
    choose([new File([invoiceXml('dian-toolkit__Generica.xml', 'FE-303')], 'FE-303.xml'), new File([invoiceXml('dian-toolkit__Servicios.xml', 'FE-304')], 'FE-304.xml')]);

    const alert = await screen.findByTestId('agente-upload-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(/^Este token fue revocado el 2026-11-27: copia el nuevo, o genera otro en la carpeta del agente/);
    // The command it names is the one that exists (`token` takes only --label; there is no --rotate).
    expect(alert.textContent).toContain('`npx agente token`');
    expect(alert.textContent).not.toContain('--rotate');
    expect(screen.getAllByTestId('agente-upload-file').map((item) => item.textContent)).toEqual(['FE-303.xmlNo se envió.', 'FE-304.xmlNo se envió.']);
    expect(await received()).toEqual([]);
  });

  it('si el agente no responde, lo dice con la dirección que se intentó', async () => {
    render(<UploadZone onSent={vi.fn()} onStatusChanged={vi.fn()} />);
    await saveConnection({ serverUrl: 'http://127.0.0.1:9', token: agent.token, companyNit: '' });
    choose([new File([invoiceXml('dian-toolkit__Generica.xml', 'FE-305')], 'FE-305.xml')]);
    const alert = await screen.findByTestId('agente-upload-error');
    expect(alert.textContent).toMatch(/^No se pudo conectar con el agente en http:\/\/127\.0\.0\.1:9\./);
    expect(screen.getByRole('button', { name: 'Elegir archivos' }).hasAttribute('disabled')).toBe(false);
  });
});
