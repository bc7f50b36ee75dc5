import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SponsorshipPolicyCard } from '@/components/admin/SponsorshipPolicyCard';
import { adminUser, createTestQueryClient, json, mockFetch, problem, renderWithProviders } from '../test-utils';

const URL = '/api/v1/admin/sponsorship-policy';

describe('SponsorshipPolicyCard', () => {
  it('shows the default, refuses an impossible number before sending, shows the server’s refusal, and saves', async () => {
    const puts: unknown[] = [];
    mockFetch({
      [`GET ${URL}`]: json({ offerToAllAfterDays: 180, defaultOfferToAllAfterDays: 180, updatedAt: null, updatedBy: null }),
      [`PUT ${URL}`]: ({ init }) => {
        const body = JSON.parse(String(init?.body));
        puts.push(body);
        if (body.offerToAllAfterDays === 1000) return problem(400, 'Validation failed', undefined, { errors: { offerToAllAfterDays: ['Choose a number from 7 to 1,825.'] } });
        return json({ offerToAllAfterDays: body.offerToAllAfterDays, defaultOfferToAllAfterDays: 180, updatedAt: '2026-12-03T06:00:00Z', updatedBy: 'Amina Admin' });
      },
    });
    renderWithProviders(<SponsorshipPolicyCard />, { queryClient: createTestQueryClient(adminUser) });
    const user = userEvent.setup();
    const input = await screen.findByTestId('sponsorship-policy-days');
    expect(await screen.findByTestId('sponsorship-policy-source')).toHaveTextContent('default (180 days) applies');
    expect(input).toHaveValue(180);
    expect(screen.getByTestId('sponsorship-policy-save')).toBeDisabled(); // nothing changed yet

    await user.clear(input);
    await user.type(input, '3');
    expect(screen.getByTestId('sponsorship-policy-error')).toHaveTextContent('from 7 to 1,825');
    expect(screen.getByTestId('sponsorship-policy-save')).toBeDisabled();
    expect(puts).toHaveLength(0);

    await user.clear(input);
    await user.type(input, '1000');
    await user.click(screen.getByTestId('sponsorship-policy-save'));
    expect(await screen.findByTestId('sponsorship-policy-error')).toHaveTextContent('Choose a number from 7 to 1,825.');

    await user.clear(input);
    await user.type(input, '90');
    await user.click(screen.getByTestId('sponsorship-policy-save'));
    expect(await screen.findByTestId('sponsorship-policy-saved')).toBeInTheDocument();
    expect(puts).toEqual([{ offerToAllAfterDays: 1000 }, { offerToAllAfterDays: 90 }]);
    expect(screen.getByTestId('sponsorship-policy-source')).toHaveTextContent('Set by Amina Admin');
  });

  it('says so when the policy cannot be loaded', async () => {
    mockFetch({ [`GET ${URL}`]: problem(500, 'Server error') });
    renderWithProviders(<SponsorshipPolicyCard />, { queryClient: createTestQueryClient(adminUser) });
    expect(await screen.findByText('The policy could not be loaded.')).toHaveAttribute('role', 'alert');
    expect(screen.getByTestId('sponsorship-policy-days')).toBeDisabled();
  });
});
