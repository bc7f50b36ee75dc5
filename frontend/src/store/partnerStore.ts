import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PartnerNotification, RealtimeCounterKey, RealtimeCounters, ServerCounters } from '@/types/partner';

/**
 * UI and session state of the partner dashboard (plan Step 7). Server data lives in TanStack Query;
 * this store holds what the UI needs across pages: sidebar, search, live counters pushed by the
 * hub, the notification tray and the selected program and child. List filters and view toggles live in the URL
 * (lib/use-url-state.ts), so Back and reload keep them.
 *
 * Only `sidebarCollapsed` and `openSidebarSections` are persisted (localStorage key `elimu-partner-ui`).
 */

export interface PartnerState {
  // UI
  sidebarCollapsed: boolean;
  globalSearch: string;
  activeSection: string;
  openSidebarSections: string[];

  // Real-time counters
  counters: RealtimeCounters;

  // Notification center
  partnerNotifications: PartnerNotification[];
  unreadCount: number;

  // Sponsored children view state
  selectedProgramId: string | null;
  selectedChildId: string | null;
}

export interface PartnerActions {
  toggleSidebar: () => void;
  setSidebarCollapsed: (collapsed: boolean) => void;
  setGlobalSearch: (query: string) => void;
  setActiveSection: (section: string) => void;
  toggleSidebarSection: (section: string) => void;

  /** Merges the given counters into the current ones. */
  setCounters: (counters: Partial<RealtimeCounters>) => void;
  incrementCounter: (key: RealtimeCounterKey, by?: number) => void;
  /** Never goes below zero. */
  decrementCounter: (key: RealtimeCounterKey, by?: number) => void;

  /** Adds to the top of the list; a notification with a known id replaces the old one. */
  addNotification: (notification: PartnerNotification) => void;
  markNotificationRead: (id: string) => void;
  markAllNotificationsRead: () => void;

  selectProgram: (programId: string | null) => void;
  selectChild: (childId: string | null) => void;

  /** Back to the initial state (used on logout). */
  reset: () => void;
}

export type PartnerStore = PartnerState & PartnerActions;

export const PARTNER_STORE_KEY = 'elimu-partner-ui';

/** The counters without their null fields: null means "not this answer's to say", so the store keeps what it has. */
export function knownCounters(counters: ServerCounters): Partial<RealtimeCounters> {
  return Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== null && v !== undefined)) as Partial<RealtimeCounters>;
}

export const emptyCounters: RealtimeCounters = {
  pendingConsents: 0,
  childrenWithConsent: 0,
  openTickets: 0,
  childAlerts: 0,
  pendingPayments: 0,
  unreadNotifications: 0,
  unreadMessages: 0,
  suspendedPrograms: 0,
};

export const initialPartnerState: PartnerState = {
  sidebarCollapsed: false,
  globalSearch: '',
  activeSection: 'dashboard',
  openSidebarSections: ['dashboard', 'partnerships'],
  counters: emptyCounters,
  partnerNotifications: [],
  unreadCount: 0,
  selectedProgramId: null,
  selectedChildId: null,
};

type PersistedPartnerState = Pick<PartnerState, 'sidebarCollapsed' | 'openSidebarSections'>;

function readPersisted(value: unknown): Partial<PersistedPartnerState> {
  if (!value || typeof value !== 'object') return {};
  const { sidebarCollapsed, openSidebarSections } = value as Record<string, unknown>;
  const out: Partial<PersistedPartnerState> = {};
  if (typeof sidebarCollapsed === 'boolean') out.sidebarCollapsed = sidebarCollapsed;
  if (Array.isArray(openSidebarSections) && openSidebarSections.every((k) => typeof k === 'string')) out.openSidebarSections = openSidebarSections;
  return out;
}

const countUnread = (notifications: PartnerNotification[]) => notifications.filter((n) => n.readAt === null).length;

export const usePartnerStore = create<PartnerStore>()(
  persist(
    (set) => ({
      ...initialPartnerState,

      toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
      setSidebarCollapsed: (collapsed) => set({ sidebarCollapsed: collapsed }),
      setGlobalSearch: (query) => set({ globalSearch: query }),
      setActiveSection: (section) => set({ activeSection: section }),
      toggleSidebarSection: (section) =>
        set((s) => ({
          openSidebarSections: s.openSidebarSections.includes(section)
            ? s.openSidebarSections.filter((k) => k !== section)
            : [...s.openSidebarSections, section],
        })),

      setCounters: (counters) => set((s) => ({ counters: { ...s.counters, ...counters } })),
      incrementCounter: (key, by = 1) => set((s) => ({ counters: { ...s.counters, [key]: s.counters[key] + by } })),
      decrementCounter: (key, by = 1) =>
        set((s) => ({ counters: { ...s.counters, [key]: Math.max(0, s.counters[key] - by) } })),

      addNotification: (notification) =>
        set((s) => {
          const list = [notification, ...s.partnerNotifications.filter((n) => n.id !== notification.id)];
          return { partnerNotifications: list, unreadCount: countUnread(list) };
        }),
      markNotificationRead: (id) =>
        set((s) => {
          const now = new Date().toISOString();
          const list = s.partnerNotifications.map((n) => (n.id === id && n.readAt === null ? { ...n, readAt: now } : n));
          return { partnerNotifications: list, unreadCount: countUnread(list) };
        }),
      markAllNotificationsRead: () =>
        set((s) => {
          const now = new Date().toISOString();
          const list = s.partnerNotifications.map((n) => (n.readAt === null ? { ...n, readAt: now } : n));
          return { partnerNotifications: list, unreadCount: 0 };
        }),

      selectProgram: (programId) => set({ selectedProgramId: programId }),
      selectChild: (childId) => set({ selectedChildId: childId }),

      reset: () => set({ ...initialPartnerState }),
    }),
    {
      name: PARTNER_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): PersistedPartnerState => ({ sidebarCollapsed: s.sidebarCollapsed, openSidebarSections: s.openSidebarSections }),
      // Restore only the two persisted keys, and only when they have the right shape.
      merge: (persisted, current) => ({ ...current, ...readPersisted(persisted) }),
    },
  ),
);
