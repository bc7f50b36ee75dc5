import { CalendarX2, GraduationCap } from 'lucide-react';
import { Link } from 'react-router';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { CertifiedBadge, CourseProgressBar } from '@/components/partner/support/CourseProgress';
import { CourseDetail } from '@/components/partner/support/CourseDetail';
import { TeamTrainingTable } from '@/components/partner/support/TeamTrainingTable';
import { WebinarCard } from '@/components/partner/support/WebinarCard';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { usePartnerPermissions } from '@/services/partner/team';
import { useCourses, useWebinarSeat, useWebinars } from '@/services/partner/training';

const URL_STATE = { course: urlParam.string() };

/** `/dashboard/partner/training`: webinars to register for (times in Nairobi), recordings, courses and certificates. */
export default function TrainingHubPage() {
  const [{ course }, setUrl] = useUrlState(URL_STATE);
  const { manageTeam } = usePartnerPermissions();

  return (
    <>
      <PartnerPageHeader
        title="Training Hub"
        description="Live webinars with the Elimu team, recordings of past ones, and certification courses for everyone on your team."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Support' }, { label: 'Training Hub' }]}
      />
      {course ? (
        <CourseDetail slug={course} onBack={() => setUrl({ course: '' })} />
      ) : (
        <div className="flex flex-col gap-8">
          <UpcomingWebinars />
          <CourseList />
          {manageTeam && (
            <section aria-labelledby="team-heading">
              <h2 id="team-heading" className="mb-1 text-base font-semibold text-fg">Your team’s progress</h2>
              <p className="mb-3 text-sm text-fg-muted">Modules each member has finished, and who holds a certificate. Only owners see this.</p>
              <TeamTrainingTable />
            </section>
          )}
          <PastWebinars />
        </div>
      )}
    </>
  );
}

function UpcomingWebinars() {
  const webinars = useWebinars('upcoming');
  const seat = useWebinarSeat();
  return (
    <section aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading" className="mb-3 text-base font-semibold text-fg">Upcoming webinars</h2>
      {webinars.isError ? (
        <QueryErrorState title="We couldn’t load the webinars" error={webinars.error} onRetry={() => void webinars.refetch()} retrying={webinars.isFetching} compact />
      ) : webinars.isPending ? (
        <PartnerLoadingSkeleton variant="lines" count={3} label="Loading webinars" />
      ) : webinars.data.total === 0 ? (
        <PartnerEmptyState icon={CalendarX2} compact title="No webinars scheduled" description="New sessions are announced here and in your notifications." testId="webinars-empty" />
      ) : (
        <ul className="flex flex-col gap-3" data-testid="upcoming-webinars">
          {webinars.data.items.map((w) => (
            <WebinarCard
              key={w.id}
              webinar={w}
              busy={seat.isPending && seat.variables?.webinar.id === w.id}
              onSeat={(webinar, register) => seat.mutate({ webinar, register })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function PastWebinars() {
  const webinars = useWebinars('past');
  if (webinars.isError)
    return <QueryErrorState title="We couldn’t load past webinars" error={webinars.error} onRetry={() => void webinars.refetch()} retrying={webinars.isFetching} compact />;
  if (webinars.isPending || webinars.data.total === 0) return null;
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading" className="mb-3 text-base font-semibold text-fg">Past webinars and recordings</h2>
      <ul className="flex flex-col gap-3" data-testid="past-webinars">
        {webinars.data.items.map((w) => (
          <WebinarCard key={w.id} webinar={w} busy={false} onSeat={() => undefined} />
        ))}
      </ul>
    </section>
  );
}

function CourseList() {
  const courses = useCourses();
  return (
    <section aria-labelledby="courses-heading">
      <h2 id="courses-heading" className="mb-3 text-base font-semibold text-fg">Certification courses</h2>
      {courses.isError ? (
        <QueryErrorState title="We couldn’t load the courses" error={courses.error} onRetry={() => void courses.refetch()} retrying={courses.isFetching} compact />
      ) : courses.isPending ? (
        <PartnerLoadingSkeleton variant="lines" count={3} label="Loading courses" />
      ) : courses.data.total === 0 ? (
        <PartnerEmptyState icon={GraduationCap} compact title="No courses yet" testId="courses-empty" />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" data-testid="course-list">
          {courses.data.items.map((c) => (
            <li key={c.slug}>
              <Link to={`?course=${encodeURIComponent(c.slug)}`} className="card flex h-full flex-col gap-3 p-4 transition-colors hover:border-line-strong" data-testid={`course-${c.slug}`}>
                <span className="flex items-start justify-between gap-2">
                  <span className="text-sm font-semibold text-fg">{c.title}</span>
                  {c.certifiedAt && <CertifiedBadge />}
                </span>
                <span className="flex-1 text-sm text-fg-muted">{c.summary}</span>
                <span className="text-xs text-fg-subtle">{c.level} · {c.totalModules} modules · {c.minutes} min</span>
                <CourseProgressBar completed={c.completedModules} total={c.totalModules} label={`Your progress in ${c.title}`} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
