import { defineConfig } from 'wxt';

/**
 * The extension lives in `extension/`. A build with `--mode test` (used by `npm test`) also matches
 * localhost pages so the end-to-end suite can serve a copy of Alegra's reception page; the production
 * build only ever runs on app.alegra.com.
 */
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: ({ mode }) => ({
    name: 'Agente de Gastos',
    description: 'Registra automáticamente tus facturas de compra electrónicas en Alegra.',
    default_locale: undefined,
    permissions: ['storage'],
    host_permissions: [
      'http://127.0.0.1/*',
      'http://localhost/*',
      ...(mode === 'test' ? [] : []),
    ],
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
