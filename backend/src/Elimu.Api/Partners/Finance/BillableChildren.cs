using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>A program's child as billing sees it: when they were enrolled and removed, and their given consents.</summary>
public sealed record BillableChild(Guid Id, string Name, DateTime EnrolledAt, DateTime? LeftAt, IReadOnlyList<(DateTime From, DateTime? To)> Consents)
{
    /// <summary>Enrolled, not removed or released, and with a given consent not withdrawn at <paramref name="t"/>.</summary>
    public bool BillableAt(DateTime t) =>
        EnrolledAt <= t && (LeftAt is null || LeftAt > t)
        && Consents.Any(c => c.From >= EnrolledAt && c.From <= t && (c.To is null || c.To > t));

    /// <summary>The first instant in [from, to) at which the child became billable, when they were not at <paramref name="from"/>.</summary>
    public DateTime? BecameBillableWithin(DateTime from, DateTime to)
    {
        if (BillableAt(from)) return null;
        return Consents.Select(c => c.From < EnrolledAt ? (DateTime?)null : c.From)
            .Where(t => t is { } at && at > from && at < to && BillableAt(at)).Min();
    }
}

/// <summary>
/// Billable children are a program's children with active consent (DESIGN.md §3: children without it are not billed).
/// The past is rebuilt from timestamps, as the cohort history does: enrolled_at, removed_at / released_at and each given
/// consent's consented_at and revoked_at, read through Sponsorships' and Consent's readers. Two queries per program.
/// </summary>
public sealed class BillableChildren(SponsoredChildReader children, ConsentStats consents)
{
    public async Task<IReadOnlyList<BillableChild>> OfProgramAsync(Guid partnerId, Guid programId, CancellationToken ct) =>
        (await OfProgramsAsync(partnerId, [programId], ct))[programId].OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    /// <summary>How many children are billable at <paramref name="t"/>.</summary>
    public async Task<int> CountAtAsync(Guid partnerId, Guid programId, DateTime t, CancellationToken ct) =>
        (await CountsAtAsync(partnerId, [(programId, t)], ct))[(programId, t)];

    /// <summary>How many children of each program are billable at its instant: two queries for a partner's whole list.</summary>
    public async Task<Dictionary<(Guid ProgramId, DateTime At), int>> CountsAtAsync(Guid partnerId, IReadOnlyCollection<(Guid ProgramId, DateTime At)> asks,
        CancellationToken ct)
    {
        var programs = await OfProgramsAsync(partnerId, asks.Select(a => a.ProgramId).Distinct().ToList(), ct);
        return asks.Distinct().ToDictionary(a => a, a => programs[a.ProgramId].Count(c => c.BillableAt(a.At)));
    }

    private async Task<ILookup<Guid, BillableChild>> OfProgramsAsync(Guid partnerId, IReadOnlyCollection<Guid> programIds, CancellationToken ct)
    {
        var rows = await children.OfPartner(partnerId).Where(c => programIds.Contains(c.ProgramId))
            .Select(c => new { c.Id, c.ProgramId, c.EnrolledAt, c.RemovedAt, c.ReleasedAt, c.FirstName, c.LastName })
            .ToListAsync(ct);
        var given = await consents.GivenSpansAsync(partnerId, programIds.Count == 1 ? programIds.First() : null, ct);
        return rows.ToLookup(c => c.ProgramId, c => new BillableChild(c.Id, ShortName(c.FirstName, c.LastName), c.EnrolledAt,
            Earliest(c.RemovedAt, c.ReleasedAt), given[c.Id].Select(k => (k.ConsentedAt, k.RevokedAt)).ToList()));
    }

    /// <summary>"Amani W.": the invoice names a child as the partner's lists do, no more.</summary>
    private static string ShortName(string first, string last) => last.Length == 0 ? first : $"{first} {last[0]}.";

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

/// <summary>The price per child a partner pays for a program on a day: its custom pricing when one is valid, else the program's.</summary>
public sealed record ChildPrice(Money Price, bool Custom, string? Notes);

public sealed class PriceBook(AppDbContext db, ProgramListings programs)
{
    public async Task<ChildPrice> ForAsync(Guid partnerId, Guid programId, DateOnly day, CancellationToken ct) =>
        (await ForManyAsync(partnerId, [(programId, day)], ct))[(programId, day)];

    /// <summary>The price of each program on its day: the partner's pricing and the programs' prices in two queries.</summary>
    public async Task<Dictionary<(Guid ProgramId, DateOnly Day), ChildPrice>> ForManyAsync(Guid partnerId,
        IReadOnlyCollection<(Guid ProgramId, DateOnly Day)> asks, CancellationToken ct)
    {
        var programIds = asks.Select(a => a.ProgramId).Distinct().ToList();
        var agreements = await db.PartnerPricing.AsNoTracking()
            .Where(p => p.PartnerId == partnerId && (p.ProgramId == null || programIds.Contains(p.ProgramId.Value))).ToListAsync(ct);
        var listed = await programs.All().Where(p => programIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new Money(p.PricePerChild, p.Currency), ct);
        return asks.Distinct().ToDictionary(a => a, a =>
        {
            // The program's own price over a partner-wide one; of those, the one that started last.
            var custom = agreements.Where(p => (p.ProgramId == a.ProgramId || p.ProgramId == null) && p.ValidFrom <= a.Day && (p.ValidTo == null || p.ValidTo >= a.Day))
                .OrderBy(p => p.ProgramId == null ? 1 : 0).ThenByDescending(p => p.ValidFrom).FirstOrDefault();
            return custom is not null ? new ChildPrice(new Money(custom.PricePerChild, custom.Currency), true, custom.Notes)
                : new ChildPrice(listed.TryGetValue(a.ProgramId, out var price) ? price : throw new InvalidOperationException($"No program {a.ProgramId}."), false, null);
        });
    }
}
