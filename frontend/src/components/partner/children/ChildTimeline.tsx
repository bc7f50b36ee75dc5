import { ListPager } from '@/components/partner/shared';
import { formatDateTime } from '@/lib/format';
import type { ChildTimelineItem, PagedChildTimeline, TimelineKind } from '@/types/partner';

const KIND_LABELS: Record<TimelineKind, string> = {
  enrolled: 'Enrolled in the program',
  consent_asked: 'Guardians asked for consent',
  reminded: 'Guardian reminded',
  expired: 'Consent request expired unanswered',
  consent_given: 'Consent given',
  consent_declined: 'Consent declined',
  consent_withdrawn: 'Consent withdrawn',
  active: 'Active again',
  pending_consent: 'Waiting for consent',
  paused: 'Paused',
  graduated: 'Graduated',
  left: 'Left the program',
  removed: 'Removed from the program',
  status_changed: 'Status changed',
};

const DOT: Partial<Record<TimelineKind, string>> = {
  consent_given: 'bg-ok',
  consent_declined: 'bg-brand',
  consent_withdrawn: 'bg-brand',
  expired: 'bg-warn',
  left: 'bg-fg-subtle',
  removed: 'bg-fg-subtle',
};

const ACTORS: Record<string, string> = { you: 'by you', partner: 'by your organisation', guardian: 'by a guardian', system: 'by Elimu', elimu: 'by Elimu' };

/** Who did it, in words: the API's "you", "partner", "guardian", "system" or a job's name ("consent-reminders"). */
function actorText(actor: string): string {
  return ACTORS[actor] ?? `by Elimu (${actor.replace(/-/g, ' ')})`;
}

/** The consented child's story, newest first: enrolment, status changes and every consent step, a page at a time. */
export function ChildTimelineView({ data, onPage }: { data: PagedChildTimeline; onPage: (page: number) => void }) {
  if (data.total === 0) return <p className="card p-4 text-sm text-fg-muted">Nothing has happened to this child’s sponsorship yet.</p>;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <section aria-labelledby="child-timeline-title" className="card flex flex-col gap-4 p-4 sm:p-5" data-testid="child-timeline">
      <h2 id="child-timeline-title" className="text-base font-semibold text-fg">
        Timeline
      </h2>
      <ol className="flex flex-col gap-3 border-l border-line pl-4">
        {data.items.map((item, i) => (
          <TimelineRow key={`${item.at}-${item.kind}-${i}`} item={item} />
        ))}
      </ol>
      <ListPager page={data.page} pages={pages} total={data.total} noun="events" onPage={onPage} />
    </section>
  );
}

function TimelineRow({ item }: { item: ChildTimelineItem }) {
  return (
    <li className="relative" data-kind={item.kind}>
      <span className={`absolute -left-[21px] top-1.5 size-2.5 rounded-full ${DOT[item.kind] ?? 'bg-info'}`} aria-hidden="true" />
      <p className="text-sm font-medium text-fg">{KIND_LABELS[item.kind]}</p>
      <p className="text-xs text-fg-muted">
        <time dateTime={item.at}>{formatDateTime(item.at)}</time> · {actorText(item.actor)}
      </p>
      {item.reason && <p className="mt-0.5 break-words text-xs text-fg-subtle">{item.reason}</p>}
    </li>
  );
}
