// Renderer build (kept in build/: it runs in Node, the renderer folder may not import node:): React, relative base (loaded from file:// in Electron and from the e2e host over http).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('../renderer/', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // a desktop app loads its bundle from disk: size matters less than for the web
    chunkSizeWarningLimit: 4000,
    // no inline <script>: the CSP forbids it
    modulePreload: { polyfill: false },
  },
});
