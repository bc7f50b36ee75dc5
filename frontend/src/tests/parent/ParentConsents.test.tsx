import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ParentConsent } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, parentUser, problem, renderApp } from '../test-utils';
import { brianGiven, consentFixture, faithPending, kevinRevoked, paged } from './fixtures';

const LIST = '/api/v1/parent/consents';
const respondUrl = (id: string) => `/api/v1/partner/sponsorships/consent/${id}/respond`;
const revokeUrl = (id: string) => `/api/v1/parent/consents/${id}/revoke`;

function renderAt(route: string) {
  return renderApp(route, { queryClient: createTestQueryClient(parentUser) });
}

/** GET /parent/consents: `?status=pending` answers the count, anything else the list. */
function listHandler(items: ParentConsent[]) {
  return ({ url }: { url: string }) => {
    const status = new URL(url, 'http://localhost').searchParams.get('status');
    if (status === 'pending') {
      const waiting = items.filter((c) => c.status === 'pending');
      return json(paged(waiting.slice(0, 1), waiting.length, 1, 1));
    }
    return json(paged(items));
  };
}

function body(init: RequestInit | undefined) {
  return JSON.parse(String(init?.body));
}

describe('parent consent inbox', () => {
  it('lists requests with the unanswered ones first and says how many wait', async () => {
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: listHandler([faithPending, brianGiven, kevinRevoked]) });
    renderAt('/dashboard/parent/consents');

    expect(await screen.findByRole('heading', { level: 1, name: 'Consent requests' })).toBeInTheDocument();
    const items = await screen.findAllByTestId('consent-item');
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual(['pending', 'given', 'revoked']);
    expect(within(items[0]!).getByText('Faith Otieno')).toBeInTheDocument();
    expect(within(items[0]!).getByText('Tumaini Education Fund · Lake Region Scholars 2026')).toBeInTheDocument();
    expect(within(items[0]!).getByText('Waiting for your answer')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/dashboard/parent/consents/c-faith');
    expect(within(items[2]!).getByText('Withdrawn')).toBeInTheDocument();

    // The pending one sits under its own heading, the answered ones under another.
    const waiting = screen.getByRole('list', { name: 'Requests waiting for your answer' });
    expect(within(waiting).getAllByTestId('consent-item')).toHaveLength(1);
    expect(within(screen.getByRole('list', { name: 'Answered requests' })).getAllByTestId('consent-item')).toHaveLength(2);

    const count = await screen.findByTestId('pending-consent-count');
    expect(count).toHaveAttribute('data-count', '1');
    expect(count).toHaveTextContent('1 request waits for your answer.');

    const urls = fetchSpy.mock.calls.map(([url]) => String(url));
    expect(urls).toContain('/api/v1/parent/consents?status=pending&pageSize=1&language=en');
    expect(urls).toContain('/api/v1/parent/consents?page=1&pageSize=20&language=en');
  });

  it('opens a request from the list', async () => {
    const user = userEvent.setup();
    mockFetch({ [`GET ${LIST}`]: listHandler([faithPending, brianGiven]), [`GET ${LIST}/c-faith`]: json(faithPending) });
    const { router } = renderAt('/dashboard/parent/consents');

    await user.click(await screen.findByRole('link', { name: /Faith Otieno/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/parent/consents/c-faith'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Faith Otieno' })).toBeInTheDocument();
  });

  it('says so when there are no requests', async () => {
    mockFetch({ [`GET ${LIST}`]: listHandler([]) });
    renderAt('/dashboard/parent/consents');
    expect(await screen.findByTestId('consents-empty')).toHaveTextContent('No consent requests');
    expect(await screen.findByTestId('pending-consent-count')).toHaveTextContent('No requests wait for your answer.');
  });

  it('shows the pending count on the parent landing page', async () => {
    mockFetch({ [`GET ${LIST}`]: listHandler([faithPending, consentFixture({ id: 'c-2' }), brianGiven]) });
    renderAt('/dashboard/parent');
    expect(await screen.findByTestId('parent-pending-count')).toHaveTextContent('2');
    expect(screen.getByTestId('parent-pending-text')).toHaveTextContent('2 requests wait for your answer.');
    expect(screen.getByTestId('parent-consents-link')).toHaveAttribute('href', '/dashboard/parent/consents');
  });
});

describe('answering a consent request', () => {
  it('shows who asks, what they will and will not see, and the full consent text', async () => {
    mockFetch({ [`GET ${LIST}/c-faith`]: json(faithPending) });
    renderAt('/dashboard/parent/consents/c-faith');

    const who = await screen.findByTestId('consent-who');
    expect(within(who).getByText('Tumaini Education Fund')).toBeInTheDocument();
    expect(within(who).getByText('Foundation')).toBeInTheDocument();
    expect(within(who).getByText('Lake Region Scholars 2026')).toBeInTheDocument();
    expect(within(who).getByText(/A cohort of learners from Kisumu/)).toBeInTheDocument();

    const sees = within(screen.getByTestId('consent-sees')).getAllByRole('listitem').map((li) => li.textContent);
    expect(sees).toEqual(faithPending.whatPartnerSees);
    expect(within(screen.getByTestId('consent-not-sees')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(faithPending.whatPartnerDoesNotSee);

    // Every paragraph of the stored text, with its list lines as a list.
    const text = screen.getByTestId('consent-text');
    const paragraphs = within(text).getAllByText((_, el) => el?.tagName === 'P').map((p) => p.textContent);
    expect(paragraphs).toEqual([
      faithPending.consentText.split('\n')[0],
      'I agree that, for as long as this consent stands, Tumaini Education Fund may see the following about Faith Otieno:',
      "Tumaini Education Fund will not see my contact details, my child's messages, or anything about other family members.",
      'I sign by ticking the box and typing my full name.',
    ]);
    expect(within(text).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Name, grade, school and county',
      'Lessons completed, scores and CBC rubric levels',
    ]);
    expect(screen.getByText('Consent text version 2026-01')).toBeInTheDocument();

    expect(screen.getByRole('checkbox', { name: 'I have read and agree' })).not.toBeChecked();
    const name = screen.getByRole('textbox', { name: 'Your full name (signature)' });
    // Both are needed to agree: the signature and the tick box are announced as required.
    expect(name).toHaveAttribute('aria-required', 'true');
    expect(screen.getByTestId('consent-agree-checkbox')).toHaveAttribute('aria-required', 'true');
    expect(name).toHaveAccessibleDescription('Type your full name as it appears on your account');
    expect(screen.getByRole('button', { name: 'Agree and sign' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Decline' })).toBeInTheDocument();
  });

  it('sends agree, the typed name and the text version, then shows the signed record in Nairobi time', async () => {
    const user = userEvent.setup();
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const signed = consentFixture({ status: 'given', signedName: 'Grace Otieno', consentedAt: '2026-12-03T11:05:00Z' });
    const fetchSpy = mockFetch({
      [`GET ${LIST}/c-faith`]: json(faithPending),
      [`POST ${respondUrl('c-faith')}`]: json(signed),
      [`GET ${LIST}`]: listHandler([signed]),
    });
    renderAt('/dashboard/parent/consents/c-faith');

    await user.click(await screen.findByRole('checkbox', { name: 'I have read and agree' }));
    await user.type(screen.getByRole('textbox', { name: 'Your full name (signature)' }), '  Grace Otieno ');
    await user.click(screen.getByRole('button', { name: 'Agree and sign' }));

    const record = await screen.findByTestId('consent-record');
    const post = fetchSpy.mock.calls.find(([url, init]) => url === respondUrl('c-faith') && init?.method === 'POST');
    expect(post).toBeDefined();
    expect(body(post![1])).toEqual({ agree: true, signedName: 'Grace Otieno', consentTextVersion: '2026-01', language: 'en' });
    expect((post![1]!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('token-123');

    expect(within(record).getByRole('heading', { name: 'Your signed consent' })).toBeInTheDocument();
    expect(within(record).getByTestId('consent-signed-by')).toHaveTextContent('Grace Otieno');
    // 11:05 UTC is 14:05 in Nairobi.
    expect(within(record).getByTestId('consent-signed-at')).toHaveTextContent('3 Dec 2026 at 14:05 (Nairobi time)');
    expect(screen.getByTestId('consent-notice')).toHaveTextContent('Your consent is signed');
    expect(screen.queryByTestId('consent-answer')).not.toBeInTheDocument();
    expect(screen.getByTestId('consent-withdraw')).toBeInTheDocument();
  });

  it('asks for the tick and the name before sending anything', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({ [`GET ${LIST}/c-faith`]: json(faithPending) });
    renderAt('/dashboard/parent/consents/c-faith');

    await user.click(await screen.findByRole('button', { name: 'Agree and sign' }));
    expect(screen.getByTestId('consent-agree-error')).toHaveTextContent('Tick the box');
    expect(screen.getByTestId('consent-name-error')).toHaveTextContent('Type your full name to sign.');
    expect(screen.getByRole('checkbox', { name: 'I have read and agree' })).toHaveAttribute('aria-invalid', 'true');
    expect(fetchSpy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('shows the server’s name mismatch message under the name field', async () => {
    const user = userEvent.setup();
    const message = 'Type your full name as on your account (Grace Otieno) to sign.';
    mockFetch({
      [`GET ${LIST}/c-faith`]: json(faithPending),
      [`POST ${respondUrl('c-faith')}`]: problem(400, 'One or more fields are invalid.', undefined, { code: 'validation_failed', errors: { signedName: [message] } }),
    });
    renderAt('/dashboard/parent/consents/c-faith');

    await user.click(await screen.findByRole('checkbox', { name: 'I have read and agree' }));
    const name = screen.getByRole('textbox', { name: 'Your full name (signature)' });
    await user.type(name, 'G. Otieno');
    await user.click(screen.getByRole('button', { name: 'Agree and sign' }));

    const error = await screen.findByTestId('consent-name-error');
    expect(error).toHaveTextContent(message);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(`Type your full name as it appears on your account ${message}`);
    // Still unanswered: the form stays, nothing toasts.
    expect(screen.getByTestId('consent-answer')).toBeInTheDocument();
    expect(screen.queryByTestId('consent-record')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks before declining, then sends agree: false', async () => {
    const user = userEvent.setup();
    const declined = consentFixture({ status: 'declined', consentedAt: '2026-12-03T11:05:00Z' });
    const fetchSpy = mockFetch({
      [`GET ${LIST}/c-faith`]: json(faithPending),
      [`POST ${respondUrl('c-faith')}`]: json(declined),
      [`GET ${LIST}`]: listHandler([declined]),
    });
    renderAt('/dashboard/parent/consents/c-faith');

    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    const dialog = screen.getByRole('dialog', { name: 'Decline this request?' });
    expect(dialog).toHaveAccessibleDescription('Tumaini Education Fund will not see Faith’s learning. Faith keeps learning on Elimu as before.');
    expect(fetchSpy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Decline request' }));
    const record = await screen.findByTestId('consent-record');
    expect(record).toHaveAttribute('data-status', 'declined');
    expect(within(record).getByTestId('consent-signed-at')).toHaveTextContent('3 Dec 2026 at 14:05');
    const post = fetchSpy.mock.calls.find(([url]) => url === respondUrl('c-faith'));
    expect(body(post![1])).toEqual({ agree: false, signedName: null, consentTextVersion: '2026-01', language: 'en' });
    expect(screen.queryByTestId('consent-withdraw')).not.toBeInTheDocument();
  });

  it('explains an answer that came too late and reloads the request', async () => {
    const user = userEvent.setup();
    let reads = 0;
    const answered = consentFixture({ status: 'given', signedName: 'Grace Otieno', consentedAt: '2026-12-03T11:05:00Z' });
    mockFetch({
      [`GET ${LIST}/c-faith`]: () => json(reads++ === 0 ? faithPending : answered),
      [`POST ${respondUrl('c-faith')}`]: problem(409, 'The request conflicts with the current state.', 'This request was already answered (given).', { code: 'consent_already_answered' }),
    });
    renderAt('/dashboard/parent/consents/c-faith');

    await user.click(await screen.findByRole('checkbox', { name: 'I have read and agree' }));
    await user.type(screen.getByRole('textbox', { name: 'Your full name (signature)' }), 'Grace Otieno');
    await user.click(screen.getByRole('button', { name: 'Agree and sign' }));

    expect(await screen.findByTestId('consent-record')).toHaveAttribute('data-status', 'given');
    expect(reads).toBe(2);
  });

  it('shows a not-found page for someone else’s request', async () => {
    mockFetch({ [`GET ${LIST}/c-other`]: problem(404, 'not_found', 'Consent request not found.') });
    renderAt('/dashboard/parent/consents/c-other');
    expect(await screen.findByTestId('consent-not-found')).toHaveTextContent('We could not find this request');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('withdrawing consent', () => {
  it('confirms with the effect explained, sends the optional reason and shows the withdrawal', async () => {
    const user = userEvent.setup();
    const revoked = consentFixture({
      ...brianGiven,
      status: 'revoked',
      revokedAt: '2026-12-04T07:30:00Z',
      revocationReason: 'We are moving schools.',
    });
    const fetchSpy = mockFetch({
      [`GET ${LIST}/c-brian`]: json(brianGiven),
      [`POST ${revokeUrl('c-brian')}`]: json(revoked),
      [`GET ${LIST}`]: listHandler([revoked]),
    });
    renderAt('/dashboard/parent/consents/c-brian');

    const record = await screen.findByTestId('consent-record');
    expect(within(record).getByTestId('consent-signed-by')).toHaveTextContent('Grace Otieno');
    expect(within(record).getByTestId('consent-signed-at')).toHaveTextContent('22 Jul 2026 at 19:45 (Nairobi time)');

    await user.click(screen.getByRole('button', { name: 'Withdraw consent' }));
    const dialog = screen.getByRole('dialog', { name: 'Withdraw consent for Brian?' });
    expect(dialog).toHaveAccessibleDescription(
      'Tumaini Education Fund stops seeing Brian’s learning data at once: it disappears from their dashboard, reports and exports.',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'We are moving schools.');
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw consent' }));

    await waitFor(() => expect(screen.getByTestId('consent-record')).toHaveAttribute('data-status', 'revoked'));
    const post = fetchSpy.mock.calls.find(([url, init]) => url === revokeUrl('c-brian') && init?.method === 'POST');
    expect(body(post![1])).toEqual({ reason: 'We are moving schools.' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const after = screen.getByTestId('consent-record');
    expect(within(after).getByRole('heading', { name: 'You withdrew your consent' })).toBeInTheDocument();
    expect(within(after).getByTestId('consent-revoked-at')).toHaveTextContent('4 Dec 2026 at 10:30');
    expect(within(after).getByTestId('consent-revocation-reason')).toHaveTextContent('We are moving schools.');
    expect(screen.getByTestId('consent-notice')).toHaveTextContent('Tumaini Education Fund no longer sees Brian’s learning.');
    expect(screen.queryByRole('button', { name: 'Withdraw consent' })).not.toBeInTheDocument();
  });

  it('sends no reason when none is typed, and keeps consent when the dialog is dismissed', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({
      [`GET ${LIST}/c-brian`]: json(brianGiven),
      [`POST ${revokeUrl('c-brian')}`]: json({ ...brianGiven, status: 'revoked', revokedAt: '2026-12-04T07:30:00Z' }),
    });
    renderAt('/dashboard/parent/consents/c-brian');

    await user.click(await screen.findByRole('button', { name: 'Withdraw consent' }));
    await user.click(screen.getByRole('button', { name: 'Keep consent' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fetchSpy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Withdraw consent' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Withdraw consent' }));
    await waitFor(() => expect(screen.getByTestId('consent-record')).toHaveAttribute('data-status', 'revoked'));
    expect(body(fetchSpy.mock.calls.find(([url]) => url === revokeUrl('c-brian'))![1])).toEqual({ reason: null });
    expect(screen.getByTestId('consent-revocation-reason')).toHaveTextContent('No reason given');
  });

  it('shows a refusal inside the dialog', async () => {
    const user = userEvent.setup();
    mockFetch({
      [`GET ${LIST}/c-brian`]: json(brianGiven),
      [`POST ${revokeUrl('c-brian')}`]: problem(409, 'The request conflicts with the current state.', 'Only a given consent can be revoked; this one is revoked.', {
        code: 'consent_not_given',
      }),
    });
    renderAt('/dashboard/parent/consents/c-brian');

    await user.click(await screen.findByRole('button', { name: 'Withdraw consent' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Withdraw consent' }));
    expect(await screen.findByTestId('withdraw-error')).toHaveTextContent('Only a given consent can be revoked; this one is revoked.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows a withdrawn consent with its reason and no way to withdraw again', async () => {
    mockFetch({ [`GET ${LIST}/c-kevin`]: json(kevinRevoked) });
    renderAt('/dashboard/parent/consents/c-kevin');
    const record = await screen.findByTestId('consent-record');
    expect(record).toHaveAttribute('data-status', 'revoked');
    expect(within(record).getByTestId('consent-revocation-reason')).toHaveTextContent('I would like to talk with the class teacher first.');
    expect(within(record).getByTestId('consent-revoked-at')).toHaveTextContent('17 Nov 2026 at 19:21');
    expect(screen.queryByRole('button', { name: 'Withdraw consent' })).not.toBeInTheDocument();
    expect(screen.getByText('The consent text you signed')).toBeInTheDocument();
  });
});

describe('what was shown, and changing one’s mind', () => {
  it('shows the program as it was when the guardian was asked', async () => {
    mockFetch({ [`GET ${LIST}/c-faith`]: json(faithPending) });
    renderAt('/dashboard/parent/consents/c-faith');
    const who = await screen.findByTestId('consent-who');
    expect(within(who).getByTestId('consent-program-goals')).toHaveTextContent('150 minutes of learning per child per week');
    expect(within(who).getByTestId('consent-program-dates')).toHaveTextContent('Runs 2026-07-01 to 2027-07-01');
    expect(within(who).getByTestId('consent-shown-as-asked')).toHaveTextContent(/As shown to you when you were asked/);
  });

  it('lets a guardian who declined give consent instead, and opens the new record', async () => {
    const user = userEvent.setup();
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const declined = consentFixture({ id: 'c-old', status: 'declined', consentedAt: '2026-11-26T08:00:00Z', canChangeToConsent: true });
    const signed = consentFixture({ id: 'c-new', status: 'given', signedName: 'Grace Otieno', consentedAt: '2026-12-03T11:05:00Z' });
    const fetchSpy = mockFetch({
      [`GET ${LIST}/c-old`]: json(declined),
      [`GET ${LIST}/c-new`]: json(signed),
      [`POST ${respondUrl('c-old')}`]: json(signed),
      [`GET ${LIST}`]: listHandler([signed, declined]),
    });
    const { router } = renderAt('/dashboard/parent/consents/c-old');

    const change = await screen.findByTestId('consent-change');
    expect(within(change).queryByRole('button', { name: 'Decline' })).not.toBeInTheDocument();
    await user.click(within(change).getByRole('checkbox', { name: 'I have read and agree' }));
    await user.type(within(change).getByRole('textbox', { name: 'Your full name (signature)' }), 'Grace Otieno');
    await user.click(within(change).getByRole('button', { name: 'Agree and sign' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/parent/consents/c-new'));
    const post = fetchSpy.mock.calls.find(([url, init]) => url === respondUrl('c-old') && init?.method === 'POST');
    expect(JSON.parse(String(post![1]!.body))).toMatchObject({ agree: true, signedName: 'Grace Otieno' });
    await waitFor(() => expect(screen.getByTestId('consent-record')).toHaveAttribute('data-status', 'given'));
  });
});
