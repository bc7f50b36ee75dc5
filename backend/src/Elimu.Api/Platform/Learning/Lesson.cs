namespace Elimu.Api.Platform.Learning;

public class Lesson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public Course? Course { get; set; }
    public string Title { get; set; } = "";
    public int Sequence { get; set; }
    public int DurationMinutes { get; set; }
}
