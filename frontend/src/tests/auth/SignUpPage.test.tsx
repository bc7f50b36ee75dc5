import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import SignUpPage from '@/pages/SignUpPage';
import { json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const SIGN_UP = '/api/v1/auth/signup/partner';

const page = () => (
  <Routes>
    <Route path="/signup" element={<SignUpPage />} />
    <Route path="/dashboard/partner" element={<p>dashboard</p>} />
  </Routes>
);

async function fill(email = 'wanjiru@juakali.org') {
  await userEvent.type(screen.getByTestId('signup-organizationName'), 'Jua Kali Foundation');
  await userEvent.selectOptions(screen.getByTestId('signup-organizationType'), 'Foundation');
  await userEvent.type(screen.getByTestId('signup-fullName'), 'Wanjiru Kamau');
  await userEvent.type(screen.getByTestId('signup-email'), email);
  await userEvent.type(screen.getByTestId('signup-password'), 'Strong#Pass2026');
  await userEvent.type(screen.getByTestId('signup-confirm'), 'Strong#Pass2026');
}

describe('SignUpPage', () => {
  it('checks the form, then creates the account and opens the dashboard', async () => {
    const calls = mockFetch({ '/api/v1/auth/me': () => problem(401, 'Sign in'), [`POST ${SIGN_UP}`]: () => json(partnerUser, 201) });
    renderWithProviders(page(), { route: '/signup' });
    await userEvent.click(await screen.findByTestId('signup-submit'));
    expect(await screen.findByText('Enter your organisation’s name.')).toBeInTheDocument();
    expect(screen.getByText('Choose a password of at least 8 characters.')).toBeInTheDocument();
    expect(calls.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await fill();
    await userEvent.click(screen.getByTestId('signup-submit'));
    expect(await screen.findByText('dashboard')).toBeInTheDocument();
    const post = calls.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({ organizationName: 'Jua Kali Foundation', organizationType: 'Foundation', email: 'wanjiru@juakali.org' });
  });

  it('shows the server’s answer for an address that already has an account next to the email', async () => {
    mockFetch({
      '/api/v1/auth/me': () => problem(401, 'Sign in'),
      [`POST ${SIGN_UP}`]: () => problem(409, 'This email address already has an account.', undefined,
        { code: 'email_taken', errors: { email: ['This email address already has an account. Sign in instead.'] } }),
    });
    renderWithProviders(page(), { route: '/signup' });
    await screen.findByTestId('signup-form');
    await fill('taken@juakali.org');
    await userEvent.click(screen.getByTestId('signup-submit'));
    expect(await screen.findByText('This email address already has an account. Sign in instead.')).toBeInTheDocument();
  });
});
