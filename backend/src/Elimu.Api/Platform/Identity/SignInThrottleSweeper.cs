using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// Deletes the sign_in_throttles rows <see cref="SignInBackoff"/> no longer counts (last failure older than
/// <see cref="SignInBackoffOptions.ForgetAfter"/>, no wait running), every <see cref="Interval"/> of the injected clock.
/// A success deletes its own row; this catches the addresses that never succeed (typos, unknown emails, sprays). The
/// delete is idempotent, so several instances sweeping at once is harmless.
/// </summary>
public sealed class SignInThrottleSweeper(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SignInBackoffOptions> options,
    ILogger<SignInThrottleSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickOnPoolAsync(stoppingToken))
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Pruning expired sign-in throttles failed"); }
    }

    /// <summary>Deletes the forgotten rows (one statement); returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - options.Value.ForgetAfter;
        // The same rule as SignInBackoff.IsForgotten, written out so it translates to SQL.
        var deleted = await db.Set<SignInThrottle>()
            .Where(t => t.UpdatedAt < before && (t.NextAttemptAt == null || t.NextAttemptAt <= now))
            .ExecuteDeleteAsync(ct);
        if (deleted > 0) log.LogInformation("Pruned {Count} expired sign-in throttle rows", deleted);
        return deleted;
    }
}
