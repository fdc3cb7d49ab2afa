import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildExtension, launchWithExtension, REPO_ROOT, startAlegraFixture, type AlegraFixture, type ExtensionBrowser } from './fixtures/alegra/harness';

/**
 * How the extension lives in Alegra's page, in real Chromium against the imitation page: where the entry goes
 * when the markup differs, keyboard use, what it must not touch, and that the production build only runs on
 * app.alegra.com. (The full journey with the agent is in extension-journey.test.ts.)
 */
const SHOTS = path.join(REPO_ROOT, 'test-artifacts/extension');
const HOSTS = 'agente-gastos-menu-item, agente-gastos-button, agente-gastos-panel';

describe('extensión: la página de Alegra', () => {
  let fixture: AlegraFixture;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [fixture, browser] = await Promise.all([startAlegraFixture(), launchWithExtension()]);
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });
  beforeEach(async () => {
    await page?.close();
    page = await browser.context.newPage();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const activeElement = () => page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.id, inner: document.activeElement?.shadowRoot?.activeElement?.id }));

  it('todo se usa con el teclado: «Más acciones», la entrada, el panel y Esc, que devuelve el foco', async () => {
    await page.goto(`${fixture.origin}/gastos/recepcion-de-comprobantes`);
    await page.locator('agente-gastos-menu-item').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Más acciones' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#mas-acciones-menu').isVisible()).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab'); // the page's two items, then ours
    expect((await activeElement()).tag).toBe('AGENTE-GASTOS-MENU-ITEM');
    await page.keyboard.press('Enter');
    await page.getByTestId('agente-panel').waitFor();
    await expect.poll(async () => (await activeElement()).inner).toBe('ag-panel-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('agente-gastos-panel').count()).toBe(0);
    expect((await activeElement()).id).toBe('mas-acciones');
  });

  it('sin «Más acciones», pone un botón junto al título', async () => {
    await page.goto(`${fixture.origin}/gastos/recepcion-de-comprobantes?menu=none`);
    await page.locator('h1 + agente-gastos-button').waitFor({ state: 'attached' });
    expect(await page.locator('agente-gastos-menu-item').count()).toBe(0);
    await shot('20-boton-junto-al-titulo');
    await page.getByTestId('agente-title-button').click();
    await page.getByTestId('agente-panel').waitFor();
  });

  it('si el menú de «Más acciones» no se deja encontrar al abrirlo, pasa al botón junto al título', async () => {
    await page.goto(`${fixture.origin}/gastos/recepcion-de-comprobantes?menu=desconocido`);
    await page.getByRole('button', { name: 'Más acciones' }).waitFor();
    expect(await page.locator(HOSTS).count()).toBe(0);
    await page.getByRole('button', { name: 'Más acciones' }).click();
    await page.locator('.x9-popover').waitFor();
    await page.locator('h1 + agente-gastos-button').waitFor({ state: 'attached' });
    expect(await page.locator('agente-gastos-menu-item').count()).toBe(0);
  });

  it('un menú que se dibuja al abrirse (portal) recibe la entrada cuando se abre', async () => {
    await page.goto(`${fixture.origin}/gastos/recepcion-de-comprobantes?menu=portal`);
    await page.getByRole('button', { name: 'Más acciones' }).waitFor();
    expect(await page.locator(HOSTS).count()).toBe(0);
    await page.getByRole('button', { name: 'Más acciones' }).click();
    await page.locator('.portal-menu > agente-gastos-menu-item').waitFor({ state: 'attached' });
    await shot('21-menu-portal');
    await page.getByRole('menuitem', { name: 'Agente de Gastos' }).click();
    await page.getByTestId('agente-panel').waitFor();
    expect(await page.locator('.portal-menu').count()).toBe(0); // the page's menu closed
    // Closing the menu (ours did, to open the panel) is no sign of a menu we cannot find: the entry stays in it.
    await page.waitForTimeout(1200);
    expect(await page.locator('h1 + agente-gastos-button').count()).toBe(0);
  });

  it('cerrar el menú portal con su propio botón no saca la entrada del menú', async () => {
    await page.goto(`${fixture.origin}/gastos/recepcion-de-comprobantes?menu=portal`);
    const moreActions = page.getByRole('button', { name: 'Más acciones' });
    await moreActions.click();
    await page.locator('.portal-menu > agente-gastos-menu-item').waitFor({ state: 'attached' });
    await moreActions.click();
    await expect.poll(() => page.locator('.portal-menu').count()).toBe(0);
    await page.waitForTimeout(1200); // past the grace period
    expect(await page.locator('h1 + agente-gastos-button').count()).toBe(0);
    await moreActions.click();
    await page.locator('.portal-menu > agente-gastos-menu-item').waitFor({ state: 'attached' });
  });

  it('un artículo de ayuda con el subtítulo «Recepción de comprobantes» no es la página', async () => {
    await page.goto(`${fixture.origin}/ayuda/recepcion-de-comprobantes`);
    await page.getByRole('heading', { name: 'Recepción de comprobantes' }).waitFor();
    // The content script is alive there (it injects as soon as the real page shows up, without a reload).
    await page.evaluate(() => (window as unknown as { __navigate(path: string): void }).__navigate('/gastos/recepcion-de-comprobantes'));
    await page.locator('agente-gastos-menu-item').waitFor({ state: 'attached' });
    await page.goBack();
    await page.getByRole('heading', { name: 'Centro de ayuda' }).waitFor();
    await expect.poll(() => page.locator(HOSTS).count()).toBe(0);
  });

  it('los estilos no se filtran en ninguna dirección', async () => {
    await page.goto(`${fixture.origin}/gastos/recepcion-de-comprobantes?estilos=agresivos`);
    await page.locator('agente-gastos-menu-item').waitFor({ state: 'attached' });
    const before = await page.evaluate(() => ({ styles: document.querySelectorAll('style, link[rel="stylesheet"]').length, title: getComputedStyle(document.querySelector('h1')!).fontSize }));
    await page.getByRole('button', { name: 'Más acciones' }).click();
    // The page hides `agente-gastos-menu-item` and makes every button red, 30 px Courier: none of it reaches in.
    const entry = page.getByTestId('agente-menu-item');
    await expect.poll(() => entry.isVisible()).toBe(true);
    const entryStyle = await entry.evaluate((element) => {
      const style = getComputedStyle(element);
      return { fontSize: style.fontSize, color: style.color, fontFamily: style.fontFamily };
    });
    expect(entryStyle.fontSize).toBe('14px');
    expect(entryStyle.color).not.toBe('rgb(255, 0, 0)');
    expect(entryStyle.fontFamily).not.toMatch(/Courier/);

    await entry.click();
    const welcome = page.getByTestId('agente-connection').locator('p').first();
    await welcome.waitFor();
    expect(await welcome.evaluate((element) => getComputedStyle(element).fontSize)).toBe('14px');
    await shot('22-estilos-agresivos');
    // And nothing of ours reaches out: no stylesheet added to the page, the page's title unchanged.
    const after = await page.evaluate(() => ({ styles: document.querySelectorAll('style, link[rel="stylesheet"]').length, title: getComputedStyle(document.querySelector('h1')!).fontSize }));
    expect(after).toEqual(before);
  });
});

describe('extensión: la compilación de producción', () => {
  it('solo se inyecta en https://app.alegra.com/*; llama al agente local por el background', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'agente-ext-prod-'));
    try {
      const unpacked = await buildExtension('production', outDir);
      const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as {
        content_scripts: { matches: string[] }[];
        web_accessible_resources: { matches: string[] }[];
        host_permissions: string[];
        background: { service_worker: string };
      };
      expect(manifest.content_scripts.map((script) => script.matches)).toEqual([['https://app.alegra.com/*']]);
      expect(manifest.web_accessible_resources.flatMap((resource) => resource.matches)).toEqual(['https://app.alegra.com/*']);
      expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
      expect(manifest.background.service_worker).toBe('background.js');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
