import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ScrollRestorer } from '@/components/layout/ScrollRestorer';

function scrolledTo(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
}

describe('ScrollRestorer', () => {
  it('starts a new page at the top and returns to where the user was on Back', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    const page = (name: string) => (
      <>
        <h1>{name}</h1>
        <ScrollRestorer />
      </>
    );
    const router = createMemoryRouter(
      [
        { path: '/list', element: page('List') },
        { path: '/detail', element: page('Detail') },
      ],
      { initialEntries: ['/list'] },
    );
    render(<RouterProvider router={router} />);
    await screen.findByRole('heading', { name: 'List' });

    scrolledTo(1200);
    scrollTo.mockClear();
    await act(() => router.navigate('/detail'));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);

    scrolledTo(300);
    await act(() => router.navigate(-1));
    await screen.findByRole('heading', { name: 'List' });
    expect(scrollTo).toHaveBeenLastCalledWith(0, 1200);

    await act(() => router.navigate(1));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 300);
  });
});
