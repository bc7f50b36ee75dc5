// The JavaScript each route downloads to show itself whole, gzip-compressed, against its budget (issue 15).
// Reads Vite's build manifest: a route's first load is the entry (index.html's script) with every chunk it imports
// statically, plus the route's lazy chunks (layout and page) with theirs; each chunk counts once. Then the modules the
// page imports lazily while it renders (its charts, DRAWN_LAZILY) with theirs: the page is not whole without them, so
// they count in its budget. Modules loaded only on a user's action (ON_DEMAND) are reported, not counted; a dynamic
// import in neither list (nor a route) fails the check, so a chart cannot slip out of the budget under a new name.
// Usage: node scripts/bundle-budget.mjs [--manifest <file>] [--out <dir>]   (exits 1 when a route is over budget)
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_DIR = resolve(here, '../../backend/src/Elimu.Api/wwwroot');
// vite.config.ts moves the manifest here so the API does not serve it from wwwroot.
export const DEFAULT_MANIFEST = resolve(here, '../.tmp/vite-manifest.json');

const KB = 1000;
const SMALL = 120 * KB; // sign-in, and the parent's landing and consent inbox: parents answer on phones over mobile data
const ANY = 250 * KB;

/** Modules a page imports lazily while it renders: they count in the page's budget. */
export const DRAWN_LAZILY = ['src/components/partner/shared/PartnerChart.tsx', 'src/components/partner/children/charts.tsx'];
/** Modules loaded only when the user asks (an editor opened): reported beside the page, not counted. */
export const ON_DEMAND = [
  'src/components/partner/children/GoalsEditor.tsx',
  // A child's alert thresholds, AI insights and timeline: drawn when the child page's tab is opened.
  'src/components/partner/alerts/AlertThresholdsCard.tsx',
  'src/components/partner/children/InsightsView.tsx',
  'src/components/partner/children/ChildTimeline.tsx',
  // Kiswahili's strings: fetched when a reader chooses Kiswahili (src/i18n/i18n.ts); English is in the entry.
  'src/i18n/locales/sw.ts',
  // The partner store, reset on sign-out (src/services/auth.ts): kept out of the entry of the sign-in page.
  'src/store/reset-partner-ui.ts',
  // The child page's leave dialog (issue 20): loaded when "Leave program" is pressed.
  'src/components/partner/children/ChildLeaveDialog.tsx',
];

const partner = (page) => ['src/components/layout/DashboardLayout.tsx', page];

/** Every route of src/app/routes.tsx: the lazy modules it loads (layout first) and its budget in bytes. */
export const ROUTES = [
  { route: '/login', modules: ['src/pages/LoginPage.tsx'], budget: SMALL },
  // A new team member's first page, opened from an email, often on a phone: as small as sign-in.
  { route: '/invite/:token', modules: ['src/pages/InvitePage.tsx'], budget: SMALL },
  // A new organisation's first page: as small as sign-in.
  { route: '/signup', modules: ['src/pages/SignUpPage.tsx'], budget: SMALL },
  { route: '/dashboard/parent', modules: ['src/pages/parent/ParentDashboardPage.tsx'], budget: SMALL },
  { route: '/dashboard/parent/consents', modules: ['src/pages/parent/ParentConsentsPage.tsx'], budget: SMALL },
  { route: '/dashboard/parent/consents/:id', modules: ['src/pages/parent/ParentConsentDetailPage.tsx'], budget: ANY },
  { route: '/dashboard/partner', modules: partner('src/pages/partner/PartnerDashboardPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/sponsorships', modules: partner('src/pages/partner/SponsorshipsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/sponsorships/:id', modules: partner('src/pages/partner/SponsorshipDetailPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/sponsored-children', modules: partner('src/pages/partner/SponsoredChildrenPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/sponsored-children/:id', modules: partner('src/pages/partner/ChildProgressPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/alerts', modules: partner('src/pages/partner/ChildAlertsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/enrollments', modules: partner('src/pages/partner/EnrollmentsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/notifications', modules: partner('src/pages/partner/PartnerNotificationsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/team', modules: partner('src/pages/partner/PartnerTeamPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/help-resources', modules: partner('src/pages/partner/PartnerResourcesPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/training', modules: partner('src/pages/partner/TrainingHubPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/profile', modules: partner('src/pages/partner/PartnerProfilePage.tsx'), budget: ANY },
  { route: '/dashboard/partner/settings', modules: partner('src/pages/partner/PartnerSettingsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/tickets', modules: partner('src/pages/partner/PartnerTicketsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/collaboration', modules: partner('src/pages/partner/CollaborationPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/budget', modules: partner('src/pages/partner/BudgetManagementPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/grants', modules: partner('src/pages/partner/GrantTrackingPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/roi-metrics', modules: partner('src/pages/partner/ROIMetricsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/custom-reports', modules: partner('src/pages/partner/CustomReportsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/impact-reports', modules: partner('src/pages/partner/ImpactReportsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/ai-highlights', modules: partner('src/pages/partner/AIHighlightsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/student-insights', modules: partner('src/pages/partner/StudentAIInsightsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/progress-letters', modules: partner('src/pages/partner/ProgressLettersPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/funding', modules: partner('src/pages/partner/FundingPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/ai-resources', modules: partner('src/pages/partner/AIGeneratedResourcesPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/resources', modules: partner('src/pages/partner/ResourceContributionsPage.tsx'), budget: ANY },
  { route: '/dashboard/partner/sponsored-courses', modules: partner('src/pages/partner/SponsoredCoursesPage.tsx'), budget: ANY },
  { route: '/dashboard/admin', modules: ['src/pages/admin/AdminDashboardPage.tsx'], budget: ANY },
  { route: '/dashboard/admin/sponsorship-programs', modules: ['src/pages/admin/AdminSponsorshipProgramsPage.tsx'], budget: ANY },
  { route: '/dashboard/admin/audit', modules: ['src/pages/admin/AdminAuditLogPage.tsx'], budget: ANY },
  { route: '/dashboard/admin/partners', modules: ['src/pages/admin/AdminPartnersPage.tsx'], budget: ANY },
  { route: '/dashboard/admin/tickets', modules: ['src/pages/admin/AdminSupportTicketsPage.tsx'], budget: ANY },
  { route: '/dashboard/admin/messages', modules: ['src/pages/admin/AdminMessagesPage.tsx'], budget: ANY },
  { route: '/dashboard/admin/resources', modules: ['src/pages/admin/AdminResourceReviewPage.tsx'], budget: ANY },
  { route: '/dashboard/admin/settings', modules: ['src/pages/AccountSettingsPage.tsx'], budget: ANY },
  { route: '/dashboard/parent/settings', modules: ['src/pages/AccountSettingsPage.tsx'], budget: ANY },
  { route: '(not found)', modules: ['src/pages/NotFoundPage.tsx'], budget: ANY },
];

/** The manifest key of the HTML entry. */
export function entryKey(manifest) {
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}: ${entries.join(', ')}`);
  return entries[0];
}

/** The keys of `roots` and of every chunk they import statically, transitively. */
export function staticClosure(manifest, roots) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`the manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return seen;
}

/** The JavaScript files (each once) a route's first load downloads. */
export function routeFiles(manifest, modules) {
  const keys = staticClosure(manifest, [entryKey(manifest), ...modules]);
  return [...new Set([...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js')))].sort();
}

/** The dynamic imports of a route's first load that are neither another route's module nor already loaded. */
export function lazyImports(manifest, modules, routes = ROUTES) {
  const routed = new Set(routes.flatMap((r) => r.modules));
  const first = staticClosure(manifest, [entryKey(manifest), ...modules]);
  return [...new Set([...first].flatMap((key) => manifest[key].dynamicImports ?? []))].filter((key) => !routed.has(key) && !first.has(key)).sort();
}

/** The JavaScript files the lazy imports `keys` of a route add to its first load (each once, none it has already). */
export function lazyFiles(manifest, modules, keys) {
  const loaded = new Set([...staticClosure(manifest, [entryKey(manifest), ...modules])].map((key) => manifest[key].file));
  const files = [...staticClosure(manifest, keys)].map((key) => manifest[key].file);
  return [...new Set(files)].filter((file) => file.endsWith('.js') && !loaded.has(file)).sort();
}

/**
 * One row per route: gzip bytes of its first load, of the charts it draws (counted: `bytes` is both), of what it
 * loads on demand (reported), and whether it is within budget. `unclassified` lists lazy imports in no list.
 * `gzipSize(file)` gives the gzip size of a built file (path relative to the output directory).
 */
export function measure(manifest, gzipSize, routes = ROUTES, { drawn = DRAWN_LAZILY, onDemand = ON_DEMAND } = {}) {
  const sum = (files) => files.reduce((total, file) => total + gzipSize(file), 0);
  return routes.map(({ route, modules, budget }) => {
    const files = routeFiles(manifest, modules);
    const first = sum(files);
    const lazy = lazyImports(manifest, modules, routes);
    const chartFiles = lazyFiles(manifest, modules, lazy.filter((key) => drawn.includes(key)));
    const charts = sum(chartFiles);
    const later = sum(lazyFiles(manifest, [...modules, ...lazy.filter((key) => drawn.includes(key))], lazy.filter((key) => onDemand.includes(key))));
    const unclassified = lazy.filter((key) => !drawn.includes(key) && !onDemand.includes(key));
    const bytes = first + charts;
    return { route, files: [...files, ...chartFiles], first, charts, bytes, onDemand: later, unclassified, budget, ok: bytes <= budget && unclassified.length === 0 };
  });
}

/** Lazy pages of the build that no row measures: a new page must get a budget row. */
export function unmeasuredPages(manifest, routes = ROUTES) {
  const measured = new Set(routes.flatMap((r) => r.modules));
  return Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry && key.startsWith('src/pages/') && !measured.has(key))
    .sort();
}

export function gzipSizeIn(outDir) {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file)) cache.set(file, gzipSync(readFileSync(join(outDir, file)), { level: constants.Z_BEST_COMPRESSION }).length);
    return cache.get(file);
  };
}

export function formatTable(rows) {
  const kb = (bytes) => (bytes / KB).toFixed(1);
  const width = Math.max(...rows.map((r) => r.route.length));
  const lines = [
    'JavaScript per route, gzip, kB = 1000 bytes. First load: entry + route chunks with their static imports; charts: what',
    'the page imports lazily to draw them. Total = first load + charts (budgeted). On demand: loaded on a user action, not budgeted.',
    `${'route'.padEnd(width)}  first load  charts   total  budget  on demand`,
  ];
  for (const r of rows) {
    const charts = r.charts ? `+${kb(r.charts)}` : '';
    const later = r.onDemand ? `+${kb(r.onDemand)}` : '';
    lines.push(`${r.route.padEnd(width)}  ${kb(r.first).padStart(10)}  ${charts.padStart(6)}  ${kb(r.bytes).padStart(6)}  ${kb(r.budget).padStart(6)}  ${later.padStart(9)}${r.bytes <= r.budget ? '' : '  OVER BUDGET'}`);
  }
  return lines.join('\n');
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const manifestPath = arg('--manifest', DEFAULT_MANIFEST);
  const outDir = arg('--out', DEFAULT_OUT_DIR);
  if (!existsSync(manifestPath)) {
    console.error(`bundle-budget: no build manifest at ${manifestPath}: run vite build first`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const rows = measure(manifest, gzipSizeIn(outDir));
  console.log(formatTable(rows));
  let failed = false;
  for (const r of rows.filter((row) => !row.ok)) {
    if (r.bytes > r.budget) {
      console.error(`bundle-budget: ${r.route} loads ${(r.bytes / KB).toFixed(1)} kB of JavaScript (gzip) with its charts, over its ${r.budget / KB} kB budget`);
      console.error(`  ${r.files.join(' ')}`);
    }
    for (const key of r.unclassified)
      console.error(`bundle-budget: ${r.route} imports ${key} lazily: add it to DRAWN_LAZILY (drawn with the page, budgeted) or ON_DEMAND (scripts/bundle-budget.mjs)`);
    failed = true;
  }
  for (const page of unmeasuredPages(manifest)) {
    console.error(`bundle-budget: ${page} is a lazy page with no row in ROUTES (scripts/bundle-budget.mjs): give it a budget`);
    failed = true;
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
