namespace Elimu.Api.Platform.Learning.Ingestion;

public enum LearningEventKind { session, lesson_progress, assessment, achievement }

/// <summary>A batch of at most <see cref="IngestLearningEvents.MaxBatch"/> events from a platform service.</summary>
public sealed record LearningEventBatch(IReadOnlyList<LearningEventInput?>? Events);

/// <summary>
/// One learning event. Every event has an <see cref="Id"/> chosen by the sender (a resend with the same id is stored
/// once), a <see cref="Kind"/>, the <see cref="StudentId"/> and <see cref="OccurredAt"/> (with its offset). The other
/// fields belong to one kind each (enum-like fields are names, as elsewhere in the API, typed as strings here so the
/// shared enum schemas stay non-nullable in the OpenAPI document):
/// session: durationMinutes, device, lessonsTouched, learningAreaCode (optional);
/// lesson_progress: lessonId, status, score (optional), timeSpentSeconds, completedAt (when completed; default occurredAt);
/// assessment: learningAreaCode, title, score (0–100), rubricLevel;
/// achievement: achievementKind, title, description (optional), learningAreaCode (optional).
/// </summary>
public sealed record LearningEventInput(
    Guid? Id,
    LearningEventKind? Kind,
    Guid? StudentId,
    DateTimeOffset? OccurredAt,
    int? DurationMinutes = null,
    string? Device = null,
    int? LessonsTouched = null,
    string? LearningAreaCode = null,
    Guid? LessonId = null,
    string? Status = null,
    decimal? Score = null,
    int? TimeSpentSeconds = null,
    DateTimeOffset? CompletedAt = null,
    string? Title = null,
    string? Description = null,
    string? RubricLevel = null,
    string? AchievementKind = null);

/// <param name="Received">Events in the batch.</param>
/// <param name="Stored">Events stored now.</param>
/// <param name="Duplicates">Events whose id was already stored (by an earlier or a parallel send); nothing of them was stored again.</param>
public sealed record LearningEventBatchResult(int Received, int Stored, int Duplicates);

internal static class EventNames
{
    /// <summary>An enum value by its exact name only (no numbers), as the rest of the API accepts enums.</summary>
    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        return !string.IsNullOrEmpty(value) && !char.IsDigit(value[0]) && value[0] != '-'
            && Enum.TryParse(value, ignoreCase: false, out parsed) && Enum.IsDefined(parsed);
    }

    public static T Parse<T>(string? value) where T : struct, Enum => TryParse<T>(value, out var parsed) ? parsed : throw new ArgumentException(value);
}
