using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>A course as the partner saves it: the whole course each time (create and replace).</summary>
/// <param name="LearningArea">A CBC learning area's code (MATH, ENG, ...).</param>
/// <param name="Items">The course's steps in order: a platform lesson (<c>kind: lesson, lessonId</c>) or one of the partner's approved resources (<c>kind: resource, resourceId</c>).</param>
/// <param name="TargetPrograms">Ids of the partner's programs whose children take the course.</param>
public sealed record SaveCourseRequest(string? Title, string? Description, CbcGrade? Grade, string? LearningArea, List<CourseItemRequest?>? Items,
    List<Guid>? TargetPrograms);

public sealed record CourseItemRequest(CourseItemKind? Kind, Guid? LessonId, Guid? ResourceId);

public sealed record CourseListQuery(SponsoredCourseStatus? Status, Guid? ProgramId, string? Search, int? Page, int? PageSize);

public sealed record CourseProgramView(Guid Id, string Name, ProgramStatus Status);

/// <summary>One step of the course with what the builder shows of it; <c>available</c> is false once a resource is no longer approved.</summary>
/// <param name="Detail">Where a lesson comes from ("Grade 5 Mathematics · lesson 2"), or a resource's type.</param>
public sealed record CourseItemView(int Position, CourseItemKind Kind, Guid? LessonId, Guid? ResourceId, string Title, string Detail,
    int? DurationMinutes, bool Available);

public sealed record SponsoredCourseView(Guid Id, string Title, string? Description, CbcGrade Grade, string LearningArea, string LearningAreaName,
    SponsoredCourseStatus Status, IReadOnlyList<CourseItemView> Items, IReadOnlyList<CourseProgramView> TargetPrograms,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt);

public sealed record SponsoredCourseSummary(Guid Id, string Title, CbcGrade Grade, string LearningArea, string LearningAreaName, SponsoredCourseStatus Status,
    int Lessons, int Resources, IReadOnlyList<CourseProgramView> TargetPrograms, DateTime UpdatedAt, DateTime? PublishedAt);

public sealed record CatalogLessonQuery(CbcGrade? Grade, string? LearningArea, string? Search, int? Page, int? PageSize);

public sealed record CatalogLessonView(Guid Id, string Title, int Sequence, int DurationMinutes, string CourseTitle, CbcGrade Grade,
    string LearningArea, string LearningAreaName);

public sealed record CatalogResourceQuery(string? Search, int? Page, int? PageSize);

public sealed record CatalogResourceView(Guid Id, string Title, string? Description, ResourceType ResourceType, DateTime? ReviewedAt);

/// <summary>
/// How the course is going among the consented children of its target programs (see the route's description for each
/// figure's definition). Percentages have one decimal; null where there is nothing to divide by.
/// </summary>
public sealed record CourseMonitoringView(Guid CourseId, string Title, SponsoredCourseStatus Status, int EnrolledChildren, int CompletedChildren,
    decimal? CompletionRate, decimal? AverageScore, int MinutesSpent, decimal? AverageMinutesPerChild, IReadOnlyList<CourseItemFigures> Items,
    IReadOnlyList<CourseProgramView> Programs, IReadOnlyList<Guid> SuspendedPrograms);

/// <summary>
/// One step's figures. A lesson is tracked: <c>reached</c> children started it, <c>dropOff</c> is how many fewer reached it
/// than the lesson before (null for the first). A resource is not tracked: the platform records no child's use of it.
/// </summary>
public sealed record CourseItemFigures(int Position, CourseItemKind Kind, string Title, bool Tracked, int? Reached, int? Completed,
    decimal? ReachedPercent, int? DropOff, decimal? AverageScore, int? MinutesSpent);
