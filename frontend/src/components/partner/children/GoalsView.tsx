import { Suspense, useState } from 'react';
import { Pencil, Sparkles, Target } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, PartnerEmptyState } from '@/components/partner/shared';
import { aiProviderLabel, formatDate } from '@/lib/format';
import type { ChildGoalsResponse } from '@/types/partner';
import { GoalCard } from './GoalCard';
import { lazyPage } from '@/app/lazy-page';
import { usePartnerPermissions } from '@/services/partner/team';
import { PartnerLoadingSkeleton } from '@/components/partner/shared';

// The editor (react-hook-form and zod, ~40 kB gzip) loads when the partner edits: the child page's first load stays
// within its budget with the charts (issue 15), and most visits only read the goals.
const GoalsEditor = lazyPage(async () => ({ default: (await import('./GoalsEditor')).GoalsEditor }));

/** Goals tab: each goal's computed progress and status, AI milestones, and an editor (add, change, remove). */
export function GoalsView({ childId, data }: { childId: string; data: ChildGoalsResponse }) {
  const [editing, setEditing] = useState(false);
  // Goals are part of running a program: finance and viewer members read them without the editor.
  const { changePrograms } = usePartnerPermissions();
  return (
    <div className="flex flex-col gap-4" data-testid="view-goals">
      {editing ? (
        <Suspense fallback={<PartnerLoadingSkeleton variant="lines" count={3} label="Loading the goals editor" />}>
          <GoalsEditor childId={childId} goals={data.goals} onDone={() => setEditing(false)} />
        </Suspense>
      ) : (
        <PartnerBentoCard
          title="Goals"
          description="Set by you; progress is computed from the child’s learning records"
          icon={Target}
          colSpan={4}
          action={
            changePrograms && (
              <button
                type="button"
                className="btn-secondary px-3 py-1.5 text-xs"
                onClick={() => setEditing(true)}
                // Hovering or focusing the button fetches the editor, so it is usually there by the click.
                onPointerEnter={GoalsEditor.preload}
                onFocus={GoalsEditor.preload}
                data-testid="edit-goals"
              >
                <Pencil className="size-3.5" aria-hidden="true" />
                {data.goals.length ? 'Edit goals' : 'Set goals'}
              </button>
            )
          }
        >
          {data.goals.length === 0 ? (
            <PartnerEmptyState compact icon={Target} title="No goals yet" description="Set up to ten goals: a rubric level in a learning area, weekly minutes, a streak or lessons completed." />
          ) : (
            <ul className="grid grid-cols-1 gap-3 md:grid-cols-2" data-testid="goal-list">
              {data.goals.map((g) => (
                <GoalCard key={g.progress.goalId} goal={g} />
              ))}
            </ul>
          )}
        </PartnerBentoCard>
      )}

      {data.aiMilestones.length > 0 && (
        <PartnerBentoCard title="Suggested milestones" icon={Sparkles} colSpan={4} testId="ai-milestones">
          <ul className="flex flex-col gap-2 text-sm">
            {data.aiMilestones.map((m, i) => (
              <li key={`${m.title}-${i}`} className="flex items-start justify-between gap-3">
                <div>
                  <p className="text-fg">{m.title}</p>
                  {m.description && <p className="text-xs text-fg-muted">{m.description}</p>}
                </div>
                <div className="shrink-0 text-right text-xs text-fg-subtle">
                  {m.achieved ? <PartnerBadge tone="success">Achieved</PartnerBadge> : m.targetDate ? `By ${formatDate(m.targetDate)}` : null}
                  {m.provider && <p className="mt-0.5">Suggested by {aiProviderLabel(m.provider)}</p>}
                </div>
              </li>
            ))}
          </ul>
        </PartnerBentoCard>
      )}
    </div>
  );
}
