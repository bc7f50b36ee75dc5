using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

internal sealed class PartnerProfileLookup(AppDbContext db) : IPartnerProfileLookup
{
    public Task<Guid?> FindProfileIdAsync(Guid userId, CancellationToken ct = default) =>
        db.PartnerProfiles.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
}
