import { useState, type FormEvent } from 'react';
import { Download, FileText, Loader2, Upload } from 'lucide-react';
import { DEADLINE_TONES, GRANT_TONES } from '@/components/partner/finance/grant-labels';
import { PartnerBadge, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { formatCurrency, formatDate } from '@/lib/format';
import { reportUrl, useAddDeadline, useGenerateReport, useGrant, useMarkDeadline, useUpdateGrant, useUploadReport } from '@/services/partner/finance-planning';
import type { GrantDeadlineView, GrantDetail, GrantStatus } from '@/types/partner';

/** One grant: its figures and status moves, its allocations, and its deadlines as a timeline with the reports sent. */
export function GrantDetailPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const grant = useGrant(id);
  if (grant.isError) return <QueryErrorState compact title={t('finance.grants.detailError')} error={grant.error} onRetry={() => void grant.refetch()} />;
  if (grant.isPending) return <PartnerLoadingSkeleton variant="lines" count={6} label={t('common.loading')} />;
  return <GrantDetailView grant={grant.data} />;
}

function GrantDetailView({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const money = (n: number) => formatCurrency(n, grant.currency);
  return (
    <article className="card flex flex-col gap-5 p-4" data-testid="grant-detail" aria-labelledby="grant-title">
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="grant-title" className="text-lg font-semibold text-fg">{grant.funder}</h2>
          <PartnerBadge tone={GRANT_TONES[grant.status]}>{t(`finance.grants.statuses.${grant.status}`)}</PartnerBadge>
        </div>
        <p className="text-sm text-fg-muted">{grant.reference} · {formatDate(grant.startDate)} – {formatDate(grant.endDate)}</p>
        <p className="text-xl font-semibold tabular-nums text-fg">{money(grant.amount)}</p>
        {grant.notes && <p className="text-sm text-fg-muted">{grant.notes}</p>}
      </header>
      <StatusMove grant={grant} />
      <section aria-labelledby="grant-allocations">
        <h3 id="grant-allocations" className="mb-2 text-sm font-semibold text-fg">{t('finance.grants.allocations')}</h3>
        <p className="mb-2 text-xs text-fg-muted">{t('finance.grants.allocatedOf', { allocated: money(grant.allocated), amount: money(grant.amount) })}</p>
        {grant.allocations.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('finance.grants.noAllocations')}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {grant.allocations.map((a) => (
              <li key={a.programId} className="flex justify-between gap-3"><span className="truncate text-fg">{a.programName}</span><span className="tabular-nums text-fg">{money(a.amount)}</span></li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="grant-deadlines">
        <h3 id="grant-deadlines" className="mb-2 text-sm font-semibold text-fg">{t('finance.grants.deadlines')}</h3>
        {grant.deadlines.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('finance.grants.noDeadlines')}</p>
        ) : (
          <ol className="relative ml-2 flex flex-col gap-4 border-l border-line pl-4" data-testid="deadline-timeline">
            {grant.deadlines.map((d) => <DeadlineItem key={d.id} grant={grant} deadline={d} />)}
          </ol>
        )}
        {grant.status !== 'closed' && <AddDeadline grantId={grant.id} />}
      </section>
    </article>
  );
}

function StatusMove({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const update = useUpdateGrant(grant.id);
  const [to, setTo] = useState<GrantStatus | ''>('');
  if (grant.nextStatuses.length === 0) return null;
  const move = () => {
    if (to === '') return;
    update.mutate(
      {
        funder: grant.funder, reference: grant.reference, amount: grant.amount, currency: grant.currency, startDate: grant.startDate, endDate: grant.endDate,
        notes: grant.notes, status: to, allocations: grant.allocations.map((a) => ({ programId: a.programId, amount: a.amount })), deadlines: null,
      },
      { onSuccess: () => setTo('') },
    );
  };
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-fg-muted">{t('finance.grants.moveTo')}</span>
        <select className="input" value={to} onChange={(e) => setTo(e.target.value as GrantStatus | '')} data-testid="grant-next-status">
          <option value="">—</option>
          {grant.nextStatuses.map((s) => <option key={s} value={s}>{t(`finance.grants.statuses.${s}`)}</option>)}
        </select>
      </label>
      <button type="button" className="btn-secondary" disabled={to === '' || update.isPending} onClick={move}>{t('finance.grants.move')}</button>
      {update.error && <p className="w-full text-sm text-brand-text" role="alert">{update.error.message}</p>}
    </div>
  );
}

function DeadlineItem({ grant, deadline }: { grant: GrantDetail; deadline: GrantDeadlineView }) {
  const { t } = useTranslation();
  const upload = useUploadReport(grant.id);
  const mark = useMarkDeadline(grant.id);
  const generate = useGenerateReport(grant.id);
  const problem = upload.error && isApiError(upload.error) ? upload.error : null;
  const generateProblem = generate.error?.message ?? null;
  // The report this button made: the newest one of the deadline in the server's answer.
  const generated = generate.data?.deadlines.find((d) => d.id === deadline.id)?.reports.at(-1);
  const inputId = `report-${deadline.id}`;
  return (
    <li className="relative" data-testid="deadline" data-state={deadline.state}>
      <span aria-hidden="true" className={`absolute -left-[1.3rem] top-1.5 size-2.5 rounded-full ${deadline.state === 'overdue' ? 'bg-brand' : deadline.submitted ? 'bg-ok' : 'bg-fg-muted'}`} />
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-medium text-fg">{deadline.title}</p>
        <PartnerBadge tone={DEADLINE_TONES[deadline.state] ?? 'neutral'}>{t(`finance.grants.state.${deadline.state}`)}</PartnerBadge>
      </div>
      <p className="text-sm text-fg-muted">{t('finance.grants.dueDate')}: {formatDate(deadline.dueDate)}</p>
      {deadline.reports.length > 0 && (
        <ul className="mt-1 flex flex-col gap-1 text-sm">
          {deadline.reports.map((r) => (
            <li key={r.id}>
              <a className="inline-flex items-center gap-1 text-brand-text hover:underline" href={reportUrl(grant.id, r.id)} download>
                <Download className="size-3.5" aria-hidden="true" />{r.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {grant.status !== 'closed' && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <label htmlFor={inputId} className="btn-secondary cursor-pointer text-sm">
            <Upload className="size-4" aria-hidden="true" />{upload.isPending ? t('finance.grants.uploading') : t('finance.grants.upload')}
          </label>
          <input id={inputId} type="file" className="sr-only" accept=".pdf,.docx,.xlsx" data-testid="report-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate({ deadlineId: deadline.id, file });
              e.target.value = '';
            }} />
          <button type="button" className="btn-secondary text-sm" disabled={generate.isPending} aria-describedby={`${inputId}-generate`}
            onClick={() => generate.mutate({ deadlineId: deadline.id })} data-testid="generate-report">
            {generate.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <FileText className="size-4" aria-hidden="true" />}
            {generate.isPending ? t('finance.grants.generating') : t('finance.grants.generate')}
          </button>
          <button type="button" className="btn-ghost text-sm" disabled={mark.isPending} onClick={() => mark.mutate({ deadlineId: deadline.id, submitted: !deadline.submitted })}>
            {deadline.submitted ? t('finance.grants.markOpen') : t('finance.grants.markSubmitted')}
          </button>
          <span className="w-full text-xs text-fg-muted">{problem?.fieldErrors('file')[0] ?? problem?.message ?? t('finance.grants.uploadHint')}</span>
          <p id={`${inputId}-generate`} className="w-full text-xs" role="status" aria-live="polite" data-testid="generate-status">
            {generate.isPending ? <span className="text-fg-muted">{t('finance.grants.generatingHint')}</span>
              : generateProblem ? <span className="text-brand-text">{generateProblem}</span>
              : generated && generate.isSuccess ? <span className="text-ok">{t('finance.grants.generated', { name: generated.fileName })}</span> : null}
          </p>
        </div>
      )}
    </li>
  );
}

function AddDeadline({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const add = useAddDeadline(grantId);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const problem = add.error && isApiError(add.error) ? add.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ title, dueDate: dueDate || null, submitted: false }, { onSuccess: () => { setTitle(''); setDueDate(''); } });
  };
  return (
    <form className="mt-4 grid gap-2 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-end" onSubmit={submit} data-testid="add-deadline">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-fg-muted">{t('finance.grants.deadlineTitle')}</span>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-fg-muted">{t('finance.grants.dueDate')}</span>
        <input className="input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} required />
      </label>
      <button type="submit" className="btn-secondary" disabled={add.isPending}>{t('finance.grants.addDeadline')}</button>
      {problem && <p className="text-sm text-brand-text sm:col-span-3" role="alert">{problem.fieldErrors('title')[0] ?? problem.fieldErrors('dueDate')[0] ?? problem.message}</p>}
    </form>
  );
}
