using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Finance;

/// <summary>A completed payment as spend: its amount, currency and the Nairobi day it was paid (or made, if no paid time).</summary>
public sealed record SpendEntry(decimal Amount, string Currency, DateOnly Day);

/// <summary>
/// What analytics reads of finance: the partner's own completed payments (as the budget counts spend) and the school
/// calendar of <c>Billing:Terms</c>.
/// </summary>
public sealed class PartnerSpend(AppDbContext db, IOptionsMonitor<BillingOptions> billing)
{
    public IReadOnlyList<SchoolTerm> Terms => [.. billing.CurrentValue.Terms.OrderBy(t => t.Start)];

    /// <summary>Completed payments of the partner (for <paramref name="programId"/>'s subscriptions, if given) paid on or after <paramref name="from"/>.</summary>
    public async Task<List<SpendEntry>> CompletedAsync(Guid partnerId, Guid? programId, DateOnly from, CancellationToken ct)
    {
        var fromUtc = NairobiTime.StartOfDayUtc(from);
        var rows = await db.PartnerPayments.AsNoTracking()
            .Where(p => p.PartnerId == partnerId && p.Status == PaymentStatus.completed && (programId == null || p.Subscription!.ProgramId == programId)
                && (p.PaidAt ?? p.CreatedAt) >= fromUtc)
            .Select(p => new { p.Amount, p.Currency, Day = p.PaidAt ?? p.CreatedAt })
            .ToListAsync(ct);
        return [.. rows.Select(p => new SpendEntry(p.Amount, p.Currency.ToUpperInvariant(), DateOnly.FromDateTime(NairobiTime.ToNairobi(p.Day))))];
    }
}
