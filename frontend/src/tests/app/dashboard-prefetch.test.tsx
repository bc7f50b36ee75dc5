import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/app/App';
import { SESSION_ENDED_MESSAGE } from '@/app/query-client';
import { json, mockFetch, partnerUser, problem } from '../test-utils';
import { overviewFixture } from '../partner/fixtures';

// The dashboard's first render (issue 15): its overview is asked for beside the session check, not after the check
// has answered and the layout and page have rendered.

const ME = '/api/v1/auth/me';
const OVERVIEW = '/api/v1/partner/dashboard/overview';

const paths = (spy: ReturnType<typeof mockFetch>) => spy.mock.calls.map(([u]) => new URL(String(u), 'http://x').pathname);

describe('the partner dashboard on a cold start', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('asks for the overview while the session check is still on its way, and asks once', async () => {
    let answerMe: (r: Response) => void = () => undefined;
    const spy = mockFetch({
      [ME]: () => new Promise<Response>((resolve) => (answerMe = resolve)),
      [OVERVIEW]: json(overviewFixture()),
    });
    window.history.replaceState(null, '', '/dashboard/partner');
    render(<App />);

    await waitFor(() => expect(paths(spy)).toContain(OVERVIEW));
    // The session check has not answered yet: nothing of the dashboard is drawn.
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();

    answerMe(json(partnerUser));
    expect(await screen.findByRole('heading', { level: 1, name: 'Partnership overview' })).toBeInTheDocument();
    await screen.findByTestId('stat-children-enrolled');
    expect(paths(spy).filter((p) => p === OVERVIEW)).toHaveLength(1);
  });

  it('signed out: the early overview’s 401 neither toasts “session ended” nor stops the sign-in page', async () => {
    const spy = mockFetch({ [ME]: problem(401, 'Unauthorized'), [OVERVIEW]: problem(401, 'Unauthorized') });
    window.history.replaceState(null, '', '/dashboard/partner');
    render(<App />);

    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(paths(spy)).toContain(OVERVIEW);
    expect(await screen.findByRole('button', { name: /sign in/i })).toBeInTheDocument();
    expect(screen.queryByText(SESSION_ENDED_MESSAGE)).not.toBeInTheDocument();
  });
});
