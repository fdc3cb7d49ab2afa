import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/popup-view';
import type { TabProtocol } from '../../lib/messages';

/**
 * "Abrir el panel": in the current tab when it is Alegra's reception page (its content script answers), else
 * as a page of its own.
 */
async function openPanel(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) {
    try {
      const reply = (await browser.tabs.sendMessage(tab.id, { type: 'agente:open-panel' })) as { ok: boolean; value?: TabProtocol['agente:open-panel'][1] } | undefined;
      if (reply?.ok && reply.value?.opened) return window.close();
    } catch {
      // No content script in that tab (not Alegra's reception page): open the panel as a page.
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/panel.html') });
  window.close();
}

render(<PopupView onOpenPanel={() => void openPanel()} onOpenSettings={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
