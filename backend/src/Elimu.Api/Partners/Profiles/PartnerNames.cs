using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

/// <summary>How a partner is named to parents and admins: its organisation, else the account's display name.</summary>
public sealed class PartnerNames(AppDbContext db)
{
    public async Task<string> OrganizationNameAsync(Guid partnerId, CancellationToken ct) =>
        await db.PartnerProfiles.Where(p => p.UserId == partnerId).Select(p => p.OrganizationName).FirstOrDefaultAsync(ct)
        ?? await db.Users.Where(u => u.Id == partnerId).Select(u => u.DisplayName).FirstAsync(ct);
}
