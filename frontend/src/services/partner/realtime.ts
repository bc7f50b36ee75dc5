import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { knownCounters, usePartnerStore } from '@/store/partnerStore';
import type { PartnerDashboardOverview, ServerCounters } from '@/types/partner';
import { dashboardKeys, useRealtimeCountersQuery } from './dashboard';

export const PARTNER_HUB_URL = '/hubs/partner';
export const COUNTERS_EVENT = 'counters';
/** The signed-in member's own unread notifications and messages, sent to them alone when they change. */
export const UNREAD_EVENT = 'unread';

export type RealtimeStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export function createPartnerHubConnection(url = PARTNER_HUB_URL): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(url, { withCredentials: true })
    .withAutomaticReconnect()
    .configureLogging(import.meta.env.MODE === 'test' ? LogLevel.None : LogLevel.Warning)
    .build();
}

/**
 * Keeps the store's counters live: loads them once over HTTP, then listens to the partner hub's
 * "counters" event (withAutomaticReconnect). When the hub cannot be reached the status is
 * 'offline' and the badges keep their last known values; nothing throws.
 * The dashboard overview in the query cache gets the same counters, so its cards stay in step.
 */
export function useRealtimeCounters(enabled = true): RealtimeStatus {
  const setCounters = usePartnerStore((s) => s.setCounters);
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const initial = useRealtimeCountersQuery(enabled);

  useEffect(() => {
    if (initial.data) setCounters(knownCounters(initial.data));
  }, [initial.data, setCounters]);

  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let connection: HubConnection;
    try {
      connection = createPartnerHubConnection();
    } catch {
      setStatus('offline');
      return;
    }

    connection.on(COUNTERS_EVENT, (payload: ServerCounters) => {
      if (!payload || typeof payload !== 'object') return;
      const update = knownCounters(payload);
      setCounters(update);
      queryClient.setQueryData<PartnerDashboardOverview>(dashboardKeys.overview(), (old) =>
        old ? { ...old, counters: { ...old.counters, ...update }, pendingConsents: payload.pendingConsents ?? old.pendingConsents, openTickets: payload.openTickets ?? old.openTickets } : old,
      );
    });
    connection.on(UNREAD_EVENT, (payload: { unreadNotifications?: unknown; unreadMessages?: unknown }) => {
      if (typeof payload?.unreadNotifications === 'number') setCounters({ unreadNotifications: payload.unreadNotifications });
      if (typeof payload?.unreadMessages === 'number') setCounters({ unreadMessages: payload.unreadMessages });
    });
    connection.onreconnecting(() => !disposed && setStatus('reconnecting'));
    connection.onreconnected(() => !disposed && setStatus('connected'));
    connection.onclose(() => !disposed && setStatus('offline'));

    setStatus('connecting');
    connection
      .start()
      .then(() => !disposed && setStatus('connected'))
      .catch(() => !disposed && setStatus('offline'));

    return () => {
      disposed = true;
      if (connection.state !== HubConnectionState.Disconnected) connection.stop().catch(() => undefined);
    };
  }, [enabled, queryClient, setCounters]);

  return enabled ? status : 'offline';
}
