import type { LucideIcon } from 'lucide-react';
import {
  Activity,
  BadgeCheck,
  BarChart3,
  Bell,
  BellRing,
  BookOpen,
  BrainCircuit,
  Calculator,
  ChartLine,
  FileBarChart,
  FileText,
  GraduationCap,
  HandCoins,
  Handshake,
  HeartHandshake,
  LayoutDashboard,
  Library,
  LifeBuoy,
  Lightbulb,
  Mail,
  Link2,
  LogOut,
  MessagesSquare,
  Presentation,
  Route,
  Settings,
  Sparkles,
  Target,
  Ticket,
  Trophy,
  Upload,
  User,
  UserPlus,
  Users,
  Wallet,
  WandSparkles,
} from 'lucide-react';
import type { RealtimeCounterKey } from '@/types/partner';
import { isBuiltHref } from './partner-sections';

/**
 * The partner sidebar: 7 sections (plan Step 9), each with its items and the routes of plan Step 10.
 * One table, read by the sidebar, its search and its tests.
 */

export const PARTNER_BASE = '/dashboard/partner';

export interface PartnerNavChild {
  key: string;
  label: string;
  to: string;
  icon: LucideIcon;
}

export interface PartnerNavItem {
  key: string;
  label: string;
  /** Route (may carry a `?tab=` query or a `#hash`). Absent for action items. */
  to?: string;
  icon: LucideIcon;
  /** Which live counter the badge shows. */
  badge?: RealtimeCounterKey;
  /** Also active on sub-routes (`/sponsorships/:id`). */
  matchSubRoutes?: boolean;
  children?: PartnerNavChild[];
  action?: 'logout';
}

export interface PartnerNavSection {
  key: string;
  label: string;
  icon: LucideIcon;
  items: PartnerNavItem[];
}

const p = (path: string) => (path ? `${PARTNER_BASE}/${path}` : PARTNER_BASE);
const childTab = (tab: string) => `${p('sponsored-children')}?tab=${tab}`;

export const partnerNav: PartnerNavSection[] = [
  {
    key: 'dashboard',
    label: 'Dashboard',
    icon: LayoutDashboard,
    items: [
      { key: 'overview', label: 'Partnership Overview', to: p(''), icon: LayoutDashboard },
      { key: 'quick-links', label: 'Quick Links', to: `${p('')}#quick-links`, icon: Link2 },
      { key: 'ai-highlights', label: 'AI Highlights', to: p('ai-highlights'), icon: Sparkles },
    ],
  },
  {
    key: 'partnerships',
    label: 'Partnerships',
    icon: Handshake,
    items: [
      { key: 'sponsorships', label: 'Sponsorships', to: p('sponsorships'), icon: HeartHandshake, matchSubRoutes: true },
      {
        key: 'sponsored-children',
        label: 'Sponsored Children',
        to: p('sponsored-children'),
        icon: Users,
        matchSubRoutes: true,
        children: [
          { key: 'children-overview', label: 'Overview', to: childTab('overview'), icon: Users },
          { key: 'children-learning-journey', label: 'Learning Journey', to: childTab('learning-journey'), icon: Route },
          { key: 'children-activity', label: 'Activity', to: childTab('activity'), icon: Activity },
          { key: 'children-achievements', label: 'Achievements', to: childTab('achievements'), icon: Trophy },
          { key: 'children-goals', label: 'Goals', to: childTab('goals'), icon: Target },
          { key: 'children-ai-insights', label: 'AI Insights', to: childTab('ai-insights'), icon: Lightbulb },
        ],
      },
      // The new alerts' count is on the page that lists them (it was on Sponsored Children before the alerts were stored).
      { key: 'child-alerts', label: 'Child Alerts', to: p('alerts'), icon: BellRing, badge: 'childAlerts' },
      { key: 'enrollments', label: 'Enrollments', to: p('enrollments'), icon: UserPlus, badge: 'pendingConsents' },
      { key: 'impact-reports', label: 'Impact Reports', to: p('impact-reports'), icon: FileBarChart },
      { key: 'collaboration', label: 'Collaboration', to: p('collaboration'), icon: MessagesSquare, badge: 'unreadMessages' },
    ],
  },
  {
    key: 'content',
    label: 'Content',
    icon: BookOpen,
    items: [
      { key: 'sponsored-courses', label: 'Sponsored Courses', to: p('sponsored-courses'), icon: GraduationCap },
      { key: 'resources', label: 'Resource Contributions', to: p('resources'), icon: Upload },
      { key: 'ai-resources', label: 'AI-Generated Resources', to: p('ai-resources'), icon: WandSparkles },
    ],
  },
  {
    key: 'finance',
    label: 'Finance',
    icon: Wallet,
    items: [
      { key: 'funding', label: 'Funding / Subscriptions', to: p('funding'), icon: HandCoins, badge: 'pendingPayments' },
      { key: 'budget', label: 'Budget Management', to: p('budget'), icon: Calculator },
      { key: 'grants', label: 'Grant Tracking', to: p('grants'), icon: BadgeCheck },
    ],
  },
  {
    key: 'analytics',
    label: 'Analytics',
    icon: BarChart3,
    items: [
      { key: 'roi-metrics', label: 'ROI Metrics', to: p('roi-metrics'), icon: ChartLine },
      { key: 'custom-reports', label: 'Custom Reports', to: p('custom-reports'), icon: FileText },
      { key: 'student-insights', label: 'Student AI Insights', to: p('student-insights'), icon: BrainCircuit },
      { key: 'progress-letters', label: 'Progress Letters', to: p('progress-letters'), icon: Mail },
    ],
  },
  {
    key: 'support',
    label: 'Support',
    icon: LifeBuoy,
    items: [
      { key: 'tickets', label: 'Tickets', to: p('tickets'), icon: Ticket, badge: 'openTickets', matchSubRoutes: true },
      { key: 'help-resources', label: 'Resources', to: p('help-resources'), icon: Library },
      { key: 'training', label: 'Training Hub', to: p('training'), icon: Presentation },
    ],
  },
  {
    key: 'account',
    label: 'Account',
    icon: User,
    items: [
      { key: 'notifications', label: 'Notifications', to: p('notifications'), icon: Bell, badge: 'unreadNotifications' },
      { key: 'profile', label: 'Profile', to: p('profile'), icon: User },
      { key: 'team', label: 'Team', to: p('team'), icon: Users },
      { key: 'settings', label: 'Settings', to: p('settings'), icon: Settings },
      { key: 'logout', label: 'Logout', icon: LogOut, action: 'logout' },
    ],
  },
];

/** Whether the item's page is built (see partner-sections.ts); actions such as sign-out always are. */
export const isItemBuilt = (item: PartnerNavItem) => !item.to || isBuiltHref(item.to);

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

export interface LocationLike {
  pathname: string;
  search: string;
  hash: string;
}

function splitTo(to: string) {
  const hashAt = to.indexOf('#');
  const withoutHash = hashAt >= 0 ? to.slice(0, hashAt) : to;
  const hash = hashAt >= 0 ? to.slice(hashAt) : '';
  const queryAt = withoutHash.indexOf('?');
  return {
    pathname: queryAt >= 0 ? withoutHash.slice(0, queryAt) : withoutHash,
    search: queryAt >= 0 ? withoutHash.slice(queryAt) : '',
    hash,
  };
}

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** Is this child link (a `?tab=` of Sponsored Children) the current view? "overview" is the default tab. */
export function isChildActive(child: PartnerNavChild, location: LocationLike): boolean {
  const target = splitTo(child.to);
  if (trimSlash(location.pathname) !== target.pathname) return false;
  const wanted = new URLSearchParams(target.search).get('tab');
  const current = new URLSearchParams(location.search).get('tab') ?? 'overview';
  return wanted === current;
}

/** Is this item the current page? Hash links are active only with their hash; the plain link loses to them. */
export function isItemActive(item: PartnerNavItem, location: LocationLike, siblings: PartnerNavItem[] = []): boolean {
  if (!item.to) return false;
  const target = splitTo(item.to);
  const pathname = trimSlash(location.pathname);
  if (target.hash) return pathname === target.pathname && location.hash === target.hash;
  if (pathname === target.pathname) {
    // "Partnership Overview" is not active while "Quick Links" (same path + #quick-links) is.
    return !siblings.some((s) => s !== item && s.to && splitTo(s.to).pathname === pathname && splitTo(s.to).hash && splitTo(s.to).hash === location.hash);
  }
  return !!item.matchSubRoutes && pathname.startsWith(`${target.pathname}/`);
}

export function findActiveSection(location: LocationLike): string | null {
  for (const section of partnerNav) {
    if (section.items.some((item) => isItemActive(item, location, section.items))) return section.key;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

const matches = (label: string, query: string) => label.toLowerCase().includes(query);

/**
 * Filters the navigation by a search query. A section whose name matches keeps all its items;
 * otherwise it keeps the items whose label (or a sub-item's label) matches. Sections left empty
 * are dropped. An empty query returns the navigation unchanged.
 */
export function filterPartnerNav(query: string, nav: PartnerNavSection[] = partnerNav): PartnerNavSection[] {
  const q = query.trim().toLowerCase();
  if (!q) return nav;
  const result: PartnerNavSection[] = [];
  for (const section of nav) {
    if (matches(section.label, q)) {
      result.push(section);
      continue;
    }
    const items: PartnerNavItem[] = [];
    for (const item of section.items) {
      if (matches(item.label, q)) {
        items.push(item);
        continue;
      }
      const children = item.children?.filter((c) => matches(c.label, q)) ?? [];
      if (children.length > 0) items.push({ ...item, children });
    }
    if (items.length > 0) result.push({ ...section, items });
  }
  return result;
}
