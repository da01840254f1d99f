import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Inputs are named explicitly: the repo's layout is not electron-vite's default.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // services.js is the same code main.js runs, as its own entry so a plain-Node test can
        // prove the bundle (with its migrations inlined) opens and migrates an empty file.
        input: {
          main: resolve(__dirname, 'electron/shell/main.ts'),
          services: resolve(__dirname, 'electron/core/services.ts'),
          // The CLI as built code, for the package's `bin` (Node will not strip types under node_modules).
          cli: resolve(__dirname, 'electron/core/cli/main.ts'),
          // The services process Electron's utilityProcess runs (main.ts only relays to it), and the job
          // worker thread it and the CLI send long calls to; each finds the next beside itself.
          utility: resolve(__dirname, 'electron/core/jobs/utility.ts'),
          worker: resolve(__dirname, 'electron/core/jobs/worker.ts'),
        },
        // Native (Node-API) modules load from node_modules at run time: resvg draws the annual report's map.
        external: ['better-sqlite3', '@resvg/resvg-js'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(__dirname, 'electron/shell/preload.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // Loaded from the local disk (app:// or loopback), never over a network.
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
