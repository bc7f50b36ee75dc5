namespace Elimu.Api.Partners.Collaboration;

/// <param name="When">upcoming (scheduled, not yet ended; soonest first) or past (ended, completed or cancelled; latest first).</param>
public sealed record MeetingListQuery(MeetingWhen? When, int? Page, int? PageSize);

public enum MeetingWhen { upcoming, past }

/// <param name="ScheduledAt">The start, ISO 8601 with an offset (the page sends Nairobi time, +03:00).</param>
/// <param name="AttendeeIds">Team members and staff (see the recipients list); you attend the meetings you schedule.</param>
/// <param name="AiSuggested">The start was picked from the suggested times; kept only when it is such a free slot.</param>
public sealed record ScheduleMeetingRequest(string? Title, string? Description, DateTimeOffset? ScheduledAt, int? DurationMinutes,
    string? MeetingUrl, IReadOnlyList<Guid>? AttendeeIds, bool? AiSuggested);

/// <param name="Status">completed or cancelled; only a scheduled meeting changes.</param>
public sealed record MeetingStatusChange(MeetingStatus? Status, string? Notes);

public sealed record MeetingAttendeeView(Guid? UserId, string Name, string? Email);

/// <param name="ScheduledAt">UTC; <see cref="ScheduledAtNairobi"/> is the same instant in Africa/Nairobi.</param>
public sealed record MeetingView(Guid Id, string Title, string? Description, DateTime ScheduledAt, DateTimeOffset ScheduledAtNairobi,
    DateTime EndsAt, int DurationMinutes, string? MeetingUrl, IReadOnlyList<MeetingAttendeeView> Attendees, MeetingStatus Status,
    bool AiSuggested, string? Notes, PersonView Organizer, string InviteUrl, DateTime CreatedAt);

/// <summary>A free slot: every attendee is free from <see cref="Start"/> to <see cref="End"/>, within 08:00–17:00 Nairobi on a weekday.</summary>
public sealed record SuggestedSlot(DateTimeOffset Start, DateTimeOffset End, string Label);

public sealed record SuggestedTimes(IReadOnlyList<SuggestedSlot> Slots, int DurationMinutes, string TimeZone);
