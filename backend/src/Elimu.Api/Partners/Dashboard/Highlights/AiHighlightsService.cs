using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>The dashboard's AI highlights card: the items, and who wrote them when.</summary>
public sealed record AiHighlightsResponse(DateOnly Day, IReadOnlyList<AiHighlightItem> Items, string Provider, string Model, DateTimeOffset GeneratedAt);

/// <summary>
/// A partner's highlights of the Nairobi day: the figures computed through the gate (consented children only), written
/// by the orchestrator once, and kept in <c>partner_ai_highlights</c> so later requests, on any instance, answer the
/// same. They are written again the same day only if the set of consented children has changed since.
/// </summary>
public sealed class AiHighlightsService(AppDbContext db, ConsentStats consents, ChildLearningGate learning, SponsorshipStats programs,
    IAiOrchestrator ai, TimeProvider clock)
{
    /// <summary>Learning area scores compare the last four learning weeks with the four before.</summary>
    public const int AreaWindowDays = 28;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AiHighlightsResponse> GetAsync(Guid partnerId, CancellationToken ct)
    {
        var today = NairobiTime.Today(clock);
        var fingerprint = await consents.VisibleChildrenFingerprintAsync(partnerId, ct);
        var stored = await StoredAsync(partnerId, today, ct);
        if (stored?.ChildrenFingerprint == fingerprint) return Describe(stored);

        var facts = await FactsAsync(partnerId, today, ct);
        var answer = await ai.RunAsync(new DashboardHighlightsTask(facts), new AiRequest(partnerId), ct);
        var row = new PartnerAiHighlights
        {
            PartnerId = partnerId, Day = today, ChildrenFingerprint = fingerprint, ItemsJson = JsonSerializer.Serialize(answer.Result.Items, Json),
            Provider = answer.Provider, Model = answer.Model, GeneratedAt = answer.GeneratedAt.UtcDateTime,
        };
        return Describe(await SaveAsync(row, replacing: stored is not null, ct));
    }

    public async Task<HighlightFacts> FactsAsync(Guid partnerId, DateOnly today, CancellationToken ct)
    {
        var weeks = await learning.ProgramWeekOnWeekAsync(partnerId, today, ct);
        var names = await programs.ProgramNamesAsync(partnerId, ct);
        var areas = await learning.AreaMovementAsync(partnerId, today, AreaWindowDays, ct);
        var perProgram = weeks.OrderBy(w => names.GetValueOrDefault(w.ProgramId, ""), StringComparer.Ordinal)
            .Select(w => new ProgramHighlightFacts(names.GetValueOrDefault(w.ProgramId, "A program"), w.Children, w.MinutesThisWeek, w.MinutesLastWeek,
                w.MinutesLastWeek == 0 ? null : Math.Round((w.MinutesThisWeek - w.MinutesLastWeek) * 100m / w.MinutesLastWeek, 1),
                w.Inactive, w.NewlyInactive))
            .ToList();
        return new HighlightFacts(today.ToString("yyyy-MM-dd"), weeks.Sum(w => w.Children), weeks.Sum(w => w.MinutesThisWeek),
            weeks.Sum(w => w.MinutesLastWeek), weeks.Sum(w => w.Inactive), weeks.Sum(w => w.NewlyInactive), perProgram,
            areas.Select(a => new AreaHighlightFacts(a.LearningArea, a.PreviousAverage, a.RecentAverage,
                a.PreviousAverage is { } p && a.RecentAverage is { } r ? r - p : null, a.RecentAssessments)).ToList());
    }

    private Task<PartnerAiHighlights?> StoredAsync(Guid partnerId, DateOnly day, CancellationToken ct) =>
        db.PartnerAiHighlights.AsNoTracking().FirstOrDefaultAsync(h => h.PartnerId == partnerId && h.Day == day, ct);

    /// <summary>
    /// Writes the day's highlights. Two requests (two instances) may compute at once: the first insert wins and the
    /// other answers what it wrote, so the day has one set. A replacement (the children changed) is a plain update.
    /// </summary>
    private async Task<PartnerAiHighlights> SaveAsync(PartnerAiHighlights row, bool replacing, CancellationToken ct)
    {
        if (replacing)
        {
            await db.PartnerAiHighlights.Where(h => h.PartnerId == row.PartnerId && h.Day == row.Day)
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.ChildrenFingerprint, row.ChildrenFingerprint).SetProperty(h => h.ItemsJson, row.ItemsJson)
                    .SetProperty(h => h.Provider, row.Provider).SetProperty(h => h.Model, row.Model).SetProperty(h => h.GeneratedAt, row.GeneratedAt), ct);
            return row;
        }
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await StoredAsync(row.PartnerId, row.Day, ct) ?? throw new InvalidOperationException("The day's highlights were neither written nor found.");
        }
    }

    private static AiHighlightsResponse Describe(PartnerAiHighlights row) =>
        new(row.Day, JsonSerializer.Deserialize<List<AiHighlightItem>>(row.ItemsJson, Json) ?? [], row.Provider, row.Model,
            new DateTimeOffset(DateTime.SpecifyKind(row.GeneratedAt, DateTimeKind.Utc)));
}
