import { ArrowLeft, Award, CheckCircle2, Circle } from 'lucide-react';
import { PartnerLoadingSkeleton } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { formatDate } from '@/lib/format';
import { useCourse, useModuleCompletion } from '@/services/partner/training';
import { CourseProgressBar } from './CourseProgress';
import { Markdown } from './Markdown';

/** A course's modules, each read in place and marked done by the signed-in member; the certificate once all are. */
export function CourseDetail({ slug, onBack }: { slug: string; onBack: () => void }) {
  const course = useCourse(slug);
  const completion = useModuleCompletion(slug);
  if (course.isError)
    return <QueryErrorState title="We couldn’t open this course" error={course.error} onRetry={() => void course.refetch()} retrying={course.isFetching} />;
  if (course.isPending) return <PartnerLoadingSkeleton variant="lines" count={8} label="Loading the course" />;
  const c = course.data;

  return (
    <section className="card p-5 sm:p-6" data-testid="course-detail" aria-labelledby="course-title">
      <button type="button" className="btn-ghost -ml-2 mb-3 px-2 py-1 text-xs" onClick={onBack}>
        <ArrowLeft className="size-3.5" aria-hidden="true" />
        All training
      </button>
      <p className="text-xs font-medium uppercase tracking-wide text-brand-text">{c.level} · {c.minutes} min</p>
      <h2 id="course-title" className="mt-1 text-xl font-semibold text-fg">{c.title}</h2>
      <p className="mt-1 text-sm text-fg-muted">{c.summary}</p>
      <div className="mt-4 max-w-md">
        <CourseProgressBar completed={c.completedModules} total={c.totalModules} label={`Your progress in ${c.title}`} />
      </div>

      {c.certifiedAt && (
        <div className="mt-4 flex items-center gap-3 rounded-xl border border-emerald-500/30 bg-emerald-500/10 p-4" data-testid="certificate">
          <Award className="size-8 shrink-0 text-emerald-300" aria-hidden="true" />
          <div>
            <p className="text-sm font-semibold text-fg">Certificate earned</p>
            <p className="text-sm text-fg-muted">
              {c.certificateHolder} completed {c.title} on {formatDate(c.certifiedAt)}.
            </p>
          </div>
        </div>
      )}

      <ol className="mt-5 flex flex-col gap-3" aria-label="Modules">
        {c.modules.map((m, i) => {
          const done = m.completedAt !== null;
          return (
            <li key={m.slug} className="rounded-xl border border-line" data-testid={`module-${m.slug}`} data-done={done}>
              <details className="group" open={!done && c.modules.findIndex((x) => x.completedAt === null) === i}>
                <summary className="flex cursor-pointer list-none items-center gap-3 px-4 py-3">
                  {done ? (
                    <CheckCircle2 className="size-5 shrink-0 text-emerald-400" aria-label="Completed" />
                  ) : (
                    <Circle className="size-5 shrink-0 text-fg-subtle" aria-label="Not completed" />
                  )}
                  <span className="flex-1 text-sm font-medium text-fg">
                    {i + 1}. {m.title}
                  </span>
                  <span className="text-xs text-fg-subtle">{m.minutes} min</span>
                </summary>
                <div className="border-t border-line px-4 pb-4">
                  <Markdown>{m.body}</Markdown>
                  <button
                    type="button"
                    className={done ? 'btn-secondary mt-2' : 'btn-primary mt-2'}
                    disabled={completion.isPending}
                    onClick={() => completion.mutate({ module: m.slug, done: !done })}
                  >
                    {done ? 'Mark as not done' : 'Mark module complete'}
                  </button>
                  {done && <span className="ml-3 text-xs text-fg-subtle">Completed {formatDate(m.completedAt!)}</span>}
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
