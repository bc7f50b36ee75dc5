/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { fileURLToPath, URL } from 'node:url';
import { existsSync, mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { constants } from 'node:zlib';
import type { Plugin } from 'vite';

// In development the API runs on its own port; Vite proxies the server routes to it.
// In production the API serves the built SPA from its wwwroot (DESIGN.md §1 "Serving").
const apiTarget = `http://127.0.0.1:${process.env.ELIMU_PORT || 5080}`;

// The build manifest feeds scripts/bundle-budget.mjs; it moves out of wwwroot so the API never serves it.
const manifestOut = fileURLToPath(new URL('./.tmp/vite-manifest.json', import.meta.url));
function manifestOutOfWebRoot(): Plugin {
  let outDir = '';
  return {
    name: 'elimu-manifest-out-of-webroot',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      mkdirSync(fileURLToPath(new URL('./.tmp', import.meta.url)), { recursive: true });
      if (!existsSync(`${outDir}/.vite/manifest.json`)) return;
      renameSync(`${outDir}/.vite/manifest.json`, manifestOut);
      rmdirSync(`${outDir}/.vite`);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // A .br and a .gz copy beside each text file, at the best compression since it is done once: the API sends the
    // one the browser accepts (Common/StaticAssets.cs). The build manifest is not served, so it gets none.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: constants.Z_BEST_COMPRESSION }),
      ],
      exclude: [/\.vite[\\/]/],
      logLevel: 'silent',
    }),
    manifestOutOfWebRoot(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: '../backend/src/Elimu.Api/wwwroot',
    emptyOutDir: true,
    manifest: true,
    // React (257 kB) is the largest chunk; Chart.js (~200 kB, 66 kB gzip) is fetched only by the pages with charts.
    chunkSizeWarningLimit: 260,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group also takes its modules' dependencies, and the first group to capture a module keeps it. React goes
          // first, or the charts group would take React (and clsx, which the app uses too) and every page would load
          // the charts. Chart.js is reached only through the chart components, so its chunk loads only with their pages.
          // The form libraries get a group of their own: left alone, the bundler merged zod into a chunk of small helpers
          // that the child page imports, which then loaded 23 kB of form code it never runs. (Keep modules a page reads
          // from, like describe-goal.ts, free of zod, or the page loads this group.)
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'forms', test: /node_modules[\\/](zod|react-hook-form|@hookform)[\\/]/ },
            // What every page runs besides React: the query cache, the API client, English and the icon base. Left
            // to the bundler, these were one chunk or two depending on which lazy modules shared which of them, and
            // one more lazy tab could split them and add a chunk to every page, the parent's inbox included.
            {
              name: 'core',
              test: /node_modules[\\/](@tanstack[\\/](query-core|react-query)|clsx|rosetta|dlv|templite)[\\/]|node_modules[\\/]lucide-react[\\/]dist[\\/]esm[\\/](shared[\\/]|Icon\.mjs|createLucideIcon\.mjs|context\.mjs|defaultAttributes\.mjs)|[\\/]src[\\/](lib[\\/]api\.ts|i18n[\\/]i18n\.ts|i18n[\\/]locales[\\/]en\.ts)$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/hubs': { target: apiTarget, ws: true },
      '/openapi': { target: apiTarget },
      '/docs': { target: apiTarget },
      '/healthz': { target: apiTarget },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    css: false,
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
