import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * A page that shows one renderer part on its own, built beside the app's
 * renderer (out/renderer/harness…/) so the e2e server and bridge serve it as
 * they serve the app: for parts whose host screen another branch builds
 * (the campaign message lives inside the Campaigns screen).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    // One folder per Playwright worker (HARNESS_DIR), so parallel workers never build over each other's page.
    outDir: resolve(import.meta.dirname, '../../../out/renderer', process.env.HARNESS_DIR ?? 'harness'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'campaign-message.html') },
  },
});
