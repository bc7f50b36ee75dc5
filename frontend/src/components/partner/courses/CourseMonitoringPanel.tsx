import { CheckCircle2, Clock, GraduationCap, Users, X } from 'lucide-react';
import { PartnerChart, PartnerEmptyState, PartnerLoadingSkeleton, PartnerStatsCard } from '@/components/partner/shared';
import { useCourseMonitoring } from '@/services/partner/courses';
import type { CourseMonitoring } from '@/types/partner';

const pct = (v: number | null | undefined) => (v == null ? '–' : `${v}%`);
const num = (v: number | null | undefined) => (v == null ? '–' : new Intl.NumberFormat('en-KE').format(v));
const hours = (minutes: number) => (minutes < 120 ? `${minutes} min` : `${new Intl.NumberFormat('en-KE', { maximumFractionDigits: 1 }).format(minutes / 60)} h`);

/** A course's take-up among consented children: KPI cards, how many reached each lesson (the drop-off), and the table behind it. */
export function CourseMonitoringPanel({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const monitoring = useCourseMonitoring(courseId);
  return (
    <section className="card flex flex-col gap-4 p-4" aria-label="Course monitoring" data-testid="course-monitoring">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-semibold">{monitoring.data?.title ?? 'Course monitoring'}</h2>
          <p className="text-sm text-fg-muted">Consented children of the course's programs only; a child counts once they start one of its lessons.</p>
        </div>
        <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close monitoring"><X className="size-4" aria-hidden /></button>
      </div>
      {monitoring.isPending ? (
        <PartnerLoadingSkeleton variant="stats" count={4} />
      ) : monitoring.isError ? (
        <PartnerEmptyState compact title="The figures could not be loaded" description={monitoring.error.message} testId="monitoring-error" />
      ) : (
        <MonitoringBody m={monitoring.data} />
      )}
    </section>
  );
}

function MonitoringBody({ m }: { m: CourseMonitoring }) {
  const lessons = m.items.filter((i) => i.tracked);
  return (
    <>
      {m.suspendedPrograms.length > 0 && (
        <p className="rounded-md border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-sm" role="note">
          {m.suspendedPrograms.length === 1 ? 'One program' : `${m.suspendedPrograms.length} programs`} of this course {m.suspendedPrograms.length === 1 ? 'is' : 'are'} suspended for unpaid billing: {m.suspendedPrograms.length === 1 ? 'its' : 'their'} children are not counted.
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="course-kpis">
        <PartnerStatsCard label="Children enrolled" icon={Users} value={num(m.enrolledChildren)} hint="started at least one lesson" />
        <PartnerStatsCard label="Completion rate" icon={CheckCircle2} value={pct(m.completionRate)} hint={`${num(m.completedChildren)} finished every lesson`} />
        <PartnerStatsCard label="Average score" icon={GraduationCap} value={pct(m.averageScore)} hint="lesson checks" />
        <PartnerStatsCard label="Time spent" icon={Clock} value={hours(m.minutesSpent)}
          hint={m.averageMinutesPerChild == null ? 'no child yet' : `${m.averageMinutesPerChild} min per child`} />
      </div>
      {m.enrolledChildren === 0 ? (
        <PartnerEmptyState compact title="No consented child has started this course yet"
          description="Children of the course's programs appear here once their guardians have consented and they start one of its lessons." testId="monitoring-empty" />
      ) : (
        <div>
          <h3 className="mb-2 font-medium">Children reaching each lesson</h3>
          <PartnerChart
            type="bar"
            data={lessons.map((i) => ({ step: `${i.position}. ${i.title}`, reached: i.reached ?? 0, completed: i.completed ?? 0 }))}
            xKey="step"
            series={[{ key: 'reached', label: 'Reached' }, { key: 'completed', label: 'Completed' }]}
            axes={{ category: 'Lesson, in course order', value: 'Children' }}
            ariaLabel="Children who reached and completed each lesson of the course, in order"
            testId="course-dropoff-chart"
          />
        </div>
      )}
      {/* Focusable so a keyboard user can scroll the table sideways on a phone. */}
      <div className="overflow-x-auto" role="region" aria-label="Each item of the course: reached, completed and drop-off" tabIndex={0}>
        <table className="w-full min-w-[34rem] text-sm" data-testid="course-items-table">
          <thead>
            <tr className="text-left text-fg-muted">
              <th className="py-1 pr-2">#</th>
              <th className="py-1 pr-2">Item</th>
              <th className="py-1 pr-2 text-right">Reached</th>
              <th className="py-1 pr-2 text-right">Drop-off</th>
              <th className="py-1 pr-2 text-right">Completed</th>
              <th className="py-1 pr-2 text-right">Avg score</th>
              <th className="py-1 text-right">Time</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {m.items.map((i) => (
              <tr key={i.position}>
                <td className="py-1.5 pr-2 tabular-nums">{i.position}</td>
                <td className="py-1.5 pr-2">{i.title}{!i.tracked && <span className="ml-1 text-fg-muted">(resource, not tracked)</span>}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{i.tracked ? `${num(i.reached)} (${pct(i.reachedPercent)})` : '–'}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{i.dropOff == null ? '–' : num(i.dropOff)}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{i.tracked ? num(i.completed) : '–'}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{pct(i.averageScore)}</td>
                <td className="py-1.5 text-right tabular-nums">{i.minutesSpent == null ? '–' : hours(i.minutesSpent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
