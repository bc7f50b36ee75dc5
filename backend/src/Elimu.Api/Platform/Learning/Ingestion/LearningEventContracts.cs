namespace Elimu.Api.Platform.Learning.Ingestion;

public enum LearningEventKind { session, lesson_progress, assessment, achievement }

/// <summary>A batch of at most <see cref="IngestLearningEvents.MaxBatch"/> events from a platform service.</summary>
public sealed record LearningEventBatch(IReadOnlyList<LearningEventInput?>? Events);

/// <summary>
/// One learning event. Every event has an <see cref="Id"/> chosen by the sender (a resend with the same id is stored
/// once), a <see cref="Kind"/>, the <see cref="StudentId"/> and <see cref="OccurredAt"/> (with its offset). The other
/// fields belong to one kind each:
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
    DeviceKind? Device = null,
    int? LessonsTouched = null,
    string? LearningAreaCode = null,
    Guid? LessonId = null,
    LessonStatus? Status = null,
    decimal? Score = null,
    int? TimeSpentSeconds = null,
    DateTimeOffset? CompletedAt = null,
    string? Title = null,
    string? Description = null,
    RubricLevel? RubricLevel = null,
    AchievementKind? AchievementKind = null);

/// <param name="Received">Events in the batch.</param>
/// <param name="Stored">Events stored now.</param>
/// <param name="Duplicates">Events whose id was already stored (by an earlier or a parallel send); nothing of them was stored again.</param>
public sealed record LearningEventBatchResult(int Received, int Stored, int Duplicates);
