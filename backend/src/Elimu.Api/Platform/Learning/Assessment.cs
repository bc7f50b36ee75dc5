using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform.Learning;

/// <summary>A scored assessment in one learning area, with its CBC rubric level.</summary>
public class Assessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public Guid LearningAreaId { get; set; }
    public LearningArea? LearningArea { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Percentage 0-100.</summary>
    public decimal Score { get; set; }
    public RubricLevel RubricLevel { get; set; }
    public DateTime AssessedAt { get; set; }
}
