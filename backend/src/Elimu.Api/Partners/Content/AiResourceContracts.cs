using Elimu.Api.Partners.Content.Generation;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Content;

/// <param name="Prompt">What to teach, in the partner's words: a topic, a need, a class situation.</param>
/// <param name="LearningArea">A CBC learning area's code, as <c>GET /content/ai-resources/options</c> lists them.</param>
/// <param name="ResourceType"><c>lesson</c> (default) or <c>material</c>.</param>
public sealed record GenerateLessonRequest(string? Prompt, CbcGrade? Grade, string? LearningArea, ResourceType? ResourceType);

/// <summary>A partner's edit of a draft: the title and the lesson's fields.</summary>
public sealed record UpdateAiResourceRequest(GeneratedLesson? Lesson);

/// <summary>A generated resource with its lesson and where the lesson came from (provider, model, time of generation); <c>editedAt</c> is set once the partner changed it.</summary>
public sealed record AiResourceView(
    Guid Id, string Title, ResourceType ResourceType, ResourceStatus Status, string Prompt, CbcGrade Grade, string LearningArea,
    string LearningAreaName, GeneratedLesson Lesson, int TotalMinutes, string Provider, string Model, DateTime GeneratedAt,
    DateTime? EditedAt, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record AiResourceSummary(
    Guid Id, string Title, ResourceType ResourceType, ResourceStatus Status, CbcGrade Grade, string LearningArea, string LearningAreaName,
    string Provider, string Model, DateTime GeneratedAt, DateTime UpdatedAt);

/// <summary>The grades and learning areas the generator accepts, with the grades each area is taught in.</summary>
public sealed record AiResourceOptions(IReadOnlyList<GradeOption> Grades, IReadOnlyList<LearningAreaOption> LearningAreas);

public sealed record GradeOption(CbcGrade Value, string Label);

public sealed record LearningAreaOption(string Code, string Name, IReadOnlyList<CbcGrade> Grades);
