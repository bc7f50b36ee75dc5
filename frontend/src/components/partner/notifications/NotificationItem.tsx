import { Link } from 'react-router';
import { Check } from 'lucide-react';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { isBuiltHref } from '@/components/partner/sidebar/partner-sections';
import type { NotificationView } from '@/types/partner';
import { categoryInfo } from './notification-labels';

export interface NotificationItemProps {
  notification: NotificationView;
  onMarkRead: (notification: NotificationView) => void;
  marking: boolean;
}

/** One notification: its category, title and text, when, a link to what it is about, and "Mark read" while unread. */
export function NotificationItem({ notification: n, onMarkRead, marking }: NotificationItemProps) {
  const info = categoryInfo(n.category);
  const Icon = info.icon;
  const unread = n.readAt === null;
  const link = n.link && isBuiltHref(n.link) ? n.link : null;
  return (
    <li
      data-testid={`notification-${n.id}`}
      data-unread={unread}
      className={cn('flex gap-3 px-4 py-4 sm:px-5', unread && 'bg-brand-soft/40')}
    >
      <span className="mt-0.5 grid size-9 shrink-0 place-items-center rounded-full bg-elevated text-fg-muted ring-1 ring-line" aria-hidden="true">
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
          <p className={cn('text-sm text-fg', unread ? 'font-semibold' : 'font-medium')}>
            {unread && <span className="sr-only">Unread: </span>}
            {n.title}
          </p>
          <span className="text-xs text-fg-subtle">
            {info.label} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
          </span>
        </div>
        {n.body && <p className="mt-1 text-sm text-fg-muted">{n.body}</p>}
        {link && (
          <Link
            to={link}
            className="mt-2 inline-block text-sm font-medium text-brand-text hover:underline"
            onClick={() => unread && onMarkRead(n)}
          >
            Open
          </Link>
        )}
      </div>
      {unread && (
        <button
          type="button"
          className="btn-ghost shrink-0 self-start px-2 py-1 text-xs"
          onClick={() => onMarkRead(n)}
          disabled={marking}
          data-testid="mark-read"
        >
          <Check className="size-3.5" aria-hidden="true" />
          Mark read
          <span className="sr-only">: {n.title}</span>
        </button>
      )}
    </li>
  );
}
