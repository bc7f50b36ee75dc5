import { useState } from 'react';
import { CalendarPlus, Download, Inbox, Mail, Send } from 'lucide-react';
import { MessageBubbles } from '@/components/messages/MessageBubbles';
import { MESSAGE_REPLY_RULES, nairobiTime as nairobi } from '@/components/messages/message-format';
import { MessageList } from '@/components/messages/MessageList';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { TicketReplyBox } from '@/components/support/TicketReplyBox';
import { cn } from '@/lib/cn';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import {
  COLLABORATION_BASE, useMeetingStatus, useMeetings, useMessages, useRecipients, useReply, useScheduleMeeting, useSendMessage,
  useSuggestedTimes, useThread, type Box,
} from '@/services/partner/collaboration';
import type { MeetingView } from '@/types/partner';

const URL = {
  tab: urlParam.oneOf(['messages', 'meetings'] as const, 'messages'),
  box: urlParam.oneOf(['inbox', 'sent'] as const, 'inbox'),
};

/** `/dashboard/partner/collaboration`: messages with colleagues and Elimu staff, and meetings with their invitations. */
export default function CollaborationPage() {
  const [{ tab, box }, setUrl] = useUrlState(URL);
  return (
    <>
      <PartnerPageHeader
        title="Collaboration"
        description="Messages with your team and the Elimu staff, and meetings with their calendar invitations (times in Nairobi)."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Partnerships' }, { label: 'Collaboration' }]}
      />
      <div role="tablist" className="mb-4 flex gap-2">
        {(['messages', 'meetings'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} type="button" onClick={() => setUrl({ tab: t })}
            className={cn('rounded-lg px-4 py-2 text-sm font-medium', tab === t ? 'bg-brand text-white' : 'bg-elevated text-fg-muted hover:bg-elevated-hover')}>
            {t === 'messages' ? 'Messages' : 'Meetings'}
          </button>
        ))}
      </div>
      {tab === 'messages' ? <Messages box={box} setBox={(b) => setUrl({ box: b })} /> : <Meetings />}
    </>
  );
}

function Messages({ box, setBox }: { box: Box; setBox: (b: Box) => void }) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(() => new URLSearchParams(window.location.search).get('thread'));
  const [composing, setComposing] = useState(false);
  const list = useMessages({ box, search, page: 1, pageSize: 50 });
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section className="card min-w-0 p-4" aria-label="Messages">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          {(['inbox', 'sent'] as const).map((b) => (
            <button key={b} type="button" onClick={() => setBox(b)} aria-pressed={box === b} data-testid={`box-${b}`}
              className={cn('rounded-md px-3 py-1.5 text-sm', box === b ? 'bg-elevated-hover text-fg' : 'text-fg-muted hover:text-fg')}>
              {b === 'inbox' ? 'Inbox' : 'Sent'}
            </button>
          ))}
          <button type="button" className="btn-primary ml-auto" onClick={() => { setComposing(true); setOpen(null); }} data-testid="compose">
            <Send className="size-4" aria-hidden="true" /> New message
          </button>
        </div>
        <input type="search" aria-label="Search messages" placeholder="Search subject or text" value={search}
          onChange={(e) => setSearch(e.target.value)} className="input mb-3 w-full" />
        {list.isPending ? <PartnerLoadingSkeleton /> : list.isError ? (
          <QueryErrorState title="Messages could not be loaded" error={list.error} onRetry={() => list.refetch()} compact />
        ) : list.data.items.length === 0 ? (
          <PartnerEmptyState compact icon={Inbox} title={box === 'inbox' ? 'No messages yet' : 'Nothing sent yet'}
            description="Write to a colleague or to the Elimu team with New message." />
        ) : (
          <MessageList messages={list.data.items} box={box} selectedId={open} onOpen={(id) => { setOpen(id); setComposing(false); }} />
        )}
      </section>
      <section className="card min-w-0 p-4" aria-label={composing ? 'New message' : 'Conversation'}>
        {composing ? <Compose onSent={(id) => { setComposing(false); setBox('sent'); setOpen(id); }} /> : open ? <Thread id={open} /> : (
          <PartnerEmptyState compact icon={Mail} title="Choose a message" description="Open a message to read the conversation and answer." />
        )}
      </section>
    </div>
  );
}

function Compose({ onSent }: { onSent: (id: string) => void }) {
  const recipients = useRecipients();
  const send = useSendMessage();
  const [recipientId, setRecipient] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  return (
    <form className="space-y-3" data-testid="compose-form"
      onSubmit={(e) => { e.preventDefault(); send.mutate({ recipientId, subject, body, files }, { onSuccess: (t) => onSent(t.messages[0]?.id ?? '') }); }}>
      <h2 className="text-lg font-semibold text-fg">New message</h2>
      <label className="block text-sm text-fg-muted">To
        <select required value={recipientId} onChange={(e) => setRecipient(e.target.value)} className="input mt-1 w-full" data-testid="recipient">
          <option value="">Choose someone</option>
          {(['staff', 'team'] as const).map((kind) => (
            <optgroup key={kind} label={kind === 'staff' ? 'Elimu staff' : 'Your team'}>
              {recipients.data?.filter((r) => r.kind === kind).map((r) => <option key={r.userId} value={r.userId}>{r.name} ({r.role})</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="block text-sm text-fg-muted">Subject
        <input required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} className="input mt-1 w-full" name="subject" />
      </label>
      <label className="block text-sm text-fg-muted">Message
        <textarea required maxLength={4000} rows={6} value={body} onChange={(e) => setBody(e.target.value)} className="input mt-1 w-full" name="body" />
      </label>
      <label className="block text-sm text-fg-muted">Attachments (PDF, PNG, JPEG or text; up to 3 files of 5 MB)
        <input type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.txt" onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 3))} className="mt-1 block text-sm" />
      </label>
      {send.isError && <p role="alert" className="text-sm text-red-400">{send.error.message}</p>}
      <button type="submit" className="btn-primary" disabled={send.isPending}><Send className="size-4" aria-hidden="true" /> Send</button>
    </form>
  );
}

function Thread({ id }: { id: string }) {
  const thread = useThread(id);
  const reply = useReply(id);
  if (thread.isPending) return <PartnerLoadingSkeleton />;
  if (thread.isError) return <QueryErrorState title="The conversation could not be loaded" error={thread.error} onRetry={() => thread.refetch()} compact />;
  const t = thread.data;
  return (
    <div data-testid="thread">
      <h2 className="text-lg font-semibold text-fg">{t.subject}</h2>
      <p className="mb-4 text-sm text-fg-muted">With {t.with.name}</p>
      <MessageBubbles messages={t.messages} />
      <div className="mt-4">
        <TicketReplyBox onSend={(r) => reply.mutateAsync(r)} pending={reply.isPending} label="Reply" rules={MESSAGE_REPLY_RULES} testId="message-reply" />
      </div>
    </div>
  );
}

function Meetings() {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [scheduling, setScheduling] = useState(false);
  const meetings = useMeetings(when);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        {(['upcoming', 'past'] as const).map((w) => (
          <button key={w} type="button" aria-pressed={when === w} onClick={() => setWhen(w)}
            className={cn('rounded-md px-3 py-1.5 text-sm', when === w ? 'bg-elevated-hover text-fg' : 'text-fg-muted hover:text-fg')}>
            {w === 'upcoming' ? 'Upcoming' : 'Past'}
          </button>
        ))}
        <button type="button" className="btn-primary ml-auto" onClick={() => setScheduling((s) => !s)} data-testid="schedule">
          <CalendarPlus className="size-4" aria-hidden="true" /> Schedule a meeting
        </button>
      </div>
      {scheduling && <ScheduleForm onDone={() => setScheduling(false)} />}
      {meetings.isPending ? <PartnerLoadingSkeleton /> : meetings.isError ? (
        <QueryErrorState title="Meetings could not be loaded" error={meetings.error} onRetry={() => meetings.refetch()} compact />
      ) : meetings.data.items.length === 0 ? (
        <PartnerEmptyState compact icon={CalendarPlus} title={when === 'upcoming' ? 'No meetings planned' : 'No past meetings'}
          description="Schedule a meeting with your team and the Elimu staff." />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="meeting-list">
          {meetings.data.items.map((m) => <MeetingCard key={m.id} meeting={m} />)}
        </ul>
      )}
    </div>
  );
}

function MeetingCard({ meeting: m }: { meeting: MeetingView }) {
  const status = useMeetingStatus();
  const [notes, setNotes] = useState('');
  return (
    <li className="card space-y-2 p-4 text-sm">
      <div className="flex items-start gap-2">
        <h3 className="font-semibold text-fg">{m.title}</h3>
        <span className={cn('ml-auto rounded-full px-2 py-0.5 text-xs', m.status === 'scheduled' ? 'bg-emerald-500/15 text-ok' : m.status === 'cancelled' ? 'bg-red-500/15 text-brand-text' : 'bg-elevated text-fg-muted')}>{m.status}</span>
      </div>
      <p className="text-fg-muted">{nairobi(m.scheduledAt)} EAT · {m.durationMinutes} min{m.aiSuggested ? ' · suggested time' : ''}</p>
      {m.description && <p className="text-fg-muted">{m.description}</p>}
      <p className="text-fg-muted">With {m.attendees.map((a) => a.name).join(', ')}</p>
      {m.meetingUrl && <a className="text-brand-text underline" href={m.meetingUrl} target="_blank" rel="noreferrer">Join link</a>}
      {m.notes && <p className="rounded bg-elevated p-2 text-fg-muted">Notes: {m.notes}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <a className="btn-secondary" href={`${COLLABORATION_BASE}/meetings/${m.id}/invite.ics`} download data-testid="download-ics">
          <Download className="size-4" aria-hidden="true" /> Invitation (.ics)
        </a>
      </div>
      {m.status === 'scheduled' && (
        <div className="flex flex-wrap items-center gap-2">
          <input aria-label={`Notes for ${m.title}`} placeholder="Notes or reason" value={notes} onChange={(e) => setNotes(e.target.value)} className="input min-w-0 flex-1" />
          <button type="button" className="btn-secondary" disabled={status.isPending} onClick={() => status.mutate({ id: m.id, status: 'completed', notes })}>Completed</button>
          <button type="button" className="btn-secondary" disabled={status.isPending} onClick={() => status.mutate({ id: m.id, status: 'cancelled', notes })}>Cancel</button>
        </div>
      )}
      {status.isError && <p role="alert" className="text-red-400">{status.error.message}</p>}
    </li>
  );
}

function ScheduleForm({ onDone }: { onDone: () => void }) {
  const recipients = useRecipients();
  const schedule = useScheduleMeeting();
  const [title, setTitle] = useState('');
  const [agenda, setAgenda] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [duration, setDuration] = useState(30);
  const [start, setStart] = useState(''); // yyyy-MM-ddTHH:mm, Nairobi
  const [fromSuggestion, setFromSuggestion] = useState(false);
  const [link, setLink] = useState('');
  const suggested = useSuggestedTimes(attendees, duration);
  return (
    <form className="card space-y-3 p-4" data-testid="schedule-form"
      onSubmit={(e) => {
        e.preventDefault();
        schedule.mutate({ title, description: agenda || null, scheduledAt: `${start}:00+03:00`, durationMinutes: duration,
          meetingUrl: link || null, attendeeIds: attendees, aiSuggested: fromSuggestion }, { onSuccess: onDone });
      }}>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="block text-sm text-fg-muted">Title
          <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} className="input mt-1 w-full" name="title" />
        </label>
        <label className="block text-sm text-fg-muted">Link
          <input type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://" className="input mt-1 w-full" />
        </label>
      </div>
      <label className="block text-sm text-fg-muted">Agenda
        <textarea rows={2} value={agenda} onChange={(e) => setAgenda(e.target.value)} className="input mt-1 w-full" />
      </label>
      <fieldset className="text-sm text-fg-muted">
        <legend>Attendees</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {recipients.data?.map((r) => (
            <label key={r.userId} className="flex items-center gap-1 rounded bg-elevated px-2 py-1">
              <input type="checkbox" checked={attendees.includes(r.userId)}
                onChange={(e) => setAttendees((a) => (e.target.checked ? [...a, r.userId] : a.filter((x) => x !== r.userId)))} />
              {r.name} <span className="text-xs text-fg-muted">({r.kind === 'staff' ? 'Elimu' : r.role})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="block text-sm text-fg-muted">Duration (minutes)
          <select value={duration} onChange={(e) => setDuration(Number(e.target.value))} className="input mt-1 w-full">
            {[15, 30, 45, 60, 90, 120].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label className="block text-sm text-fg-muted">Start (Nairobi time)
          <input required type="datetime-local" value={start} onChange={(e) => { setStart(e.target.value); setFromSuggestion(false); }} className="input mt-1 w-full" name="start" />
        </label>
      </div>
      {attendees.length > 0 && (
        <div className="text-sm" data-testid="suggested-times">
          <p className="mb-1 text-fg-muted">Suggested free times (everyone free, 08:00–17:00 on weekdays):</p>
          <div className="flex flex-wrap gap-2">
            {suggested.data?.slots.map((s) => {
              const value = s.start.slice(0, 16);
              return (
                <button key={s.start} type="button" onClick={() => { setStart(value); setFromSuggestion(true); }}
                  className={cn('rounded-full px-3 py-1 text-xs', start === value ? 'bg-brand text-white' : 'bg-elevated text-fg hover:bg-elevated-hover')}>
                  {s.label}
                </button>
              );
            })}
          </div>
        </div>
      )}
      {schedule.isError && <p role="alert" className="text-sm text-red-400">{schedule.error.message}</p>}
      <button type="submit" className="btn-primary" disabled={schedule.isPending || attendees.length === 0}>Schedule</button>
    </form>
  );
}
