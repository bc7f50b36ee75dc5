import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dashboardKeys } from '@/services/partner/dashboard';
import { useRealtimeCounters } from '@/services/partner/realtime';
import { usePartnerStore } from '@/store';
import type { PartnerDashboardOverview } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser } from '../test-utils';
import { overviewFixture } from './fixtures';

// A stand-in for @microsoft/signalr's HubConnection, driven by the test.
const hub = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => void;
  const state = {
    url: '',
    options: undefined as unknown,
    automaticReconnect: false,
    handlers: new Map<string, Handler>(),
    reconnecting: [] as Handler[],
    reconnected: [] as Handler[],
    closed: [] as Handler[],
    start: (() => Promise.resolve()) as () => Promise<void>,
    stop: vi.fn(() => Promise.resolve()),
    connectionState: 'Disconnected',
  };
  return state;
});

vi.mock('@microsoft/signalr', () => {
  class FakeConnection {
    get state() {
      return hub.connectionState;
    }
    on(event: string, handler: (...args: unknown[]) => void) {
      hub.handlers.set(event, handler);
    }
    onreconnecting(h: () => void) {
      hub.reconnecting.push(h);
    }
    onreconnected(h: () => void) {
      hub.reconnected.push(h);
    }
    onclose(h: () => void) {
      hub.closed.push(h);
    }
    start() {
      hub.connectionState = 'Connecting';
      return hub.start().then(() => {
        hub.connectionState = 'Connected';
      });
    }
    stop() {
      hub.connectionState = 'Disconnected';
      return hub.stop();
    }
  }
  class HubConnectionBuilder {
    withUrl(url: string, options: unknown) {
      hub.url = url;
      hub.options = options;
      return this;
    }
    withAutomaticReconnect() {
      hub.automaticReconnect = true;
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return new FakeConnection();
    }
  }
  return {
    HubConnectionBuilder,
    HubConnectionState: { Disconnected: 'Disconnected', Connecting: 'Connecting', Connected: 'Connected' },
    LogLevel: { None: 6, Warning: 3 },
  };
});

const counters = { pendingConsents: 1, childrenWithConsent: 2, openTickets: 3, childAlerts: 4, pendingPayments: 5, unreadNotifications: 6, unreadMessages: 0, suspendedPrograms: 0 };

function setup() {
  const queryClient = createTestQueryClient(partnerUser);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(() => useRealtimeCounters(), { wrapper });
  return { queryClient, ...hook };
}

describe('useRealtimeCounters', () => {
  beforeEach(() => {
    hub.handlers.clear();
    hub.reconnecting = [];
    hub.reconnected = [];
    hub.closed = [];
    hub.automaticReconnect = false;
    hub.start = () => Promise.resolve();
    hub.stop.mockClear();
    hub.connectionState = 'Disconnected';
  });

  it('loads the counters over HTTP into the store', async () => {
    mockFetch({ 'GET /api/v1/partner/dashboard/counters': json(counters) });
    setup();
    await waitFor(() => expect(usePartnerStore.getState().counters).toEqual(counters));
  });

  it('connects to /hubs/partner with automatic reconnect and applies "counters" pushes', async () => {
    mockFetch({ 'GET /api/v1/partner/dashboard/counters': json(counters) });
    const { result, queryClient } = setup();
    queryClient.setQueryData(dashboardKeys.overview(), overviewFixture());

    await waitFor(() => expect(result.current).toBe('connected'));
    expect(hub.url).toBe('/hubs/partner');
    expect(hub.automaticReconnect).toBe(true);
    await waitFor(() => expect(usePartnerStore.getState().counters).toEqual(counters));

    const pushed = { pendingConsents: 0, childrenWithConsent: 40, openTickets: 7, childAlerts: 1, pendingPayments: 2, unreadNotifications: 0, unreadMessages: 0, suspendedPrograms: 0 };
    act(() => hub.handlers.get('counters')!(pushed));

    expect(usePartnerStore.getState().counters).toEqual(pushed);
    const overview = queryClient.getQueryData<PartnerDashboardOverview>(dashboardKeys.overview())!;
    expect(overview.counters).toEqual(pushed);
    expect(overview.openTickets).toBe(7);
    expect(overview.pendingConsents).toBe(0);
  });

  it('keeps the member’s own unread count when the organisation’s push carries none, and takes the "unread" event', async () => {
    mockFetch({ 'GET /api/v1/partner/dashboard/counters': json(counters) });
    const { result } = setup();
    await waitFor(() => expect(result.current).toBe('connected'));
    await waitFor(() => expect(usePartnerStore.getState().counters.unreadNotifications).toBe(6));

    act(() => hub.handlers.get('counters')!({ ...counters, openTickets: 9, unreadNotifications: null }));
    expect(usePartnerStore.getState().counters).toEqual({ ...counters, openTickets: 9, unreadNotifications: 6 });

    act(() => hub.handlers.get('unread')!({ unreadNotifications: 2 }));
    expect(usePartnerStore.getState().counters.unreadNotifications).toBe(2);
    act(() => hub.handlers.get('unread')!({ unreadNotifications: 'x' }));
    expect(usePartnerStore.getState().counters.unreadNotifications).toBe(2);
  });

  it('reports reconnecting and reconnected', async () => {
    mockFetch({});
    const { result } = setup();
    await waitFor(() => expect(result.current).toBe('connected'));
    act(() => hub.reconnecting.forEach((h) => h()));
    expect(result.current).toBe('reconnecting');
    act(() => hub.reconnected.forEach((h) => h()));
    expect(result.current).toBe('connected');
    act(() => hub.closed.forEach((h) => h()));
    expect(result.current).toBe('offline');
  });

  it('fails quietly when the hub cannot be reached', async () => {
    mockFetch({});
    hub.start = () => Promise.reject(new Error('Failed to complete negotiation with the server'));
    const { result } = setup();
    await waitFor(() => expect(result.current).toBe('offline'));
    expect(usePartnerStore.getState().counters.openTickets).toBe(0);
  });

  it('ignores a malformed push', async () => {
    mockFetch({});
    const { result } = setup();
    await waitFor(() => expect(result.current).toBe('connected'));
    act(() => hub.handlers.get('counters')!(null));
    expect(usePartnerStore.getState().counters.openTickets).toBe(0);
  });

  it('stops the connection on unmount', async () => {
    mockFetch({});
    const { result, unmount } = setup();
    await waitFor(() => expect(result.current).toBe('connected'));
    unmount();
    expect(hub.stop).toHaveBeenCalledTimes(1);
  });
});
