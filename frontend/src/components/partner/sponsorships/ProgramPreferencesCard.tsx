import { useEffect, useId, useState } from 'react';
import { Loader2, SlidersHorizontal } from 'lucide-react';
import { PartnerBentoCard } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { usePreferences, useSavePreferences } from '@/services/partner/leaving';
import { toast } from '@/store/toastStore';
import type { ProgramPreferences } from '@/types/partner';
import { EMPTY_PREFERENCES, ProgramPreferencesFields } from './ProgramPreferencesFields';

/** The API's first message for a refused preferences body. */
export function preferencesError(error: unknown): string {
  return isApiError(error) ? (error.detail ?? Object.values(error.errors ?? {})[0]?.[0] ?? error.message) : 'Something went wrong.';
}

/**
 * Who the program would like to sponsor. Preferences only rank (the add-children picker and the substitutes); they never
 * hide a child. Schools and learning needs match but are never shown on a child before consent.
 */
export function ProgramPreferencesCard({ programId, canChange }: { programId: string; canChange: boolean }) {
  const saved = usePreferences(programId);
  const save = useSavePreferences(programId);
  const id = useId();
  const [draft, setDraft] = useState<ProgramPreferences>(EMPTY_PREFERENCES);
  useEffect(() => {
    if (saved.data) setDraft({ ...EMPTY_PREFERENCES, ...saved.data });
  }, [saved.data]);

  const error = save.isError ? preferencesError(save.error) : null;

  return (
    <PartnerBentoCard title="Preferences" description="Used to rank children to add and substitutes; never to hide anyone." icon={SlidersHorizontal} colSpan={4} testId="program-preferences">
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft, { onSuccess: () => toast.success('Preferences saved.') });
        }}
      >
        <ProgramPreferencesFields value={draft} onChange={setDraft} disabled={!canChange} idPrefix={id} />
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
