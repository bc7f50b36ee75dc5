import { Link } from 'react-router';
import { MessageSquare, Sparkles } from 'lucide-react';
import { PartnerBadge } from '@/components/partner/shared';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import type { TicketSummary } from '@/types/partner';
import { categoryLabel, PRIORITY_CLASS, priorityLabel } from './ticket-labels';

export interface TicketListProps {
  tickets: TicketSummary[];
  selectedId: string;
  /** The link that opens a ticket (keeps the list's filters). */
  hrefOf: (id: string) => string;
  /** The staff queue names the partner and the assignee. */
  showPartner?: boolean;
}

/** Tickets as rows: subject, status, category, priority, triage's suggestion when it differs, the last activity. */
export function TicketList({ tickets, selectedId, hrefOf, showPartner }: TicketListProps) {
  return (
    <ul className="card divide-y divide-line overflow-hidden" aria-label="Tickets" data-testid="ticket-list">
      {tickets.map((t) => {
        const differs = t.aiTriageCategory && (t.aiTriageCategory !== t.category || t.aiTriagePriority !== t.priority);
        return (
          <li key={t.id} data-testid={`ticket-${t.id}`}>
            <Link
              to={hrefOf(t.id)}
              aria-current={t.id === selectedId ? 'true' : undefined}
              className={cn('flex flex-col gap-1.5 px-4 py-3 transition-colors hover:bg-elevated', t.id === selectedId && 'bg-elevated shadow-[inset_3px_0_0_var(--color-brand)]')}
            >
              <span className="flex items-start gap-2">
                <span className="min-w-0 flex-1 truncate text-sm font-medium text-fg">{t.subject}</span>
                <PartnerBadge status={t.status} />
              </span>
              <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-fg-muted">
                {showPartner && <span className="text-fg">{t.partnerName}</span>}
                <span>{categoryLabel(t.category)}</span>
                <span className={PRIORITY_CLASS[t.priority]}>{priorityLabel(t.priority)}</span>
                {differs && (
                  <span className="inline-flex items-center gap-1 text-violet-300" title="Triage’s suggestion">
                    <Sparkles className="size-3" aria-hidden="true" />
                    {categoryLabel(t.aiTriageCategory)} · {priorityLabel(t.aiTriagePriority)}
                  </span>
                )}
                {t.messageCount > 0 && (
                  <span className="inline-flex items-center gap-1">
                    <MessageSquare className="size-3" aria-hidden="true" />
                    {t.messageCount}
                  </span>
                )}
                {showPartner && <span>{t.assigneeName ? `→ ${t.assigneeName}` : 'Unassigned'}</span>}
                <span className="ml-auto">{formatDateTime(t.updatedAt)}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
