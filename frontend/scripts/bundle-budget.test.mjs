// Checks the budget arithmetic on a made-up build, so a wrong sum cannot pass the real check unnoticed.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROUTES, gzipSizeIn, lazyFiles, lazyImports, measure, routeFiles, unmeasuredPages } from './bundle-budget.mjs';

// index.html → app + react; login → form + react (shared, counted once); dashboard → layout → icons, and lazily
// charts (which imports react too, and d3) and an editor (on a click); the entry also lazily imports both pages, which
// a route must not count twice.
const manifest = {
  'index.html': { file: 'assets/app.js', isEntry: true, imports: ['_react.js'], dynamicImports: ['src/pages/Login.tsx', 'src/pages/Dash.tsx'], css: ['assets/app.css'] },
  '_react.js': { file: 'assets/react.js' },
  '_form.js': { file: 'assets/form.js', imports: ['_react.js'] },
  '_icons.js': { file: 'assets/icons.js' },
  '_d3.js': { file: 'assets/d3.js' },
  'src/Charts.tsx': { file: 'assets/charts.js', imports: ['_react.js', '_d3.js'], isDynamicEntry: true },
  'src/Editor.tsx': { file: 'assets/editor.js', imports: ['_form.js'], isDynamicEntry: true },
  'src/pages/Login.tsx': { file: 'assets/login.js', isDynamicEntry: true, imports: ['_form.js', '_react.js'], css: ['assets/login.css'] },
  'src/Layout.tsx': { file: 'assets/layout.js', isDynamicEntry: true, imports: ['_icons.js'] },
  'src/pages/Dash.tsx': { file: 'assets/dash.js', isDynamicEntry: true, imports: ['_icons.js'], dynamicImports: ['src/Charts.tsx', 'src/Editor.tsx'] },
  'src/pages/Orphan.tsx': { file: 'assets/orphan.js', isDynamicEntry: true },
};
const sizes = { 'assets/app.js': 10, 'assets/react.js': 100, 'assets/form.js': 7, 'assets/icons.js': 3, 'assets/charts.js': 50, 'assets/d3.js': 30, 'assets/editor.js': 4, 'assets/login.js': 2, 'assets/layout.js': 20, 'assets/dash.js': 5, 'assets/orphan.js': 1 };
const routes = [
  { route: '/login', modules: ['src/pages/Login.tsx'], budget: 119 },
  // First load 138: within 200 alone, over it with the charts (80).
  { route: '/dash', modules: ['src/Layout.tsx', 'src/pages/Dash.tsx'], budget: 200 },
];
const lists = { drawn: ['src/Charts.tsx'], onDemand: ['src/Editor.tsx'] };

describe('bundle budget', () => {
  it('counts the entry and each route chunk with its static imports, each file once, JavaScript only', () => {
    expect(routeFiles(manifest, ['src/pages/Login.tsx'])).toEqual(['assets/app.js', 'assets/form.js', 'assets/login.js', 'assets/react.js']);
    const [login] = measure(manifest, (f) => sizes[f], routes, lists);
    expect(login).toMatchObject({ first: 10 + 100 + 7 + 2, charts: 0, bytes: 119, ok: true });
  });

  it('counts the charts a page draws in its budget, so a chart page over it fails even when its first load fits', () => {
    const [, dash] = measure(manifest, (f) => sizes[f], routes, lists);
    // Charts and d3 count; React, which the page has already, does not count again.
    expect(dash).toMatchObject({ first: 10 + 100 + 20 + 3 + 5, charts: 50 + 30, bytes: 138 + 80, ok: false, unclassified: [] });
    expect(dash.files).toContain('assets/d3.js');
    // The editor, loaded on a click, is reported without its form code counted twice, and not budgeted.
    expect(dash.onDemand).toBe(4 + 7);
  });

  it('fails a page that imports a module lazily that is in neither list', () => {
    const [, dash] = measure(manifest, (f) => sizes[f], [routes[0], { ...routes[1], budget: 1000 }], { drawn: ['src/Charts.tsx'], onDemand: [] });
    expect(dash).toMatchObject({ ok: false, unclassified: ['src/Editor.tsx'] });
  });

  it('finds what a page imports lazily, without what it already has or other routes', () => {
    expect(lazyImports(manifest, ['src/Layout.tsx', 'src/pages/Dash.tsx'], routes)).toEqual(['src/Charts.tsx', 'src/Editor.tsx']);
    expect(lazyImports(manifest, ['src/pages/Login.tsx'], routes)).toEqual([]);
    expect(lazyFiles(manifest, ['src/Layout.tsx', 'src/pages/Dash.tsx'], ['src/Charts.tsx'])).toEqual(['assets/charts.js', 'assets/d3.js']);
  });

  it('names a lazy page that has no budget row', () => {
    expect(unmeasuredPages(manifest, routes)).toEqual(['src/pages/Orphan.tsx']);
  });

  it('refuses a route whose chunk the build does not have', () => {
    expect(() => measure(manifest, (f) => sizes[f], [{ route: '/x', modules: ['src/pages/Gone.tsx'], budget: 1 }], lists)).toThrow(/no chunk src\/pages\/Gone.tsx/);
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
