import type { DataTableColumn } from '@/components/partner/shared';
import { formatDateTime } from '@/lib/format';
import type { AuditEntry } from '@/services/admin/audit';

/** A long id in a narrow cell: the start shows, the whole id is the tooltip and what a screen reader hears. */
function ShortId({ value }: { value: string | null }) {
  if (!value) return <span className="text-fg-subtle">—</span>;
  return (
    <span className="block max-w-[9rem] truncate font-mono text-xs" title={value}>
      {value}
    </span>
  );
}

export const auditColumns: DataTableColumn<AuditEntry>[] = [
  {
    key: 'at',
    header: 'Time (Nairobi)',
    cell: (entry) => (
      <time dateTime={entry.at} className="whitespace-nowrap tabular-nums">
        {formatDateTime(entry.at)}
      </time>
    ),
  },
  {
    key: 'actor',
    header: 'Actor',
    cell: (entry) =>
      entry.actorEmail ? (
        <span className="block max-w-[14rem] truncate" title={entry.actorId ?? undefined}>
          {entry.actorEmail}
        </span>
      ) : entry.actorId ? (
        <ShortId value={entry.actorId} />
      ) : (
        <span className="text-fg-subtle">System</span>
      ),
  },
  { key: 'action', header: 'Action', cell: (entry) => <code className="whitespace-nowrap text-xs">{entry.action}</code> },
  {
    key: 'entity',
    header: 'Entity',
    cell: (entry) => (
      <div className="min-w-0">
        <div className="whitespace-nowrap text-fg">{entry.entityType}</div>
        {entry.entityId && <ShortId value={entry.entityId} />}
      </div>
    ),
  },
  { key: 'partner', header: 'Partner', cell: (entry) => <ShortId value={entry.partnerId} /> },
  { key: 'ip', header: 'IP', cell: (entry) => <span className="whitespace-nowrap font-mono text-xs">{entry.ipAddress ?? '—'}</span> },
  {
    key: 'details',
    header: 'Details',
    cell: (entry) =>
      entry.details ? (
        <span className="block max-w-xs truncate" title={entry.details} data-testid="audit-details">
          {entry.details}
        </span>
      ) : (
        <span className="text-fg-subtle">—</span>
      ),
  },
  {
    key: 'children',
    header: 'Children',
    align: 'right',
    cell: (entry) => (
      <span className="tabular-nums" title={entry.studentIds.length ? entry.studentIds.join('\n') : undefined} data-testid="audit-children">
        {entry.studentIds.length}
      </span>
    ),
  },
];
