import { beforeEach, describe, expect, it } from 'vitest';
import { initialPartnerState, PARTNER_STORE_KEY, usePartnerStore } from '@/store';
import type { PartnerNotification } from '@/types/partner';

const store = () => usePartnerStore.getState();

function notification(id: string, readAt: string | null = null): PartnerNotification {
  return { id, category: 'consent', title: `Notification ${id}`, body: 'A guardian answered.', link: null, readAt, createdAt: '2026-11-20T08:00:00+03:00' };
}

function persisted(): Record<string, unknown> | null {
  const raw = localStorage.getItem(PARTNER_STORE_KEY);
  return raw ? (JSON.parse(raw) as { state: Record<string, unknown> }).state : null;
}

describe('partnerStore', () => {
  beforeEach(() => {
    usePartnerStore.setState({ ...initialPartnerState });
    localStorage.clear();
  });

  describe('UI actions', () => {
    it('starts expanded with the dashboard and partnerships sections open', () => {
      expect(store().sidebarCollapsed).toBe(false);
      expect(store().openSidebarSections).toEqual(['dashboard', 'partnerships']);
      expect(store().activeSection).toBe('dashboard');
      expect(store().globalSearch).toBe('');
    });

    it('toggleSidebar flips the collapsed flag each time', () => {
      store().toggleSidebar();
      expect(store().sidebarCollapsed).toBe(true);
      store().toggleSidebar();
      expect(store().sidebarCollapsed).toBe(false);
    });

    it('setSidebarCollapsed sets the flag', () => {
      store().setSidebarCollapsed(true);
      expect(store().sidebarCollapsed).toBe(true);
      store().setSidebarCollapsed(false);
      expect(store().sidebarCollapsed).toBe(false);
    });

    it('setGlobalSearch and setActiveSection store their values', () => {
      store().setGlobalSearch('tick');
      store().setActiveSection('support');
      expect(store().globalSearch).toBe('tick');
      expect(store().activeSection).toBe('support');
    });

    it('toggleSidebarSection opens a closed section and closes an open one', () => {
      store().toggleSidebarSection('finance');
      expect(store().openSidebarSections).toEqual(['dashboard', 'partnerships', 'finance']);
      store().toggleSidebarSection('dashboard');
      expect(store().openSidebarSections).toEqual(['partnerships', 'finance']);
      store().toggleSidebarSection('finance');
      expect(store().openSidebarSections).toEqual(['partnerships']);
    });
  });

  describe('counters', () => {
    it('setCounters merges a partial update into the current counters', () => {
      store().setCounters({ pendingConsents: 4, childrenWithConsent: 12, openTickets: 1, childAlerts: 2, pendingPayments: 3 });
      store().setCounters({ openTickets: 5 });
      expect(store().counters).toEqual({ pendingConsents: 4, childrenWithConsent: 12, openTickets: 5, childAlerts: 2, pendingPayments: 3, unreadNotifications: 0, unreadMessages: 0, suspendedPrograms: 0 });
    });

    it('incrementCounter adds 1 by default, or the amount given', () => {
      store().incrementCounter('openTickets');
      store().incrementCounter('openTickets', 3);
      expect(store().counters.openTickets).toBe(4);
      expect(store().counters.pendingConsents).toBe(0);
    });

    it('decrementCounter subtracts and never goes below zero', () => {
      store().setCounters({ childAlerts: 2 });
      store().decrementCounter('childAlerts');
      expect(store().counters.childAlerts).toBe(1);
      store().decrementCounter('childAlerts', 5);
      expect(store().counters.childAlerts).toBe(0);
    });
  });

  describe('notifications', () => {
    it('addNotification puts the newest first and counts unread ones', () => {
      store().addNotification(notification('a'));
      store().addNotification(notification('b'));
      store().addNotification(notification('c', '2026-11-20T09:00:00+03:00'));
      expect(store().partnerNotifications.map((n) => n.id)).toEqual(['c', 'b', 'a']);
      expect(store().unreadCount).toBe(2);
    });

    it('addNotification with a known id replaces the old entry instead of duplicating it', () => {
      store().addNotification(notification('a'));
      store().addNotification({ ...notification('a'), title: 'Updated' });
      expect(store().partnerNotifications).toHaveLength(1);
      expect(store().partnerNotifications[0]!.title).toBe('Updated');
      expect(store().unreadCount).toBe(1);
    });

    it('markNotificationRead marks one and updates unreadCount', () => {
      store().addNotification(notification('a'));
      store().addNotification(notification('b'));
      store().markNotificationRead('a');
      expect(store().partnerNotifications.find((n) => n.id === 'a')!.readAt).not.toBeNull();
      expect(store().partnerNotifications.find((n) => n.id === 'b')!.readAt).toBeNull();
      expect(store().unreadCount).toBe(1);
      // Marking it again changes nothing.
      store().markNotificationRead('a');
      expect(store().unreadCount).toBe(1);
    });

    it('markAllNotificationsRead clears the unread count', () => {
      store().addNotification(notification('a'));
      store().addNotification(notification('b'));
      store().markAllNotificationsRead();
      expect(store().unreadCount).toBe(0);
      expect(store().partnerNotifications.every((n) => n.readAt !== null)).toBe(true);
    });
  });

  describe('child selection', () => {
    it('selectProgram and selectChild store their values', () => {
      store().selectProgram('program-1');
      store().selectChild('child-7');
      expect(store().selectedProgramId).toBe('program-1');
      expect(store().selectedChildId).toBe('child-7');
      store().selectProgram(null);
      store().selectChild(null);
      expect(store().selectedProgramId).toBeNull();
      expect(store().selectedChildId).toBeNull();
    });
  });

  it('reset returns every field to its initial value', () => {
    store().setSidebarCollapsed(true);
    store().setGlobalSearch('budget');
    store().toggleSidebarSection('finance');
    store().setCounters({ openTickets: 9 });
    store().addNotification(notification('a'));
    store().selectChild('child-1');
    store().reset();
    const { sidebarCollapsed, globalSearch, activeSection, openSidebarSections, counters, partnerNotifications, unreadCount, selectedProgramId, selectedChildId } =
      store();
    expect({ sidebarCollapsed, globalSearch, activeSection, openSidebarSections, counters, partnerNotifications, unreadCount, selectedProgramId, selectedChildId }).toEqual(
      initialPartnerState,
    );
  });

  describe('persistence', () => {
    it('writes only sidebarCollapsed and openSidebarSections to localStorage', () => {
      store().setSidebarCollapsed(true);
      store().toggleSidebarSection('support');
      store().setGlobalSearch('secret search');
      store().setCounters({ openTickets: 3 });
      store().addNotification(notification('a'));
      store().selectChild('child-1');

      expect(persisted()).toEqual({ sidebarCollapsed: true, openSidebarSections: ['dashboard', 'partnerships', 'support'] });
    });

    it('rehydrate restores the two persisted keys and nothing else', async () => {
      localStorage.setItem(
        PARTNER_STORE_KEY,
        JSON.stringify({
          state: { sidebarCollapsed: true, openSidebarSections: ['finance'], globalSearch: 'should not load', counters: { openTickets: 99 } },
          version: 1,
        }),
      );
      await usePartnerStore.persist.rehydrate();
      expect(store().sidebarCollapsed).toBe(true);
      expect(store().openSidebarSections).toEqual(['finance']);
      expect(store().globalSearch).toBe('');
      expect(store().counters.openTickets).toBe(0);
    });

    it('ignores persisted values of the wrong shape', async () => {
      localStorage.setItem(PARTNER_STORE_KEY, JSON.stringify({ state: { sidebarCollapsed: 'yes', openSidebarSections: [1, 2] }, version: 1 }));
      await usePartnerStore.persist.rehydrate();
      expect(store().sidebarCollapsed).toBe(false);
      expect(store().openSidebarSections).toEqual(['dashboard', 'partnerships']);
    });

    it('uses the elimu-partner-ui storage key', () => {
      expect(usePartnerStore.persist.getOptions().name).toBe('elimu-partner-ui');
    });
  });
});
