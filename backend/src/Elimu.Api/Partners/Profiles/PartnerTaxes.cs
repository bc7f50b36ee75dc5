using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

/// <summary>What an invoice takes from the profile: whether the partner is tax exempt, and its KRA PIN.</summary>
public sealed record PartnerTax(bool Exempt, string? TaxId);

/// <summary>Profiles' reader of a partner's tax fields, for Finance's invoices (a partner without a profile pays tax).</summary>
public sealed class PartnerTaxes(AppDbContext db)
{
    public async Task<PartnerTax> ForAsync(Guid partnerId, CancellationToken ct) =>
        await db.PartnerProfiles.AsNoTracking().Where(p => p.UserId == partnerId)
            .Select(p => new PartnerTax(p.TaxExempt, p.TaxId)).FirstOrDefaultAsync(ct)
        ?? new PartnerTax(false, null);
}
