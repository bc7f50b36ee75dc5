import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ParentConsent } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, parentUser, renderApp } from '../test-utils';
import { CONSENT_TEXT, consentFixture, faithPending, paged } from './fixtures';

const LIST = '/api/v1/parent/consents';
const TOGETHER = `${LIST}/answer-together`;
const respondUrl = (id: string) => `/api/v1/partner/sponsorships/consent/${id}/respond`;

const brianPending = consentFixture({ id: 'c-brian', childName: 'Brian Otieno', studentId: 's-brian', consentText: CONSENT_TEXT.replaceAll('Faith', 'Brian') });
const joyPending = consentFixture({ id: 'c-joy', childName: 'Joy Otieno', studentId: 's-joy', consentText: CONSENT_TEXT.replaceAll('Faith', 'Joy') });
const otherProgram = consentFixture({ id: 'c-kevin', childName: 'Kevin Otieno', programId: 'p-other', programName: 'Coast Readers' });

const signed = (c: ParentConsent): ParentConsent => ({ ...c, status: 'given', signedName: 'Grace Otieno', consentedAt: '2026-12-03T11:05:00Z' });

/**
 * A guardian's requests as the API answers them: GET lists filter by status and program, the single answer and the
 * signature for several mark requests answered, so later lists leave them out (as the real inbox does).
 */
function server(requests: ParentConsent[]) {
  const answered = new Set<string>();
  const current = () => requests.map((r) => (answered.has(r.id) ? signed(r) : r));
  const routes = {
    [`GET ${LIST}`]: ({ url }: { url: string }) => {
      const params = new URL(url, 'http://localhost').searchParams;
      let items = current();
      if (params.get('status')) items = items.filter((r) => r.status === params.get('status'));
      if (params.get('programId')) items = items.filter((r) => r.programId === params.get('programId'));
      const pageSize = Number(params.get('pageSize') ?? 20);
      return json(paged(items.slice(0, pageSize), items.length, 1, pageSize));
    },
    [`POST ${TOGETHER}`]: ({ init }: { init?: RequestInit }) => {
      const ids = JSON.parse(String(init?.body)).requestIds as string[];
      ids.forEach((id) => answered.add(id));
      return json({ answered: ids.map((id) => current().find((r) => r.id === id)!) });
    },
  } as Record<string, (args: { url: string; init?: RequestInit }) => Response>;
  for (const r of requests) {
    routes[`GET ${LIST}/${r.id}`] = () => json(current().find((c) => c.id === r.id)!);
    routes[`POST ${respondUrl(r.id)}`] = () => {
      answered.add(r.id);
      return json(signed(r));
    };
  }
  return mockFetch(routes);
}

/** Waits until the page has asked which other requests wait in the program, and has drawn the answer. */
async function siblingsLoaded(fetchSpy: ReturnType<typeof mockFetch>) {
  await waitFor(() => expect(fetchSpy.mock.calls.some(([url]) => String(url).includes('status=pending&programId='))).toBe(true));
  await waitFor(() => expect(fetchSpy.mock.results.every((r) => r.type === 'return')).toBe(true));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

function renderAt(route: string) {
  return renderApp(route, { queryClient: createTestQueryClient(parentUser) });
}

async function sign(user: ReturnType<typeof userEvent.setup>, button: string) {
  await user.click(screen.getByRole('checkbox', { name: 'I have read and agree' }));
  await user.type(screen.getByRole('textbox', { name: 'Your full name (signature)' }), 'Grace Otieno');
  await user.click(screen.getByRole('button', { name: button }));
}

describe('signing for all of one’s children in a program', () => {
  it('offers it only when other children wait in the same program, naming them', async () => {
    server([faithPending, brianPending, joyPending, otherProgram]);
    renderAt('/dashboard/parent/consents/c-faith');

    const scope = await screen.findByTestId('consent-sign-scope');
    expect(within(scope).getByRole('radio', { name: 'Sign for Faith only' })).toBeChecked();
    const all = within(scope).getByRole('radio', { name: /Sign for all 3 of your children in this program/ });
    expect(all.closest('label')).toHaveTextContent('Faith, Brian and Joy');
    // Kevin waits too, in another program: not part of the offer.
    expect(scope).not.toHaveTextContent('Kevin');
  });

  it('does not offer it when this is the only request waiting in the program', async () => {
    const fetchSpy = server([faithPending, otherProgram]);
    renderAt('/dashboard/parent/consents/c-faith');
    expect(await screen.findByRole('button', { name: 'Agree and sign' })).toBeInTheDocument();
    await siblingsLoaded(fetchSpy);
    expect(screen.queryByTestId('consent-sign-scope')).not.toBeInTheDocument();
  });

  it('sends one signature for all of them, shows each child’s consent, then says none is left', async () => {
    const user = userEvent.setup();
    const fetchSpy = server([faithPending, brianPending, joyPending]);
    renderAt('/dashboard/parent/consents/c-faith');

    await user.click(await screen.findByRole('radio', { name: /Sign for all 3 of your children/ }));
    const children = within(screen.getByTestId('consent-together-list')).getAllByTestId('consent-together-child');
    expect(children.map((c) => c.querySelector('summary span span')?.textContent)).toEqual(['Faith', 'Brian', 'Joy']);
    expect(children[1]).toHaveTextContent('I, Grace Otieno, am a parent or guardian of Brian Otieno.');
    // Declining is answered child by child.
    expect(screen.queryByRole('button', { name: 'Decline' })).not.toBeInTheDocument();

    await sign(user, 'Agree and sign for all 3');

    expect(await screen.findByTestId('consent-notice')).toHaveTextContent(
      'You signed 3 consents, one each for Faith, Brian and Joy: Tumaini Education Fund can now follow their learning in Lake Region Scholars 2026.',
    );
    const posts = fetchSpy.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url, init]) => ({ url, body: JSON.parse(String(init?.body)) }));
    expect(posts).toEqual([
      { url: TOGETHER, body: { requestIds: ['c-faith', 'c-brian', 'c-joy'], agree: true, signedName: 'Grace Otieno', consentTextVersion: '2026-01', language: 'en' } },
    ]);
    expect(await screen.findByTestId('consent-next-none')).toHaveTextContent('No more requests waiting.');
    expect(screen.getByTestId('consent-record')).toBeInTheDocument();
  });

  it('after signing for this child only, links to the next request, which opens unsigned', async () => {
    const user = userEvent.setup();
    const fetchSpy = server([faithPending, brianPending]);
    const { router } = renderAt('/dashboard/parent/consents/c-faith');

    expect(await screen.findByRole('radio', { name: 'Sign for Faith only' })).toBeChecked();
    await sign(user, 'Agree and sign');

    const next = await screen.findByTestId('consent-next-link');
    expect(next).toHaveTextContent('Next: consent for Brian — Lake Region Scholars 2026');
    expect(next).toHaveAttribute('href', '/dashboard/parent/consents/c-brian');
    expect(fetchSpy.mock.calls.filter(([url]) => url === TOGETHER)).toHaveLength(0);

    await user.click(next);
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/parent/consents/c-brian'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Brian Otieno' })).toBeInTheDocument();
    // A fresh signature: nothing carried over from Faith's, and the last one waiting has no one to sign together with.
    expect(screen.getByRole('checkbox', { name: 'I have read and agree' })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Your full name (signature)' })).toHaveValue('');
    expect(screen.queryByTestId('consent-notice')).not.toBeInTheDocument();
    await siblingsLoaded(fetchSpy);
    expect(screen.queryByTestId('consent-sign-scope')).not.toBeInTheDocument();
  });
});
