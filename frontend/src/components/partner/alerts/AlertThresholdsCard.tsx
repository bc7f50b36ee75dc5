import { useEffect, useId, useState } from 'react';
import { Gauge, Loader2, XCircle } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, PartnerLoadingSkeleton, type BadgeTone } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { isApiError } from '@/lib/api';
import { formatNumber } from '@/lib/format';
import { useAlertThresholds, useSaveAlertThresholds, type ThresholdScope } from '@/services/partner/alerts';
import { toast } from '@/store/toastStore';
import type { AlertThresholds, AlertThresholdValues } from '@/types/partner';

type ThresholdField = keyof AlertThresholdValues;

/** The five thresholds, with the API's ranges (AlertThresholds.cs); the API's own messages are shown when it refuses. */
const THRESHOLD_FIELDS: { key: ThresholdField; label: string; help: string; unit: string; min: number; max: number }[] = [
  { key: 'daysInactive', label: 'Days without learning', help: 'Alert when a child has had no learning session for this many days.', unit: 'days', min: 1, max: 90 },
  { key: 'scoreFallPoints', label: 'Fall in average score', help: 'Alert when the average score drops by this many points…', unit: 'points', min: 1, max: 100 },
  { key: 'scoreFallWeeks', label: 'Score fall measured over', help: '…comparing the last weeks with the same number of weeks before.', unit: 'weeks', min: 1, max: 8 },
  { key: 'weeklyMinutesBelow', label: 'Weekly minutes below', help: 'Alert when a child learns fewer minutes than this in a week; 0 turns it off.', unit: 'minutes', min: 0, max: 1000 },
  { key: 'goalDaysLeft', label: 'Goal due within', help: 'A goal due this soon with less than 75% done, or overdue, is at risk.', unit: 'days', min: 0, max: 90 },
];

type Draft = Record<ThresholdField, string>;
type Source = 'default' | 'program' | 'child';

const SOURCES: Record<Source, { label: string; tone: BadgeTone }> = {
  default: { label: 'Default', tone: 'neutral' },
  program: { label: 'Program', tone: 'info' },
  child: { label: 'This child', tone: 'violet' },
};

const draftOf = (set: AlertThresholdValues): Draft =>
  Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, set[f.key] === null || set[f.key] === undefined ? '' : String(set[f.key])])) as Draft;

export interface AlertThresholdsCardProps {
  scope: ThresholdScope;
  /** The program's id, or the sponsored child's. */
  id: string;
  /** Who runs programs sets thresholds; anyone else reads them. */
  canChange: boolean;
  colSpan?: 1 | 2 | 3 | 4;
}

/**
 * The thresholds that raise child alerts, for a program (its children inherit them) or a child (overriding its program):
 * each with the value that applies and where it comes from. An empty box inherits; the API's range messages are shown
 * under the field they name.
 */
export function AlertThresholdsCard({ scope, id, canChange, colSpan = 4 }: AlertThresholdsCardProps) {
  const thresholds = useAlertThresholds(scope, id);
  // A child's inherited values come from its program or from the defaults: the program's own settings tell which.
  const program = useAlertThresholds('programs', scope === 'children' ? thresholds.data?.programId : undefined);
  const save = useSaveAlertThresholds(scope, id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [formatErrors, setFormatErrors] = useState<Partial<Record<ThresholdField, string>>>({});
  const idPrefix = useId();

  useEffect(() => {
    if (thresholds.data) setDraft(draftOf(thresholds.data.set));
  }, [thresholds.data]);

  const isChild = scope === 'children';
  const title = 'Alert thresholds';
  const description = isChild
    ? 'When this child raises an alert. An empty box follows the program.'
    : 'When this program’s children raise an alert. An empty box uses the default; a child can override any of them.';

  if (thresholds.isError)
    return (
      <PartnerBentoCard title={title} icon={Gauge} colSpan={colSpan} testId="alert-thresholds">
        <QueryErrorState compact testId="thresholds-error" title="We couldn’t load the thresholds" error={thresholds.error} onRetry={() => void thresholds.refetch()} retrying={thresholds.isFetching} />
      </PartnerBentoCard>
    );
  if (thresholds.isPending || !draft)
    return (
      <PartnerBentoCard title={title} icon={Gauge} colSpan={colSpan} testId="alert-thresholds">
        <PartnerLoadingSkeleton variant="lines" count={3} label="Loading the thresholds" />
      </PartnerBentoCard>
    );

  const data = thresholds.data;
  const sourceOf = (key: ThresholdField): Source => {
    if (data.set[key] !== null) return isChild ? 'child' : 'program';
    if (!isChild) return 'default';
    return program.data && program.data.set[key] !== null ? 'program' : 'default';
  };
  const dirty = THRESHOLD_FIELDS.some((f) => draft[f.key] !== draftOf(data.set)[f.key]);
  const serverError = (key: ThresholdField) => (isApiError(save.error) ? save.error.fieldErrors(key)[0] : undefined);
  const fieldErrorShown = THRESHOLD_FIELDS.some((f) => serverError(f.key));
  const otherError = save.isError && !fieldErrorShown ? (isApiError(save.error) ? (save.error.detail ?? save.error.message) : 'Something went wrong.') : undefined;

  const submit = () => {
    const errors: Partial<Record<ThresholdField, string>> = {};
    const values = {} as AlertThresholdValues;
    for (const f of THRESHOLD_FIELDS) {
      const text = draft[f.key].trim();
      if (text !== '' && !/^-?\d+$/.test(text)) errors[f.key] = 'Enter a whole number, or leave it empty to inherit.';
      values[f.key] = text === '' ? null : Number(text);
    }
    setFormatErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate(values, { onSuccess: () => toast.success(isChild ? 'The child’s thresholds were saved; alerts were checked again.' : 'The program’s thresholds were saved; alerts were checked again.') });
  };

  return (
    <PartnerBentoCard title={title} description={description} icon={Gauge} colSpan={colSpan} testId="alert-thresholds">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ul className="flex flex-col divide-y divide-line">
          {THRESHOLD_FIELDS.map((f) => {
            const source = SOURCES[sourceOf(f.key)];
            const error = formatErrors[f.key] ?? serverError(f.key);
            const inputId = `${idPrefix}-${f.key}`;
            return (
              <li key={f.key} className="grid gap-2 py-3 first:pt-0 last:pb-0 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start" data-testid={`threshold-${f.key}`}>
                <div className="min-w-0">
                  {canChange ? (
                    <label htmlFor={inputId} className="text-sm font-medium text-fg">
                      {f.label}
                    </label>
                  ) : (
                    <p className="text-sm font-medium text-fg">{f.label}</p>
                  )}
                  <p className="text-xs text-fg-subtle" id={`${inputId}-help`}>
                    {f.help}
                  </p>
                  <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-fg-muted">
                    <span>
                      Applies:{' '}
                      <strong className="tabular-nums text-fg" data-testid="threshold-effective">
                        {formatNumber(data.effective[f.key] ?? 0)} {f.unit}
                      </strong>
                    </span>
                    <PartnerBadge tone={source.tone} testId="threshold-source">
                      {source.label}
                    </PartnerBadge>
                  </p>
                </div>
                {canChange ? (
                  <div className="flex flex-col gap-1 sm:items-end">
                    <div className="flex items-center gap-2">
                      <input
                        id={inputId}
                        type="number"
                        inputMode="numeric"
                        min={f.min}
                        max={f.max}
                        step={1}
                        className="input w-24 tabular-nums"
                        value={draft[f.key]}
                        placeholder={String(data.inherited[f.key] ?? '')}
                        onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                        aria-invalid={!!error}
                        aria-describedby={`${inputId}-help${error ? ` ${inputId}-error` : ''}`}
                      />
                      <span className="w-14 text-xs text-fg-subtle">{f.unit}</span>
                      <button
                        type="button"
                        className="btn-ghost px-2 py-1 text-xs disabled:invisible"
                        onClick={() => setDraft({ ...draft, [f.key]: '' })}
                        disabled={draft[f.key] === ''}
                        aria-label={`${f.label}: ${isChild ? 'follow the program' : 'use the default'}`}
                        title={isChild ? 'Follow the program' : 'Use the default'}
                      >
                        <XCircle className="size-3.5" aria-hidden="true" />
                      </button>
                    </div>
                    {error && (
                      <span id={`${inputId}-error`} role="alert" className="text-xs text-brand-text sm:max-w-[16rem] sm:text-right">
                        {error}
                      </span>
                    )}
                  </div>
                ) : (
                  <span className="text-xs text-fg-subtle sm:text-right">{describeSet(data, f.key, isChild)}</span>
                )}
              </li>
            );
          })}
        </ul>
        {otherError && (
          <p role="alert" className="text-sm text-brand-text">
            {otherError}
          </p>
        )}
        {canChange ? (
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary px-3 py-1.5 text-xs" onClick={() => setDraft(draftOf(data.set))} disabled={!dirty || save.isPending}>
              Undo changes
            </button>
            <button type="submit" className="btn-primary px-3 py-1.5 text-xs" disabled={!dirty || save.isPending} data-testid="save-thresholds">
              {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
              Save thresholds
            </button>
          </div>
        ) : (
          <p className="text-xs text-fg-subtle" data-testid="thresholds-read-only">
            Your role reads the thresholds; a team member who runs programs changes them.
          </p>
        )}
      </form>
    </PartnerBentoCard>
  );
}

function describeSet(data: AlertThresholds, key: ThresholdField, isChild: boolean) {
  if (data.set[key] !== null) return isChild ? 'Set for this child' : 'Set for this program';
  return isChild ? 'Follows the program' : 'Uses the default';
}
