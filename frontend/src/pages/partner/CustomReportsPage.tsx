import { useState } from 'react';
import { Download, Play, Save, Trash2 } from 'lucide-react';
import { PartnerChart, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, preloadPartnerChart } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { exportUrl, useDeleteReport, useReports, useRunReport, useSaveReport } from '@/services/partner/analytics';
import { useFilterOptions } from '@/services/partner/filter-options';
import type { CustomReport, ReportRun, SaveReportRequest } from '@/types/partner';

void preloadPartnerChart();

interface Draft {
  id: string | null;
  name: string;
  metrics: string[];
  groupBy: string;
  chartType: string;
  lastDays: number;
  grades: string[];
  counties: string[];
}

const EMPTY: Draft = { id: null, name: '', metrics: ['active_children', 'learning_hours'], groupBy: 'program', chartType: 'bar', lastDays: 90, grades: [], counties: [] };

const fromReport = (r: CustomReport): Draft => ({
  id: r.id,
  name: r.name,
  metrics: r.definition.metrics ?? [],
  groupBy: r.definition.groupBy ?? 'none',
  chartType: r.definition.chartType ?? 'bar',
  lastDays: r.definition.filters?.lastDays ?? 90,
  grades: r.definition.filters?.grades ?? [],
  counties: r.definition.filters?.counties ?? [],
});

export const toRequest = (d: Draft): SaveReportRequest => ({
  name: d.name,
  description: null,
  definition: { metrics: d.metrics, groupBy: d.groupBy, chartType: d.chartType, filters: { lastDays: d.lastDays, grades: d.grades, counties: d.counties } },
});

/** Custom Reports: build a definition from the catalogue, save it, run it, export it. */
export default function CustomReportsPage() {
  const reports = useReports();
  const options = useFilterOptions();
  const save = useSaveReport();
  const remove = useDeleteReport();
  const run = useRunReport();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [result, setResult] = useState<ReportRun | null>(null);
  const catalog = reports.data?.catalog;
  const errors = isApiError(save.error) ? save.error.problem?.errors : undefined;

  const onSave = async () => {
    const saved = await save.mutateAsync({ id: draft.id, body: toRequest(draft) }).catch(() => null);
    if (saved) {
      setDraft(fromReport(saved));
      setResult(await run.mutateAsync(saved.id));
    }
  };
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <div data-testid="custom-reports-page">
      <PartnerPageHeader
        title="Custom Reports"
        description="Choose what to count and how to group it; reports count only children whose guardians have consented."
        breadcrumbs={[{ label: 'Analytics' }, { label: 'Custom Reports' }]}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[22rem_1fr]">
        <section className="card flex flex-col gap-3 p-4" aria-label="Report builder" data-testid="report-builder">
          <h2 className="font-semibold">{draft.id ? 'Edit report' : 'New report'}</h2>
          <label className="flex flex-col text-sm">
            Name
            <input className="input" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-label="Report name" />
          </label>
          {errors?.name && <p className="text-sm text-brand-text">{errors.name[0]}</p>}
          <fieldset className="text-sm">
            <legend className="font-medium">Metrics</legend>
            {catalog?.metrics.map((m) => (
              <label key={m.key} className="flex items-center gap-2">
                <input type="checkbox" checked={draft.metrics.includes(m.key)} onChange={() => setDraft({ ...draft, metrics: toggle(draft.metrics, m.key) })} />
                {m.label}
              </label>
            ))}
          </fieldset>
          {errors && Object.entries(errors).filter(([k]) => k.startsWith('definition')).map(([k, v]) => (
            <p key={k} className="text-sm text-brand-text">{v[0]}</p>
          ))}
          <label className="flex flex-col text-sm">
            Group by
            <select className="input" value={draft.groupBy} onChange={(e) => setDraft({ ...draft, groupBy: e.target.value })} aria-label="Group by">
              {catalog?.dimensions.map((d) => (
                <option key={d.key} value={d.key}>{d.label}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Chart
            <select className="input" value={draft.chartType} onChange={(e) => setDraft({ ...draft, chartType: e.target.value })} aria-label="Chart type">
              {catalog?.chartTypes.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Period
            <select className="input" value={draft.lastDays} onChange={(e) => setDraft({ ...draft, lastDays: Number(e.target.value) })} aria-label="Period">
              {[30, 90, 180, 365].map((d) => (
                <option key={d} value={d}>Last {d} days</option>
              ))}
            </select>
          </label>
          <fieldset className="text-sm">
            <legend className="font-medium">Grades</legend>
            <div className="flex flex-wrap gap-2">
              {options.data?.grades.map((g) => (
                <label key={g} className="flex items-center gap-1">
                  <input type="checkbox" checked={draft.grades.includes(g)} onChange={() => setDraft({ ...draft, grades: toggle(draft.grades, g) })} />
                  {g}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex flex-col text-sm">
            Counties
            <select multiple className="input h-24" value={draft.counties} aria-label="Counties"
              onChange={(e) => setDraft({ ...draft, counties: Array.from(e.target.selectedOptions, (o) => o.value) })}>
              {options.data?.counties.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </label>
          <div className="flex gap-2">
            <button type="button" className="btn btn-primary" onClick={() => void onSave()} disabled={save.isPending} data-testid="save-and-run">
              <Save className="size-4" aria-hidden /> Save and run
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => { setDraft(EMPTY); setResult(null); }}>New</button>
          </div>
        </section>
        <div className="flex flex-col gap-4">
          <section className="card p-4" aria-label="Saved reports">
            <h2 className="mb-2 font-semibold">Saved reports</h2>
            {reports.isPending ? (
              <PartnerLoadingSkeleton variant="table" />
            ) : reports.isError ? (
              <PartnerEmptyState compact title="Saved reports could not be loaded" description={reports.error.message} />
            ) : reports.data.items.length === 0 ? (
              <PartnerEmptyState compact title="No saved reports yet" description="Build one on the left and save it." testId="reports-empty" />
            ) : (
              <ul className="divide-y divide-line" data-testid="saved-reports">
                {reports.data.items.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <button type="button" className="text-left font-medium hover:underline" onClick={() => setDraft(fromReport(r))}>{r.name}</button>
                    <span className="flex gap-1">
                      <button type="button" className="btn btn-secondary" aria-label={`Run ${r.name}`} onClick={() => void run.mutateAsync(r.id).then(setResult)}>
                        <Play className="size-4" aria-hidden /> Run
                      </button>
                      <button type="button" className="btn btn-ghost" aria-label={`Delete ${r.name}`} onClick={() => remove.mutate(r.id)}>
                        <Trash2 className="size-4" aria-hidden />
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {run.isPending && <PartnerLoadingSkeleton variant="chart" />}
          {run.isError && <PartnerEmptyState compact title="The report could not be run" description={run.error.message} />}
          {result && <RunResult run={result} />}
        </div>
      </div>
    </div>
  );
}

function RunResult({ run }: { run: ReportRun }) {
  const first = run.columns[0];
  const format = (v: number | string | null | undefined) => (v == null ? '–' : new Intl.NumberFormat('en-KE').format(Number(v)));
  return (
    <section className="card p-4" aria-label="Report result" data-testid="report-result">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{run.name} · {run.from} to {run.to}</h2>
        <span className="flex gap-1">
          {(['xlsx', 'csv', 'pdf'] as const).map((f) => (
            <a key={f} className="btn btn-secondary" href={exportUrl(run.reportId, f)} download data-testid={`export-${f}`}>
              <Download className="size-4" aria-hidden /> {f.toUpperCase()}
            </a>
          ))}
        </span>
      </div>
      {run.rows.length === 0 ? (
        <PartnerEmptyState compact title="Nothing to show for this period" description="No consented child matched the filters." />
      ) : (
        <>
          {first && run.chartType !== 'table' && (
            <PartnerChart
              type={run.chartType === 'line' ? 'line' : run.chartType === 'pie' ? 'pie' : 'bar'}
              data={run.rows.map((r) => ({ group: r.label, value: r.values[first.key] == null ? null : Number(r.values[first.key]) }))}
              xKey="group"
              series={[{ key: 'value', label: first.label }]}
              axes={run.chartType === 'pie' ? undefined : { category: run.groupLabel, value: first.label }}
              ariaLabel={`${first.label} by ${run.groupLabel}`}
              testId="report-chart"
            />
          )}
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm" data-testid="report-table">
              <thead>
                <tr>
                  <th className="text-left">{run.groupLabel}</th>
                  {run.columns.map((c) => (
                    <th key={c.key} className="text-right">{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {run.rows.map((r) => (
                  <tr key={r.key}>
                    <td>{r.label}</td>
                    {run.columns.map((c) => (
                      <td key={c.key} className="text-right tabular-nums">{format(r.values[c.key])}</td>
                    ))}
                  </tr>
                ))}
                <tr className="font-semibold">
                  <td>Total</td>
                  {run.columns.map((c) => (
                    <td key={c.key} className="text-right tabular-nums">{format(run.totals[c.key])}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
