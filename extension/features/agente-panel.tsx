import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { AgentPanel } from '../components/agent-panel';
import type { Feature } from '../lib/features';
import type { Reply, TabProtocol } from '../lib/messages';
import { isReceptionUrl } from '../lib/page-detect';
import { onPanelRequest } from '../lib/panel-requests';

let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
let opener: HTMLElement | undefined;

/**
 * The side panel, on the reception page only. Opened by the entries or by the popup's "Abrir el panel"; closed
 * with its × or Esc, and removed when the user leaves the page.
 */
export const agentePanel: Feature = {
  id: 'agente-panel',
  include: [isReceptionUrl],
  async setup(ctx: ContentScriptContext) {
    ui = await createShadowRootUi(ctx, {
      name: 'agente-gastos-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Typing in the panel must not trigger Alegra's keyboard shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => {
        render(<AgentPanel onClose={close} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
  },
  init(signal) {
    onPanelRequest(signal, (from) => openPanel(from));
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: Reply<TabProtocol['agente:open-panel'][1]>) => void) => {
      if ((message as { type?: string } | null)?.type !== 'agente:open-panel') return undefined;
      openPanel(undefined);
      sendResponse({ ok: true, value: { opened: true } });
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => {
      browser.runtime.onMessage.removeListener(onMessage);
      if (ui?.shadowHost.isConnected) ui.remove();
      opener = undefined;
    });
  },
};

function openPanel(from: HTMLElement | undefined): void {
  opener = from;
  if (!ui) return;
  if (!ui.shadowHost.isConnected) ui.mount();
  else ui.shadow.getElementById('ag-panel-title')?.focus();
}

function close(): void {
  if (ui?.shadowHost.isConnected) ui.remove();
  if (opener?.isConnected) opener.focus();
  opener = undefined;
}
