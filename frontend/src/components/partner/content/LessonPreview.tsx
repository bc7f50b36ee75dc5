import { Clock, HelpCircle, Package, Target } from 'lucide-react';
import { COMPETENCY_LABELS, RUBRIC_LABELS, RUBRIC_TONES } from '@/components/partner/children/child-format';
import { PartnerBadge } from '@/components/partner/shared';
import type { GeneratedLesson } from '@/types/partner';

/**
 * A generated lesson drawn from its structured fields, each as text in its own element: nothing the generator wrote is
 * ever read as HTML.
 */
export function LessonPreview({ lesson }: { lesson: GeneratedLesson }) {
  const minutes = lesson.activities.reduce((sum, a) => sum + a.durationMinutes, 0);
  return (
    <article className="flex flex-col gap-5" data-testid="lesson-preview" aria-label={lesson.title}>
      <header className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold text-fg" data-testid="lesson-title">{lesson.title}</h2>
        <p className="text-sm text-fg-muted">{lesson.summary}</p>
        <p className="flex items-center gap-1.5 text-xs text-fg-subtle">
          <Clock className="size-3.5" aria-hidden="true" />
          {minutes} minutes · {lesson.activities.length} activities
        </p>
      </header>

      <section className="rounded-lg border border-violet-500/30 bg-violet-500/10 px-3 py-2" aria-labelledby="kiq">
        <h3 id="kiq" className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-fg-muted">
          <HelpCircle className="size-3.5" aria-hidden="true" /> Key inquiry question
        </h3>
        <p className="mt-1 text-sm text-fg" data-testid="lesson-question">{lesson.keyInquiryQuestion}</p>
      </section>

      <section aria-labelledby="outcomes">
        <h3 id="outcomes" className="flex items-center gap-1.5 text-sm font-semibold text-fg">
          <Target className="size-4" aria-hidden="true" /> Learning outcomes
        </h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-fg-muted" data-testid="lesson-outcomes">
          {lesson.learningOutcomes.map((o, i) => <li key={i}>{o}</li>)}
        </ul>
      </section>

      <section aria-labelledby="activities">
        <h3 id="activities" className="text-sm font-semibold text-fg">Activities</h3>
        <ol className="mt-2 flex flex-col gap-3" data-testid="lesson-activities">
          {lesson.activities.map((a, i) => (
            <li key={i} className="rounded-lg border border-line bg-elevated/40 p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h4 className="text-sm font-medium text-fg">{i + 1}. {a.title}</h4>
                <span className="text-xs text-fg-subtle">{a.durationMinutes} min</span>
              </div>
              <ol className="mt-1.5 list-decimal space-y-1 pl-5 text-sm text-fg-muted">
                {a.steps.map((s, j) => <li key={j}>{s}</li>)}
              </ol>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="rubric">
        <h3 id="rubric" className="text-sm font-semibold text-fg">Assessment rubric</h3>
        <dl className="mt-2 grid gap-2 sm:grid-cols-2" data-testid="lesson-rubric">
          {lesson.rubric.map((r) => (
            <div key={r.level} className="rounded-lg border border-line p-3">
              <dt><PartnerBadge tone={RUBRIC_TONES[r.level]}>{RUBRIC_LABELS[r.level]}</PartnerBadge></dt>
              <dd className="mt-1.5 text-sm text-fg-muted">{r.descriptor}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="resources">
          <h3 id="resources" className="flex items-center gap-1.5 text-sm font-semibold text-fg">
            <Package className="size-4" aria-hidden="true" /> Resources needed
          </h3>
          {lesson.resourcesNeeded.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-fg-muted" data-testid="lesson-resources">
              {lesson.resourcesNeeded.map((r, i) => <li key={i}>{r}</li>)}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-fg-subtle">None beyond the classroom.</p>
          )}
        </section>
        {lesson.coreCompetencies.length > 0 && (
          <section aria-labelledby="competencies">
            <h3 id="competencies" className="text-sm font-semibold text-fg">Core competencies</h3>
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {lesson.coreCompetencies.map((c) => <li key={c}><PartnerBadge tone="info">{COMPETENCY_LABELS[c]}</PartnerBadge></li>)}
            </ul>
          </section>
        )}
      </div>
    </article>
  );
}
