using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Elimu.Api.Data;

/// <summary>
/// Fills the creation timestamps of new rows from the injected <see cref="TimeProvider"/>, so entities never read the
/// machine clock themselves and a test's clock decides every "when" (ADR 0005). A value the code already set wins.
/// </summary>
public sealed class CreationTimestamps(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>
    /// The properties that mean "when this row came to be" (UpdatedAt starts equal to it, and an outbox message is due
    /// from then: NextAttemptAt).
    /// </summary>
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string> { "CreatedAt", "UpdatedAt", "RequestedAt", "EnrolledAt", "GeneratedAt", "At", "NextAttemptAt" };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
            foreach (var property in entry.Properties)
                if (Names.Contains(property.Metadata.Name) && property.Metadata.ClrType == typeof(DateTime)
                    && property.CurrentValue is DateTime value && value == default)
                    property.CurrentValue = now;
    }
}
