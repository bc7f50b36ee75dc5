using System.Security.Claims;
using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Platform.ServiceKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Ingestion;

/// <summary>
/// POST /api/v1/learning/events (ADR 0008): a platform service sends up to <see cref="MaxBatch"/> learning events,
/// authenticated by its API key. The batch is validated whole, then in one transaction under
/// <see cref="LearningWriteLock"/>: the event ids go into the ledger (an id already there is skipped), the new events
/// become learning rows (one set-based insert per table), and their tally, folded per (student, day, area), is added
/// to the daily rollups with one upsert per key. Nothing is stored twice, and nothing of a
/// refused or failed batch is stored at all.
/// </summary>
public static class IngestLearningEvents
{
    public const int MaxBatch = 1000;
    public const string RateLimit = "learning-events";
    public const string Route = "/api/v1/learning/events";
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapLearningEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, Handle).WithTags("Platform · Learning events")
            .RequireAuthorization(ServiceKeyAuthentication.Policy)
            .RequireRateLimiting(RateLimit)
            // 1,000 events with every text field at its maximum come to about 1.1 MB, over the API's 1 MB default.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .WithSummary("Store a batch of up to 1,000 learning events from a platform service (API key; de-duplicated by event id).");
        return app;
    }

    public static async Task<Ok<LearningEventBatchResult>> Handle(LearningEventBatch batch, ClaimsPrincipal service, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        LearningEventValidator.Validate(batch.Events, null, now);
        var events = batch.Events!.Select(e => e!).ToList();
        var refs = await BatchReferences.LoadAsync(db, events, ct);
        LearningEventValidator.Validate(events, refs, now);
        var keyId = Guid.Parse(service.FindFirstValue(ClaimTypes.NameIdentifier)!);

        await using var write = await LearningWriteLock.BeginAsync(db, ct);
        var receipts = events.Select(e => new LearningEventReceipt
        {
            Id = e.Id!.Value, Kind = e.Kind!.Value, StudentId = e.StudentId!.Value, ServiceKeyId = keyId, ReceivedAt = now.UtcDateTime,
        }).ToList();
        // The ledger is the de-duplication: one statement inserts the ids not seen before and reports them back. Its
        // primary key decides, so a send racing this one on another connection or instance cannot store an id twice.
        var ledger = new BulkRows<LearningEventReceipt>(db);
        var id = ledger.Column(nameof(LearningEventReceipt.Id));
        var fresh = (await ledger.InsertReturningAsync(receipts, $"ON CONFLICT ({id}) DO NOTHING RETURNING {id}",
            r => ReadGuid(r.GetValue(0)), ct)).ToHashSet();
        var stored = events.Where(e => fresh.Contains(e.Id!.Value)).ToList();

        var tally = new RollupTally();
        await StoreAsync(db, stored, refs, tally, ct);
        await LearningRollups.AddAsync(db, tally, ct);
        await write.CommitAsync(ct);
        return TypedResults.Ok(new LearningEventBatchResult(events.Count, stored.Count, events.Count - stored.Count));
    }

    private static async Task StoreAsync(AppDbContext db, List<LearningEventInput> events, BatchReferences refs, RollupTally tally, CancellationToken ct)
    {
        Guid? AreaOf(string? code) => string.IsNullOrWhiteSpace(code) ? null : refs.AreasByCode[code.Trim()];
        List<LearningEventInput> Of(LearningEventKind kind) => events.Where(e => e.Kind == kind).ToList();

        var sessions = Of(LearningEventKind.session).Select(e => new ActivitySession
        {
            Id = e.Id!.Value, StudentId = e.StudentId!.Value, StartedAt = e.OccurredAt!.Value.UtcDateTime, DurationMinutes = e.DurationMinutes!.Value,
            Device = EventNames.Parse<DeviceKind>(e.Device), LessonsTouched = e.LessonsTouched ?? 0, LearningAreaId = AreaOf(e.LearningAreaCode),
        }).ToList();
        foreach (var s in sessions) tally.Session(s.StudentId, s.StartedAt, s.DurationMinutes, s.Device, s.LearningAreaId);
        await new BulkRows<ActivitySession>(db).InsertAsync(sessions, "", ct);

        var assessments = Of(LearningEventKind.assessment).Select(e => new Assessment
        {
            Id = e.Id!.Value, StudentId = e.StudentId!.Value, LearningAreaId = AreaOf(e.LearningAreaCode)!.Value, Title = e.Title!.Trim(),
            Score = e.Score!.Value, RubricLevel = EventNames.Parse<RubricLevel>(e.RubricLevel), AssessedAt = e.OccurredAt!.Value.UtcDateTime,
        }).ToList();
        foreach (var a in assessments) tally.Assessment(a.StudentId, a.AssessedAt, a.LearningAreaId, a.Score);
        await new BulkRows<Assessment>(db).InsertAsync(assessments, "", ct);

        var achievements = Of(LearningEventKind.achievement).Select(e => new Achievement
        {
            Id = e.Id!.Value, StudentId = e.StudentId!.Value, Kind = EventNames.Parse<AchievementKind>(e.AchievementKind), Title = e.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(e.Description) ? null : e.Description.Trim(), LearningAreaId = AreaOf(e.LearningAreaCode),
            AwardedAt = e.OccurredAt!.Value.UtcDateTime,
        }).ToList();
        foreach (var a in achievements) tally.Achievement(a.StudentId, a.AwardedAt, a.LearningAreaId);
        await new BulkRows<Achievement>(db).InsertAsync(achievements, "", ct);

        await LessonProgressUpdates.ApplyAsync(db, Of(LearningEventKind.lesson_progress), refs, tally, ct);
    }

    // SQLite hands GUIDs back as text, PostgreSQL as Guid.
    private static Guid ReadGuid(object value) => value is Guid g ? g : Guid.Parse((string)value);
}
