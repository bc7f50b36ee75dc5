import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SponsoredChildrenPage from '@/pages/partner/SponsoredChildrenPage';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';
import { childFixture, paged } from './sponsorship-fixtures';

// The list at scale: 10,000 children, of which the browser holds only the pages scrolled to and draws only the rows
// on screen. jsdom lays nothing out, so each row reports the height a card row has in a browser (the e2e test
// sponsored-children-scroll.test.mjs checks the same in Chromium with real layout).

const CHILDREN = '/api/v1/partner/sponsorships/children';
const PROGRAMS = '/api/v1/partner/sponsorships/programs';
const TOTAL = 10_000;
const ROW_HEIGHT = 196;

const childAt = (n: number) =>
  childFixture({ id: `0193a7b0-0000-7000-8000-${String(n).padStart(12, '0')}`, displayName: `Child ${n}`, firstName: `Child ${n}` });

/** GET /children as the server pages it: `pageSize` children of TOTAL from `(page - 1) * pageSize`. */
function serverPages({ url }: { url: string }) {
  const q = new URL(url, 'http://x').searchParams;
  const page = Number(q.get('page') ?? 1);
  const size = Number(q.get('pageSize') ?? 20);
  const from = (page - 1) * size;
  const items = Array.from({ length: Math.max(0, Math.min(size, TOTAL - from)) }, (_, i) => childAt(from + i + 1));
  return json(paged(items, TOTAL, page, size));
}

const pagesAsked = (spy: ReturnType<typeof mockFetch>) =>
  spy.mock.calls
    .map(([u]) => new URL(String(u), 'http://x'))
    .filter((u) => u.pathname === CHILDREN)
    .map((u) => Number(u.searchParams.get('page')));

function scrollWindowTo(y: number) {
  act(() => {
    Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
    fireEvent.scroll(window);
  });
}

function renderPage(search = '') {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/partner/sponsored-children" element={<SponsoredChildrenPage />} />
    </Routes>,
    { route: `/dashboard/partner/sponsored-children${search}`, queryClient: createTestQueryClient(partnerUser) },
  );
}

describe('SponsoredChildrenPage at 10,000 children', () => {
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.index !== undefined ? ROW_HEIGHT : 0;
      },
    });
    window.innerHeight = 800;
  });
  afterEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
  });

  it('draws only the rows on screen and loads the next page from the server as the list scrolls', async () => {
    const spy = mockFetch({ [CHILDREN]: serverPages, [PROGRAMS]: json(paged([])) });
    renderPage('?status=ACTIVE');

    await screen.findAllByTestId('child-card');
    expect(screen.getByTestId('children-count')).toHaveTextContent('10,000 children match these filters');
    // One page of 60 asked for, not 10,000 children; of those, a screenful of rows (3 cards each at 1280 px) drawn.
    expect(pagesAsked(spy)).toEqual([1]);
    const drawn = screen.getAllByTestId('child-card').length;
    expect(drawn).toBeGreaterThan(6);
    expect(drawn).toBeLessThan(60);
    const list = screen.getByRole('list', { name: 'Sponsored children' });
    const items = within(list).getAllByRole('listitem');
    // Each card says where it is in the whole list, since most of it is not in the page.
    expect(items[0]).toHaveAttribute('aria-posinset', '1');
    expect(items[0]).toHaveAttribute('aria-setsize', '10000');
    // The list is as tall as every loaded row, so the scrollbar is real.
    expect(list.style.height).toBe(`${20 * ROW_HEIGHT}px`);
    const q = new URL(String(spy.mock.calls.find(([u]) => String(u).startsWith(CHILDREN))![0]), 'http://x').searchParams;
    expect(q.get('status')).toBe('ACTIVE');
    expect(q.get('pageSize')).toBe('60');

    // Near the end of the loaded rows the next page comes; the rows scrolled past leave the DOM.
    scrollWindowTo(14 * ROW_HEIGHT);
    await waitFor(() => expect(pagesAsked(spy)).toEqual([1, 2]));
    await waitFor(() => expect(list.style.height).toBe(`${40 * ROW_HEIGHT}px`));
    expect(screen.queryByText('Child 1')).not.toBeInTheDocument();
    expect(screen.getByText('Child 45')).toBeInTheDocument();
    expect(screen.getAllByTestId('child-card').length).toBeLessThan(60);
    expect(within(list).getAllByRole('listitem')[0]).not.toHaveAttribute('aria-posinset', '1');
  });

  it('keeps the children shown when a later page fails, and tries that page again', async () => {
    let failNext = true;
    const spy = mockFetch({
      [CHILDREN]: (req) => {
        const page = new URL(req.url, 'http://x').searchParams.get('page');
        if (page === '2' && failNext) return problem(503, 'Service unavailable');
        return serverPages(req);
      },
      [PROGRAMS]: json(paged([])),
    });
    renderPage();
    await screen.findAllByTestId('child-card');

    scrollWindowTo(14 * ROW_HEIGHT);
    const error = await screen.findByTestId('children-load-more-error');
    expect(error).toHaveTextContent('We couldn’t load more children.');
    // The children already loaded stay.
    expect(screen.getByText('Child 45')).toBeInTheDocument();
    // Not asked again on its own (no request loop while the server is down).
    const asked = pagesAsked(spy).length;
    scrollWindowTo(15 * ROW_HEIGHT);
    expect(pagesAsked(spy).length).toBe(asked);

    failNext = false;
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByTestId('children-load-more-error')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('list', { name: 'Sponsored children' }).style.height).toBe(`${40 * ROW_HEIGHT}px`));
  });

  it('says so when the first page fails, with a retry', async () => {
    mockFetch({ [CHILDREN]: problem(500, 'Server error'), [PROGRAMS]: json(paged([])) });
    renderPage();
    expect(await screen.findByText('We couldn’t load your sponsored children')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Sponsored children' })).not.toBeInTheDocument();
  });
});
