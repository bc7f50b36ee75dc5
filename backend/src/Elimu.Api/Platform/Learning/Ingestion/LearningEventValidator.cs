using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Ingestion;

/// <summary>What the database says about a batch's references: which students and lessons exist, the areas by code.</summary>
internal sealed record BatchReferences(HashSet<Guid> Students, Dictionary<Guid, Guid> LessonAreas, Dictionary<string, Guid> AreasByCode)
{
    public static async Task<BatchReferences> LoadAsync(AppDbContext db, IReadOnlyList<LearningEventInput> events, CancellationToken ct)
    {
        var studentIds = events.Select(e => e.StudentId).OfType<Guid>().Distinct().ToList();
        var lessonIds = events.Select(e => e.LessonId).OfType<Guid>().Distinct().ToList();
        var students = (await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var lessons = lessonIds.Count == 0 ? [] : await db.Lessons.AsNoTracking().Where(l => lessonIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Course!.LearningAreaId }).ToDictionaryAsync(l => l.Id, l => l.LearningAreaId, ct);
        var areas = await db.LearningAreas.AsNoTracking().Select(a => new { a.Code, a.Id }).ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, ct);
        return new(students, lessons, areas);
    }
}

/// <summary>
/// Checks a batch against the rules (ADR 0008): a bad event refuses the whole batch with a 400 that names the first
/// failing event's index and reason, and lists every failing field as <c>events[i].field</c>.
/// </summary>
internal static class LearningEventValidator
{
    public const int MaxSessionMinutes = 720;
    public const int MaxTimeSpentSeconds = 86_400;
    public const int MaxLessonsTouched = 500;
    public const int MaxDescription = 500;
    /// <summary>How late an offline device may send: a year of Nairobi days before today.</summary>
    public const int MaxAgeDays = 366;
    /// <summary>Clock skew tolerated between a sender and this server.</summary>
    public static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(5);

    public static void Validate(IReadOnlyList<LearningEventInput?>? events, BatchReferences? refs, DateTimeOffset now)
    {
        if (events is null || events.Count == 0)
            throw Refusal(null, "events", "Send at least one event.");
        if (events.Count > IngestLearningEvents.MaxBatch)
            throw Refusal(null, "events", $"Send at most {IngestLearningEvents.MaxBatch:N0} events per batch (this one has {events.Count:N0}).");

        var errors = new List<(int Index, string Field, string Reason)>();
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < events.Count; i++)
        {
            var before = errors.Count;
            void Fail(string field, string reason) => errors.Add((i, field, reason));
            if (events[i] is not { } e) { Fail("", "This event is empty."); continue; }
            if (e.Id is not { } id || id == Guid.Empty) Fail("id", "Give every event a unique id (a UUID).");
            else if (seen.TryGetValue(id, out var first)) Fail("id", $"This id is also the id of event {first}; an id names one event.");
            else seen[id] = i;
            if (e.Kind is null) Fail("kind", "Say what kind of event this is: session, lesson_progress, assessment or achievement.");
            if (e.StudentId is not { } student) Fail("studentId", "Name the student.");
            else if (refs is not null && !refs.Students.Contains(student)) Fail("studentId", "No student has this id.");
            if (e.OccurredAt is not { } at) Fail("occurredAt", "Say when this happened (ISO 8601 with offset).");
            else CheckTime("occurredAt", at, now, Fail);
            if (errors.Count == before && e.Kind is { } kind && refs is not null) CheckKind(kind, e, refs, now, Fail);
        }
        if (errors.Count == 0) return;

        var (index, field, reason) = errors[0];
        var refusal = Refusal(index, field, reason);
        refusal.Extensions["errors"] = errors.Take(50).GroupBy(x => Key(x.Index, x.Field))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Reason).ToArray());
        throw refusal;
    }

    private static void CheckKind(LearningEventKind kind, LearningEventInput e, BatchReferences refs, DateTimeOffset now, Action<string, string> fail)
    {
        switch (kind)
        {
            case LearningEventKind.session:
                if (e.DurationMinutes is not (>= 1 and <= MaxSessionMinutes)) fail("durationMinutes", $"A session lasts 1 to {MaxSessionMinutes} minutes.");
                if (!EventNames.TryParse<DeviceKind>(e.Device, out _)) fail("device", "Say which device the session was on: mobile, tablet, desktop or shared_lab.");
                if (e.LessonsTouched is < 0 or > MaxLessonsTouched) fail("lessonsTouched", $"Lessons touched must be 0 to {MaxLessonsTouched}.");
                Area(e.LearningAreaCode, required: false, refs, fail);
                break;
            case LearningEventKind.lesson_progress:
                if (e.LessonId is not { } lesson) fail("lessonId", "Name the lesson.");
                else if (!refs.LessonAreas.ContainsKey(lesson)) fail("lessonId", "No lesson has this id.");
                if (!EventNames.TryParse<LessonStatus>(e.Status, out var status)) fail("status", "Say the lesson's status: not_started, in_progress or completed.");
                if (e.Score is { } s) Score("score", s, fail);
                if (e.TimeSpentSeconds is < 0 or > MaxTimeSpentSeconds) fail("timeSpentSeconds", $"Time spent must be 0 to {MaxTimeSpentSeconds:N0} seconds.");
                if (e.CompletedAt is { } done)
                {
                    if (status != LessonStatus.completed) fail("completedAt", "Only a completed lesson has a completion time.");
                    else CheckTime("completedAt", done, now, fail);
                }
                break;
            case LearningEventKind.assessment:
                Area(e.LearningAreaCode, required: true, refs, fail);
                Title(e.Title, fail);
                if (e.Score is not { } score) fail("score", "Give the assessment's score (0 to 100).");
                else Score("score", score, fail);
                if (!EventNames.TryParse<RubricLevel>(e.RubricLevel, out _)) fail("rubricLevel", "Give the CBC rubric level: EE, ME, AE or BE.");
                break;
            case LearningEventKind.achievement:
                if (!EventNames.TryParse<AchievementKind>(e.AchievementKind, out _)) fail("achievementKind", "Say what was earned: certificate, badge or milestone.");
                Title(e.Title, fail);
                if ((e.Description?.Length ?? 0) > MaxDescription) fail("description", $"Keep the description under {MaxDescription} characters.");
                Area(e.LearningAreaCode, required: false, refs, fail);
                break;
        }
    }

    private static void CheckTime(string field, DateTimeOffset at, DateTimeOffset now, Action<string, string> fail)
    {
        var earliest = DateOnly.FromDateTime(NairobiTime.ToNairobi(now.UtcDateTime)).AddDays(-MaxAgeDays);
        if (at > now + FutureSkew) fail(field, "This time is in the future.");
        else if (DateOnly.FromDateTime(NairobiTime.ToNairobi(at.UtcDateTime)) < earliest)
            fail(field, $"This time is more than {MaxAgeDays} days ago (Nairobi time); such events are loaded by an operator, not sent.");
    }

    private static void Area(string? code, bool required, BatchReferences refs, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(code)) { if (required) fail("learningAreaCode", "Name the learning area by its code."); return; }
        if (!refs.AreasByCode.ContainsKey(code.Trim())) fail("learningAreaCode", "No learning area has this code.");
    }

    private static void Title(string? title, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200) fail("title", "Give a title of 1 to 200 characters.");
    }

    private static void Score(string field, decimal score, Action<string, string> fail)
    {
        if (score is < 0 or > 100 || decimal.Round(score, 2) != score) fail(field, "A score is a percentage from 0 to 100 with at most two decimals.");
    }

    private static string Key(int index, string field) => field.Length == 0 ? $"events[{index}]" : $"events[{index}].{field}";

    private static DomainException Refusal(int? index, string field, string reason)
    {
        var refusal = new DomainException(StatusCodes.Status400BadRequest, "invalid_event_batch",
            index is null ? "The batch is invalid." : $"Event {index} is invalid; nothing of the batch was stored.",
            index is null ? reason : $"events[{index}]{(field.Length == 0 ? "" : "." + field)}: {reason}");
        refusal.Extensions["index"] = index;
        refusal.Extensions["reason"] = reason;
        refusal.Extensions["errors"] = new Dictionary<string, string[]> { [index is null ? field : Key(index.Value, field)] = [reason] };
        return refusal;
    }
}
