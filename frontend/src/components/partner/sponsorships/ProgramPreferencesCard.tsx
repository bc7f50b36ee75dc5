import { useEffect, useState } from 'react';
import { Loader2, SlidersHorizontal, X } from 'lucide-react';
import { PartnerBentoCard } from '@/components/partner/shared';
import { formatGrade } from '@/components/partner/children/child-format';
import { isApiError } from '@/lib/api';
import { useQuery } from '@tanstack/react-query';
import { filterOptionsQueryOptions } from '@/services/partner/filter-options';
import { usePreferences, useSavePreferences } from '@/services/partner/leaving';
import { toast } from '@/store/toastStore';
import type { CbcGrade, GreatestNeed, ProgramPreferences } from '@/types/partner';

const EMPTY: ProgramPreferences = { grades: [], counties: [], schools: [], gender: null, learningNeeds: [], greatestNeed: 'none' };

/**
 * Who the program would like to sponsor. Preferences only rank (the add-children picker and the substitutes); they never
 * hide a child. Schools and learning needs match but are never shown on a child before consent.
 */
export function ProgramPreferencesCard({ programId, canChange }: { programId: string; canChange: boolean }) {
  const saved = usePreferences(programId);
  // The vocabularies only fill the pickers: a failure leaves them empty rather than interrupting the program page.
  const options = useQuery({ ...filterOptionsQueryOptions(), meta: { silentError: true } });
  const save = useSavePreferences(programId);
  const [draft, setDraft] = useState<ProgramPreferences>(EMPTY);
  useEffect(() => {
    if (saved.data) setDraft({ ...EMPTY, ...saved.data });
  }, [saved.data]);

  const toggle = <K extends 'grades' | 'counties' | 'schools' | 'learningNeeds'>(key: K, value: string) =>
    setDraft((d) => {
      const list = (d[key] ?? []) as string[];
      return { ...d, [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] };
    });
  const error = save.isError ? (isApiError(save.error) ? (save.error.detail ?? Object.values(save.error.errors ?? {})[0]?.[0] ?? save.error.message) : 'Something went wrong.') : null;
  const o = options.data;

  return (
    <PartnerBentoCard title="Preferences" description="Used to rank children to add and substitutes; never to hide anyone." icon={SlidersHorizontal} colSpan={4} testId="program-preferences">
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft, { onSuccess: () => toast.success('Preferences saved.') });
        }}
      >
        <fieldset disabled={!canChange} className="flex flex-col gap-4">
          <div>
            <p className="mb-1.5 text-sm font-medium text-fg">Grades</p>
            <div className="flex flex-wrap gap-1.5">
              {(o?.grades ?? []).map((g) => (
                <Chip key={g} on={(draft.grades ?? []).includes(g as CbcGrade)} onClick={() => toggle('grades', g)} label={formatGrade(g)} />
              ))}
            </div>
          </div>
          <Picked label="Counties" values={draft.counties ?? []} choices={o?.counties ?? []} onToggle={(v) => toggle('counties', v)} testId="pref-counties" />
          <Picked label="Schools" values={draft.schools ?? []} choices={o?.schools ?? []} onToggle={(v) => toggle('schools', v)} testId="pref-schools" />
          <Picked label="Learning needs (matched, never shown)" values={draft.learningNeeds ?? []} choices={o?.learningNeeds ?? []} onToggle={(v) => toggle('learningNeeds', v)} testId="pref-needs" />
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium text-fg">Gender</span>
              <select className="input" value={draft.gender ?? ''} onChange={(e) => setDraft((d) => ({ ...d, gender: (e.target.value || null) as ProgramPreferences['gender'] }))}>
                <option value="">Either</option>
                <option value="female">Girls</option>
                <option value="male">Boys</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium text-fg">Greatest need first</span>
              <select className="input" value={draft.greatestNeed ?? 'none'} onChange={(e) => setDraft((d) => ({ ...d, greatestNeed: e.target.value as GreatestNeed }))} data-testid="pref-greatest-need">
                <option value="none">No</option>
                <option value="longest_wait">Children waiting longest for a sponsor</option>
              </select>
            </label>
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="text-sm text-brand-text">
            {error}
          </p>
        )}
        {canChange && (
          <div className="flex justify-end">
            <button type="submit" className="btn-primary px-3 py-1.5 text-xs" disabled={save.isPending || saved.isPending} data-testid="save-preferences">
              {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
              Save preferences
            </button>
          </div>
        )}
      </form>
    </PartnerBentoCard>
  );
}

function Chip({ on, onClick, label }: { on: boolean; onClick: () => void; label: string }) {
  return (
    <button type="button" aria-pressed={on} onClick={onClick} className={`rounded-full border px-2.5 py-1 text-xs ${on ? 'border-brand bg-brand-soft text-fg' : 'border-border text-fg-muted'}`}>
      {label}
    </button>
  );
}

/** A long vocabulary (counties, schools): chosen ones as removable chips, the rest in a select. */
function Picked({ label, values, choices, onToggle, testId }: { label: string; values: string[]; choices: string[]; onToggle: (v: string) => void; testId: string }) {
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label className="font-medium text-fg" htmlFor={testId}>
        {label}
      </label>
      <select id={testId} className="input" value="" onChange={(e) => e.target.value && onToggle(e.target.value)} data-testid={testId}>
        <option value="">Add…</option>
        {choices.filter((c) => !values.includes(c)).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {values.length > 0 && (
        <ul className="flex flex-wrap gap-1.5">
          {values.map((v) => (
            <li key={v}>
              <button type="button" onClick={() => onToggle(v)} className="flex max-w-full items-center gap-1 rounded-full border border-brand bg-brand-soft px-2.5 py-1 text-xs text-fg" aria-label={`Remove ${v}`}>
                <span className="truncate">{v}</span>
                <X className="size-3" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
