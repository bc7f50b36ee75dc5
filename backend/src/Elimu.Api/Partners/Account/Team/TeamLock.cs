using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// Runs a team change that depends on a count (the last owner, the team's size) in a transaction that first write-locks
/// the partner's profile row, as <see cref="Sponsorships.ProgramLock"/> does for programs: two owners demoting each
/// other at once cannot both see "another owner is left".
/// </summary>
internal static class TeamLock
{
    public static async Task<T> RunAsync<T>(AppDbContext db, Guid profileId, Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PartnerProfiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, p => p.UpdatedAt), ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }
}
