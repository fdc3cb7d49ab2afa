import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EntryButton } from '../components/entry-button';
import { entryPlacement, placementChanges } from '../lib/entry-placement';
import type { Feature } from '../lib/features';
import { observePage } from '../lib/observe';
import { findReceptionTitle, isReceptionUrl } from '../lib/page-detect';
import { requestPanel } from '../lib/panel-requests';

let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
let title: HTMLElement | null = null;

/**
 * The fallback entry: a "Agente de Gastos" button right after the page title, when the page has no
 * "Más acciones" menu we can use.
 */
export const agenteTitleButton: Feature = {
  id: 'agente-title-button',
  include: [isReceptionUrl],
  async setup(ctx: ContentScriptContext) {
    ui = await createShadowRootUi(ctx, {
      name: 'agente-gastos-button',
      position: 'inline',
      anchor: () => title ?? undefined,
      append: 'after',
      onMount: (container, _shadow, host) => {
        render(<EntryButton variant="title" onOpen={() => requestPanel(host.shadowRoot?.querySelector('button') ?? host)} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
  },
  init(signal) {
    const check = observePage(signal, () => {
      const found = findReceptionTitle();
      const next = found && entryPlacement(found).kind === 'title' ? found : null;
      const placed = ui?.shadowHost.isConnected && title && ui.shadowHost.previousElementSibling === title;
      if (next === title && (placed || !next)) return;
      unmount();
      title = next;
      if (title) ui?.mount();
    });
    placementChanges.addEventListener('change', check, { signal });
    signal.addEventListener('abort', () => {
      unmount();
      title = null;
    });
  },
};

function unmount(): void {
  if (ui?.shadowHost.isConnected) ui.remove();
}
