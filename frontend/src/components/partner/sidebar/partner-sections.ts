/**
 * The partner sections whose pages come in later issues (plan Step 10), with the words their
 * placeholder page shows. Empty since every page of the plan is built; kept so a section added to the
 * sidebar before its page has one place that says so.
 * Sections with a page of their own (sponsorships, sponsored children, enrollments, notifications, help, training, funding, resources) are routed in
 * app/routes.tsx directly and are not listed here.
 *
 * This table is the one answer to "is this section built?": the sidebar marks these items "Soon" (read out as "not available yet")
 * and shows no badge on them, and the dashboard neither links into them nor sends a user there
 * (see {@link isBuiltHref}).
 */

export interface PartnerSectionInfo {
  path: string;
  group: string;
  title: string;
  description: string;
  /** What will be listed here, said plainly. */
  pending: string;
}

export const partnerSections: Record<string, PartnerSectionInfo> = {};

/** The Sponsored Children views (the sidebar's `?tab=` links). */
export const childTabs: Record<string, { label: string; description: string }> = {
  overview: { label: 'Overview', description: 'Every child you sponsor, with consent status and progress.' },
  'learning-journey': { label: 'Learning Journey', description: 'CBC learning areas, core competencies and weekly progress.' },
  activity: { label: 'Activity', description: 'Time spent learning, sessions and streaks.' },
  achievements: { label: 'Achievements', description: 'Certificates, badges and milestones.' },
  goals: { label: 'Goals', description: 'The goals you set for each child and how close they are.' },
  'ai-insights': { label: 'AI Insights', description: 'Learning style, support tips and early warnings.' },
};

const PARTNER_PREFIX = '/dashboard/partner/';

/** The unbuilt section a link leads into, or null when it leads to a built page (or outside the partner area). */
export function unbuiltSectionOf(href: string): PartnerSectionInfo | null {
  if (!href.startsWith(PARTNER_PREFIX)) return null;
  const first = href.slice(PARTNER_PREFIX.length).split(/[/?#]/, 1)[0] ?? '';
  return Object.values(partnerSections).find((s: PartnerSectionInfo) => s.path === first) ?? null;
}

/** Whether a link leads to a page that works today. */
export const isBuiltHref = (href: string) => unbuiltSectionOf(href) === null;
