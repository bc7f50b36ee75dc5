import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PartnerResourcesPage from '@/pages/partner/PartnerResourcesPage';
import type { HelpArticleSummary, HelpArticleView } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/support/help';

const article = (slug: string, over: Partial<HelpArticleSummary> = {}): HelpArticleSummary => ({
  slug,
  title: `Title ${slug}`,
  kind: 'guide',
  category: 'consent',
  summary: `Summary of ${slug}`,
  tags: [],
  snippet: null,
  body: `Body of **${slug}**`,
  ...over,
});

const categories = {
  items: [
    { key: 'consent', label: 'Consent', guides: 1, faqs: 1 },
    { key: 'payments', label: 'Payments and billing', guides: 1, faqs: 1 },
  ],
  apiDocsUrl: '/docs',
  openApiUrl: '/openapi/v1.json',
};

const page = (items: HelpArticleSummary[]) => ({ items, page: 1, pageSize: 50, total: items.length });

/** Answers the list by kind and search words, as the server would for these fixtures. */
function listHandler({ url }: { url: string }) {
  const params = new URL(url, 'http://localhost').searchParams;
  const q = params.get('q') ?? '';
  if (q === 'zebra') return json(page([]));
  return params.get('kind') === 'faq'
    ? json(page([article('faq-mpesa-prompt', { kind: 'faq', title: 'The M-Pesa prompt did not appear', body: 'Check the **number**.' })]))
    : json(page([article('consent-how-it-works', { title: 'How guardian consent works', snippet: q ? `…${q} in context…` : null })]));
}

const full: HelpArticleView = {
  slug: 'consent-how-it-works',
  title: 'How guardian consent works',
  kind: 'guide',
  category: 'consent',
  categoryLabel: 'Consent',
  summary: 'Why consent comes first.',
  tags: [],
  body: '## Two guardians\n\nSee [Team roles](team-roles).\n\n<script>alert(1)</script>',
  related: [{ slug: 'faq-withdrawn-consent', title: 'Withdrawn consent and billing', kind: 'faq' }],
};

function renderPage(route = '/dashboard/partner/help-resources') {
  return renderWithProviders(<PartnerResourcesPage />, { route, queryClient: createTestQueryClient(partnerUser) });
}

const calls = (spy: ReturnType<typeof mockFetch>) => spy.mock.calls.map(([url]) => String(url));

describe('PartnerResourcesPage', () => {
  it('lists guides and FAQs, opens a FAQ in place and links to the API docs', async () => {
    mockFetch({ [`GET ${BASE}/categories`]: json(categories), [`GET ${BASE}/articles`]: listHandler });
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Help & Resources' })).toBeInTheDocument();
    expect(await screen.findByTestId('guide-consent-how-it-works')).toHaveTextContent('How guardian consent works');
    const faq = screen.getByTestId('faq-faq-mpesa-prompt');
    await userEvent.setup().click(within(faq).getByText('The M-Pesa prompt did not appear'));
    expect(faq).toHaveAttribute('open');
    expect(within(faq).getByText('number').tagName).toBe('STRONG');
    expect(screen.getByTestId('api-docs-link')).toHaveAttribute('href', '/docs');
    expect(screen.getByRole('button', { name: 'Payments and billing' })).toBeInTheDocument();
  });

  it('searches on the server once typing pauses, and says so when nothing matches', async () => {
    const spy = mockFetch({ [`GET ${BASE}/categories`]: json(categories), [`GET ${BASE}/articles`]: listHandler });
    renderPage();
    await screen.findByTestId('guide-list');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search help'), 'withdraw');
    await waitFor(() => expect(calls(spy)).toContain(`${BASE}/articles?q=withdraw&kind=guide&pageSize=50`));
    expect(await screen.findByText('…withdraw in context…')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Search help'));
    await user.type(screen.getByLabelText('Search help'), 'zebra');
    expect(await screen.findByTestId('help-empty')).toHaveTextContent('No help matches “zebra”');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByTestId('guide-list')).toBeInTheDocument();
  });

  it('filters by category through the address', async () => {
    const spy = mockFetch({ [`GET ${BASE}/categories`]: json(categories), [`GET ${BASE}/articles`]: listHandler });
    renderPage();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Consent' }));
    await waitFor(() => expect(calls(spy)).toContain(`${BASE}/articles?category=consent&kind=faq&pageSize=50`));
    expect(screen.getByTestId('location')).toHaveTextContent('category=consent');
    expect(screen.getByRole('button', { name: 'Consent' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens an article from the address, renders its markdown without raw HTML, and links to other articles', async () => {
    mockFetch({ [`GET ${BASE}/categories`]: json(categories), [`GET ${BASE}/articles/consent-how-it-works`]: json(full) });
    const { container } = renderPage('/dashboard/partner/help-resources?article=consent-how-it-works');
    const view = await screen.findByTestId('help-article');
    expect(within(view).getByRole('heading', { name: 'How guardian consent works' })).toBeInTheDocument();
    expect(within(view).getByRole('heading', { name: 'Two guardians' })).toBeInTheDocument();
    expect(within(view).getByRole('link', { name: 'Team roles' })).toHaveAttribute('href', '/dashboard/partner/help-resources?article=team-roles');
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByRole('link', { name: 'Withdrawn consent and billing' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'All help' }));
    expect(screen.getByTestId('location')).not.toHaveTextContent('article=');
  });

  it('shows the error with a retry when the articles cannot load', async () => {
    mockFetch({ [`GET ${BASE}/categories`]: json(categories), [`GET ${BASE}/articles`]: problem(500, 'Server error') });
    renderPage();
    expect(await screen.findByText('We couldn’t load the help articles')).toBeInTheDocument();
  });
});
