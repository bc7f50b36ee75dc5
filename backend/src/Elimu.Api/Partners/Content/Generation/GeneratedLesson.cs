using Elimu.Api.Platform.Learning;

namespace Elimu.Api.Partners.Content.Generation;

/// <summary>
/// A CBC lesson or material as the content generator writes it and a partner edits it: structured fields only (no HTML),
/// so the page renders each as text and every answer is checked against <see cref="LessonRules"/>.
/// </summary>
public sealed record GeneratedLesson(
    string Title,
    string Summary,
    string KeyInquiryQuestion,
    IReadOnlyList<string> LearningOutcomes,
    IReadOnlyList<LessonActivity> Activities,
    IReadOnlyList<RubricRow> Rubric,
    IReadOnlyList<string> ResourcesNeeded,
    IReadOnlyList<CoreCompetency> CoreCompetencies);

/// <summary>One step of the lesson: what the learners do, in order, and for how long.</summary>
public sealed record LessonActivity(string Title, int DurationMinutes, IReadOnlyList<string> Steps);

/// <summary>What a learner at this rubric level shows for the lesson's outcomes.</summary>
public sealed record RubricRow(RubricLevel Level, string Descriptor);
