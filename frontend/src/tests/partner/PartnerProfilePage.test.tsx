import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PartnerProfilePage from '@/pages/partner/PartnerProfilePage';
import { OnboardingChecklist } from '@/components/partner/profile/OnboardingChecklist';
import type { ProfileResponse } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const PROFILE = '/api/v1/partner/account/profile';

export const profileFixture = (over: Partial<ProfileResponse> = {}): ProfileResponse => ({
  id: 'p1', organizationName: 'Tumaini Trust', organizationType: 'NGO', displayName: 'Tumaini', bio: null, tagline: null, logoUrl: null,
  bannerUrl: null, contactPerson: 'Esther Wambui', contactEmail: 'info@tumaini.org', contactPhone: '+254712345678',
  address: { line1: null, line2: null, city: 'Kisumu', county: 'Kisumu', postalCode: '40100', country: 'Kenya' }, website: null,
  socialLinks: { twitter: null, facebook: null, linkedIn: null, instagram: null }, registrationNumber: null, taxId: null, taxExempt: false,
  specializations: ['Literacy'], partnershipTier: 'standard',
  brandingConfig: { primaryColor: '#B00000', secondaryColor: null, logoUrl: null, reportFooter: null },
  verificationStatus: 'verified', verificationNote: null, verifiedAt: null,
  onboarding: {
    step: 1, completed: false,
    steps: [
      { key: 'organization', title: 'Organisation details', description: 'Contact details.', done: true, current: false },
      { key: 'branding', title: 'Logo and colours', description: 'Upload your logo.', done: false, current: true },
      { key: 'team', title: 'Invite your team', description: 'Invite colleagues.', done: false, current: false },
      { key: 'program', title: 'Create your first program', description: 'Choose children.', done: false, current: false },
    ],
  },
  canEdit: true, warnings: [], createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z',
  ...over,
});

describe('PartnerProfilePage', () => {
  it('checks fields before sending, shows the server’s per-field errors, and previews the brand colours live', async () => {
    const calls = mockFetch({
      [`GET ${PROFILE}`]: () => json(profileFixture()),
      [`PUT ${PROFILE}`]: () => problem(400, 'One or more fields are invalid.', undefined, { errors: { 'address.county': ['Choose one of Kenya’s 47 counties.'] } }),
    });
    renderWithProviders(<PartnerProfilePage />, { queryClient: createTestQueryClient(partnerUser) });
    const phone = await screen.findByTestId('field-contactPhone');

    await userEvent.clear(phone);
    await userEvent.type(phone, '+1 555 0100');
    await userEvent.click(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('error-contactPhone')).toHaveTextContent('Kenyan phone number');
    expect(calls.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);

    await userEvent.clear(phone);
    await userEvent.type(phone, '0712 345 678');
    await userEvent.click(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('error-address.county')).toHaveTextContent('47 counties');
    const put = calls.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(String(put?.[1]?.body))).toMatchObject({ contactPhone: '0712 345 678', organizationName: 'Tumaini Trust', address: { county: 'Kisumu' } });

    // The preview follows the colour as it is typed: a pale yellow is flagged before anything is saved.
    const primary = screen.getByTestId('field-brandingConfig.primaryColor');
    await userEvent.clear(primary);
    await userEvent.type(primary, '#FFD700');
    expect(screen.getByTestId('preview-contrast')).toHaveTextContent(/hard to read/);
    expect(within(screen.getByTestId('branding-preview')).getByText('Tumaini Trust').parentElement?.parentElement).toHaveStyle({ backgroundColor: '#FFD700' });
  });

  it('is read-only for a member who is not an owner, and says why a pending partner cannot create programs yet', async () => {
    mockFetch({ [`GET ${PROFILE}`]: () => json(profileFixture({ canEdit: false, verificationStatus: 'pending' })) });
    renderWithProviders(<PartnerProfilePage />, { queryClient: createTestQueryClient({ ...partnerUser, partnerRole: 'viewer' }) });
    expect(await screen.findByTestId('read-only-note')).toBeInTheDocument();
    expect(screen.getByTestId('field-organizationName')).toBeDisabled();
    expect(screen.queryByTestId('profile-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('logo-input')).not.toBeInTheDocument();
    expect(screen.getByTestId('verification-banner')).toHaveTextContent(/waiting for verification/);
  });

  it('refuses a file that is not a picture before uploading it', async () => {
    const calls = mockFetch({ [`GET ${PROFILE}`]: () => json(profileFixture()) });
    renderWithProviders(<PartnerProfilePage />, { queryClient: createTestQueryClient(partnerUser) });
    const input = await screen.findByTestId('logo-input');
    await userEvent.upload(input, new File(['hello'], 'logo.txt', { type: 'text/plain' }), { applyAccept: false });
    expect(await screen.findByTestId('logo-error')).toHaveTextContent('PNG, JPEG or WebP');
    expect(calls.mock.calls.some(([url]) => String(url).endsWith('/logo'))).toBe(false);
  });
});

describe('OnboardingChecklist', () => {
  it('shows the steps, refuses to move on from a step not done, and skips it', async () => {
    const calls = mockFetch({
      [`GET ${PROFILE}`]: () => json(profileFixture()),
      [`POST ${PROFILE}/onboarding`]: () => {
        const before = profileFixture().onboarding;
        return json({ ...before, step: 2, steps: before.steps.map((s, i) => ({ ...s, current: i === 2 })) });
      },
    });
    renderWithProviders(<OnboardingChecklist />, { queryClient: createTestQueryClient(partnerUser) });
    expect(await screen.findByTestId('onboarding-checklist')).toHaveTextContent('1 of 4 steps done');
    expect(screen.getByTestId('onboarding-step-branding')).toHaveAttribute('aria-current', 'step');
    expect(screen.getByTestId('onboarding-next')).toBeDisabled();
    await userEvent.click(screen.getByTestId('onboarding-skip'));
    await waitFor(() => expect(screen.getByTestId('onboarding-step-team')).toHaveAttribute('aria-current', 'step'));
    const post = calls.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ action: 'skip' });
  });

  it('is gone once completed', async () => {
    mockFetch({ [`GET ${PROFILE}`]: () => json(profileFixture({ onboarding: { ...profileFixture().onboarding, completed: true } })) });
    const { container } = renderWithProviders(<OnboardingChecklist />, { queryClient: createTestQueryClient(partnerUser) });
    await waitFor(() => expect(container.querySelector('[data-testid="onboarding-checklist"]')).toBeNull());
  });
});
