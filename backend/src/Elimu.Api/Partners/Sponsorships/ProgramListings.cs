using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// A program as a query row for the sections that bill, budget and report on it (name, state, price, billing period),
/// without its terms or goals. Settable properties: EF Core composes joins and filters only over member initialisers.
/// </summary>
public sealed class ProgramListing
{
    public Guid Id { get; init; }
    public Guid PartnerId { get; init; }
    public string Name { get; init; } = "";
    public ProgramStatus Status { get; init; }
    public BillingPeriod BillingPeriod { get; init; }
    public decimal PricePerChild { get; init; }
    public string Currency { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// Sponsorships' read answer to Finance and Analytics: programs as composable rows, so a payments page or a budget joins
/// program names in its own single query without naming <see cref="SponsorshipProgram"/>.
/// </summary>
public sealed class ProgramListings(AppDbContext db)
{
    /// <summary>Every program of every partner (the caller narrows to the partner whose rows it reads).</summary>
    public IQueryable<ProgramListing> All() => In(db);

    /// <summary>
    /// <see cref="All"/> for a compiled query (<c>EF.CompileAsyncQuery</c>), whose lambda receives the context as a
    /// parameter and cannot reach a service: EF evaluates this call once, when it compiles the query.
    /// </summary>
    public static IQueryable<ProgramListing> In(AppDbContext db) => db.SponsorshipPrograms.Select(p => new ProgramListing
    {
        Id = p.Id, PartnerId = p.PartnerId, Name = p.Name, Status = p.Status, BillingPeriod = p.BillingPeriod,
        PricePerChild = p.PricePerChild, Currency = p.Currency, CreatedAt = p.CreatedAt,
    });

    public IQueryable<ProgramListing> OfPartner(Guid partnerId) => All().Where(p => p.PartnerId == partnerId);

    /// <summary>A program's name (null for an unknown id): what a notice, an invoice or a report calls it.</summary>
    public Task<string?> NameAsync(Guid programId, CancellationToken ct) =>
        db.SponsorshipPrograms.Where(p => p.Id == programId).Select(p => p.Name).FirstOrDefaultAsync(ct);
}
