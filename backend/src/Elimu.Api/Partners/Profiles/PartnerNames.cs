using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

/// <summary>A partner as parents and admins see it named: its organisation (else the account's display name) and its kind.</summary>
public sealed record PartnerName(string Name, string? OrganizationType);

/// <summary>How a partner is named to parents and admins: Profiles' answer to the sections that show a partner's name.</summary>
public sealed class PartnerNames(AppDbContext db)
{
    public async Task<string> OrganizationNameAsync(Guid partnerId, CancellationToken ct) =>
        await db.PartnerProfiles.Where(p => p.UserId == partnerId).Select(p => p.OrganizationName).FirstOrDefaultAsync(ct)
        ?? await db.Users.Where(u => u.Id == partnerId).Select(u => u.DisplayName).FirstAsync(ct);

    /// <summary>The names of many partners in one query (a page's worth); an unknown id is left out.</summary>
    public async Task<Dictionary<Guid, PartnerName>> NamesAsync(IEnumerable<Guid> partnerIds, CancellationToken ct)
    {
        var ids = partnerIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.DisplayName,
                Profile = db.PartnerProfiles.Where(p => p.UserId == u.Id).Select(p => new { p.OrganizationName, p.OrganizationType }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new PartnerName(r.Profile?.OrganizationName ?? r.DisplayName, r.Profile?.OrganizationType.ToString()));
    }
}
