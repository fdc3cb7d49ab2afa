import './dom-environment';
import { afterEach, describe, expect, it } from 'vitest';
import { findMoreActionsButton, findMoreActionsMenu, findReceptionTitle, isReceptionUrl, normalizeText } from '../../extension/lib/page-detect';

const page = (html: string) => {
  document.body.innerHTML = html;
};

describe('page-detect: la página por su título visible y su URL', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('normaliza tildes, mayúsculas y espacios', () => {
    expect(normalizeText('  Recepción de\n  COMPROBANTES ')).toBe('recepcion de comprobantes');
  });

  it('reconoce rutas de recepción en español, en inglés o con hash', () => {
    for (const url of ['https://app.alegra.com/gastos/recepcion-de-comprobantes', 'https://app.alegra.com/expenses/reception', 'https://app.alegra.com/#/received-documents', 'https://app.alegra.com/buz%C3%B3n']) {
      expect(isReceptionUrl(new URL(url)), url).toBe(true);
    }
    for (const url of ['https://app.alegra.com/bill/view/id/12', 'https://app.alegra.com/invoice', 'https://app.alegra.com/']) {
      expect(isReceptionUrl(new URL(url)), url).toBe(false);
    }
  });

  it('encuentra el título aunque cambie el marcado (h1, rol de encabezado, clase «title»)', () => {
    page('<header><h1 class="x"> Recepción  de comprobantes </h1></header>');
    expect(findReceptionTitle()?.tagName).toBe('H1');
    page('<div role="heading" aria-level="1">Recepción de comprobantes</div>');
    expect(findReceptionTitle()?.getAttribute('role')).toBe('heading');
    page('<div class="PageTitle-module__x">Recepción de comprobantes electrónicos</div>');
    expect(findReceptionTitle()?.className).toBe('PageTitle-module__x');
  });

  it('no confunde un subtítulo de otra página (un artículo de ayuda) con el título', () => {
    page('<main><h1>Centro de ayuda</h1><article><h2>Recepción de comprobantes</h2></article></main>');
    expect(findReceptionTitle()).toBeNull();
    page('<h2>Configuración</h2><section><h3>Recepción de comprobantes</h3></section>');
    expect(findReceptionTitle()).toBeNull();
  });

  it('acepta un título de nivel 2 si es el primero del contenido (el h1 es el logo de la barra)', () => {
    page('<header><h1>alegra</h1></header><main><div class="head"><h2 id="t">Recepción de comprobantes</h2></div><h3>Documentos</h3></main>');
    expect(findReceptionTitle()?.id).toBe('t');
  });

  it('ignora títulos ocultos, textos largos y otras páginas', () => {
    page('<h1 hidden>Recepción de comprobantes</h1>');
    expect(findReceptionTitle()).toBeNull();
    page('<h1>Recepción de comprobantes: guía completa para configurar el correo de recepción de tu empresa</h1>');
    expect(findReceptionTitle()).toBeNull();
    page('<h1>Facturas de proveedor</h1>');
    expect(findReceptionTitle()).toBeNull();
  });

  it('encuentra «Más acciones» junto al título, no en otra parte de la página', () => {
    page(`
      <div class="head"><div class="row"><h1>Recepción de comprobantes</h1></div>
        <div class="actions"><button id="more">Más acciones ▾</button></div></div>
      <footer><button id="far">Más acciones</button></footer>`);
    expect(findMoreActionsButton(findReceptionTitle()!)?.id).toBe('more');
    page('<div class="head"><h1>Recepción de comprobantes</h1></div><footer><button>Más acciones</button></footer>');
    expect(findMoreActionsButton(findReceptionTitle()!)).toBeNull();
    page('<div class="head"><h1>Recepción de comprobantes</h1><a role="button" aria-label="Más acciones">⋯</a></div>');
    expect(findMoreActionsButton(findReceptionTitle()!)?.getAttribute('aria-label')).toBe('Más acciones');
  });

  it('encuentra el menú de «Más acciones» por aria-controls, al lado del botón, o abierto en un portal', () => {
    page('<div><h1>Recepción de comprobantes</h1><button id="b" aria-controls="m">Más acciones</button></div><ul id="m" hidden></ul>');
    expect(findMoreActionsMenu(document.getElementById('b')!)?.id).toBe('m');

    page('<div><h1>Recepción de comprobantes</h1><div class="dropdown"><button id="b">Más acciones</button><div class="dropdown-menu" id="m"></div></div></div>');
    expect(findMoreActionsMenu(document.getElementById('b')!)?.id).toBe('m');

    page('<div><h1>Recepción de comprobantes</h1><button id="b" aria-expanded="false">Más acciones</button></div>');
    expect(findMoreActionsMenu(document.getElementById('b')!)).toBeNull();
    document.getElementById('b')!.setAttribute('aria-expanded', 'true');
    document.body.insertAdjacentHTML('beforeend', '<div role="menu" id="portal"><button role="menuitem">Descargar</button></div>');
    expect(findMoreActionsMenu(document.getElementById('b')!)?.id).toBe('portal');
  });
});
