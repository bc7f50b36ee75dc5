import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createTestQueryClient, json, mockFetch, parentUser, partnerUser, problem, renderApp } from '../test-utils';
import { overviewFixture } from '../partner/fixtures';

const counters = { pendingConsents: 0, childrenWithConsent: 0, openTickets: 0, childAlerts: 0, pendingPayments: 0, unreadNotifications: 0, unreadMessages: 0 };

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('LoginPage', () => {
  it('asks /auth/me first (which sets the XSRF cookie) and shows the form with the demo hint', async () => {
    const spy = mockFetch({ 'GET /api/v1/auth/me': problem(401, 'Unauthorized') });
    renderApp('/login', { queryClient: createTestQueryClient() });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('demo-hint')).toHaveTextContent('partner@elimu.demo / Demo#2026!');
    await waitFor(() => expect(spy.mock.calls.some(([url]) => url === '/api/v1/auth/me')).toBe(true));
  });

  it('validates the fields before sending anything', async () => {
    const spy = mockFetch({ 'GET /api/v1/auth/me': problem(401, 'Unauthorized') });
    renderApp('/login', { queryClient: createTestQueryClient() });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-required', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-required', 'true');
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(spy.mock.calls.some(([url]) => url === '/api/v1/auth/login')).toBe(false);
  });

  it('shows the server’s message for wrong credentials and stays on the page', async () => {
    mockFetch({
      'GET /api/v1/auth/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/login': problem(401, 'Unauthorized', 'Email or password is incorrect.'),
    });
    const { router } = renderApp('/login', { queryClient: createTestQueryClient() });
    await fillAndSubmit('partner@elimu.demo', 'wrong');

    expect(await screen.findByTestId('login-error')).toHaveTextContent('Email or password is incorrect.');
    expect(screen.getByTestId('login-error')).toHaveAttribute('role', 'alert');
    expect(router.state.location.pathname).toBe('/login');
    // The form shows it; no toast on top.
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('shows the rate-limit and lockout details as sent', async () => {
    mockFetch({
      'GET /api/v1/auth/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/login': problem(429, 'Too many requests', 'Too many sign-in attempts. Try again in a minute.'),
    });
    renderApp('/login', { queryClient: createTestQueryClient() });
    await fillAndSubmit('partner@elimu.demo', 'Demo#2026!');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Too many sign-in attempts. Try again in a minute.');
  });

  it('shows field errors from a 400 ProblemDetails next to the field', async () => {
    mockFetch({
      'GET /api/v1/auth/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/login': problem(400, 'Validation failed', undefined, { errors: { Email: ['This email is not registered as a partner.'] } }),
    });
    renderApp('/login', { queryClient: createTestQueryClient() });
    await fillAndSubmit('who@elimu.demo', 'Demo#2026!');
    expect(await screen.findByText('This email is not registered as a partner.')).toBeInTheDocument();
  });

  it('disables the button and says it is signing in while waiting', async () => {
    let answer: (r: Response) => void = () => undefined;
    mockFetch({
      'GET /api/v1/auth/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/login': () => new Promise<Response>((resolve) => (answer = resolve)),
      '/api/v1/partner/dashboard/overview': json(overviewFixture()),
      '/api/v1/partner/dashboard/counters': json(counters),
    });
    renderApp('/login', { queryClient: createTestQueryClient() });
    await fillAndSubmit('partner@elimu.demo', 'Demo#2026!');

    const button = await screen.findByRole('button', { name: 'Signing in…' });
    expect(button).toBeDisabled();
    answer(json(partnerUser));
    expect(await screen.findByTestId('stat-children-with-consent')).toBeInTheDocument();
  });

  it('takes a partner to the partner dashboard and a parent to the parent dashboard', async () => {
    mockFetch({
      'GET /api/v1/auth/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/login': json(parentUser),
    });
    const { router } = renderApp('/login', { queryClient: createTestQueryClient() });
    await fillAndSubmit('parent@elimu.demo', 'Demo#2026!');
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/parent'));
    expect(await screen.findByRole('heading', { name: 'Karibu, Achieng Otieno' })).toBeInTheDocument();
  });

  it('returns to the page the user was going to', async () => {
    mockFetch({
      'GET /api/v1/auth/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/login': json(partnerUser),
      '/api/v1/partner/dashboard/counters': json(counters),
    });
    const { router } = renderApp('/dashboard/partner/tickets', { queryClient: createTestQueryClient() });
    await screen.findByRole('heading', { name: 'Sign in' });
    await fillAndSubmit('partner@elimu.demo', 'Demo#2026!');
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/partner/tickets'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tickets' })).toBeInTheDocument();
  });

  it('sends a signed-in user straight to their dashboard', async () => {
    mockFetch({ '/api/v1/partner/dashboard/overview': json(overviewFixture()), '/api/v1/partner/dashboard/counters': json(counters) });
    const { router } = renderApp('/login', { queryClient: createTestQueryClient(partnerUser) });
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/partner'));
  });
});
