using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Collaboration;

public class PartnerMeeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    /// <summary>The team member who scheduled it (the invitation's ORGANIZER).</summary>
    public Guid OrganizerId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The agenda.</summary>
    public string? Description { get; set; }
    /// <summary>The start, in UTC (shown in Africa/Nairobi).</summary>
    public DateTime ScheduledAt { get; set; }
    public int DurationMinutes { get; set; } = 30;
    public string? MeetingUrl { get; set; }
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public MeetingStatus Status { get; set; } = MeetingStatus.scheduled;
    /// <summary>The start was one of the free slots <see cref="SuggestedTimes"/> offered.</summary>
    public bool AiSuggested { get; set; }
    public string? Notes { get; set; }
    /// <summary>RFC 5545 SEQUENCE: raised when the meeting changes (a cancellation), so calendars take the newer invitation.</summary>
    public int Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum MeetingStatus { scheduled, completed, cancelled }

public record MeetingAttendee
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public Guid? UserId { get; set; }
}
