import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import SponsorshipDetailPage from '@/pages/partner/SponsorshipDetailPage';
import type { SubstituteOffer } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, renderWithProviders } from '../test-utils';
import { childFixture, paged, programFixture, PROGRAM_ID, studentFixture } from './sponsorship-fixtures';

const PROGRAM = `/api/v1/partner/sponsorships/programs/${PROGRAM_ID}`;
const CHILDREN = '/api/v1/partner/sponsorships/children';
const active = programFixture({ status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'], children: { enrolled: 9, active: 9, pendingConsent: 0, paused: 0, graduated: 0, removed: 0, left: 1 } });

const offer = (overrides: Partial<SubstituteOffer> = {}): SubstituteOffer => ({
  offered: 1,
  missing: 1,
  minChildren: 10,
  enrolled: 9,
  candidates: [studentFixture(1, { matchScore: 2, matchReasons: ['Grade 4 — preferred', 'Kisumu — preferred'] })],
  ...overrides,
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/partner/sponsorships/:id" element={<SponsorshipDetailPage />} />
    </Routes>,
    { route: `/dashboard/partner/sponsorships/${PROGRAM_ID}`, queryClient: createTestQueryClient(partnerUser) },
  );
}

describe('Children who leave and their substitutes', () => {
  it('the leave dialog asks for a reason and a note for “other”, then sends them', async () => {
    const bodies: unknown[] = [];
    const faith = childFixture();
    mockFetch({
      [`GET ${PROGRAM}`]: json(active),
      [CHILDREN]: json(paged([faith])),
      [`GET ${PROGRAM}/substitutes`]: json(offer({ offered: 0, missing: 0, candidates: [] })),
      [`POST ${PROGRAM}/children/${faith.studentId}/leave`]: ({ init }) => {
        bodies.push(JSON.parse(String(init?.body)));
        return json({ child: { ...faith, status: 'LEFT' }, reason: 'other', note: 'Moved abroad', leftAt: '2026-12-01T08:00:00Z', program: active, offer: offer() });
      },
    });
    renderPage();
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Children of this program' });
    await user.click(within(table).getByRole('button', { name: 'Faith Otieno leaves the program' }));

    const dialog = await screen.findByTestId('leave-child-dialog');
    await user.click(within(dialog).getByTestId('confirm-button'));
    expect(within(dialog).getByText('Choose a reason.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /Other/ }));
    await user.click(within(dialog).getByTestId('confirm-button'));
    expect(within(dialog).getByText('Say why the child is leaving.')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.type(within(dialog).getByTestId('leave-note'), 'Moved abroad');
    await user.click(within(dialog).getByTestId('confirm-button'));
    await waitFor(() => expect(bodies).toEqual([{ reason: 'other', note: 'Moved abroad' }]));
    expect(await screen.findByText(/Substitutes are suggested above/)).toBeInTheDocument();
  });

  it('the substitute panel warns of the missing children, explains each match and takes one', async () => {
    const taken: unknown[] = [];
    mockFetch({
      [`GET ${PROGRAM}`]: json(active),
      [CHILDREN]: json(paged([childFixture()])),
      // After the substitute joins, the server's offer is empty (the page refetches it with the program).
      [`GET ${PROGRAM}/substitutes`]: () => json(taken.length ? offer({ offered: 0, missing: 0, enrolled: 10, candidates: [] }) : offer()),
      [`POST ${PROGRAM}/substitutes`]: ({ init }) => {
        taken.push(JSON.parse(String(init?.body)));
        return json({ child: { id: 'c', studentId: studentFixture(1).studentId, programId: PROGRAM_ID, status: 'PENDING_CONSENT', enrolledAt: '2026-12-01T08:00:00Z' }, consentRequests: 1, offer: offer({ offered: 0, missing: 0, enrolled: 10, candidates: [] }) });
      },
    });
    renderPage();
    const user = userEvent.setup();
    const panel = await screen.findByTestId('substitute-offer');
    expect(within(panel).getByTestId('minimum-warning')).toHaveTextContent('9 of its minimum 10 children: 1 missing');
    const candidate = within(panel).getByTestId('substitute');
    expect(candidate).toHaveTextContent('Wanjiru K.');
    expect(within(candidate).getByRole('list', { name: 'Why Wanjiru K. matches' })).toHaveTextContent('Grade 4 — preferred');
    await user.click(within(candidate).getByRole('button', { name: 'Take Wanjiru' }));
    await waitFor(() => expect(taken).toEqual([{ studentId: studentFixture(1).studentId }]));
    expect(await screen.findByText(/their guardian was asked for consent/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('substitute-offer')).not.toBeInTheDocument());
  });

  it('lets guardians be asked on an active program that children left, as the API counts them toward the minimum', async () => {
    // 8 enrolled + 1 left + 1 graduated (by leaving) = 10: the API asks (the substitutes' guardians above all).
    const short = programFixture({ status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'], children: { enrolled: 8, active: 6, pendingConsent: 2, paused: 0, graduated: 1, removed: 0, left: 1 } });
    mockFetch({ [`GET ${PROGRAM}`]: json(short), [CHILDREN]: json(paged([childFixture()])), [`GET ${PROGRAM}/substitutes`]: json(offer({ offered: 2, missing: 2, enrolled: 8 })) });
    renderPage();
    const consent = await screen.findByTestId('request-consent');
    expect(consent).toBeEnabled();
    expect(consent).not.toHaveAccessibleDescription(/before guardians can be asked/);
    expect(within(await screen.findByTestId('substitute-offer')).getByTestId('minimum-warning')).toHaveTextContent('8 of its minimum 10 children: 2 missing');
  });

  it('still refuses to ask on an active program that is short even counting those who left (removed children do not count)', async () => {
    const short = programFixture({ status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'], children: { enrolled: 8, active: 6, pendingConsent: 2, paused: 0, graduated: 0, removed: 3, left: 1 } });
    mockFetch({ [`GET ${PROGRAM}`]: json(short), [CHILDREN]: json(paged([childFixture()])), [`GET ${PROGRAM}/substitutes`]: json(offer({ offered: 1, missing: 2, enrolled: 8 })) });
    renderPage();
    const consent = await screen.findByTestId('request-consent');
    expect(consent).toBeDisabled();
    expect(consent).toHaveAccessibleDescription('9 of at least 10 children enrolled; add 1 more before guardians can be asked.');
  });

  it('shows no offer on a program that is not active', async () => {
    mockFetch({ [`GET ${PROGRAM}`]: json(programFixture()), [CHILDREN]: json(paged([])), [`GET ${PROGRAM}/substitutes`]: json(offer()) });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Kisumu Lakeside Readers' });
    expect(screen.queryByTestId('substitute-offer')).not.toBeInTheDocument();
  });
});
