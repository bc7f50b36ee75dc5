import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import AdminPartnersPage from '@/pages/admin/AdminPartnersPage';
import { adminUser, createTestQueryClient, json, mockFetch, problem, renderWithProviders } from '../test-utils';

const PARTNER = 'p-tumaini';
const PRICING = `/api/v1/admin/partners/${PARTNER}/pricing`;

const verified = {
  profileId: 'prof1', partnerId: PARTNER, organizationName: 'Tumaini Education Trust', organizationType: 'ngo', contactPerson: 'Esther Wambui',
  contactEmail: 'partner@elimu.demo', contactPhone: null, county: 'Kisumu', registrationNumber: null, website: null, verificationStatus: 'verified',
  verificationNote: null, createdAt: '2026-06-01T07:00:00Z', verifiedAt: '2026-06-02T07:00:00Z',
};

const view = {
  prices: [{ id: 'pr1', partnerId: PARTNER, programId: 'prog1', programName: 'Lake Region Scholars 2026', pricePerChild: 1500, currency: 'KES',
    notes: 'Premium tier, approved by J. Mwangi', validFrom: '2026-01-01', validTo: null, state: 'current', createdAt: '2026-01-01T07:00:00Z' }],
  programs: [{ id: 'prog1', name: 'Lake Region Scholars 2026', status: 'ACTIVE', pricePerChild: 1800, currency: 'KES' }],
};

describe('AdminPartnersPage · custom pricing', () => {
  it('lists a verified partner’s prices, adds one (showing the server’s overlap refusal) and ends one', async () => {
    const posts: { url: string; body: unknown }[] = [];
    let refuse = true;
    mockFetch({
      'GET /api/v1/admin/partners': json({ items: [verified], page: 1, pageSize: 50, total: 1 }),
      [`GET ${PRICING}`]: json(view),
      [`POST ${PRICING}`]: ({ url, init }) => {
        posts.push({ url, body: JSON.parse(String(init?.body)) });
        if (refuse) {
          refuse = false;
          return problem(409, 'Conflict', 'Another custom price (KES 1,500.00 per child from 2026-01-01) covers some of these days for the same program; end it first or choose other dates.', { code: 'pricing_overlap' });
        }
        return json(view.prices[0], 201);
      },
      [`POST ${PRICING}/pr1/end`]: ({ url, init }) => {
        posts.push({ url, body: JSON.parse(String(init?.body)) });
        return json({ ...view.prices[0], validTo: '2026-12-02', state: 'current' });
      },
    });
    renderWithProviders(<AdminPartnersPage />, { route: '/dashboard/admin/partners', queryClient: createTestQueryClient(adminUser) });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('partners-tab-verified'));
    await user.click(await screen.findByTestId('pricing-toggle'));
    const panel = await screen.findByRole('region', { name: 'Custom pricing for Tumaini Education Trust' });
    const row = await within(panel).findByTestId('pricing-row');
    expect(row).toHaveTextContent('KES 1,500.00 per child · Lake Region Scholars 2026');
    expect(row).toHaveTextContent('2026-01-01 → open-ended · In force');
    expect(row).toHaveTextContent('Premium tier, approved by J. Mwangi');

    await user.selectOptions(within(panel).getByTestId('pricing-program'), 'prog1');
    await user.type(within(panel).getByTestId('pricing-price'), '1400');
    await user.type(within(panel).getByTestId('pricing-from'), '2026-06-01');
    await user.type(within(panel).getByTestId('pricing-notes'), 'County rate');
    await user.click(within(panel).getByTestId('pricing-add'));
    expect(await within(panel).findByTestId('pricing-error')).toHaveTextContent('covers some of these days for the same program');
    expect(posts[0]?.body).toEqual({ programId: 'prog1', pricePerChild: 1400, currency: 'KES', notes: 'County rate', validFrom: '2026-06-01', validTo: null });

    await user.click(within(panel).getByTestId('pricing-end'));
    await waitFor(() => expect(posts.some((p) => p.url.endsWith('/pr1/end'))).toBe(true));
  });
});
