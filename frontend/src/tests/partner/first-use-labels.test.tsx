import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChildStateBadges } from '@/components/partner/children/ChildStateBadges';
import { GoalsView } from '@/components/partner/children/GoalsView';
import { isBuiltHref, partnerSections, unbuiltSectionOf } from '@/components/partner/sidebar/partner-sections';
import { isItemBuilt, partnerNav } from '@/components/partner/sidebar/partner-nav';
import { aiProviderLabel } from '@/lib/format';
import { programTypeLabel } from '@/lib/program-labels';
import { createTestQueryClient, partnerUser, renderWithProviders } from '../test-utils';
import { goalsFixture } from './sponsorship-fixtures';

const badges = () => screen.getAllByText(/./).map((el) => el.textContent);

describe('a child shows one consent state', () => {
  it('never shows "Pending consent" beside the consent badge', () => {
    render(<ChildStateBadges child={{ status: 'PENDING_CONSENT', consentStatus: 'not_requested' }} />);
    expect(badges()).toEqual(['Consent not requested']);
  });

  it('a child asked and waiting reads "Awaiting guardian" alone', () => {
    render(<ChildStateBadges child={{ status: 'PENDING_CONSENT', consentStatus: 'pending' }} />);
    expect(badges()).toEqual(['Awaiting guardian']);
  });

  it('an ACTIVE enrolment in an ended program reads "Program not active", not "Active"', () => {
    render(<ChildStateBadges child={{ status: 'ACTIVE', consentStatus: 'program_not_active' }} />);
    expect(badges()).toEqual(['Program not active']);
  });

  it('adds the enrolment status only when it tells something more (paused, graduated, removed)', () => {
    render(<ChildStateBadges child={{ status: 'PAUSED', consentStatus: 'given' }} />);
    expect(badges()).toEqual(['Consent given', 'Paused']);
  });
});

describe('one source of truth for "is this section built?"', () => {
  it('knows the placeholder sections by their links, whatever the query or hash', () => {
    // Every page of the plan is built, so no link leads into a placeholder.
    expect(Object.keys(partnerSections)).toEqual([]);
    expect(unbuiltSectionOf('/dashboard/partner/resources')).toBeNull();
    expect(unbuiltSectionOf('/dashboard/partner/impact-reports')).toBeNull();
    expect(isBuiltHref('/dashboard/partner/funding')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/grants?status=active')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/roi-metrics?from=2026-01-01')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/student-insights?child=1')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/resources?status=pending')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/tickets?status=open')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/sponsored-courses#latest')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/impact-reports#latest')).toBe(true);
    expect(isBuiltHref('/dashboard/partner')).toBe(true);
    expect(isBuiltHref('/dashboard/partner#quick-links')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/sponsorships/0193a7b0-0000-7000-8000-000000000001')).toBe(true);
    expect(isBuiltHref('/dashboard/partner/sponsored-children?status=PENDING_CONSENT')).toBe(true);
    // A built page whose name starts like a placeholder's is not mistaken for it.
    expect(isBuiltHref('/dashboard/partner/resources-old')).toBe(true);
  });

  it('drives the sidebar: every placeholder section is an item marked not built, every other item is built', () => {
    const items = partnerNav.flatMap((s) => s.items).filter((i) => i.to);
    const unbuilt = items.filter((i) => !isItemBuilt(i)).map((i) => i.to!.replace('/dashboard/partner/', ''));
    expect(unbuilt.sort()).toEqual(Object.values(partnerSections).map((s) => s.path).sort());
    expect(items.filter(isItemBuilt).map((i) => i.key)).toEqual(['overview', 'quick-links', 'ai-highlights', 'sponsorships', 'sponsored-children', 'child-alerts', 'enrollments', 'impact-reports', 'collaboration', 'sponsored-courses', 'resources', 'ai-resources', 'funding', 'budget', 'grants', 'roi-metrics', 'custom-reports', 'student-insights', 'progress-letters', 'tickets', 'help-resources', 'training', 'notifications', 'profile', 'team', 'settings']);
  });
});

describe('internal names never reach the screen', () => {
  it('names who suggested a milestone in words', () => {
    expect(aiProviderLabel('offline')).toBe('Elimu');
    expect(aiProviderLabel(null)).toBe('Elimu');
    expect(aiProviderLabel('openai')).toBe('OpenAI');
    expect(aiProviderLabel('some_new_vendor')).toBe('Some new vendor');
  });

  it('the goals view says "Suggested by Elimu", not "Suggested by offline"', () => {
    renderWithProviders(
      <GoalsView
        childId="c1"
        data={{ ...goalsFixture, aiMilestones: [{ title: 'Ten hours of learning', description: null, targetDate: null, achieved: true, provider: 'offline' }] }}
      />,
      { queryClient: createTestQueryClient(partnerUser) },
    );
    const card = screen.getByTestId('ai-milestones');
    expect(within(card).getByText('Suggested by Elimu')).toBeInTheDocument();
    expect(card.textContent).not.toMatch(/offline/i);
  });

  it('program types read as words', () => {
    expect(programTypeLabel('cohort')).toBe('Cohort');
    expect(programTypeLabel('direct')).toBe('Direct');
  });
});
