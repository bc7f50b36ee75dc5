import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import ChildProgressPage from '@/pages/partner/ChildProgressPage';
import type { ChildHeader, PagedChildTimeline } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';
import { achievementsFixture, CHILD_ID, headerFixture, journeyFixture, programFixture, PROGRAM_ID } from './sponsorship-fixtures';

const BASE = `/api/v1/partner/sponsorships/children/${CHILD_ID}`;
const PROGRAM = `/api/v1/partner/sponsorships/programs/${PROGRAM_ID}`;
const active = programFixture({ status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'] });
const offer = { offered: 1, missing: 1, minChildren: 10, enrolled: 9, candidates: [] };

const timeline = (items: PagedChildTimeline['items']): PagedChildTimeline => ({ items, page: 1, pageSize: 20, total: items.length });

function renderPage(user = partnerUser, search = '') {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/partner/sponsored-children/:id" element={<ChildProgressPage />} />
    </Routes>,
    { route: `/dashboard/partner/sponsored-children/${CHILD_ID}${search}`, queryClient: createTestQueryClient(user) },
  );
}

describe('leaving from the child page', () => {
  // The page opens on the Learning Journey, whose charts load when first drawn: their first import can outlast a
  // findBy on a busy runner (as in ChildProgressPage.test), and what is tested here is the leaving.
  // The leave dialog loads when opened, likewise.
  beforeAll(
    () => Promise.all([import('@/components/partner/children/charts'), import('@/components/partner/shared/PartnerChart'), import('@/components/partner/children/ChildLeaveDialog')]),
    60_000,
  );

  it('lets a program manager take the child out of the program, then shows the leaving and the timeline', { timeout: 30_000 }, async () => {
    let header: ChildHeader = headerFixture();
    const bodies: unknown[] = [];
    mockFetch({
      [`GET ${BASE}`]: () => json(header),
      [`${BASE}/achievements`]: json(achievementsFixture),
      [`GET ${PROGRAM}`]: json(active),
      [`POST ${PROGRAM}/children/${header.studentId}/leave`]: ({ init }) => {
        bodies.push(JSON.parse(String(init?.body)));
        header = { ...header, status: 'GRADUATED' };
        return json({ child: { id: CHILD_ID, studentId: header.studentId, programId: PROGRAM_ID, status: 'GRADUATED', enrolledAt: header.enrolledAt }, reason: 'graduated', note: 'Finished Grade 9.', leftAt: '2026-12-02T08:00:00Z', program: active, offer });
      },
      [`GET ${BASE}/timeline`]: json(timeline([{ at: '2026-12-02T08:00:00Z', kind: 'graduated', fromStatus: 'ACTIVE', toStatus: 'GRADUATED', actor: 'you', reason: 'Left the program: graduated (Finished Grade 9.).' }])),
    });
    // Opened on a tab without charts: what is tested is the leaving, and that the timeline opens after it.
    renderPage(partnerUser, '?tab=achievements');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Leave program' }, { timeout: 5000 }));
    const dialog = await screen.findByTestId('leave-child-dialog', {}, { timeout: 5000 });
    expect(dialog).toHaveTextContent('Faith Otieno leaves the program');
    await user.click(within(dialog).getByRole('radio', { name: /Graduated/ }));
    await user.type(within(dialog).getByTestId('leave-note'), 'Finished Grade 9.');
    await user.click(within(dialog).getByTestId('confirm-button'));

    await waitFor(() => expect(bodies).toEqual([{ reason: 'graduated', note: 'Finished Grade 9.' }]));
    const notice = await screen.findByTestId('child-left-notice');
    expect(notice).toHaveTextContent('Faith Otieno graduated from “Kisumu Lakeside Readers” on 2 Dec 2026 · Graduated: Finished Grade 9.');
    expect(within(notice).getByRole('link', { name: 'See substitutes' })).toHaveAttribute('href', `/dashboard/partner/sponsorships/${PROGRAM_ID}`);
    // The page refetched the child: it is GRADUATED, so it cannot leave again; the timeline opens on the leaving.
    expect(await screen.findByTestId('child-status-badge')).toHaveTextContent('Graduated');
    expect(screen.queryByRole('button', { name: 'Leave program' })).not.toBeInTheDocument();
    const items = within(await screen.findByTestId('child-timeline')).getAllByRole('listitem');
    expect(items[0]).toHaveAttribute('data-kind', 'graduated');
    expect(items[0]).toHaveTextContent('Graduated');
  });

  it('offers no “Leave program” to a viewer, nor in a program that is not running', async () => {
    mockFetch({ [`GET ${BASE}`]: json(headerFixture()), [`${BASE}/progress`]: json(journeyFixture), [`GET ${PROGRAM}`]: json(active) });
    const { unmount } = renderPage({ ...partnerUser, partnerRole: 'viewer' });
    await screen.findByRole('heading', { level: 1, name: 'Faith Otieno' });
    expect(screen.queryByRole('button', { name: 'Leave program' })).not.toBeInTheDocument();
    unmount();

    mockFetch({ [`GET ${BASE}`]: json(headerFixture()), [`${BASE}/progress`]: json(journeyFixture), [`GET ${PROGRAM}`]: json(programFixture({ status: 'COMPLETED' })) });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Faith Otieno' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Leave program' })).not.toBeInTheDocument());
  });

  it('says a child who left is no longer in the program instead of asking for consent', async () => {
    mockFetch({
      [`GET ${BASE}`]: json(headerFixture({ status: 'LEFT', consentStatus: 'program_not_active' })),
      [`GET ${PROGRAM}`]: json(active),
      [`GET ${BASE}/timeline`]: problem(403, 'This program is ACTIVE; children’s data is shown only while a program is approved and running.', undefined, { code: 'program_not_active', consentStatus: 'program_not_active' }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/dashboard/partner/sponsored-children/:id" element={<ChildProgressPage />} />
      </Routes>,
      { route: `/dashboard/partner/sponsored-children/${CHILD_ID}?tab=timeline`, queryClient: createTestQueryClient(partnerUser) },
    );
    expect(await screen.findByTestId('child-departed')).toHaveTextContent('Faith Otieno is no longer in “Kisumu Lakeside Readers”');
    expect(screen.queryByTestId('consent-required')).not.toBeInTheDocument();
    expect(screen.getByTestId('child-status-badge')).toHaveTextContent('Left');
    expect(screen.queryByRole('button', { name: 'Leave program' })).not.toBeInTheDocument();
  });
});
