import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CurrentUser, ParentConsent } from '@/types/partner';
import { getLanguage } from '@/i18n/i18n';
import { createTestQueryClient, json, mockFetch, parentUser, partnerUser, renderApp } from '../test-utils';
import { consentFixture, faithPending, paged } from '../parent/fixtures';

const LIST = '/api/v1/parent/consents';
const PREFERENCES = '/api/v1/auth/preferences';

/** The list in the language asked for: the Kiswahili text when ?language=sw. */
function listHandler(items: ParentConsent[]) {
  return ({ url }: { url: string }) => {
    const params = new URL(url, 'http://localhost').searchParams;
    const sw = params.get('language') === 'sw';
    const shown = items.map((c) => (sw ? { ...c, consentText: 'Mimi, Achieng Otieno, ni mzazi au mlezi wa Faith Otieno.', consentTextLanguage: 'sw' as const } : c));
    if (params.get('status') === 'pending') return json(paged(shown.slice(0, 1), shown.length, 1, 1));
    return json(paged(shown));
  };
}

function savesPreference(user: CurrentUser) {
  const saved: unknown[] = [];
  const handler = ({ init }: { init: RequestInit | undefined }) => {
    const body = JSON.parse(String(init?.body)) as { language: 'en' | 'sw' };
    saved.push(body);
    return json({ ...user, preferredLanguage: body.language });
  };
  return { saved, handler };
}

describe('language switcher', () => {
  it('turns the parent inbox into Kiswahili, reads the requests in Kiswahili, and saves the choice on the account', async () => {
    const { saved, handler } = savesPreference(parentUser);
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: listHandler([faithPending]), [`PUT ${PREFERENCES}`]: handler });
    renderApp('/dashboard/parent/consents', { queryClient: createTestQueryClient(parentUser) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Consent requests' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByTestId('language-switcher'), 'sw');

    expect(await screen.findByRole('heading', { level: 1, name: 'Maombi ya idhini' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Yanasubiri jibu lako' })).toBeInTheDocument();
    expect(within(screen.getAllByTestId('consent-item')[0]!).getByText('Linasubiri jibu lako')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Toka/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('sw');
    await waitFor(() => expect(saved).toEqual([{ language: 'sw' }]));
    await waitFor(() => expect(fetchSpy.mock.calls.map(([u]) => String(u))).toContain(`${LIST}?page=1&pageSize=20&language=sw`));
  });

  it('shows a request in Kiswahili and signs it with language sw', async () => {
    let answer: unknown = null;
    const swText = 'Mimi, Achieng Otieno, ni mzazi au mlezi wa Faith Otieno.';
    mockFetch({
      [`GET ${LIST}/c-faith`]: ({ url }) =>
        json(new URL(url, 'http://localhost').searchParams.get('language') === 'sw' ? consentFixture({ consentText: swText, consentTextLanguage: 'sw' }) : faithPending),
      [`GET ${LIST}`]: listHandler([faithPending]),
      [`PUT ${PREFERENCES}`]: savesPreference(parentUser).handler,
      'POST /api/v1/partner/sponsorships/consent/c-faith/respond': ({ init }) => {
        answer = JSON.parse(String(init?.body));
        return json(consentFixture({ status: 'given', consentText: swText, consentTextLanguage: 'sw', signedLanguage: 'sw', signedName: 'Achieng Otieno', consentedAt: '2026-12-01T08:00:00Z' }));
      },
    });
    renderApp('/dashboard/parent/consents/c-faith', { queryClient: createTestQueryClient(parentUser) });
    expect(await screen.findByText('What you are asked to agree to')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByTestId('language-switcher'), 'sw');
    expect(await screen.findByText('Unaombwa kukubali nini')).toBeInTheDocument();
    expect(await screen.findByText(swText)).toBeInTheDocument();
    expect(screen.getByTestId('consent-text')).toHaveAttribute('lang', 'sw');

    await userEvent.click(screen.getByTestId('consent-agree'));
    expect(await screen.findByText('Weka alama kwenye kisanduku kuonyesha umesoma na unakubali.')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('consent-agree-checkbox'));
    await userEvent.type(screen.getByTestId('consent-signed-name'), 'Achieng Otieno');
    await userEvent.click(screen.getByRole('button', { name: 'Kubali na utie sahihi' }));

    await waitFor(() => expect(answer).toMatchObject({ agree: true, signedName: 'Achieng Otieno', language: 'sw' }));
    expect(await screen.findByTestId('consent-signed-language')).toHaveTextContent('Kiswahili');
  });

  it('translates a refusal the API explains by code', async () => {
    mockFetch({
      [`GET ${LIST}/c-faith`]: json(consentFixture({ consentTextLanguage: 'sw' })),
      [`GET ${LIST}`]: listHandler([faithPending]),
      [`PUT ${PREFERENCES}`]: savesPreference(parentUser).handler,
      'POST /api/v1/partner/sponsorships/consent/c-faith/respond': new Response(
        JSON.stringify({ status: 409, title: 'Conflict', detail: 'This sponsorship is not running (the program is PAUSED).', code: 'program_not_active' }),
        { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    });
    renderApp('/dashboard/parent/consents/c-faith', { queryClient: createTestQueryClient(parentUser) });
    await screen.findByText('What you are asked to agree to');
    await userEvent.selectOptions(screen.getByTestId('language-switcher'), 'sw');
    await screen.findByText('Unaombwa kukubali nini');
    await userEvent.click(screen.getByTestId('consent-agree-checkbox'));
    await userEvent.type(screen.getByTestId('consent-signed-name'), 'Achieng Otieno');
    await userEvent.click(screen.getByTestId('consent-agree'));
    expect(await screen.findByTestId('consent-form-error')).toHaveTextContent('Ufadhili huu hauendelei kwa sasa');
  });

  it('switches the partner shell: sidebar, top bar and the skip link', async () => {
    const { saved, handler } = savesPreference(partnerUser);
    mockFetch({ [`PUT ${PREFERENCES}`]: handler });
    renderApp('/dashboard/partner/no-such-section', { queryClient: createTestQueryClient(partnerUser) });
    expect(await screen.findByRole('navigation', { name: 'Partner navigation' })).toBeInTheDocument();
    expect(screen.getByTestId('sidebar-item-sponsorships')).toHaveTextContent('Sponsorships');

    await userEvent.selectOptions(screen.getByTestId('language-switcher'), 'sw');
    expect(await screen.findByRole('navigation', { name: 'Menyu ya mshirika' })).toBeInTheDocument();
    expect(screen.getByTestId('sidebar-item-sponsorships')).toHaveTextContent('Ufadhili');
    expect(screen.getByText('Ruka hadi kwenye maudhui')).toBeInTheDocument();
    expect(await screen.findByText('Hatukuweza kupata ukurasa huo')).toBeInTheDocument();
    await waitFor(() => expect(saved).toEqual([{ language: 'sw' }]));
  });

  it('follows the language saved on the account when the user signs in', async () => {
    mockFetch({ [`GET ${LIST}`]: listHandler([faithPending]) });
    renderApp('/dashboard/parent', { queryClient: createTestQueryClient({ ...parentUser, preferredLanguage: 'sw' }) });
    expect(await screen.findByText('Maombi ya idhini')).toBeInTheDocument();
    expect(getLanguage()).toBe('sw');
  });

  it('signed out, keeps the choice on this browser and carries it to the account at sign-in', async () => {
    mockFetch({});
    renderApp('/login', { queryClient: createTestQueryClient(null) });
    await userEvent.selectOptions(await screen.findByTestId('language-switcher'), 'sw');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingia' })).toBeInTheDocument();
    expect(screen.getByLabelText('Barua pepe')).toBeInTheDocument();
    expect(localStorage.getItem('elimu.language')).toBe('sw');
    expect(localStorage.getItem('elimu.language.chosen')).toBe('1');
  });
});
