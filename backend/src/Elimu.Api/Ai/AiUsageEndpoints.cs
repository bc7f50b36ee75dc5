using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Ai;

/// <param name="From">From this instant (inclusive); the start of this Nairobi calendar month when absent.</param>
/// <param name="To">Up to this instant (exclusive); now when absent.</param>
public sealed record AiUsageQuery(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Totals of <c>ai_calls</c> rows. <paramref name="Failures"/>: attempts that gave no answer (error, timeout, open breaker, refused by Parse).</summary>
public sealed record AiUsageTotals(int Calls, int Successes, int CacheHits, int Failures, long InputTokens, long OutputTokens, decimal EstimatedCostUsd);

/// <summary>One group's totals: a provider (<c>anthropic</c>), a task type, or a partner (its id; <c>Name</c> its organisation).</summary>
public sealed record AiUsageGroup(string Key, string? Name, AiUsageTotals Totals);

public sealed record AiUsageResponse(DateTimeOffset From, DateTimeOffset To, AiUsageTotals Totals,
    IReadOnlyList<AiUsageGroup> ByProvider, IReadOnlyList<AiUsageGroup> ByTask, IReadOnlyList<AiUsageGroup> ByPartner);

/// <summary>GET /api/v1/admin/ai/usage: what the AI features cost and how they fared, per provider, task and partner.</summary>
public static class AiUsageEndpoints
{
    public static IEndpointRouteBuilder MapAiUsageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/ai/usage", Handle).WithTags("Admin · AI").RequireAuthorization(Roles.Admin)
            .WithSummary("AI calls, tokens and estimated cost in a date range, per provider, task type and partner.");
        return app;
    }

    public static async Task<Ok<AiUsageResponse>> Handle([AsParameters] AiUsageQuery q, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = NairobiTime.Today(clock);
        var from = q.From ?? new DateTimeOffset(NairobiTime.StartOfDayUtc(new DateOnly(today.Year, today.Month, 1)), TimeSpan.Zero);
        var to = q.To ?? now;
        new Validation().Check(from < to, "to", "The end of the range must be after its start.").ThrowIfInvalid();

        var (f, t) = (from.UtcDateTime, to.UtcDateTime);
        var calls = db.AiCalls.AsNoTracking().Where(c => c.At >= f && c.At < t);

        var byProvider = await calls.GroupBy(c => c.Provider).Select(g => new Sums(g.Key, g.Count(),
            g.Count(c => c.Outcome == AiCallOutcome.Success), g.Count(c => c.CacheHit),
            g.Sum(c => c.InputTokens ?? 0), g.Sum(c => c.OutputTokens ?? 0), g.Sum(c => c.EstimatedCostUsd))).ToListAsync(ct);
        var byTask = await calls.GroupBy(c => c.TaskType).Select(g => new Sums(g.Key.ToString(), g.Count(),
            g.Count(c => c.Outcome == AiCallOutcome.Success), g.Count(c => c.CacheHit),
            g.Sum(c => c.InputTokens ?? 0), g.Sum(c => c.OutputTokens ?? 0), g.Sum(c => c.EstimatedCostUsd))).ToListAsync(ct);
        var byPartnerRows = await calls.Where(c => c.PartnerId != null).GroupBy(c => c.PartnerId!.Value).Select(g => new
        {
            g.Key, Calls = g.Count(), Successes = g.Count(c => c.Outcome == AiCallOutcome.Success), CacheHits = g.Count(c => c.CacheHit),
            In = g.Sum(c => c.InputTokens ?? 0), Out = g.Sum(c => c.OutputTokens ?? 0), Cost = g.Sum(c => c.EstimatedCostUsd),
        }).ToListAsync(ct);
        var partnerIds = byPartnerRows.Select(p => p.Key).ToList();
        var names = await db.PartnerProfiles.AsNoTracking().Where(p => partnerIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.OrganizationName, ct);
        var byPartner = byPartnerRows.Select(p => new Sums(p.Key.ToString(), p.Calls, p.Successes, p.CacheHits, p.In, p.Out, p.Cost)).ToList();

        var total = new Sums("", byProvider.Sum(s => s.Calls), byProvider.Sum(s => s.Successes), byProvider.Sum(s => s.CacheHits),
            byProvider.Sum(s => s.In), byProvider.Sum(s => s.Out), byProvider.Sum(s => s.Cost));
        return TypedResults.Ok(new AiUsageResponse(from, to, total.Totals,
            byProvider.OrderByDescending(s => s.Cost).ThenBy(s => s.Key).Select(s => new AiUsageGroup(s.Key, null, s.Totals)).ToList(),
            byTask.OrderByDescending(s => s.Cost).ThenBy(s => s.Key).Select(s => new AiUsageGroup(s.Key, null, s.Totals)).ToList(),
            byPartner.OrderByDescending(s => s.Cost).ThenBy(s => s.Key)
                .Select(s => new AiUsageGroup(s.Key, names.GetValueOrDefault(Guid.Parse(s.Key)), s.Totals)).ToList()));
    }

    private sealed record Sums(string Key, int Calls, int Successes, int CacheHits, long In, long Out, decimal Cost)
    {
        public AiUsageTotals Totals => new(Calls, Successes, CacheHits, Calls - Successes - CacheHits, In, Out, Cost);
    }
}
