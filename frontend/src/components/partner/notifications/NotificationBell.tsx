import { Link } from 'react-router';
import { Bell } from 'lucide-react';
import { usePartnerStore } from '@/store/partnerStore';

/** The shell's bell: the unread count (live, from the hub's counters), and the way to the notification centre. */
export function NotificationBell() {
  const unread = usePartnerStore((s) => s.counters.unreadNotifications);
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <Link to="/dashboard/partner/notifications" className="btn-ghost relative p-2" aria-label={label} title={label} data-testid="notification-bell">
      <Bell className="size-5" aria-hidden="true" />
      {unread > 0 && (
        <span
          className="absolute -right-0.5 -top-0.5 min-w-[1.125rem] rounded-full bg-brand px-1 text-center text-[11px] font-semibold leading-[1.125rem] tabular-nums text-white"
          aria-hidden="true"
          data-testid="notification-bell-count"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
