using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>
/// The meeting as an RFC 5545 invitation (Ical.Net): one VEVENT with a stable UID, DTSTART in UTC, the organizer and
/// every attendee; METHOD:REQUEST while it stands, METHOD:CANCEL with STATUS:CANCELLED once cancelled, and a SEQUENCE
/// that rises with each change so calendars replace the older copy.
/// </summary>
public static class MeetingInvitation
{
    public const string ContentType = "text/calendar; charset=utf-8; method=";

    public static (string Text, string Method) Write(PartnerMeeting m, DateTime nowUtc)
    {
        var cancelled = m.Status == MeetingStatus.cancelled;
        var method = cancelled ? "CANCEL" : "REQUEST";
        var start = DateTime.SpecifyKind(m.ScheduledAt, DateTimeKind.Utc);
        var organizer = m.Attendees.FirstOrDefault(a => a.UserId == m.OrganizerId);
        var e = new CalendarEvent
        {
            Uid = $"{m.Id}@elimu.partner",
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddMinutes(m.DurationMinutes)),
            Summary = m.Title,
            Description = string.Join("\n\n", new[] { m.Description, m.MeetingUrl is null ? null : $"Join: {m.MeetingUrl}" }.OfType<string>()),
            Location = m.MeetingUrl,
            Sequence = m.Sequence,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer(MailTo(organizer?.Email)) { CommonName = organizer?.Name ?? "Elimu" },
        };
        if (m.MeetingUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link)) e.Url = link;
        foreach (var a in m.Attendees)
            e.Attendees.Add(new Attendee(MailTo(a.Email))
            {
                CommonName = a.Name, Role = "REQ-PARTICIPANT", Rsvp = a.UserId != m.OrganizerId,
                ParticipationStatus = a.UserId == m.OrganizerId ? "ACCEPTED" : "NEEDS-ACTION",
            });
        var calendar = new Calendar { Method = method, ProductId = "-//Elimu//Partner Dashboard//EN" };
        calendar.Events.Add(e);
        return (new CalendarSerializer().SerializeToString(calendar)!, method);
    }

    private static string MailTo(string? email) => "mailto:" + (string.IsNullOrWhiteSpace(email) ? "no-reply@elimu.local" : email);
}
