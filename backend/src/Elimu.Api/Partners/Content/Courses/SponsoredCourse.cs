using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>
/// A course a partner assembles for its sponsored children from platform lessons and its own approved resources, in order,
/// and offers to some of its programs (<see cref="TargetPrograms"/>). Its monitoring reads the children's progress on its
/// lessons through the consent gate.
/// </summary>
public class SponsoredCourse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public CbcGrade Grade { get; set; }
    /// <summary>The CBC learning area's code (<see cref="Platform.Learning.CbcLearningAreas"/>).</summary>
    public string LearningArea { get; set; } = "";
    public SponsoredCourseStatus Status { get; set; } = SponsoredCourseStatus.draft;
    /// <summary>The partner's programs whose children take the course.</summary>
    public List<Guid> TargetPrograms { get; set; } = [];
    public List<SponsoredCourseItem> Items { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
}

/// <summary>One step of a course: a platform lesson or one of the partner's approved resources, at its position (from 1).</summary>
public class SponsoredCourseItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public int Position { get; set; }
    public CourseItemKind Kind { get; set; }
    public Guid? LessonId { get; set; }
    public Guid? ResourceId { get; set; }
}

public enum SponsoredCourseStatus { draft, published, archived }

public enum CourseItemKind { lesson, resource }
