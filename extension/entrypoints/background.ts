import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundListener } from '../lib/background-relay';
import { clearToken, readConnection, saveConnection } from '../lib/storage';

/**
 * The service worker: the only part of the extension that calls the local agent (with the token it keeps).
 * Alegra's page runs on a public origin and may not call 127.0.0.1 itself; the background may, thanks to the
 * host permissions, and without asking the page's CORS.
 */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    createBackgroundListener({
      fetch: (url, init) => fetch(url, init),
      settings: { read: readConnection, save: saveConnection, clearToken },
    }),
  );
});
