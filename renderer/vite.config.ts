/**
 * Builds the renderer into `dist/renderer`, loadable from `app://lab` (Electron) and from the local HTTP
 * host alike: relative asset URLs, no inline scripts (the CSP, written into index.html by
 * content-security-policy-plugin.ts, allows `script-src 'self'` only).
 */
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { contentSecurityPolicyMeta } from './content-security-policy-plugin.ts';

// import.meta.dirname keeps the config free of Node imports (the renderer's lint zone forbids them).
const rendererRoot = import.meta.dirname;
const repositoryRoot = `${import.meta.dirname}/..`;

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [contentSecurityPolicyMeta(), svelte()],
  // The renderer imports core's pure functions from outside its own root.
  server: { fs: { allow: [repositoryRoot] } },
  // The live worker (renderer/src/exercise/live/live-worker.ts) is an ES module, loaded from 'self'.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2023',
    // Chromium (Electron and the browser) supports modulepreload natively; the polyfill is dead code.
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs for scripts; keep every asset a file.
    assetsInlineLimit: 0,
    // One local bundle (CodeMirror and the engine included) loads from disk, not a network; size is no concern.
    chunkSizeWarningLimit: 2000,
  },
});
