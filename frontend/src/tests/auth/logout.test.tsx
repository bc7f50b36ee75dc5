import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { signedOutOnPurpose, useLogout } from '@/services/auth';
import { usePartnerStore } from '@/store/partnerStore';
import { createTestQueryClient, mockFetch, partnerUser } from '../test-utils';

describe('useLogout', () => {
  it('signs out, forgets the user and resets the partner UI (loaded on demand, outside the sign-in entry)', async () => {
    mockFetch({ 'POST /api/v1/auth/logout': new Response(null, { status: 204 }) });
    const queryClient = createTestQueryClient(partnerUser);
    usePartnerStore.getState().setSidebarCollapsed(true);
    usePartnerStore.getState().setCounters({ pendingConsents: 7 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{children}</MemoryRouter>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useLogout(), { wrapper });

    act(() => result.current.mutate());

    await waitFor(() => expect(usePartnerStore.getState().counters.pendingConsents).toBe(0));
    expect(usePartnerStore.getState().sidebarCollapsed).toBe(false);
    expect(queryClient.getQueryData(['auth', 'me'])).toBeNull();
    // The page being left does not send the next person back to it (ProtectedRoute drops `from`).
    expect(signedOutOnPurpose()).toBe(true);
  });
});
