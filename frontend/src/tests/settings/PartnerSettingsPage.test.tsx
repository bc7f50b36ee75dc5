import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PartnerSettingsPage from '@/pages/partner/PartnerSettingsPage';
import { passwordStrength } from '@/components/settings/password-strength';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const SESSIONS = {
  items: [
    { id: 's1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', ipAddress: '10.0.0.1', signedInAt: '2026-12-01T08:00:00Z', lastSeenAt: '2026-12-01T09:00:00Z', current: true },
    { id: 's2', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', ipAddress: '10.0.0.2', signedInAt: '2026-11-30T08:00:00Z', lastSeenAt: '2026-11-30T09:00:00Z', current: false },
  ],
  page: 1, pageSize: 100, total: 2,
};

describe('PartnerSettingsPage', () => {
  it('sets up two-factor: shows the QR code and key, refuses a wrong code, then shows the recovery codes once', async () => {
    let tries = 0;
    const calls = mockFetch({
      'GET /api/v1/auth/two-factor': () => json({ enabled: false, recoveryCodesLeft: 0 }),
      'GET /api/v1/auth/sessions': () => json(SESSIONS),
      'POST /api/v1/auth/two-factor/authenticator': () => json({ sharedKey: 'abcd efgh ijkl mnop', authenticatorUri: 'otpauth://totp/Elimu:me%40x.org?secret=ABCDEFGHIJKLMNOP&issuer=Elimu&digits=6' }),
      'POST /api/v1/auth/two-factor/enable': () =>
        ++tries === 1
          ? problem(400, 'One or more fields are invalid.', undefined, { code: 'validation_failed', errors: { code: ['That code is not right.'] } })
          : json({ recoveryCodes: ['AAAAA-BBBBB', 'CCCCC-DDDDD'] }),
    });
    renderWithProviders(<PartnerSettingsPage />, { queryClient: createTestQueryClient(partnerUser) });

    await userEvent.click(await screen.findByTestId('set-up-two-factor'));
    expect(await screen.findByTestId('shared-key')).toHaveTextContent('abcd efgh ijkl mnop');
    expect(screen.getByTitle('QR code for your authenticator app')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('enable-two-factor'));
    expect(await screen.findByText('Enter the six-digit code your app shows.')).toBeInTheDocument();
    expect(calls.mock.calls.some(([url]) => String(url).endsWith('/enable'))).toBe(false);

    await userEvent.type(screen.getByTestId('verify-code'), '123456');
    await userEvent.click(screen.getByTestId('enable-two-factor'));
    expect(await screen.findByText('That code is not right.')).toBeInTheDocument();

    await userEvent.clear(screen.getByTestId('verify-code'));
    await userEvent.type(screen.getByTestId('verify-code'), '654321');
    await userEvent.click(screen.getByTestId('enable-two-factor'));
    expect(await screen.findByTestId('recovery-codes')).toHaveTextContent('AAAAA-BBBBB');
    expect(screen.getByTestId('download-recovery-codes')).toBeInTheDocument();
  });

  it('lists sessions with this device first and signs out the others', async () => {
    const calls = mockFetch({
      'GET /api/v1/auth/two-factor': () => json({ enabled: true, recoveryCodesLeft: 8 }),
      'GET /api/v1/auth/sessions': () => json(SESSIONS),
      'POST /api/v1/auth/sessions/end-others': () => json({ ended: 1 }),
    });
    renderWithProviders(<PartnerSettingsPage />, { queryClient: createTestQueryClient(partnerUser) });

    expect(await screen.findByText('This device')).toBeInTheDocument();
    expect(screen.getByText(/Chrome on Linux/)).toBeInTheDocument();
    expect(screen.getByText(/Safari on iOS/)).toBeInTheDocument();
    expect(await screen.findByTestId('two-factor-on')).toHaveTextContent('8 recovery codes left');
    await userEvent.click(screen.getByTestId('end-other-sessions'));
    await waitFor(() => expect(calls.mock.calls.some(([url, init]) => String(url).endsWith('/end-others') && init?.method === 'POST')).toBe(true));
  });

  it('shows the export only to the owner and reports a load error', async () => {
    mockFetch({
      'GET /api/v1/auth/two-factor': () => problem(500, 'Server error'),
      'GET /api/v1/auth/sessions': () => json(SESSIONS),
    });
    const { unmount } = renderWithProviders(<PartnerSettingsPage />, { queryClient: createTestQueryClient({ ...partnerUser, partnerRole: 'owner' }) });
    expect(await screen.findByTestId('export-download')).toHaveAttribute('href', '/api/v1/partner/account/export');
    expect(await screen.findByText(/Could not load your two-factor settings/)).toBeInTheDocument();
    unmount();
    renderWithProviders(<PartnerSettingsPage />, { queryClient: createTestQueryClient({ ...partnerUser, partnerRole: 'viewer' }) });
    expect(await screen.findByTestId('settings-sessions')).toBeInTheDocument();
    expect(screen.queryByTestId('export-download')).toBeNull();
  });

  it('rates passwords by length and variety', () => {
    expect(passwordStrength('short').score).toBe(0);
    expect(passwordStrength('aaaaaaaaaaaaaaaa').score).toBeLessThanOrEqual(1);
    expect(passwordStrength('Correct-Horse-Battery-9').score).toBe(4);
  });
});
