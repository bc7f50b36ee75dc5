using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Elimu.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity;

/// <summary>Section "SignIn": how failed passwords slow down further attempts on one account.</summary>
public sealed class SignInBackoffOptions
{
    public const string Section = "SignIn";

    /// <summary>Failures allowed before any wait (typos).</summary>
    [Range(1, 100)] public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")] public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait, so an attacker's burst keeps the owner out for this long at most.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an address's failures are remembered after the last one: an older row counts as no row and is deleted
    /// by <see cref="SignInThrottleSweeper"/>, so addresses typed once (or sprayed by an attacker) do not pile up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")] public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Per-account back-off instead of a lockout: after a few failures each attempt must wait a doubling, bounded delay,
/// and an attempt during the wait is refused before the password is looked at. The attempt is claimed (counted as a
/// failure) atomically before the password is checked, so parallel guesses cannot slip through one open window;
/// a success deletes the row. Unknown addresses get exactly the same treatment.
/// </summary>
public sealed class SignInBackoff(AppDbContext db, TimeProvider clock, IOptions<SignInBackoffOptions> options, ILookupNormalizer normalizer)
{
    private readonly SignInBackoffOptions _options = options.Value;

    public abstract record Outcome;
    /// <summary>The attempt may check the password; <see cref="StartsWait"/> tells whether a failure now makes the next one wait.</summary>
    public sealed record Claimed(int Failures, bool StartsWait) : Outcome;
    public sealed record MustWait(TimeSpan Remaining) : Outcome;

    public async Task<Outcome> ClaimAsync(string email, CancellationToken ct)
    {
        var key = KeyOf(email);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var row = await db.Set<SignInThrottle>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
            if (row is { NextAttemptAt: { } next } && next > now) return new MustWait(next - now);

            // A row past ForgetAfter is as good as gone (the sweeper may not have reached it yet): failures start afresh.
            var failures = (row is null || IsForgotten(row, now, _options.ForgetAfter) ? 0 : row.Failures) + 1;
            var nextAt = NextAttemptAfter(failures, now);
            if (row is null)
            {
                var fresh = new SignInThrottle { Key = key, Failures = failures, NextAttemptAt = nextAt, UpdatedAt = now };
                db.Add(fresh);
                try { await db.SaveChangesAsync(ct); return new Claimed(failures, nextAt is not null); }
                catch (DbUpdateException) { db.Entry(fresh).State = EntityState.Detached; continue; } // a parallel attempt made it
            }

            // Compare-and-swap on the count: of parallel attempts on one open window, one wins, the others retry and wait.
            var won = await db.Set<SignInThrottle>().Where(t => t.Key == key && t.Failures == row.Failures)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, failures).SetProperty(t => t.NextAttemptAt, nextAt)
                    .SetProperty(t => t.UpdatedAt, now), ct);
            if (won == 1) return new Claimed(failures, nextAt is not null);
        }
        return new MustWait(_options.FirstDelay);
    }

    /// <summary>The claimed attempt was right: the account starts afresh.</summary>
    public Task ResetAsync(string email, CancellationToken ct)
    {
        var key = KeyOf(email);
        return db.Set<SignInThrottle>().Where(t => t.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>Failures last counted more than <paramref name="forgetAfter"/> ago, with no wait still running.</summary>
    public static bool IsForgotten(SignInThrottle row, DateTime now, TimeSpan forgetAfter) =>
        row.UpdatedAt < now - forgetAfter && (row.NextAttemptAt is null || row.NextAttemptAt <= now);

    private DateTime? NextAttemptAfter(int failures, DateTime now)
    {
        if (failures < _options.FreeFailures) return null;
        var doublings = Math.Min(failures - _options.FreeFailures, 30);
        var delay = TimeSpan.FromTicks(Math.Min(_options.FirstDelay.Ticks * (1L << doublings), _options.MaxDelay.Ticks));
        return now + delay;
    }

    private string KeyOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizer.NormalizeEmail(email.Trim()) ?? "")));
}
