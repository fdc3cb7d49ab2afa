/**
 * Finding Alegra's "Recepción de comprobantes" page (Gastos > Recepción de comprobantes) and its "Más acciones"
 * menu without relying on Alegra's class names or on a route no public source documents
 * (docs/alegra-and-peers.md §1.3): by the visible title and the URL together, matched loosely so a redesign
 * that keeps the words keeps the extension working.
 *
 * TODO [2027-03-01]: confirm the real route and markup on a live Alegra account; only the imitation page in
 * test/e2e/fixtures/alegra has been checked.
 */

const TITLE = 'recepcion de comprobantes';
const MORE_ACTIONS = 'mas acciones';

/**
 * Words a reception route is expected to contain, in Spanish or English, in the path or in a hash route
 * (`/recepcion…`, `/reception…`, `/received-documents`, `/buzon…`, `/electronic-documents`…).
 */
const RECEPTION_URL_HINTS = /recep|recib|received|reception|buzon|inbox|comprobante|electronic-documents|documentos-electronicos/i;

/** `"  Recepción de\n comprobantes "` → `"recepcion de comprobantes"`: accents, case and spacing do not matter. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when the URL looks like the reception page (the title must agree: see `findReceptionTitle`). */
export function isReceptionUrl(url: URL): boolean {
  let route = `${url.pathname}${url.hash}`;
  try {
    route = decodeURIComponent(route);
  } catch {
    // A malformed escape keeps the raw text; the hints are plain ASCII anyway.
  }
  return RECEPTION_URL_HINTS.test(route.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** A page's own title: a first-level heading, or failing that the first heading of the page's content. */
const MAIN_HEADINGS = 'h1, [role="heading"][aria-level="1"]';
const OTHER_TITLES = ['h2', '[role="heading"]', 'h3', '[class*="title" i]'];
const ANY_HEADING = 'h1, h2, h3, [role="heading"]';

/**
 * The visible page title "Recepción de comprobantes" (possibly followed by a few words), or null. A lower-level
 * heading or a "…title…" element counts only when nothing titles the content before it, so a section or
 * article with that subtitle under another page's title does not count.
 */
export function findReceptionTitle(root: ParentNode = document): HTMLElement | null {
  const main = mostVisible(candidates(root.querySelectorAll<HTMLElement>(MAIN_HEADINGS)).filter(isReceptionTitle));
  if (main) return main;
  for (const selector of OTHER_TITLES) {
    const found = mostVisible(candidates(root.querySelectorAll<HTMLElement>(selector)).filter((element) => isReceptionTitle(element) && titlesItsContent(element)));
    if (found) return found;
  }
  return null;
}

/** No other heading comes before this one in the page's main area (`<main>`, else the whole body). */
function titlesItsContent(element: HTMLElement): boolean {
  const area = element.closest('main, [role="main"]') ?? element.ownerDocument.body;
  const first = candidates(area.querySelectorAll<HTMLElement>(ANY_HEADING))[0];
  if (!first || first === element || first.contains(element) || element.contains(first)) return true;
  return (element.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

function isReceptionTitle(element: HTMLElement): boolean {
  const text = element.textContent ?? '';
  if (text.length > 80) return false;
  const normalized = normalizeText(text);
  return normalized === TITLE || normalized.startsWith(`${TITLE} `);
}

/** How far up from the title the "Más acciones" button may sit (title row → header → page head). */
const MAX_HEADER_DEPTH = 5;

/** The "Más acciones" button next to the title, or null. Never searches the whole page: it must be the title's. */
export function findMoreActionsButton(title: HTMLElement): HTMLElement | null {
  let scope: HTMLElement | null = title.parentElement;
  for (let depth = 0; scope && scope !== document.body && depth < MAX_HEADER_DEPTH; depth++, scope = scope.parentElement) {
    const buttons = candidates(scope.querySelectorAll<HTMLElement>('button, [role="button"], a')).filter((candidate) =>
      normalizeText(candidate.getAttribute('aria-label') || candidate.textContent || '').startsWith(MORE_ACTIONS),
    );
    const found = mostVisible(buttons);
    if (found) return found;
  }
  return null;
}

const MENU_SELECTOR = '[role="menu"], [role="listbox"], ul, ol, [class*="menu" i], [class*="dropdown" i]';

/**
 * The menu "Más acciones" opens, rendered or not: the element named by `aria-controls`/`aria-owns`, a menu
 * beside the button (Bootstrap-style dropdowns keep it hidden in the DOM), or, for menus rendered in a portal
 * at the end of the page, the open menu labelled by the button or shown while the button is expanded.
 */
export function findMoreActionsMenu(button: HTMLElement): HTMLElement | null {
  const doc = button.ownerDocument;
  for (const attribute of ['aria-controls', 'aria-owns']) {
    const id = button.getAttribute(attribute);
    const target = id ? doc.getElementById(id) : null;
    if (target) return target;
  }
  for (let holder: HTMLElement | null = button, depth = 0; holder && depth < 2; holder = holder.parentElement, depth++) {
    for (let sibling = holder.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (sibling instanceof HTMLElement && sibling.matches(MENU_SELECTOR) && !isOwnElement(sibling)) return sibling;
    }
  }
  if (button.id) {
    const labelled = doc.querySelector<HTMLElement>(`[role="menu"][aria-labelledby~="${CSS.escape(button.id)}"]`);
    if (labelled) return labelled;
  }
  if (button.getAttribute('aria-expanded') === 'true') {
    const open = candidates(doc.querySelectorAll<HTMLElement>('[role="menu"]')).filter((menu) => menu.checkVisibility?.() ?? true);
    return open.at(-1) ?? null;
  }
  return null;
}

/** Host elements this extension adds are named `agente-gastos-…`. */
export const OWN_TAG_PREFIX = 'AGENTE-GASTOS-';

export function isOwnElement(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) if (node.tagName.startsWith(OWN_TAG_PREFIX)) return true;
  return false;
}

/** Elements that are not ours and not hidden by attribute (cheap: no style or layout is computed). */
function candidates(elements: NodeListOf<HTMLElement>): HTMLElement[] {
  return [...elements].filter((element) => !isOwnElement(element) && !element.closest('[hidden], [aria-hidden="true"]'));
}

/**
 * The one candidate, or the first one actually displayed when there are several. `checkVisibility` forces the
 * browser to compute styles and layout, which on a large page costs tens of milliseconds: only ambiguity pays it.
 */
function mostVisible(found: HTMLElement[]): HTMLElement | null {
  if (found.length <= 1) return found[0] ?? null;
  return found.find((element) => element.checkVisibility?.() ?? true) ?? null;
}
