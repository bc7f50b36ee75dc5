using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

internal sealed class PartnerProfileLookup(AppDbContext db) : IPartnerProfileLookup
{
    public async Task<PartnerMembershipSummary?> FindMembershipAsync(Guid userId, CancellationToken ct = default) =>
        await db.PartnerTeamMembers.Where(m => m.UserId == userId)
            .Select(m => new { m.PartnerProfileId, m.Role }).FirstOrDefaultAsync(ct) is { } m
            ? new PartnerMembershipSummary(m.PartnerProfileId, m.Role.ToString())
            : null;
}
