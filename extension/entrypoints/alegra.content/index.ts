import { defineContentScript } from 'wxt/utils/define-content-script';
import { agenteMenuEntry } from '../../features/agente-menu-entry';
import { agentePanel } from '../../features/agente-panel';
import { agenteTitleButton } from '../../features/agente-title-button';
import { runFeatures } from '../../lib/features';

/**
 * Alegra's web app. One content script boots every injected feature; each decides by URL and by the visible
 * page where it applies. The test build (`wxt build --mode test`) also matches localhost: see wxt.config.ts.
 */
export default defineContentScript({
  matches: ['https://app.alegra.com/*'],
  runAt: 'document_idle',
  // Styles go into each feature's shadow root, never into Alegra's page.
  cssInjectionMode: 'ui',
  async main(ctx) {
    await runFeatures(ctx, [agenteMenuEntry, agenteTitleButton, agentePanel]);
  },
});
