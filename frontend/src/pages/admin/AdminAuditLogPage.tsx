import { ScrollText, ShieldAlert } from 'lucide-react';
import { PartnerBadge, PartnerDataTable, PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';
import { AuditFilterForm } from '@/components/admin/audit/AuditFilterForm';
import { auditColumns } from '@/components/admin/audit/audit-columns';
import {
  AUDIT_FILTER_KEYS,
  AUDIT_URL,
  hasErrors,
  toAuditSearch,
  validateAuditFilter,
  type AuditFilterValues,
} from '@/components/admin/audit/audit-filters';
import { formatNumber } from '@/lib/format';
import { useUrlState } from '@/lib/use-url-state';
import { useAuditLog } from '@/services/admin/audit';

const PAGE_SIZE = 25;

/** `/dashboard/admin/audit`: who saw or changed what, searched by child, partner, actor, action and date. */
export default function AdminAuditLogPage() {
  const [{ page, ...values }, setUrl] = useUrlState(AUDIT_URL);
  const invalid = hasErrors(validateAuditFilter(values));
  const list = useAuditLog(invalid ? null : toAuditSearch(values, page, PAGE_SIZE));
  const filterKey = AUDIT_FILTER_KEYS.map((key) => values[key]).join('|');

  const apply = (next: AuditFilterValues) => setUrl({ ...next });
  const setPage = (next: number) => setUrl({ page: next });

  const total = list.data?.total ?? 0;
  const filtered = AUDIT_FILTER_KEYS.some((key) => values[key]);

  return (
    <>
      <PartnerPageHeader
        title="Audit log"
        description="Every sign-in, consent answer, program change and read of a child’s data, newest first. Times are in Nairobi time."
        breadcrumbs={[{ label: 'Admin', to: '/dashboard/admin' }, { label: 'Audit log' }]}
        actions={
          list.data && (
            <PartnerBadge tone="neutral" testId="audit-total">
              {total === 1 ? '1 event' : `${formatNumber(total)} events`}
            </PartnerBadge>
          )
        }
      />

      <AuditFilterForm key={filterKey} initial={values} onApply={apply} />

      {invalid ? (
        <PartnerEmptyState testId="audit-invalid" icon={ScrollText} title="Fix the filters to search" description="The marked fields above need a change before the log can be searched." />
      ) : list.isError && !list.data ? (
        <PartnerEmptyState testId="audit-error" icon={ShieldAlert} title="We could not load the audit log" description={list.error.message} />
      ) : (
        <PartnerDataTable
          testId="audit-table"
          caption="Audit log entries"
          columns={auditColumns}
          rows={list.data?.items ?? []}
          getRowKey={(entry) => entry.id}
          isLoading={list.isPending}
          empty={filtered ? 'No events match these filters. Widen the dates or clear a filter.' : 'The audit log is empty.'}
          pagination={{ page, pageSize: PAGE_SIZE, total, onPageChange: setPage }}
        />
      )}
    </>
  );
}
