import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/agent/clock';
import { encoder, fixtureText, retarget } from '../support/fixtures';
import { launchWithExtension, REPO_ROOT, startAgentServer, startAlegraFixture, type AgentServer, type AlegraFixture, type ExtensionBrowser } from './fixtures/alegra/harness';

/**
 * The whole journey users were told about, in real Chromium with the built extension, against the imitation of
 * Alegra's reception page and the real agent (API + SQLite file): entry in "Más acciones", panel, first-run
 * connection, company, welcome, Activar, tasks, Empezar, documents counted while active, pause, documents kept
 * aside while paused, resume, a file uploaded through the panel, the reasons list, an account corrected, leaving
 * the page, and the popup's summary the next morning. Each step leaves a screenshot in test-artifacts/extension/.
 */
const SHOTS = path.join(REPO_ROOT, 'test-artifacts/extension');
const MINUTE = 60_000;
const NIT = '900108281';

describe('extensión: el recorrido completo en Alegra', () => {
  const clock = new ManualClock('2026-11-27T14:00:00Z'); // 9:00 a. m. in Bogotá
  let server: AgentServer;
  let fixture: AlegraFixture;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, fixture, browser] = await Promise.all([startAgentServer(clock), startAlegraFixture(), launchWithExtension()]);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
    await server?.close();
  });

  const shot = (name: string, target: Page = page) => target.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const panel = () => page.getByTestId('agente-panel');
  const figure = (testId: string) => panel().getByTestId(testId);

  /** A DIAN sample made into a production invoice for our company, received now by the agent. */
  async function receive(sample: string, number: string, arrivedAt?: Date): Promise<void> {
    const company = await server.db.selectFrom('company').select('id').executeTakeFirstOrThrow();
    const xml = retarget(fixtureText(sample), { customerNit: NIT, number, cufeSeed: `e2e-${number}`, issueDate: '2026-11-26' });
    await server.agent.ingest({ companyId: company.id, bytes: encoder.encode(xml), channel: 'mailbox', sourceRef: `${number}.zip`, ...(arrivedAt ? { arrivedAt } : {}) });
  }

  /** The agent registers in the background: wait until the document reached its final status. */
  async function waitForStatus(number: string, status: string): Promise<void> {
    await expect
      .poll(async () => (await server.db.selectFrom('inboxDocument').select('status').where('number', '=', number).executeTakeFirst())?.status, { timeout: 15_000 })
      .toBe(status);
  }

  async function refreshToday(): Promise<void> {
    await panel().getByRole('button', { name: 'Actualizar' }).click();
    await expect.poll(() => panel().getByRole('button', { name: 'Actualizar' }).isEnabled()).toBe(true);
    await panel().getByRole('button', { name: 'Hoy' }).click();
  }

  it('1. la entrada «Agente de Gastos» aparece en «Más acciones» al llegar a la página, sin recargar', async () => {
    await page.goto(`${fixture.origin}/inicio`);
    await page.getByRole('heading', { name: 'Inicio' }).waitFor();
    expect(await page.locator('agente-gastos-menu-item, agente-gastos-button, agente-gastos-panel').count()).toBe(0);
    await page.evaluate(() => ((window as unknown as { sinRecargar: boolean }).sinRecargar = true));

    await page.getByRole('link', { name: 'Recepción de comprobantes' }).click();
    await page.locator('agente-gastos-menu-item').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => (window as unknown as { sinRecargar?: boolean }).sinRecargar)).toBe(true);
    // Inside the page's own menu, an item like its siblings (an <li>), not floating somewhere else.
    expect(await page.locator('#mas-acciones-menu > li > agente-gastos-menu-item').count()).toBe(1);

    const moreActions = page.getByRole('button', { name: 'Más acciones' });
    await moreActions.click();
    await expect.poll(() => page.getByTestId('agente-menu-item').isVisible()).toBe(true);
    // Its text starts where its siblings' does.
    const [theirs, ours] = await page.evaluate(() => {
      const textLeft = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect().left;
      };
      const sibling = document.querySelector('#mas-acciones-menu [role="menuitem"]')!;
      const entry = document.querySelector('agente-gastos-menu-item')!.shadowRoot!.querySelector('.ag-entry span')!;
      return [textLeft(sibling), textLeft(entry)];
    });
    expect(Math.abs(theirs - ours)).toBeLessThan(1.5);
    await shot('01-entrada-en-mas-acciones');

    // Closed with its own button: the entry stays in the menu, past the grace period (no button beside the title).
    await moreActions.click();
    await expect.poll(() => page.locator('#mas-acciones-menu').isHidden()).toBe(true);
    await page.waitForTimeout(1200);
    expect(await page.locator('h1 + agente-gastos-button').count()).toBe(0);
    expect(await page.locator('#mas-acciones-menu > li > agente-gastos-menu-item').count()).toBe(1);
    await moreActions.click();
    await expect.poll(() => page.getByTestId('agente-menu-item').isVisible()).toBe(true);
  });

  it('2. el panel se abre desde el menú y pide la conexión la primera vez', async () => {
    await page.getByRole('menuitem', { name: 'Agente de Gastos' }).click();
    await panel().getByTestId('agente-connection').waitFor();
    expect(await page.locator('#mas-acciones-menu').isHidden()).toBe(true); // Alegra's menu closed behind it
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('AGENTE-GASTOS-PANEL');
    // The panel's DOM is in a shadow root: the page's own queries do not see it.
    expect(await page.evaluate(() => document.querySelector('[data-testid="agente-panel"]'))).toBeNull();
    await shot('02-panel-conexion');
  });

  it('3. un token equivocado o una dirección sin agente dan un mensaje claro', async () => {
    await panel().getByLabel('Dirección del agente').fill('http://127.0.0.1:9');
    await panel().getByLabel('Código de acceso').fill(server.token);
    await panel().getByRole('button', { name: 'Conectar' }).click();
    await expect.poll(() => panel().getByTestId('agente-connection-error').textContent()).toContain('No se pudo conectar con el agente en http://127.0.0.1:9');
    await shot('03a-sin-agente');

    await panel().getByLabel('Dirección del agente').fill(server.api.url);
    await panel().getByLabel('Código de acceso').fill('ag_este-no-es-el-token');
    await panel().getByRole('button', { name: 'Conectar' }).click();
    await expect.poll(() => panel().getByTestId('agente-connection-error').textContent()).toContain('El código de acceso no es válido');
    await shot('03b-token-equivocado');
  });

  it('4. con el token correcto pide la empresa y saluda por el nombre', async () => {
    await panel().getByLabel('Código de acceso').fill(server.token);
    await panel().getByRole('button', { name: 'Conectar' }).click();
    await panel().getByTestId('agente-company').waitFor();
    await panel().getByLabel('NIT (sin dígito de verificación)').fill(NIT);
    await panel().getByLabel('Razón social').fill('Ópticas GMO S.A.S.');
    await panel().getByLabel('Tu nombre').fill('Diana Gómez');
    await panel().getByLabel(/Actividades económicas CIIU/).fill('4773');
    await panel().getByLabel(/Inventario permanente/).check();
    await panel().getByRole('button', { name: 'Guardar empresa' }).click();

    await panel().getByRole('heading', { name: 'Hola, Diana Gómez' }).waitFor();
    expect(await panel().getByTestId('agente-welcome').textContent()).toContain('Soy tu agente de gastos y te ayudaré a registrar automáticamente tus compras.');
    await shot('04-bienvenida');
  });

  it('5. «Registrar los más recientes» + Activar muestra las tareas; Empezar ▶ enciende el agente', async () => {
    // Arrives before the agent is switched on: kept, never registered by itself.
    await receive('dian-toolkit__Generica.xml', 'FE-1001');
    await waitForStatus('FE-1001', 'not_registered');

    expect(await panel().getByRole('radio', { name: /Registrar los más recientes/ }).isChecked()).toBe(true);
    await panel().getByRole('button', { name: 'Activar' }).click();
    await panel().getByTestId('agente-tasks').waitFor();
    expect(await panel().locator('.ag-task__title').allTextContents()).toEqual(['Registro de comprobantes', 'Sugerencias inteligentes', 'Verificación de datos']);
    await shot('05-lista-de-tareas');

    clock.advance(MINUTE);
    await panel().getByRole('button', { name: 'Empezar ▶' }).click();
    await expect.poll(() => panel().getByRole('switch', { name: 'Estado del Agente' }).getAttribute('aria-checked')).toBe('true');
    await shot('06-estado-activo');
  });

  it('6. los comprobantes que llegan con el agente activo se registran y se cuentan', async () => {
    clock.advance(10 * MINUTE);
    await receive('dian-toolkit__Servicios.xml', 'FE-1002');
    await receive('dian-toolkit__Exento_de_IVA.xml', 'FE-1003');
    await waitForStatus('FE-1002', 'registered');
    await waitForStatus('FE-1003', 'registered');

    await refreshToday();
    await expect.poll(() => figure('agente-registered').textContent()).toBe('2');
    expect(await figure('agente-time-saved').textContent()).toBe('0 h 6 min');
    expect(await panel().getByTestId('agente-bill').count()).toBe(2);
    await shot('07-facturas-registradas');
  });

  it('7. pausar advierte lo que pasa; lo que llega en pausa no se registra', async () => {
    await panel().getByRole('switch', { name: 'Estado del Agente' }).click();
    const confirm = panel().getByTestId('agente-pause-confirm');
    expect(await confirm.textContent()).toContain('no registro nada: ni lo que llegue, ni lo que ya estaba en espera');
    expect(await confirm.textContent()).toContain('registraré lo que estaba en espera y lo que llegue desde ese momento');
    await shot('08-confirmar-pausa');
    clock.advance(MINUTE);
    await confirm.getByRole('button', { name: 'Desactivar' }).click();
    await expect.poll(() => panel().getByRole('switch', { name: 'Estado del Agente' }).getAttribute('aria-checked')).toBe('false');
    await panel().getByTestId('agente-paused-note').waitFor();

    // Mail that arrived a minute before the pause, read only now: it arrived while active, so it waits, unregistered,
    // until the agent is active again (pause means stop).
    await receive('dian-toolkit__Generica.xml', 'FE-1010', new Date(clock.now().getTime() - 2 * MINUTE));
    await waitForStatus('FE-1010', 'pending');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // four sweeps of the processor
    await waitForStatus('FE-1010', 'pending');
    expect(await server.db.selectFrom('bill').select('number').where('number', '=', 'FE-1010').executeTakeFirst()).toBeUndefined();

    clock.advance(5 * MINUTE);
    await receive('dian-toolkit__Generica.xml', 'FE-1004');
    await waitForStatus('FE-1004', 'arrived_while_paused');
    await refreshToday();
    await expect.poll(() => figure('agente-not-registered').textContent()).toMatch(/^2/);
    expect(await figure('agente-registered').textContent()).toBe('2');
    await shot('09-en-pausa');
  });

  it('8. al reactivarlo registra lo que esperaba y los nuevos, no lo que llegó en pausa', async () => {
    clock.advance(MINUTE);
    await panel().getByRole('switch', { name: 'Estado del Agente' }).click();
    await expect.poll(() => panel().getByRole('switch', { name: 'Estado del Agente' }).getAttribute('aria-checked')).toBe('true');
    clock.advance(5 * MINUTE);
    await receive('ubl21dian__invoice_signed_dian_v2.xml', 'FE-1005');
    await waitForStatus('FE-1005', 'registered');
    await waitForStatus('FE-1010', 'registered');
    expect((await server.db.selectFrom('inboxDocument').select('status').where('number', '=', 'FE-1004').executeTakeFirstOrThrow()).status).toBe('arrived_while_paused');
    await refreshToday();
    await expect.poll(() => figure('agente-registered').textContent()).toBe('4');
    expect(await figure('agente-time-saved').textContent()).toBe('0 h 12 min');
    await shot('10-reactivado');
  });

  it('9. un XML elegido en el panel («Elegir archivos») se sube, se registra y se cuenta', async () => {
    clock.advance(MINUTE);
    const xml = retarget(fixtureText('dian-toolkit__Servicios.xml'), { customerNit: NIT, number: 'FE-1006', cufeSeed: 'e2e-FE-1006', issueDate: '2026-11-26' });
    // Files dragged over the zone light it up (a real DataTransfer holding a file, as Chromium gives it).
    const zone = panel().getByTestId('agente-drop-zone');
    const dragged = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['<Invoice/>'], 'factura.xml', { type: 'text/xml' }));
      return transfer;
    });
    await zone.scrollIntoViewIfNeeded();
    await zone.dispatchEvent('dragenter', { dataTransfer: dragged });
    await expect.poll(() => zone.getAttribute('class')).toContain('ag-drop--over');
    await shot('10a-arrastrando-archivo');
    await zone.dispatchEvent('dragleave', { dataTransfer: dragged });
    await expect.poll(() => zone.getAttribute('class')).not.toContain('ag-drop--over');

    // The real <input type="file"> behind the button, inside the panel's shadow root.
    await panel().getByTestId('agente-upload-input').setInputFiles({ name: 'FE-1006.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) });
    const result = panel().getByTestId('agente-upload-document');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 15_000 }).toBe('registered');
    expect(await result.textContent()).toContain('Factura FE-1006');
    expect(await result.textContent()).toContain('Registrada');
    expect(await panel().getByTestId('agente-upload-status').textContent()).toBe('1 documento: 1 registrada.');
    const stored = await server.db.selectFrom('receivedFile').select(['channel', 'sourceRef']).where('sourceRef', '=', 'FE-1006.xml').executeTakeFirstOrThrow();
    expect(stored.channel).toBe('upload');

    await expect.poll(() => figure('agente-registered').textContent()).toBe('5');
    expect(await figure('agente-time-saved').textContent()).toBe('0 h 15 min');
    await expect.poll(() => panel().getByTestId('agente-bill').count()).toBe(5);
    await panel().getByTestId('agente-upload').scrollIntoViewIfNeeded();
    await shot('10b-archivo-subido');
  });

  it('10. «Facturas no registradas» abre la lista con el motivo de cada una', async () => {
    await panel().getByRole('button', { name: 'Ver motivos' }).click();
    const items = panel().getByTestId('agente-not-registered-item');
    await expect.poll(() => items.count()).toBe(2);
    const texts = await items.allTextContents();
    expect(texts.find((text) => text.includes('FE-1001'))).toMatch(/antes de activar el agente/);
    expect(texts.find((text) => text.includes('FE-1004'))).toMatch(/con el agente en pausa/);
    await shot('11-no-registradas');
    await panel().getByRole('button', { name: '‹ Volver al estado del agente' }).click();
  });

  it('11. una cuenta corregida en el panel queda en el agente (y la aprende)', async () => {
    const bill = panel().getByTestId('agente-bill').first();
    await bill.locator('summary').click();
    const line = bill.getByTestId('agente-bill-line').first();
    const oldAccount = ((await line.getByTestId('agente-line-account').textContent()) ?? '').trim().split(' ')[0];
    await line.getByRole('button', { name: 'Cambiar cuenta' }).click();
    await line.getByRole('searchbox').fill('papeleria fotocopias');
    await line.getByRole('button', { name: /519530 UTILES, PAPELERIA Y FOTOCOPIAS/ }).click();
    await expect.poll(() => line.getByTestId('agente-line-account').textContent()).toContain('519530');
    expect(await line.getByTestId('agente-line-explanation').textContent()).toBe(`Corregida por Diana Gómez (antes ${oldAccount})`);
    const correction = await server.db.selectFrom('lineCorrection').selectAll().executeTakeFirstOrThrow();
    expect(correction).toMatchObject({ oldAccountCode: oldAccount, newAccountCode: '519530', actor: 'Diana Gómez' });
    await line.scrollIntoViewIfNeeded();
    await shot('12-cuenta-corregida');
  });

  it('12. al salir de la página se retira todo lo inyectado; al volver, la entrada vuelve', async () => {
    await page.getByRole('link', { name: 'Facturas de proveedor' }).click();
    await page.getByRole('heading', { name: 'Facturas de proveedor' }).waitFor();
    await expect.poll(() => page.locator('agente-gastos-menu-item, agente-gastos-button, agente-gastos-panel').count()).toBe(0);
    await shot('13-fuera-de-la-pagina');

    await page.getByRole('link', { name: 'Recepción de comprobantes' }).click();
    await page.locator('agente-gastos-menu-item').waitFor({ state: 'attached' });
    expect(await page.locator('agente-gastos-panel').count()).toBe(0);
  });

  it('13. el popup muestra el resumen del día anterior a la mañana siguiente', async () => {
    clock.set('2026-11-28T11:00:00Z'); // 6:00 a. m. the next day in Bogotá
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 420 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('heading', { name: /Resumen de ayer/ }).waitFor();
    expect(await popup.getByRole('heading', { name: /Resumen de ayer/ }).textContent()).toBe('Resumen de ayer, viernes, 27 de noviembre');
    expect(await popup.getByTestId('agente-registered').textContent()).toBe('5');
    expect(await popup.getByTestId('agente-time-saved').textContent()).toBe('0 h 15 min');
    expect(await popup.getByTestId('agente-not-registered').textContent()).toBe('2');
    expect(await popup.getByTestId('agente-popup-state').textContent()).toBe('Activo');
    await shot('14-popup', popup);

    // Outside Alegra (here the popup's own tab is the active one) the panel opens as a page of its own.
    const [panelPage] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Abrir el panel' }).click()]);
    await panelPage.waitForLoadState();
    expect(panelPage.url()).toBe(`chrome-extension://${browser.extensionId}/panel.html`);
    await panelPage.getByTestId('agente-status').waitFor();
    expect(await panelPage.getByRole('switch', { name: 'Estado del Agente' }).getAttribute('aria-checked')).toBe('true');
    await panelPage.setViewportSize({ width: 1000, height: 800 });
    await panelPage.screenshot({ path: path.join(SHOTS, '15-panel-como-pagina.png') });
    await panelPage.close();
  });
});
