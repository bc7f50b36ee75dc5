using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Ai;

/// <summary>Writes <c>ai_calls</c> rows and reads a partner's spend of the month (for the budget).</summary>
public sealed class AiCallLog(IServiceScopeFactory scopes, IOptions<AiOptions> options, TimeProvider clock, ILogger<AiCallLog> logger)
{
    public async Task WriteAsync(AiCall call, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AiCalls.Add(call);
            // Not the caller's token: a call that was made and billed is logged even when the caller has gone.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The answer matters more than its log line; the failure is visible in the logs.
            logger.LogError(e, "Could not log the AI call of {TaskType} to {Provider}.", call.TaskType, call.Provider);
        }
    }

    /// <summary>
    /// Whether the partner's spend this Nairobi calendar month has reached its budget. A soft limit: calls already in
    /// flight when it is reached still complete and are billed, so the overshoot is at most those calls' cost.
    /// </summary>
    public async Task<bool> BudgetExhaustedAsync(Guid partnerId, CancellationToken ct)
    {
        if (options.Value.BudgetFor(partnerId) is not { } budget) return false;
        var today = NairobiTime.Today(clock);
        var monthStart = NairobiTime.StartOfDayUtc(new DateOnly(today.Year, today.Month, 1));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var spent = await db.AiCalls.AsNoTracking()
            .Where(c => c.PartnerId == partnerId && c.At >= monthStart)
            .SumAsync(c => c.EstimatedCostUsd, ct);
        return spent >= budget;
    }
}
