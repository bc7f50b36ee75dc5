using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform.Learning;

public class Achievement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public AchievementKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Guid? LearningAreaId { get; set; }
    public DateTime AwardedAt { get; set; }
}
