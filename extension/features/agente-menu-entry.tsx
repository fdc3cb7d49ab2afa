import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EntryButton } from '../components/entry-button';
import { entryPlacement, markMenuUnusable, menuItemLike } from '../lib/entry-placement';
import type { Feature } from '../lib/features';
import { observePage } from '../lib/observe';
import { findReceptionTitle, isReceptionUrl } from '../lib/page-detect';
import { requestPanel } from '../lib/panel-requests';

/** How long after a click on "Más acciones" its menu must be findable before the title button takes over. */
const MENU_GRACE_MS = 800;

let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
let menu: HTMLElement | null = null;
let toggle: HTMLElement | null = null;
/** The `<li>` the entry lives in when the menu's items are list items (our own, removed with the entry). */
let item: HTMLElement | null = null;
/** When the menu was last found: a click that opens it expects it found afterwards. */
let menuSeenAt = 0;

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
      anchor: () => item ?? menu ?? undefined,
      append: 'last',
      onMount: (container, _shadow, host) => {
        host.setAttribute('role', 'none');
        if (menu) alignWithSiblings(host, menu);
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
      if (nextMenu) menuSeenAt = performance.now();
      if (nextMenu === menu && (!menu || menu.contains(ui?.shadowHost ?? null))) return;
      unmount();
      menu = nextMenu;
      if (!menu) return;
      item = menuItemLike(menu);
      if (item) menu.append(item);
      ui?.mount();
    });
    // A "Más acciones" whose menu we cannot find even once it is open: give way to the title button. Only a click
    // that opens the menu is checked: one that closes it (the button again, or ours before opening the panel)
    // leaves no menu to find, and that is no reason to leave the menu.
    document.addEventListener(
      'click',
      (event) => {
        const clicked = toggle;
        if (!clicked || !event.composedPath().includes(clicked)) return;
        if (menu || clicked.getAttribute('aria-expanded') === 'true') return; // it was open: this click closes it
        const clickedAt = performance.now();
        setTimeout(() => {
          if (signal.aborted || toggle !== clicked || menu || menuSeenAt >= clickedAt) return;
          if (clicked.getAttribute('aria-expanded') === 'false') return; // closed again meanwhile, by its own say
          markMenuUnusable(clicked);
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
  item?.remove();
  item = null;
}

/**
 * The entry's text starts where its siblings' does: their horizontal padding, whatever Alegra's stylesheet says.
 * Only the padding: fonts and colours stay the panel's own, so a page's stylesheet cannot restyle the entry.
 */
function alignWithSiblings(host: HTMLElement, list: HTMLElement): void {
  const sibling = [...list.querySelectorAll<HTMLElement>('[role="menuitem"], li > a, li > button')].find((el) => !el.contains(host) && !host.contains(el));
  if (!sibling) return;
  const style = getComputedStyle(sibling);
  host.style.setProperty('--ag-menu-padding-inline', `${style.paddingLeft} ${style.paddingRight}`);
}

function open(): void {
  const opener = toggle;
  const openMenu = menu;
  // Close Alegra's menu first (as its own items do), then open the panel, so the menu cannot take the focus back.
  if (opener?.getAttribute('aria-expanded') === 'true') opener.click();
  else if (openMenu?.isConnected && (openMenu.checkVisibility?.() ?? true)) {
    // A menu that does not say it is open (no aria-expanded): close it as a person would, with Escape.
    openMenu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  }
  setTimeout(() => requestPanel(opener ?? undefined), 0);
}
