import { useState, type FormEvent } from 'react';
import { Download, FileBarChart, X } from 'lucide-react';
import { AiNarrative } from '@/components/partner/shared/AiNarrative';
import { ListPager, PartnerBadge, PartnerChart, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { isApiError } from '@/lib/api';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { usePrograms } from '@/services/partner/programs';
import {
  exportUrl, isRunning, useCancelImpactReport, useGenerateImpactReport, useImpactProgress, useImpactReport, useImpactReportPushes, useImpactReports,
  type ImpactPeriod, type ImpactReportDetail,
} from '@/services/partner/impact-reports';

const PAGE_SIZE = 10;
const URL_STATE = { report: urlParam.string(), page: urlParam.page() };
const PERIODS: { value: ImpactPeriod; label: string }[] = [
  { value: 'monthly', label: 'This month' },
  { value: 'termly', label: 'This school term' },
  { value: 'annual', label: 'This year' },
  { value: 'custom', label: 'Custom dates' },
];

/** Program, period and format; the report is computed in the background and opened when it is ready. */
function GenerateForm({ onStarted }: { onStarted: (id: string, format: 'pdf' | 'csv' | 'none') => void }) {
  const programs = usePrograms({ page: 1, pageSize: 100 });
  const generate = useGenerateImpactReport();
  const [programId, setProgramId] = useState('');
  const [period, setPeriod] = useState<ImpactPeriod>('monthly');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<'pdf' | 'csv' | 'none'>('pdf');
  const problem = generate.error && isApiError(generate.error) ? generate.error : null;
  const fieldError = (name: string) => problem?.errors?.[name]?.[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    generate.mutate(
      { programId: programId || null, period, from: period === 'custom' ? from || null : null, to: period === 'custom' ? to || null : null },
      { onSuccess: (r) => onStarted(r.id, format) },
    );
  };

  return (
    <form className="card grid gap-3 p-4 sm:grid-cols-2 sm:p-5 lg:grid-cols-4" onSubmit={submit} aria-label="Generate an impact report" data-testid="generate-form">
      <label className="flex flex-col gap-1 text-sm">
        Program
        <select className="input" value={programId} onChange={(e) => setProgramId(e.target.value)} data-testid="report-program">
          <option value="">All programs</option>
          {programs.data?.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Period
        <select className="input" value={period} onChange={(e) => setPeriod(e.target.value as ImpactPeriod)} data-testid="report-period">
          {PERIODS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
        {fieldError('period') && <span className="text-xs text-brand-text">{fieldError('period')}</span>}
      </label>
      {period === 'custom' && (
        <>
          <label className="flex flex-col gap-1 text-sm">
            From
            <input type="date" className="input" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="report-from" />
            {fieldError('from') && <span className="text-xs text-brand-text">{fieldError('from')}</span>}
          </label>
          <label className="flex flex-col gap-1 text-sm">
            To
            <input type="date" className="input" value={to} onChange={(e) => setTo(e.target.value)} data-testid="report-to" />
            {fieldError('to') && <span className="text-xs text-brand-text">{fieldError('to')}</span>}
          </label>
        </>
      )}
      <label className="flex flex-col gap-1 text-sm">
        Format
        <select className="input" value={format} onChange={(e) => setFormat(e.target.value as 'pdf' | 'csv' | 'none')} data-testid="report-format">
          <option value="pdf">PDF</option>
          <option value="csv">CSV</option>
          <option value="none">View only</option>
        </select>
      </label>
      <div className="flex items-end">
        <button type="submit" className="btn-primary w-full" disabled={generate.isPending} data-testid="generate-report">
          <FileBarChart className="size-4" aria-hidden="true" /> {generate.isPending ? 'Starting…' : 'Generate report'}
        </button>
      </div>
      {problem && !problem.errors && <p className="text-sm text-brand-text sm:col-span-full" role="alert">{problem.detail ?? problem.message}</p>}
    </form>
  );
}

/** Progress of a report while it runs (pushed by the hub, polled as a fallback), with a cancel button. */
function RunningReport({ id, onEnded }: { id: string; onEnded: (completed: boolean) => void }) {
  const progress = useImpactProgress(id, true);
  const cancel = useCancelImpactReport();
  const p = progress.data;
  if (p && !isRunning(p.status)) {
    queueMicrotask(() => onEnded(p.status === 'completed'));
    return null;
  }
  const value = p?.progress ?? 0;
  return (
    <section className="card flex flex-col gap-3 p-4 sm:p-5" aria-label="Report in progress" data-testid="report-progress">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm font-medium">{p?.stage ?? 'Waiting to start'}…</p>
        <button type="button" className="btn-secondary" onClick={() => cancel.mutate(id)} disabled={cancel.isPending} data-testid="cancel-report">
          <X className="size-4" aria-hidden="true" /> Cancel
        </button>
      </div>
      <div className="h-2 w-full overflow-hidden rounded bg-line" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}
        aria-label="Report progress">
        <div className="h-full bg-brand transition-all" style={{ width: `${value}%` }} />
      </div>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-line p-3">
      <p className="text-xs text-fg-muted">{label}</p>
      <p className="text-lg font-semibold" data-testid={`figure-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{value}</p>
    </div>
  );
}

/** A completed report: the figures, charts of weeks, learning areas and competencies, the narrative and the exports. */
function ReportView({ report }: { report: ImpactReportDetail }) {
  const m = report.metrics;
  const money = (amount: number) => formatMoney({ amount, currency: m.currency });
  const b = report.breakdown;
  if (report.status !== 'completed')
    return (
      <section className="card p-4 sm:p-5" data-testid="report-view">
        <h2 className="text-base font-semibold">{report.title}</h2>
        <PartnerBadge status={report.status}>{report.status}</PartnerBadge>
        {report.error && <p className="mt-2 text-sm text-brand-text">{report.error}</p>}
      </section>
    );
  return (
    <section className="card flex flex-col gap-5 p-4 sm:p-5" aria-label="Impact report" data-testid="report-view">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-base font-semibold" data-testid="report-title">{report.title}</h2>
          <p className="text-xs text-fg-muted">
            {m.periodStart && m.periodEnd ? `${formatDate(m.periodStart)} – ${formatDate(m.periodEnd)}` : ''} · generated {formatDateTime(report.completedAt ?? report.generatedAt)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a className="btn-secondary" href={exportUrl(report.id, 'pdf')} download data-testid="export-pdf"><Download className="size-4" aria-hidden="true" /> PDF</a>
          <a className="btn-secondary" href={exportUrl(report.id, 'csv')} download data-testid="export-csv"><Download className="size-4" aria-hidden="true" /> CSV</a>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure label="Children reached" value={`${formatNumber(m.childrenReached)} of ${formatNumber(m.childrenWithConsent)}`} />
        <Figure label="Learning hours" value={formatNumber(m.activeLearningHours, 1)} />
        <Figure label="Lessons completed" value={formatNumber(m.lessonsCompleted)} />
        <Figure label="Average score" value={m.assessments ? `${formatNumber(m.averageScore, 1)}%` : '—'} />
        <Figure label="Achievements" value={formatNumber(m.achievementsEarned)} />
        <Figure label="Engagement" value={`${formatNumber(m.engagementRate, 1)}%`} />
        <Figure label="Spend" value={money(m.amountSpent)} />
        <Figure label="Cost per child" value={m.costPerChild != null ? money(m.costPerChild) : '—'} />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Summary</h3>
        <AiNarrative text={report.summary ?? ''} provider={report.provider ?? 'offline'} model={report.model ?? ''}
          generatedAt={report.narrativeGeneratedAt ?? report.generatedAt} testId="report-narrative" />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold">Highlights</h3>
          <ul className="list-disc pl-5 text-sm" data-testid="report-highlights">{report.highlights.map((h) => <li key={h}>{h.replace(/\*\*/g, '')}</li>)}</ul>
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">Recommendations</h3>
          <ul className="list-disc pl-5 text-sm">{report.recommendations.map((h) => <li key={h}>{h.replace(/\*\*/g, '')}</li>)}</ul>
        </div>
      </div>
      {b.weeks.length > 0 && (
        <PartnerChart type="line" data={b.weeks.map((w) => ({ week: formatDate(w.weekStart), minutes: w.minutes, children: w.activeChildren }))} xKey="week"
          series={[{ key: 'minutes', label: 'Minutes' }, { key: 'children', label: 'Children active', axis: 'right' }]} ariaLabel="Learning minutes and active children per week"
          axes={{ category: 'Week starting', value: '← Minutes learned', right: 'Children active →' }} testId="chart-weeks" />
      )}
      {b.areas.length > 0 && (
        <PartnerChart type="bar" barLayout="horizontal" data={b.areas.map((a) => ({ area: a.learningArea, now: a.meetingOrAbove ?? 0, before: a.previousMeetingOrAbove ?? 0 }))}
          xKey="area" series={[{ key: 'before', label: 'Previous period' }, { key: 'now', label: 'This period' }]}
          ariaLabel="Share of assessments at Meeting or Exceeding Expectations per learning area" axes={{ category: 'Learning area', value: 'Meeting or above (%)' }}
          testId="chart-areas" />
      )}
      {b.competencies.length > 0 && (
        <PartnerChart type="bar" barLayout="horizontal" data={b.competencies.map((c) => ({ competency: c.competency.replace(/_/g, ' '), now: c.average ?? 0, before: c.previousAverage ?? 0 }))}
          xKey="competency" series={[{ key: 'before', label: 'Previous period' }, { key: 'now', label: 'This period' }]}
          ariaLabel="Average competency rating, 1 to 4" axes={{ category: 'Competency', value: 'Rating (1–4)' }} testId="chart-competencies" />
      )}
    </section>
  );
}

function OpenReport({ id }: { id: string }) {
  const report = useImpactReport(id);
  if (report.isPending) return <PartnerLoadingSkeleton variant="lines" count={8} label="Loading the report" />;
  if (report.isError) return <QueryErrorState title="We couldn’t load this report" error={report.error} onRetry={() => void report.refetch()} />;
  return <ReportView report={report.data} />;
}

export default function ImpactReportsPage() {
  const [state, setState] = useUrlState(URL_STATE);
  const [running, setRunning] = useState<{ id: string; format: 'pdf' | 'csv' | 'none' } | null>(null);
  const list = useImpactReports(state.page, PAGE_SIZE);
  useImpactReportPushes();

  const ended = (completed: boolean) => {
    if (!running) return;
    const { id, format } = running;
    setRunning(null);
    setState({ report: id });
    // The chosen format downloads once the report is ready; a cancelled or failed one only shows its state.
    if (completed && format !== 'none') window.location.assign(exportUrl(id, format));
  };

  return (
    <div className="flex flex-col gap-5">
      <PartnerPageHeader title="Impact Reports" description="Outcome reports for your programs: figures from consented children's learning, spend, and a written summary." />
      <GenerateForm onStarted={(id, format) => setRunning({ id, format })} />
      {running && <RunningReport id={running.id} onEnded={ended} />}
      {state.report && <OpenReport id={state.report} />}
      <section className="card p-4 sm:p-5" aria-label="Reports">
        <h2 className="mb-3 text-base font-semibold">Reports</h2>
        {list.isPending ? (
          <PartnerLoadingSkeleton variant="lines" count={5} label="Loading reports" />
        ) : list.isError ? (
          <QueryErrorState title="We couldn’t load your reports" error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <PartnerEmptyState title="No reports yet" description="Generate your first impact report above." icon={FileBarChart} compact testId="reports-empty" />
        ) : (
          <ul className="divide-y divide-line" data-testid="reports-list">
            {list.data.items.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <button type="button" className="min-w-0 text-left text-sm font-medium underline-offset-2 hover:underline" onClick={() => setState({ report: r.id })}>
                  {r.title}
                </button>
                <span className="flex items-center gap-2 text-xs text-fg-muted">
                  <PartnerBadge status={r.status}>{r.status}</PartnerBadge>
                  {formatDateTime(r.completedAt ?? r.generatedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {list.data && list.data.total > PAGE_SIZE && (
          <ListPager page={state.page} pages={Math.ceil(list.data.total / PAGE_SIZE)} total={list.data.total} noun="reports" onPage={(page) => setState({ page })} />
        )}
      </section>
    </div>
  );
}
