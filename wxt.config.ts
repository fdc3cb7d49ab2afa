import { defineConfig } from 'wxt';

/**
 * Pages the end-to-end suite serves with its imitation of Alegra's reception page. Only a `--mode test` build
 * (what `npm test` builds) runs the content script there; the production build runs only on app.alegra.com.
 */
export const TEST_PAGE_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

/**
 * The extension lives in `extension/` (WXT entrypoints in `extension/entrypoints`). The background service worker
 * is the only part that talks to the local agent, so the API's loopback addresses are host permissions: a page on
 * a public origin (Alegra) may not call 127.0.0.1 itself (Chrome's Local Network Access).
 */
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'Agente de Gastos',
    description: 'Registra automáticamente tus facturas de compra electrónicas desde la Recepción de comprobantes de Alegra.',
    permissions: ['storage'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: 'Agente de Gastos' },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'agente-de-gastos@agente.local', strict_min_version: '115.0' } } } : {}),
  }),
  hooks: {
    // Test builds also inject into the local imitation page; the shadow-root CSS must be readable there too.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'test') return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...TEST_PAGE_MATCHES];
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && 'matches' in resource) resource.matches = [...(resource.matches ?? []), ...TEST_PAGE_MATCHES];
      }
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
