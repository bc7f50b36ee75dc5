import Bowser from 'bowser';
import { LoaderCircle, LogOut, Monitor, Smartphone } from 'lucide-react';
import { formatDateTime } from '@/lib/format';
import { useEndOtherSessions, useEndSession, useSessions, type UserSession } from '@/services/account-security';
import { toast } from '@/store';
import { SettingsCard } from './SettingsCard';

function describe(agent?: string | null): { label: string; mobile: boolean } {
  if (!agent) return { label: 'Unknown device', mobile: false };
  const ua = Bowser.parse(agent);
  const browser = ua.browser.name ?? 'A browser';
  const os = ua.os.name ? ` on ${ua.os.name}` : '';
  return { label: `${browser}${os}`, mobile: ua.platform.type === 'mobile' || ua.platform.type === 'tablet' };
}

function SessionRow({ session }: { session: UserSession }) {
  const end = useEndSession();
  const { label, mobile } = describe(session.userAgent);
  const Icon = mobile ? Smartphone : Monitor;
  return (
    <li className="flex flex-wrap items-center gap-3 py-3" data-testid="session-row">
      <Icon className="size-5 shrink-0 text-fg-subtle" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-fg">
          {label}
          {session.current && <span className="ml-2 rounded-full bg-brand-soft px-2 py-0.5 text-xs text-brand-text">This device</span>}
        </p>
        <p className="text-xs text-fg-muted">
          {session.ipAddress ?? 'Unknown address'} · signed in {formatDateTime(session.signedInAt)} · last seen {formatDateTime(session.lastSeenAt)}
        </p>
      </div>
      {!session.current && (
        <button type="button" className="btn-ghost px-2.5 py-1.5" disabled={end.isPending} onClick={() => end.mutate(session.id, { onSuccess: () => toast.success('Session signed out.') })}
          aria-label={`Sign out ${label}`}>
          {end.isPending ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : <LogOut className="size-4" aria-hidden="true" />}
          Sign out
        </button>
      )}
    </li>
  );
}

export function SessionsSection() {
  const sessions = useSessions();
  const endOthers = useEndOtherSessions();
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <SettingsCard id="sessions" title="Active sessions" description="The browsers signed in to your account. Sign out any you do not recognise.">
      {sessions.isPending && <p className="text-sm text-fg-muted" role="status">Loading sessions…</p>}
      {sessions.isError && (
        <p role="alert" className="text-sm text-brand-text">
          Could not load your sessions. <button type="button" className="underline" onClick={() => void sessions.refetch()}>Try again</button>
        </p>
      )}
      {sessions.data && (
        <>
          <ul className="divide-y divide-line">
            {sessions.data.items.map((s) => (
              <SessionRow key={s.id} session={s} />
            ))}
          </ul>
          {others === 0 ? (
            <p className="mt-3 text-sm text-fg-muted">No other sessions: you are signed in only here.</p>
          ) : (
            <button type="button" className="btn-secondary mt-4" disabled={endOthers.isPending} data-testid="end-other-sessions"
              onClick={() => endOthers.mutate(undefined, { onSuccess: (r) => toast.success(`${r.ended} other session${r.ended === 1 ? '' : 's'} signed out.`) })}>
              Sign out all other sessions
            </button>
          )}
        </>
      )}
    </SettingsCard>
  );
}
