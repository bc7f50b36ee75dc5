using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform.Learning;

public class Course
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LearningAreaId { get; set; }
    public LearningArea? LearningArea { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public CbcGrade Grade { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Lesson> Lessons { get; set; } = [];
}
