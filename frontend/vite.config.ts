/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath, URL } from 'node:url';

// In development the API runs on its own port; Vite proxies the server routes to it.
// In production the API serves the built SPA from its wwwroot (DESIGN.md §1 "Serving").
const apiTarget = `http://127.0.0.1:${process.env.ELIMU_PORT || 5080}`;

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: '../backend/src/Elimu.Api/wwwroot',
    emptyOutDir: true,
    // Recharts and its d3 parts are one ~530 kB chunk, fetched only by the pages with charts and cached long.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: charts load only with the pages that draw them.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|es-toolkit|immer|@reduxjs|redux|reselect|decimal\.js-light|eventemitter3)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
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
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
