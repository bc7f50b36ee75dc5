import { CalendarClock, PlayCircle, Users, Video } from 'lucide-react';
import { PartnerBadge } from '@/components/partner/shared';
import { formatDate, formatTime } from '@/lib/format';
import type { WebinarView } from '@/types/partner';

export interface WebinarCardProps {
  webinar: WebinarView;
  onSeat: (webinar: WebinarView, register: boolean) => void;
  busy: boolean;
}

/** One webinar: when (Nairobi time), who hosts, seats; register or cancel, join once registered, the recording once over. */
export function WebinarCard({ webinar: w, onSeat, busy }: WebinarCardProps) {
  const past = w.status === 'past';
  const full = w.seatsLeft === 0 && !w.registered;
  return (
    <li className="card flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-testid={`webinar-${w.id}`}>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-semibold text-fg">{w.title}</h3>
          {w.status === 'live' && <PartnerBadge tone="danger">Live now</PartnerBadge>}
          {w.registered && !past && <PartnerBadge tone="success">Registered</PartnerBadge>}
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-fg-muted">
          <span className="inline-flex items-center gap-1">
            <CalendarClock className="size-3.5" aria-hidden="true" />
            {formatDate(w.startsAt)}, {formatTime(w.startsAt)}–{formatTime(w.endsAt)} EAT · {w.durationMinutes} min
          </span>
          {!past && w.seatsLeft !== null && (
            <span className="inline-flex items-center gap-1" data-testid="seats-left">
              <Users className="size-3.5" aria-hidden="true" />
              {w.seatsLeft === 0 ? 'Full' : `${w.seatsLeft} of ${w.capacity} seats left`}
            </span>
          )}
          {w.teamRegistrations > 0 && <span>{w.teamRegistrations} from your team</span>}
        </p>
        <p className="mt-2 text-sm text-fg-muted">{w.description}</p>
        <p className="mt-1 text-xs text-fg-subtle">Hosted by {w.hostName}</p>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2 sm:flex-col sm:items-end">
        {past ? (
          w.recordingUrl ? (
            <a href={w.recordingUrl} target="_blank" rel="noreferrer" className="btn-secondary">
              <PlayCircle className="size-4" aria-hidden="true" />
              Watch recording
            </a>
          ) : (
            <span className="text-xs text-fg-subtle">No recording</span>
          )
        ) : (
          <>
            {w.joinUrl && (
              <a href={w.joinUrl} target="_blank" rel="noreferrer" className="btn-primary">
                <Video className="size-4" aria-hidden="true" />
                Join
              </a>
            )}
            <button
              type="button"
              className={w.registered ? 'btn-ghost' : 'btn-primary'}
              disabled={busy || full}
              onClick={() => onSeat(w, !w.registered)}
              aria-label={`${w.registered ? 'Cancel registration for' : 'Register for'} ${w.title}`}
            >
              {w.registered ? 'Cancel registration' : full ? 'Full' : 'Register'}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
