import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChildTimelineView } from '@/components/partner/children/ChildTimeline';
import { ProgramConsentRequests } from '@/components/partner/sponsorships/ProgramConsentRequests';
import type { ChildConsentResponse } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, parentUser, partnerUser, problem, renderApp, renderWithProviders } from '../test-utils';
import { consentFixture, paged } from '../parent/fixtures';

const STATUS = '/api/v1/partner/sponsorships/consent/status';
const REQUEST = '/api/v1/partner/sponsorships/consent/request';

function row(overrides: Partial<ChildConsentResponse>): ChildConsentResponse {
  return {
    sponsoredChildId: 'k-1', programId: 'p-1', programName: 'Lake Readers', childName: 'Amani W.', status: 'pending',
    guardiansAsked: 1, guardiansAnswered: 0, lastRequestedAt: '2026-11-20T06:00:00Z', consentedAt: null, revokedAt: null,
    signedLanguages: [], expiresAt: '2026-12-20T06:00:00Z', expiresInDays: 12, remindersSent: 2, canAskAgain: false, askAgainFrom: null,
    ...overrides,
  };
}

describe('consent requests that expire, remind and can be asked again', () => {
  it('shows when each request expires and how often the guardians were reminded; asks again after an expiry', async () => {
    const spy = mockFetch({
      [`GET ${STATUS}`]: json(paged([
        row({}),
        row({ sponsoredChildId: 'k-2', childName: 'Baraka O.', status: 'expired', expiresAt: null, expiresInDays: null, remindersSent: 3, canAskAgain: true }),
        row({ sponsoredChildId: 'k-3', childName: 'Chebet K.', status: 'declined', expiresAt: null, expiresInDays: null, remindersSent: 1, askAgainFrom: '2026-12-25T06:00:00Z' }),
        row({ sponsoredChildId: 'k-4', childName: 'Dalmas M.', expiresInDays: 1, remindersSent: 0 }),
      ])),
      [`POST ${REQUEST}`]: json({ children: 1, requested: 1, alreadyPending: 0, withoutGuardian: [], tooSoon: [] }),
    });
    renderWithProviders(<ProgramConsentRequests programId="p-1" />, { queryClient: createTestQueryClient(partnerUser) });

    const rows = await screen.findAllByTestId('consent-request-row');
    expect(rows[0]).toHaveTextContent('Expires in 12 days · reminded 2 times');
    expect(rows[0]).toHaveTextContent('Awaiting guardian');
    expect(rows[1]).toHaveTextContent('Request expired');
    expect(rows[1]).toHaveTextContent('reminded 3 times');
    expect(rows[2]).toHaveTextContent('reminded once · can ask again from 25 Dec 2026');
    expect(rows[3]).toHaveTextContent('Expires in 1 day · not reminded yet');
    expect(within(rows[0]!).queryByRole('button', { name: 'Ask again' })).toBeNull();
    expect(within(rows[2]!).queryByRole('button', { name: 'Ask again' })).toBeNull();

    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Ask again' }));
    await waitFor(() => expect(spy.mock.calls.some(([u, init]) => String(u) === REQUEST && init?.method === 'POST')).toBe(true));
    const call = spy.mock.calls.find(([u]) => String(u) === REQUEST)!;
    expect(JSON.parse(String(call[1]?.body))).toMatchObject({ sponsoredChildId: 'k-2', programId: null });
    expect(await screen.findByText('Baraka O.’s guardians were asked again.')).toBeInTheDocument();
  });

  it('says when the partner may ask again when the server refuses a re-ask as too soon', async () => {
    mockFetch({
      [`GET ${STATUS}`]: json(paged([row({ status: 'expired', expiresAt: null, expiresInDays: null, canAskAgain: true })])),
      [`POST ${REQUEST}`]: problem(409, 'Conflict', 'This child’s guardians were asked less than 30 days ago. So that no guardian is pressed, you can ask again from 25 December 2026.', { code: 'consent_reask_too_soon' }),
    });
    renderWithProviders(<ProgramConsentRequests programId="p-1" />, { queryClient: createTestQueryClient(partnerUser) });
    await userEvent.click(await screen.findByRole('button', { name: 'Ask again' }));
    expect(await screen.findByText(/you can ask again from 25 December 2026/)).toBeInTheDocument();
  });

  it('draws the child’s timeline newest first, with who acted and a pager', async () => {
    const onPage = vi.fn();
    renderWithProviders(
      <ChildTimelineView
        onPage={onPage}
        data={{
          page: 1, pageSize: 2, total: 3,
          items: [
            { at: '2026-11-22T08:00:00Z', kind: 'consent_given', fromStatus: null, toStatus: null, actor: 'guardian', reason: null },
            { at: '2026-11-21T08:00:00Z', kind: 'reminded', fromStatus: null, toStatus: null, actor: 'system', reason: null },
          ],
        }}
      />,
    );
    const items = within(screen.getByTestId('child-timeline')).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-kind'))).toEqual(['consent_given', 'reminded']);
    expect(items[0]).toHaveTextContent('Consent given');
    expect(items[0]).toHaveTextContent('by a guardian');
    expect(screen.getByText(/Page 1 of 2 · 3 events/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('tells a guardian that a request expired, and offers no answer form', async () => {
    const expired = consentFixture({ status: 'expired', expiresAt: '2026-12-25T06:30:00Z' });
    mockFetch({
      [`GET /api/v1/parent/consents/${expired.id}`]: json(expired),
      'GET /api/v1/parent/consents': json(paged([], 0, 1, 1)),
    });
    renderApp(`/dashboard/parent/consents/${expired.id}`, { queryClient: createTestQueryClient(parentUser) });
    expect(await screen.findByTestId('consent-expired')).toHaveTextContent('This request has expired');
    expect(screen.getByTestId('consent-expired')).toHaveTextContent('It expired on 25 Dec 2026 without an answer');
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
