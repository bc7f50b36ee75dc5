using System.Collections.Concurrent;
using Elimu.Api.Ai;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Partners.Ai;

/// <summary>Records every task it is given, then hands it to the API's own orchestrator (Offline, as no key is configured).</summary>
public sealed class RecordingOrchestrator : IAiOrchestrator
{
    private IAiOrchestrator? _inner;

    internal void Wrap(IAiOrchestrator inner) => _inner ??= inner;

    public ConcurrentQueue<(AiTaskType Type, Guid? PartnerId, string Facts)> Calls { get; } = new();

    public IReadOnlyList<string> FactsOf(AiTaskType type, Guid partnerId) =>
        Calls.Where(c => c.Type == type && c.PartnerId == partnerId).Select(c => c.Facts).ToList();

    /// <summary>When set, tasks of this type wait for it (honouring cancellation) before answering: a slow provider.</summary>
    public (AiTaskType Type, TaskCompletionSource Release)? Hold { get; set; }

    public async Task<AiAnswer<T>> RunAsync<T>(AiTask<T> task, AiRequest request, CancellationToken ct) where T : class
    {
        Calls.Enqueue((task.Type, request.PartnerId, task.FactsJson));
        if (Hold is { } hold && hold.Type == task.Type) await hold.Release.Task.WaitAsync(ct);
        return await (_inner ?? throw new InvalidOperationException("The recording orchestrator wraps nothing yet.")).RunAsync(task, request, ct);
    }
}

/// <summary>The API on the finance tests' fake clock, with a <see cref="RecordingOrchestrator"/> in place of the real one.</summary>
public sealed class AiInsightsApiFactory : FinanceApiFactory
{
    public RecordingOrchestrator Orchestrator { get; }

    public AiInsightsApiFactory() => Orchestrator = new RecordingOrchestrator();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IAiOrchestrator>(sp =>
        {
            Orchestrator.Wrap(ActivatorUtilities.CreateInstance<RoutedAiOrchestrator>(sp));
            return Orchestrator;
        }));
    }
}

public static class AiInsightsTestKit
{
    /// <summary>A new partner and its signed-in client, with a way to sign in again (after the fake clock has moved past the session).</summary>
    public static async Task<(Guid Id, ApiClient Client, Func<Task<ApiClient>> SignIn)> PartnerWithSignInAsync(this FinanceApiFactory api)
    {
        var partner = await api.CreateAsync(Roles.Partner);
        Task<ApiClient> SignIn() => api.LoginAsync(partner.Email!, TestUsers.Password);
        return (partner.Id, await SignIn(), SignIn);
    }

    /// <summary>The partner's child (sponsored-child id and student id) by first name.</summary>
    public static Task<Dictionary<string, (Guid ChildId, Guid StudentId)>> ChildrenAsync(this FinanceApiFactory api, Guid programId) =>
        api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == programId)
            .Select(c => new { c.Id, c.StudentId, c.Student!.FirstName }).ToDictionaryAsync(c => c.FirstName, c => (c.Id, c.StudentId)));

    /// <summary>A day of learning straight into the rollups (what ingestion keeps): minutes in sessions, or one assessment in an area.</summary>
    public static Task LearnAsync(this FinanceApiFactory api, Guid studentId, DateOnly day, int minutes = 0, Guid? area = null, decimal? score = null) =>
        api.WithDbAsync(async db =>
        {
            db.LearningDayRollups.Add(new LearningDayRollup
            {
                StudentId = studentId, Day = day, LearningAreaId = area ?? LearningDayRollup.NoArea, Minutes = minutes, Sessions = minutes > 0 ? 1 : 0,
                LastSessionAt = minutes > 0 ? FinanceApiFactory.Nairobi(day, 16).UtcDateTime : null,
                Assessments = score is null ? 0 : 1, AssessmentScoreHundredths = score is { } s ? (long)(s * 100) : 0,
            });
            if (score is { } value && area is { } areaId)
                db.Assessments.Add(new Assessment
                {
                    StudentId = studentId, LearningAreaId = areaId, Title = "Test assessment", Score = value,
                    RubricLevel = value >= 80 ? RubricLevel.EE : value >= 60 ? RubricLevel.ME : value >= 40 ? RubricLevel.AE : RubricLevel.BE,
                    AssessedAt = FinanceApiFactory.Nairobi(day, 15).UtcDateTime,
                });
            await db.SaveChangesAsync();
        });

    public static Task<Guid> LearningAreaAsync(this FinanceApiFactory api, string name) => api.WithDbAsync(async db =>
    {
        var area = new LearningArea { Code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), Name = name };
        db.LearningAreas.Add(area);
        await db.SaveChangesAsync();
        return area.Id;
    });
}
