import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EntryButton } from '../components/entry-button';
import { entryPlacement, markMenuUnusable } from '../lib/entry-placement';
import type { Feature } from '../lib/features';
import { observePage } from '../lib/observe';
import { findReceptionTitle, isReceptionUrl } from '../lib/page-detect';
import { requestPanel } from '../lib/panel-requests';

/** How long after a click on "Más acciones" its menu must be findable before the title button takes over. */
const MENU_GRACE_MS = 800;

let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
let menu: HTMLElement | null = null;
let toggle: HTMLElement | null = null;

/**
 * "Agente de Gastos" as an entry of the "Más acciones" menu next to the page title, where Alegra's help center
 * tells users to find it (Gastos > Recepción de comprobantes > Más acciones > Agente de Gastos).
 */
export const agenteMenuEntry: Feature = {
  id: 'agente-menu-entry',
  include: [isReceptionUrl],
  async setup(ctx: ContentScriptContext) {
    ui = await createShadowRootUi(ctx, {
      name: 'agente-gastos-menu-item',
      position: 'inline',
      anchor: () => menu ?? undefined,
      append: 'last',
      onMount: (container, _shadow, host) => {
        host.setAttribute('role', 'none');
        render(<EntryButton variant="menu" onOpen={open} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
  },
  init(signal) {
    observePage(signal, () => {
      const title = findReceptionTitle();
      const placement = title ? entryPlacement(title) : { kind: 'title' as const };
      const nextMenu = placement.kind === 'menu' ? placement.menu : null;
      toggle = placement.kind === 'menu' ? placement.button : null;
      if (nextMenu === menu && (!menu || menu.contains(ui?.shadowHost ?? null))) return;
      unmount();
      menu = nextMenu;
      if (menu) ui?.mount();
    });
    // A "Más acciones" whose menu we cannot find even once it is open: give way to the title button.
    document.addEventListener(
      'click',
      (event) => {
        const clicked = toggle;
        if (!clicked || !event.composedPath().includes(clicked)) return;
        setTimeout(() => {
          if (!signal.aborted && toggle === clicked && !menu) markMenuUnusable(clicked);
        }, MENU_GRACE_MS);
      },
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => {
      unmount();
      menu = null;
      toggle = null;
    });
  },
};

function unmount(): void {
  if (ui?.shadowHost.isConnected) ui.remove();
}

function open(): void {
  const opener = toggle;
  // Close Alegra's menu first (as its own items do), then open the panel, so the menu cannot take the focus back.
  if (opener?.getAttribute('aria-expanded') === 'true') opener.click();
  setTimeout(() => requestPanel(opener ?? undefined), 0);
}
