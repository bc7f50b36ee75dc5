using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Collaboration;

public class PartnerMeeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateTime ScheduledAt { get; set; }
    public int DurationMinutes { get; set; } = 30;
    public string? MeetingUrl { get; set; }
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public MeetingStatus Status { get; set; } = MeetingStatus.scheduled;
    public bool AiSuggested { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum MeetingStatus { scheduled, completed, cancelled }

public record MeetingAttendee
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public Guid? UserId { get; set; }
}
