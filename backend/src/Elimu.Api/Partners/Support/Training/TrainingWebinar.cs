namespace Elimu.Api.Partners.Support.Training;

/// <summary>A live online session Elimu's team runs for partners; the recording is added once it is over.</summary>
public class TrainingWebinar
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string HostName { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string JoinUrl { get; set; } = "";
    public string? RecordingUrl { get; set; }
    /// <summary>Seats across all partners; null for no limit.</summary>
    public int? Capacity { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Touched by every registration: the row lock that makes "a seat is left" and taking it one step.</summary>
    public DateTime UpdatedAt { get; set; }

    public int DurationMinutes => (int)(EndsAt - StartsAt).TotalMinutes;
}

/// <summary>A team member's seat at a webinar. One per member and webinar (a unique index).</summary>
public class WebinarRegistration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WebinarId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The team the member registered from: what the partner's own views count.</summary>
    public Guid PartnerProfileId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A module a team member finished. Courses are markdown files (<see cref="CourseCatalog"/>), so the row names the course
/// and module by slug; one per member and module (a unique index).
/// </summary>
public class ModuleCompletion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerProfileId { get; set; }
    public Guid UserId { get; set; }
    public string CourseSlug { get; set; } = "";
    public string ModuleSlug { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
