import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';

const SCHEMA = {
  status: urlParam.oneOf(['', 'ACTIVE', 'DRAFT'], ''),
  view: urlParam.oneOf(['list', 'grid'], 'list'),
  alerts: urlParam.flag(),
  q: urlParam.search(),
  page: urlParam.page(),
};

let set: ReturnType<typeof useUrlState<typeof SCHEMA>>[1];

function List() {
  const [values, setValues] = useUrlState(SCHEMA);
  set = setValues;
  const [draft, setDraft] = useSearchDraft(values.q, (q) => setValues({ q }), 50);
  return (
    <>
      <output data-testid="values">{JSON.stringify(values)}</output>
      <input aria-label="Search" value={draft} onChange={(e) => setDraft(e.target.value)} />
    </>
  );
}

function renderAt(url: string) {
  const router = createMemoryRouter([{ path: '/list', element: <List /> }, { path: '/other', element: <p>Another page</p> }], { initialEntries: ['/other', url], initialIndex: 1 });
  render(<RouterProvider router={router} />);
  return router;
}

const values = () => JSON.parse(screen.getByTestId('values').textContent!);
const search = (router: ReturnType<typeof renderAt>) => router.state.location.search;

describe('useUrlState', () => {
  it('reads typed values from the URL, and defaults when they are missing', () => {
    renderAt('/list?status=ACTIVE&view=grid&alerts=true&q=amani&page=3');
    expect(values()).toEqual({ status: 'ACTIVE', view: 'grid', alerts: true, q: 'amani', page: 3 });
  });

  it.each([
    ['/list?status=BOGUS', { status: '' }],
    ['/list?view=table', { view: 'list' }],
    ['/list?alerts=yes', { alerts: false }],
    ['/list?page=0', { page: 1 }],
    ['/list?page=-2', { page: 1 }],
    ['/list?page=2.5', { page: 1 }],
    ['/list?page=two', { page: 1 }],
    ['/list?page=99999999999999999999', { page: 1 }],
    ['/list?q=%20%20', { q: '' }],
  ])('an invalid value falls back to the default: %s', (url, expected) => {
    renderAt(url);
    expect(values()).toMatchObject(expected);
  });

  it('leaves default values out of the URL, and keeps keys it does not own', async () => {
    const router = renderAt('/list?tab=goals&status=ACTIVE');
    act(() => set({ status: '', view: 'grid' }));
    await waitFor(() => expect(search(router)).toBe('?tab=goals&view=grid'));
    act(() => set({ view: 'list', alerts: false }));
    await waitFor(() => expect(search(router)).toBe('?tab=goals'));
  });

  it('pushes a history entry for a filter, resets the page, and Back restores the previous state', async () => {
    const router = renderAt('/list?status=ACTIVE&page=4');
    act(() => set({ view: 'grid' }));
    await waitFor(() => expect(search(router)).toBe('?status=ACTIVE&view=grid'));
    expect(router.state.historyAction).toBe('PUSH');
    expect(values()).toMatchObject({ view: 'grid', page: 1 });

    act(() => void router.navigate(-1));
    await waitFor(() => expect(values()).toMatchObject({ status: 'ACTIVE', view: 'list', page: 4 }));
  });

  it('keeps the page when the change sets it, and makes no entry for a change that changes nothing', async () => {
    const router = renderAt('/list?status=ACTIVE');
    act(() => set({ page: 2 }));
    await waitFor(() => expect(search(router)).toBe('?status=ACTIVE&page=2'));
    const key = router.state.location.key;
    act(() => set({ status: 'ACTIVE', page: 2 }));
    await new Promise((r) => setTimeout(r, 20));
    expect(router.state.location.key).toBe(key);
  });

  it('replaces the entry as search text is typed, so Back leaves the search instead of undoing keystrokes', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list?status=DRAFT&page=2');
    const box = screen.getByLabelText('Search');
    await user.type(box, 'ami');
    expect(box).toHaveValue('ami'); // shown at once, before the URL follows
    await waitFor(() => expect(search(router)).toBe('?status=DRAFT&q=ami'));
    await user.type(box, 'ni');
    await waitFor(() => expect(search(router)).toBe('?status=DRAFT&q=amini'));
    expect(router.state.historyAction).toBe('REPLACE');

    act(() => void router.navigate(-1));
    await waitFor(() => expect(router.state.location.pathname).toBe('/other'));
  });

  it('shows a URL change made elsewhere (Back, a reset) in the search box', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list?q=faith');
    const box = screen.getByLabelText('Search');
    expect(box).toHaveValue('faith');
    act(() => set({ status: 'ACTIVE' }));
    await waitFor(() => expect(search(router)).toBe('?q=faith&status=ACTIVE'));
    await user.clear(box);
    await user.type(box, 'kevin');
    // (Param order depends on whether the cleared box was committed before "kevin" was typed.)
    await waitFor(() => expect(Object.fromEntries(new URLSearchParams(search(router)))).toEqual({ q: 'kevin', status: 'ACTIVE' }));

    act(() => set({ q: '' }));
    await waitFor(() => expect(box).toHaveValue(''));
  });

  it('keeps a typed trailing space while its trimmed text reaches the URL', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list');
    const box = screen.getByLabelText('Search');
    await user.type(box, 'faith ');
    await waitFor(() => expect(search(router)).toBe('?q=faith'));
    expect(box).toHaveValue('faith ');
  });
});
