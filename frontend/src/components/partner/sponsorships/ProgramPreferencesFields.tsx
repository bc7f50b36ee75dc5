import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { formatGrade } from '@/components/partner/children/child-format';
import { filterOptionsQueryOptions } from '@/services/partner/filter-options';
import type { CbcGrade, GreatestNeed, ProgramPreferences } from '@/types/partner';

export const EMPTY_PREFERENCES: ProgramPreferences = { grades: [], counties: [], schools: [], gender: null, learningNeeds: [], greatestNeed: 'none' };

/** Whether the partner stated any preference (all empty is the API's "no preference"). */
export function hasPreferences(p: ProgramPreferences): boolean {
  return (
    (p.grades ?? []).length + (p.counties ?? []).length + (p.schools ?? []).length + (p.learningNeeds ?? []).length > 0 ||
    !!p.gender ||
    (p.greatestNeed ?? 'none') !== 'none'
  );
}

type ListKey = 'grades' | 'counties' | 'schools' | 'learningNeeds';

/**
 * Who a program would like to sponsor, as fields: the preferences card on the program page and the new-program form
 * both edit a program's preferences with them. The vocabularies come from the filter options; a failure leaves the
 * pickers empty rather than interrupting the page or the form.
 */
export function ProgramPreferencesFields({ value, onChange, disabled = false, idPrefix }: {
  value: ProgramPreferences;
  onChange: (next: ProgramPreferences) => void;
  disabled?: boolean;
  /** Makes the pickers' ids unique when two forms are on one page. */
  idPrefix: string;
}) {
  const options = useQuery({ ...filterOptionsQueryOptions(), meta: { silentError: true } });
  const o = options.data;
  const toggle = (key: ListKey, v: string) => {
    const list = (value[key] ?? []) as string[];
    onChange({ ...value, [key]: list.includes(v) ? list.filter((x) => x !== v) : [...list, v] });
  };

  return (
    <fieldset disabled={disabled} className="flex min-w-0 flex-col gap-4">
      <div>
        <p className="mb-1.5 text-sm font-medium text-fg" id={`${idPrefix}-grades`}>
          Grades
        </p>
        <div className="flex flex-wrap gap-1.5" role="group" aria-labelledby={`${idPrefix}-grades`}>
          {(o?.grades ?? []).map((g) => (
            <Chip key={g} on={(value.grades ?? []).includes(g as CbcGrade)} onClick={() => toggle('grades', g)} label={formatGrade(g)} />
          ))}
        </div>
      </div>
      <Picked label="Counties" values={value.counties ?? []} choices={o?.counties ?? []} onToggle={(v) => toggle('counties', v)} id={`${idPrefix}-counties`} testId="pref-counties" />
      <Picked label="Schools" values={value.schools ?? []} choices={o?.schools ?? []} onToggle={(v) => toggle('schools', v)} id={`${idPrefix}-schools`} testId="pref-schools" />
      <Picked
        label="Learning needs (matched, never shown)"
        values={value.learningNeeds ?? []}
        choices={o?.learningNeeds ?? []}
        onToggle={(v) => toggle('learningNeeds', v)}
        id={`${idPrefix}-needs`}
        testId="pref-needs"
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex min-w-0 flex-col gap-1 text-sm">
          <span className="font-medium text-fg">Gender</span>
          <select className="input" value={value.gender ?? ''} onChange={(e) => onChange({ ...value, gender: (e.target.value || null) as ProgramPreferences['gender'] })} data-testid="pref-gender">
            <option value="">Either</option>
            <option value="female">Girls</option>
            <option value="male">Boys</option>
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-sm">
          <span className="font-medium text-fg">Greatest need first</span>
          <select className="input" value={value.greatestNeed ?? 'none'} onChange={(e) => onChange({ ...value, greatestNeed: e.target.value as GreatestNeed })} data-testid="pref-greatest-need">
            <option value="none">No</option>
            <option value="longest_wait">Those waiting longest for a sponsor</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}

function Chip({ on, onClick, label }: { on: boolean; onClick: () => void; label: string }) {
  return (
    <button type="button" aria-pressed={on} onClick={onClick} className={`rounded-full border px-2.5 py-1 text-xs ${on ? 'border-brand bg-brand-soft text-fg' : 'border-line text-fg-muted'}`}>
      {label}
    </button>
  );
}

/** A long vocabulary (counties, schools): chosen ones as removable chips, the rest in a select. */
function Picked({ label, values, choices, onToggle, id, testId }: { label: string; values: string[]; choices: string[]; onToggle: (v: string) => void; id: string; testId: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5 text-sm">
      <label className="font-medium text-fg" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value="" onChange={(e) => e.target.value && onToggle(e.target.value)} data-testid={testId}>
        <option value="">Add…</option>
        {choices
          .filter((c) => !values.includes(c))
          .map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
      </select>
      {values.length > 0 && (
        <ul className="flex flex-wrap gap-1.5">
          {values.map((v) => (
            <li key={v} className="min-w-0 max-w-full">
              <button type="button" onClick={() => onToggle(v)} className="flex max-w-full items-center gap-1 rounded-full border border-brand bg-brand-soft px-2.5 py-1 text-xs text-fg" aria-label={`Remove ${v}`}>
                <span className="truncate">{v}</span>
                <X className="size-3 shrink-0" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
