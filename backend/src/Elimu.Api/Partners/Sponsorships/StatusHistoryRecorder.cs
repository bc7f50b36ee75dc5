using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Writes a <see cref="SponsorshipStatusChange"/> for every status a save gives a tracked <see cref="SponsoredChild"/> or
/// <see cref="SponsorshipProgram"/> (their creation included), in that same save, with the actor and reason of the
/// scope's <see cref="StatusChangeActor"/>. Recording at the root means no use case can change a status without its
/// history, whoever writes the code. Bulk statements (ExecuteUpdate) pass no interceptor: none may change these statuses
/// (the row locks set the status to itself; an architecture test keeps it so).
/// </summary>
public sealed class StatusHistoryRecorder(StatusChangeActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public static void AddTo(IServiceCollection services)
    {
        services.AddScoped<StatusChangeActor>();
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(Create(sp)));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(Create(sp)));
    }

    private static StatusHistoryRecorder Create(IServiceProvider sp) =>
        new(sp.GetRequiredService<StatusChangeActor>(), sp.GetRequiredService<TimeProvider>());

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        var changes = new List<SponsorshipStatusChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case SponsoredChild c when Changed(entry, nameof(SponsoredChild.Status)) is var (from, to) && to is not null:
                    changes.Add(Row(StatusSubject.child, c.Id, c.ProgramId, c.PartnerId, from, to));
                    break;
                case SponsorshipProgram p when Changed(entry, nameof(SponsorshipProgram.Status)) is var (from, to) && to is not null:
                    changes.Add(Row(StatusSubject.program, p.Id, p.Id, p.PartnerId, from, to));
                    break;
            }
        }
        if (changes.Count > 0) context.Set<SponsorshipStatusChange>().AddRange(changes);
    }

    /// <summary>(from, to) when the save creates the row or changes its status; (null, null) otherwise.</summary>
    private static (string? From, string? To) Changed(EntityEntry entry, string property)
    {
        var status = entry.Property(property);
        return entry.State switch
        {
            EntityState.Added => (null, status.CurrentValue?.ToString()),
            EntityState.Modified when status.IsModified && !Equals(status.OriginalValue, status.CurrentValue) =>
                (status.OriginalValue?.ToString(), status.CurrentValue?.ToString()),
            _ => (null, null),
        };
    }

    private SponsorshipStatusChange Row(StatusSubject subject, Guid id, Guid programId, Guid partnerId, string? from, string to)
    {
        var (userId, name) = actor.Current();
        return new SponsorshipStatusChange
        {
            Subject = subject, SubjectId = id, ProgramId = programId, PartnerId = partnerId, FromStatus = from, ToStatus = to,
            At = clock.GetUtcNow().UtcDateTime, ActorUserId = userId, Actor = name, Reason = actor.Reason,
        };
    }
}
