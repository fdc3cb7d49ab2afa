import { findMoreActionsButton, findMoreActionsMenu } from './page-detect';

/**
 * Where the "Agente de Gastos" entry goes: into the "Más acciones" menu when there is one and its menu can be
 * found, otherwise as a button beside the title. A "Más acciones" whose menu never shows up where we look
 * (a markup change) is noted after the user opens it once, and the title button takes over.
 */
const unusableMenuButtons = new WeakSet<HTMLElement>();

export type Placement = { kind: 'menu'; button: HTMLElement; menu: HTMLElement | null } | { kind: 'title' };

export function entryPlacement(title: HTMLElement): Placement {
  const button = findMoreActionsButton(title);
  if (!button || unusableMenuButtons.has(button)) return { kind: 'title' };
  return { kind: 'menu', button, menu: findMoreActionsMenu(button) };
}

/**
 * An empty item like the menu's own, when its items are list items (`<ul role="menu"><li role="none">…`): the
 * entry goes inside it, so the menu stays a list of `<li>` and the entry gets the same spacing as its siblings.
 * Menus of plain buttons (many portals) take the entry directly.
 */
export function menuItemLike(menu: HTMLElement): HTMLElement | null {
  const sibling = menu.querySelector<HTMLElement>(':scope > li');
  if (!sibling) return null;
  const item = menu.ownerDocument.createElement('li');
  if (sibling.className) item.className = sibling.className;
  const role = sibling.getAttribute('role');
  if (role) item.setAttribute('role', role);
  item.dataset.agenteEntry = '';
  return item;
}

/** Fires when a placement decision changes without the page changing (a menu found unusable). */
export const placementChanges = new EventTarget();

export function markMenuUnusable(button: HTMLElement): void {
  unusableMenuButtons.add(button);
  placementChanges.dispatchEvent(new Event('change'));
}
