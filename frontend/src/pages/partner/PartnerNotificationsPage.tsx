import { BellOff, CheckCheck } from 'lucide-react';
import { NotificationItem } from '@/components/partner/notifications/NotificationItem';
import { NotificationPreferencesForm } from '@/components/partner/notifications/NotificationPreferencesForm';
import { NOTIFICATION_CATEGORIES } from '@/components/partner/notifications/notification-labels';
import { ListPager, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { cn } from '@/lib/cn';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotificationPreferences,
  useNotifications,
} from '@/services/partner/notifications';
import { usePartnerStore } from '@/store/partnerStore';
import type { NotificationCategory } from '@/types/partner';

const PAGE_SIZE = 20;
const VIEWS = [
  { key: 'inbox', label: 'Notifications' },
  { key: 'preferences', label: 'Preferences' },
] as const;

const LIST_URL = {
  view: urlParam.oneOf(['inbox', 'preferences'] as const, 'inbox'),
  category: urlParam.oneOf<NotificationCategory | ''>(['', ...NOTIFICATION_CATEGORIES.map((c) => c.value)], ''),
  unread: urlParam.flag(),
  page: urlParam.page(),
};

/** `/dashboard/partner/notifications`: what happened, newest first, filtered by category or unread; and how you hear about it. */
export default function PartnerNotificationsPage() {
  const [{ view, category, unread, page }, setUrl] = useUrlState(LIST_URL);
  const unreadCount = usePartnerStore((s) => s.counters.unreadNotifications);
  const list = useNotifications({ category, unread, page, pageSize: PAGE_SIZE });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const filtered = category !== '' || unread;
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PartnerPageHeader
        title="Notifications"
        description="Consents, child alerts, payments, tickets, messages and reports, and how you hear about them."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Account' }, { label: 'Notifications' }]}
        actions={
          view === 'inbox' && (
            <button
              type="button"
              className="btn-secondary"
              onClick={() => markAll.mutate()}
              disabled={markAll.isPending || unreadCount === 0}
              data-testid="mark-all-read"
            >
              <CheckCheck className="size-4" aria-hidden="true" />
              Mark all read
            </button>
          )
        }
      />

      <div role="tablist" aria-label="Notification views" className="mb-5 flex gap-1 border-b border-line">
        {VIEWS.map((v) => {
          const selected = v.key === view;
          return (
            <button
              key={v.key}
              type="button"
              role="tab"
              id={`notifications-tab-${v.key}`}
              aria-selected={selected}
              aria-controls={`notifications-panel-${v.key}`}
              onClick={() => setUrl({ view: v.key })}
              className={cn(
                '-mb-px border-b-2 px-3 py-2.5 text-sm font-medium transition-colors',
                selected ? 'border-brand text-fg' : 'border-transparent text-fg-muted hover:text-fg',
              )}
            >
              {v.label}
              {v.key === 'inbox' && unreadCount > 0 && (
                <span className="ml-2 rounded-full bg-brand px-1.5 py-0.5 text-[11px] font-semibold tabular-nums text-white" data-testid="unread-count">
                  {unreadCount}
                </span>
              )}
            </button>
          );
        })}
      </div>

      {view === 'preferences' ? (
        <section role="tabpanel" id="notifications-panel-preferences" aria-labelledby="notifications-tab-preferences">
          <PreferencesPanel />
        </section>
      ) : (
        <section role="tabpanel" id="notifications-panel-inbox" aria-labelledby="notifications-tab-inbox" className="flex flex-col gap-4">
          <PartnerFilterBar
            filters={[
              {
                key: 'category',
                label: 'Category',
                value: category,
                options: [{ value: '', label: 'All categories' }, ...NOTIFICATION_CATEGORIES.map((c) => ({ value: c.value, label: c.label }))],
                onChange: (v) => setUrl({ category: v as NotificationCategory | '' }),
              },
              {
                key: 'unread',
                label: 'Show',
                value: unread ? 'unread' : '',
                options: [
                  { value: '', label: 'All' },
                  { value: 'unread', label: 'Unread only' },
                ],
                onChange: (v) => setUrl({ unread: v === 'unread' }),
              },
            ]}
            onReset={filtered ? () => setUrl({ category: '', unread: false }) : undefined}
          />

          {list.isError ? (
            <QueryErrorState title="We couldn’t load your notifications" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
          ) : list.isPending ? (
            <PartnerLoadingSkeleton variant="lines" count={5} label="Loading your notifications" />
          ) : total === 0 ? (
            <PartnerEmptyState
              icon={BellOff}
              title={filtered ? 'No notifications match' : 'No notifications yet'}
              description={
                filtered
                  ? 'Nothing here for these filters. Clear them to see everything.'
                  : 'When a guardian answers, a child needs attention or a program is approved, you will see it here.'
              }
              testId="notifications-empty"
            />
          ) : (
            <>
              <ul className="card divide-y divide-line overflow-hidden" aria-label="Notifications" data-testid="notification-list">
                {list.data.items.map((n) => (
                  <NotificationItem key={n.id} notification={n} onMarkRead={(x) => markRead.mutate(x)} marking={markRead.isPending} />
                ))}
              </ul>
              <ListPager page={page} pages={pages} total={total} noun="notifications" onPage={(p) => setUrl({ page: p })} />
            </>
          )}
        </section>
      )}
    </>
  );
}

function PreferencesPanel() {
  const preferences = useNotificationPreferences();
  if (preferences.isError)
    return <QueryErrorState title="We couldn’t load your preferences" error={preferences.error} onRetry={() => void preferences.refetch()} retrying={preferences.isFetching} />;
  if (preferences.isPending) return <PartnerLoadingSkeleton variant="lines" count={6} label="Loading your preferences" />;
  return <NotificationPreferencesForm preferences={preferences.data} />;
}
