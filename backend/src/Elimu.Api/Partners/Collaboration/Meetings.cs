using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>A partner's meetings: scheduled by a member with colleagues and staff, seen by the whole team, completed or cancelled with notes.</summary>
public sealed class Meetings(AppDbContext db, MessageParties parties, MeetingSlots slots, Notifier notifier, TimeProvider clock)
{
    public const int MaxAttendees = 20;
    public const int MinDuration = 15, MaxDuration = 480;

    public async Task<Paged<MeetingView>> ListAsync(ClaimsPrincipal user, MeetingListQuery q, CancellationToken ct)
    {
        var page = PageRequest.From(q.Page, q.PageSize);
        var now = clock.GetUtcNow().UtcDateTime;
        var partnerId = user.PartnerId();
        // "Ended" is start + duration; both providers compare it without a date function by bounding the start: a
        // scheduled meeting counts as upcoming until MaxDuration after its start, then filtered exactly in memory.
        var mine = db.PartnerMeetings.AsNoTracking().Where(m => m.PartnerId == partnerId);
        var upcoming = q.When != MeetingWhen.past;
        var earliest = now.AddMinutes(-MaxDuration);
        var rows = upcoming
            ? await mine.Where(m => m.Status == MeetingStatus.scheduled && m.ScheduledAt > earliest).OrderBy(m => m.ScheduledAt).ThenBy(m => m.Id).ToListAsync(ct)
            : await mine.Where(m => m.Status != MeetingStatus.scheduled || m.ScheduledAt <= now).OrderByDescending(m => m.ScheduledAt).ThenByDescending(m => m.Id)
                .ToListAsync(ct);
        var selected = rows.Where(m => IsUpcoming(m, now) == upcoming).ToList();
        var pageRows = selected.Skip(page.Skip).Take(page.PageSize).ToList();
        var organizers = await NamesAsync(pageRows.Select(m => m.OrganizerId), ct);
        return new Paged<MeetingView>(pageRows.Select(m => View(m, organizers)).ToList(), page.Page, page.PageSize, selected.Count);
    }

    public async Task<MeetingView> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var m = await FindAsync(user, id, ct);
        return View(m, await NamesAsync([m.OrganizerId], ct));
    }

    public async Task<PartnerMeeting> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        return await db.PartnerMeetings.FirstOrDefaultAsync(m => m.Id == id && m.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Meeting");
    }

    public async Task<MeetingView> ScheduleAsync(ClaimsPrincipal user, ScheduleMeetingRequest r, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var v = new Validation();
        var title = r.Title?.Trim() ?? "";
        v.Check(title.Length > 0, "title", "Give the meeting a title.").Text("title", title, InputLimits.ShortText)
            .Text("description", r.Description, InputLimits.LongText)
            .Check(r.ScheduledAt is not null, "scheduledAt", "Choose when the meeting starts.")
            .Check(r.ScheduledAt is null || r.ScheduledAt.Value.UtcDateTime > now, "scheduledAt", "Choose a start in the future.")
            .Check(r.ScheduledAt is null || r.ScheduledAt.Value.UtcDateTime < now.AddYears(1), "scheduledAt", "Choose a start within a year.")
            .Within("durationMinutes", r.DurationMinutes, MinDuration, MaxDuration)
            .Check(r.DurationMinutes is null || r.DurationMinutes % 5 == 0, "durationMinutes", "Use whole five minutes.")
            .Text("meetingUrl", r.MeetingUrl, 500)
            .Check(string.IsNullOrWhiteSpace(r.MeetingUrl) || Uri.TryCreate(r.MeetingUrl.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "meetingUrl", "Give the full link, starting with https://.")
            .NoNulls("attendeeIds", r.AttendeeIds)
            .Check(r.AttendeeIds is { Count: > 0 }, "attendeeIds", "Invite at least one person.")
            .Check(r.AttendeeIds is null || r.AttendeeIds.Count <= MaxAttendees, "attendeeIds", $"Invite at most {MaxAttendees} people.");
        v.ThrowIfInvalid();

        var me = user.UserId();
        var ids = r.AttendeeIds!.Where(id => id != me).Distinct().ToList();
        var invited = await parties.RequireAddressableAsync(user.PartnerProfileId(), me, ids, "attendeeIds", ct);
        var organizer = await db.Users.Where(x => x.Id == me).Select(x => new { x.DisplayName, x.FirstName, x.LastName, x.Email }).FirstAsync(ct);
        var start = DateTime.SpecifyKind(r.ScheduledAt!.Value.UtcDateTime, DateTimeKind.Utc);
        var duration = r.DurationMinutes ?? 30;
        var everyone = ids.Append(me).ToList();
        var meeting = new PartnerMeeting
        {
            PartnerId = user.PartnerId(), OrganizerId = me, Title = title, Description = Blank(r.Description), ScheduledAt = start,
            DurationMinutes = duration, MeetingUrl = Blank(r.MeetingUrl),
            Attendees = invited.Select(i => new MeetingAttendee { UserId = i.UserId, Name = i.Name, Email = i.Email })
                .Prepend(new MeetingAttendee { UserId = me, Name = MessageParties.NameOf(organizer.DisplayName, organizer.FirstName, organizer.LastName), Email = organizer.Email })
                .ToList(),
            AiSuggested = r.AiSuggested == true && await slots.IsFreeSlotAsync(everyone, start, duration, ct),
        };
        db.PartnerMeetings.Add(meeting);
        var when = MeetingSlots.Describe(start, start.AddMinutes(duration)).Label;
        await notifier.NotifyAsync(ids.Select(id => (id, new NotificationDraft(NotificationCategory.message,
            $"Meeting invitation: {title}", $"{when}. Add it to your calendar from the invitation.", MessageSender.PartnerPage + "?tab=meetings"))).ToList(), ct);
        await db.SaveChangesAsync(ct);
        return View(meeting, await NamesAsync([me], ct));
    }

    public async Task<MeetingView> ChangeStatusAsync(ClaimsPrincipal user, Guid id, MeetingStatusChange change, CancellationToken ct)
    {
        var v = new Validation()
            .Check(change.Status is MeetingStatus.completed or MeetingStatus.cancelled, "status", "Mark the meeting completed or cancelled.")
            .Text("notes", change.Notes, InputLimits.LongText)
            .Check(change.Status != MeetingStatus.cancelled || !string.IsNullOrWhiteSpace(change.Notes), "notes", "Say why the meeting is cancelled.");
        v.ThrowIfInvalid();
        var m = await FindAsync(user, id, ct);
        if (m.Status != MeetingStatus.scheduled)
            throw DomainException.Conflict("invalid_transition", $"The meeting is already {m.Status}.");
        if (change.Status == MeetingStatus.completed && m.ScheduledAt > clock.GetUtcNow().UtcDateTime)
            throw DomainException.Conflict("meeting_not_started", "A meeting can be marked completed once it has started.");
        m.Status = change.Status!.Value;
        m.Notes = Blank(change.Notes);
        m.Sequence++;
        if (m.Status == MeetingStatus.cancelled)
        {
            var others = m.Attendees.Where(a => a.UserId is { } u && u != user.UserId()).Select(a => a.UserId!.Value).ToList();
            await notifier.NotifyAsync(others.Select(u => (u, new NotificationDraft(NotificationCategory.message, $"Meeting cancelled: {m.Title}",
                m.Notes ?? "", MessageSender.PartnerPage + "?tab=meetings"))).ToList(), ct);
        }
        await db.SaveChangesAsync(ct);
        return View(m, await NamesAsync([m.OrganizerId], ct));
    }

    public static bool IsUpcoming(PartnerMeeting m, DateTime now) =>
        m.Status == MeetingStatus.scheduled && m.ScheduledAt.AddMinutes(m.DurationMinutes) > now;

    private static MeetingView View(PartnerMeeting m, IReadOnlyDictionary<Guid, string> names)
    {
        var start = DateTime.SpecifyKind(m.ScheduledAt, DateTimeKind.Utc);
        return new MeetingView(m.Id, m.Title, m.Description, start, MeetingSlots.Describe(start, start).Start, start.AddMinutes(m.DurationMinutes),
            m.DurationMinutes, m.MeetingUrl, m.Attendees.Select(a => new MeetingAttendeeView(a.UserId, a.Name, a.Email)).ToList(), m.Status,
            m.AiSuggested, m.Notes, new PersonView(m.OrganizerId, names.GetValueOrDefault(m.OrganizerId) ?? "Former member"),
            $"{CollaborationEndpoints.Prefix}/meetings/{m.Id}/invite.ics", m.CreatedAt);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Users.Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.FirstName, u.LastName }).ToListAsync(ct);
        return rows.ToDictionary(u => u.Id, u => MessageParties.NameOf(u.DisplayName, u.FirstName, u.LastName));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
