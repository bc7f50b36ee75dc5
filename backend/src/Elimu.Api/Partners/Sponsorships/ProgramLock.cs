using System.Linq.Expressions;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Runs a change that depends on how many children a program holds (the maximum on add and import, the minimum on
/// removal, submit and approval) in a transaction that first write-locks the program rows, so two requests cannot both
/// count the same "room left". The lock is a no-op UPDATE: on PostgreSQL it takes the row lock (later statements in
/// read committed see what the previous holder committed); on SQLite the transaction begins IMMEDIATE, which already
/// takes the single writer lock. Uniqueness ("one active sponsorship per student per partner") is not a count and is
/// kept by a unique index instead; its violation becomes a 409 in <see cref="Common.ProblemExceptionHandler"/>.
/// </summary>
public static class ProgramLock
{
    public static Task<T> ForProgramAsync<T>(AppDbContext db, Guid programId, Func<Task<T>> work, CancellationToken ct) =>
        RunAsync(db, p => p.Id == programId, work, ct);

    /// <summary>Only the partner's own program is locked: another partner's id locks nothing and then reads as not found.</summary>
    public static Task<T> ForProgramAsync<T>(AppDbContext db, Guid partnerId, Guid programId, Func<Task<T>> work, CancellationToken ct) =>
        RunAsync(db, p => p.Id == programId && p.PartnerId == partnerId, work, ct);

    /// <summary>Every program of the partner, for an import whose rows may name any of them.</summary>
    public static Task<T> ForPartnerAsync<T>(AppDbContext db, Guid partnerId, Func<Task<T>> work, CancellationToken ct) =>
        RunAsync(db, p => p.PartnerId == partnerId, work, ct);

    private static async Task<T> RunAsync<T>(AppDbContext db, Expression<Func<SponsorshipProgram, bool>> programs, Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SponsorshipPrograms.Where(programs).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, p => p.UpdatedAt), ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }
}
