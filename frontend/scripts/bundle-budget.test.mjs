// Checks the budget arithmetic on a made-up build, so a wrong sum cannot pass the real check unnoticed.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROUTES, deferredFiles, gzipSizeIn, measure, routeFiles, unmeasuredPages } from './bundle-budget.mjs';

// index.html → app + react; login → form + react (shared, counted once); dashboard → layout → icons, and lazily
// charts (which imports react too); the entry also lazily imports both pages, which a route must not count twice.
const manifest = {
  'index.html': { file: 'assets/app.js', isEntry: true, imports: ['_react.js'], dynamicImports: ['src/pages/Login.tsx', 'src/pages/Dash.tsx'], css: ['assets/app.css'] },
  '_react.js': { file: 'assets/react.js' },
  '_form.js': { file: 'assets/form.js', imports: ['_react.js'] },
  '_icons.js': { file: 'assets/icons.js' },
  '_charts.js': { file: 'assets/charts.js', imports: ['_react.js'], isDynamicEntry: true },
  'src/pages/Login.tsx': { file: 'assets/login.js', isDynamicEntry: true, imports: ['_form.js', '_react.js'], css: ['assets/login.css'] },
  'src/Layout.tsx': { file: 'assets/layout.js', isDynamicEntry: true, imports: ['_icons.js'] },
  'src/pages/Dash.tsx': { file: 'assets/dash.js', isDynamicEntry: true, imports: ['_icons.js'], dynamicImports: ['_charts.js'] },
  'src/pages/Orphan.tsx': { file: 'assets/orphan.js', isDynamicEntry: true },
};
const sizes = { 'assets/app.js': 10, 'assets/react.js': 100, 'assets/form.js': 7, 'assets/icons.js': 3, 'assets/charts.js': 500, 'assets/login.js': 2, 'assets/layout.js': 20, 'assets/dash.js': 5, 'assets/orphan.js': 1 };
const routes = [
  { route: '/login', modules: ['src/pages/Login.tsx'], budget: 119 },
  { route: '/dash', modules: ['src/Layout.tsx', 'src/pages/Dash.tsx'], budget: 137 },
];

describe('bundle budget', () => {
  it('counts the entry and each route chunk with its static imports, each file once, JavaScript only', () => {
    expect(routeFiles(manifest, ['src/pages/Login.tsx'])).toEqual(['assets/app.js', 'assets/form.js', 'assets/login.js', 'assets/react.js']);
    const [login, dash] = measure(manifest, (f) => sizes[f], routes);
    expect(login).toMatchObject({ bytes: 10 + 100 + 7 + 2, ok: true });
    expect(dash).toMatchObject({ bytes: 10 + 100 + 20 + 3 + 5, ok: false, deferred: 500 });
  });

  it('reports what a page loads lazily, without what it already has or other routes', () => {
    expect(deferredFiles(manifest, ['src/Layout.tsx', 'src/pages/Dash.tsx'], routes)).toEqual(['assets/charts.js']);
    expect(deferredFiles(manifest, ['src/pages/Login.tsx'], routes)).toEqual([]);
  });

  it('names a lazy page that has no budget row', () => {
    expect(unmeasuredPages(manifest, routes)).toEqual(['src/pages/Orphan.tsx']);
  });

  it('refuses a route whose chunk the build does not have', () => {
    expect(() => measure(manifest, (f) => sizes[f], [{ route: '/x', modules: ['src/pages/Gone.tsx'], budget: 1 }])).toThrow(/no chunk src\/pages\/Gone.tsx/);
  });

  it('measures files as the server sends them, gzip at best compression', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-'));
    const text = 'export const a = 1;\n'.repeat(500);
    writeFileSync(join(dir, 'a.js'), text);
    expect(gzipSizeIn(dir)('a.js')).toBe(gzipSync(text, { level: constants.Z_BEST_COMPRESSION }).length);
  });

  it('fails the run and prints the table when a route is over budget', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-'));
    mkdirSync(join(dir, 'assets'));
    const built = { 'index.html': { file: 'assets/entry.js', isEntry: true } };
    for (const [i, key] of [...new Set(ROUTES.flatMap((r) => r.modules))].entries()) {
      built[key] = { file: `assets/m${i}.js`, isDynamicEntry: true };
      // The sign-in page gets 130 kB that gzip cannot shrink; every other chunk is tiny.
      writeFileSync(join(dir, `assets/m${i}.js`), key === 'src/pages/LoginPage.tsx' ? randomBytes(130_000) : 'export {};');
    }
    writeFileSync(join(dir, 'assets/entry.js'), 'export {};');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(built));
    const run = spawnSync(process.execPath, ['scripts/bundle-budget.mjs', '--manifest', join(dir, 'manifest.json'), '--out', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\/login\s+130\.\d.*OVER BUDGET/);
    expect(run.stderr).toContain('/login loads 130');
    expect(run.stdout).toMatch(/\/dashboard\/parent\/consents\s+0\.\d/);
  });
});
