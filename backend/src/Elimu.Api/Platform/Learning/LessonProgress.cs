using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform.Learning;

/// <summary>One student's state on one lesson.</summary>
public class LessonProgress
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public Guid LessonId { get; set; }
    public Lesson? Lesson { get; set; }
    public LessonStatus Status { get; set; }
    /// <summary>Percentage 0-100, when the lesson has a check.</summary>
    public decimal? Score { get; set; }
    public int TimeSpentSeconds { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
