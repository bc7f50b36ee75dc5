using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform.Learning;

/// <summary>One sitting on the platform: when it started, how long it lasted, on what device.</summary>
public class ActivitySession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public DateTime StartedAt { get; set; }
    public int DurationMinutes { get; set; }
    public DeviceKind Device { get; set; }
    public int LessonsTouched { get; set; }
    /// <summary>The area the session was spent on, when the platform knows it (ingested sessions may name one).</summary>
    public Guid? LearningAreaId { get; set; }
}
