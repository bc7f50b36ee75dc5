using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// Custom prices per partner (issue 17): admins list, create, change and end them under /api/v1/admin/partners/{id}/pricing
/// (every change audited); a partner reads its own effective prices at /api/v1/partner/finance/pricing and changes none.
/// Two prices of one partner for the same program (or both partner-wide) may not overlap in time: 409 pricing_overlap.
/// </summary>
public static class PricingEndpoints
{
    public const string AdminPrefix = "/api/v1/admin/partners/{partnerId:guid}/pricing";

    public static IEndpointRouteBuilder MapPricingApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(AdminPrefix).WithTags("Admin · Pricing").RequireAuthorization(Roles.Admin);
        admin.MapGet("", List).Produces<AdminPricingView>().WithSummary("The partner's custom prices, latest first, each upcoming, current or ended; and its programs with their list prices.");
        admin.MapPost("", Create).Produces<PricingItem>(StatusCodes.Status201Created)
            .WithSummary("Agree a price per child for the partner (one program, or all without programId). 409 pricing_overlap when another covers the same days.");
        admin.MapPut("/{id:guid}", Update).Produces<PricingItem>().WithSummary("Change a custom price (same rules as creating it).");
        admin.MapPost("/{id:guid}/end", End).Produces<PricingItem>().WithSummary("End a custom price: its last day is validTo (today by default); invoices after it use the program's price.");

        app.MapGet(FinanceEndpoints.Prefix + "/pricing", Effective).WithTags("Partner · Finance").RequireAuthorization(PartnerPolicies.Read)
            .Produces<PartnerPricingView>().WithSummary("What the partner pays per child today for each program (custom or the program's price), and the custom prices agreed. Read only.");
        return app;
    }

    private static async Task<IResult> List(Guid partnerId, AppDbContext db, ProgramListings programs, TimeProvider clock, CancellationToken ct)
    {
        await PartnerAsync(db, partnerId, ct);
        var own = await programs.OfPartner(partnerId).OrderBy(p => p.Name).ToListAsync(ct);
        return TypedResults.Ok(new AdminPricingView(await ItemsAsync(db, programs, partnerId, NairobiTime.Today(clock), ct),
            [.. own.Select(p => new PricedProgram(p.Id, p.Name, p.Status.ToString(), p.PricePerChild, p.Currency))]));
    }

    private static async Task<IResult> Create(Guid partnerId, SavePricingRequest request, ClaimsPrincipal user, AppDbContext db, ProgramListings programs, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        await PartnerAsync(db, partnerId, ct);
        var row = new PartnerPricing { PartnerId = partnerId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        await SaveAsync(db, programs, row, request, ct, () => audit.Record(user.UserId(), "pricing.create", "partner_pricing", row.Id, Describe(row), partnerId));
        return TypedResults.Created($"/api/v1/admin/partners/{partnerId}/pricing/{row.Id}", await ItemAsync(db, programs, row.Id, NairobiTime.Today(clock), ct));
    }

    private static async Task<IResult> Update(Guid partnerId, Guid id, SavePricingRequest request, ClaimsPrincipal user, AppDbContext db, ProgramListings programs,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.PartnerPricing.FirstOrDefaultAsync(p => p.Id == id && p.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Custom price");
        var before = Describe(row);
        await SaveAsync(db, programs, row, request, ct, () => audit.Record(user.UserId(), "pricing.update", "partner_pricing", row.Id, $"{before} -> {Describe(row)}", partnerId));
        return TypedResults.Ok(await ItemAsync(db, programs, row.Id, NairobiTime.Today(clock), ct));
    }

    private static async Task<IResult> End(Guid partnerId, Guid id, EndPricingRequest request, ClaimsPrincipal user, AppDbContext db, ProgramListings programs,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.PartnerPricing.FirstOrDefaultAsync(p => p.Id == id && p.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Custom price");
        var today = NairobiTime.Today(clock);
        var last = request.ValidTo ?? today;
        new Validation().Date("validTo", last).Check(last >= row.ValidFrom, "validTo", $"A price cannot end before it starts ({row.ValidFrom:yyyy-MM-dd}).")
            .Check(row.ValidTo is null || last <= row.ValidTo, "validTo", $"It already ends on {row.ValidTo:yyyy-MM-dd}; ending it moves that day earlier, not later.")
            .ThrowIfInvalid();
        var before = Describe(row);
        row.ValidTo = last;
        audit.Record(user.UserId(), "pricing.end", "partner_pricing", row.Id, $"{before} -> ends {last:yyyy-MM-dd}", partnerId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ItemAsync(db, programs, row.Id, today, ct));
    }

    private static async Task<IResult> Effective(ClaimsPrincipal user, AppDbContext db, ProgramListings programs, PriceBook prices, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var today = NairobiTime.Today(clock);
        var open = await programs.OfPartner(partnerId).Where(p => p.Status != ProgramStatus.CANCELLED)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var agreements = await ItemsAsync(db, programs, partnerId, today, ct);
        var priced = await prices.ForManyAsync(partnerId, open.Select(p => (p.Id, today)).ToList(), ct);
        var effective = new List<EffectivePrice>();
        foreach (var program in open)
        {
            var price = priced[(program.Id, today)];
            // The same choice as PriceBook's: the program's own row over a partner-wide one, the latest start first.
            var until = price.Custom
                ? agreements.Where(a => (a.ProgramId == program.Id || a.ProgramId == null) && a.State == "current")
                    .OrderBy(a => a.ProgramId == null ? 1 : 0).ThenByDescending(a => a.ValidFrom).FirstOrDefault()?.ValidTo
                : null;
            effective.Add(new EffectivePrice(program.Id, program.Name, price.Price.Amount, price.Price.Currency, price.Custom, price.Notes, until));
        }
        return TypedResults.Ok(new PartnerPricingView(effective, [.. agreements.Where(a => a.State != "ended")]));
    }

    /// <summary>Validates and saves under a lock on the partner's row, so two admins cannot both add overlapping prices.</summary>
    private static async Task SaveAsync(AppDbContext db, ProgramListings programs, PartnerPricing row, SavePricingRequest r, CancellationToken ct, Action audit)
    {
        var currency = r.Currency?.Trim().ToUpperInvariant() ?? Money.DefaultCurrency;
        new Validation()
            .Check(r.PricePerChild is not null, "pricePerChild", "Enter the price per child.").Money("pricePerChild", r.PricePerChild)
            .Check(Currencies.IsIso4217(currency), "currency", "Use a three-letter ISO 4217 code such as KES.")
            .Check(r.ValidFrom is not null, "validFrom", "Choose the first day the price applies.").Date("validFrom", r.ValidFrom).Date("validTo", r.ValidTo)
            .Check(r.ValidFrom is null || r.ValidTo is null || r.ValidTo >= r.ValidFrom, "validTo", "The last day is before the first.")
            .Text("notes", r.Notes, InputLimits.LongText)
            .ThrowIfInvalid();
        if (r.ProgramId is { } programId)
        {
            var program = await programs.OfPartner(row.PartnerId).Where(p => p.Id == programId).Select(p => new { p.Currency }).FirstOrDefaultAsync(ct);
            if (program is null) throw new ValidationFailedException(new Dictionary<string, string[]> { ["programId"] = ["This partner has no such program."] });
            if (program.Currency != currency)
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["currency"] = [$"The program bills in {program.Currency}; price it in {program.Currency}."] });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The partner's row is the lock (PostgreSQL: a row lock; SQLite: the write lock): overlap checks of one partner run one at a time.
        await db.Users.Where(u => u.Id == row.PartnerId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), ct);
        var from = r.ValidFrom!.Value;
        var to = r.ValidTo;
        var clash = await db.PartnerPricing.AsNoTracking()
            .Where(p => p.PartnerId == row.PartnerId && p.Id != row.Id && p.ProgramId == r.ProgramId
                && (to == null || p.ValidFrom <= to) && (p.ValidTo == null || p.ValidTo >= from))
            .OrderBy(p => p.ValidFrom).FirstOrDefaultAsync(ct);
        if (clash is not null)
            throw DomainException.Conflict("pricing_overlap", $"Another custom price ({Describe(clash)}) covers some of these days for the same "
                + (r.ProgramId is null ? "partner (all programs)" : "program") + "; end it first or choose other dates.");
        row.ProgramId = r.ProgramId;
        row.PricePerChild = r.PricePerChild!.Value;
        row.Currency = currency;
        row.Notes = string.IsNullOrWhiteSpace(r.Notes) ? null : r.Notes.Trim();
        row.ValidFrom = from;
        row.ValidTo = to;
        if (db.Entry(row).State == EntityState.Detached) db.PartnerPricing.Add(row);
        audit();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task PartnerAsync(AppDbContext db, Guid partnerId, CancellationToken ct)
    {
        var isPartner = await db.UserRoles.AnyAsync(ur => ur.UserId == partnerId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Partner), ct);
        if (!isPartner) throw DomainException.NotFound("Partner");
    }

    private static string Describe(PartnerPricing p) =>
        $"{Kes.Format(new Money(p.PricePerChild, p.Currency))} per child from {p.ValidFrom:yyyy-MM-dd}" + (p.ValidTo is { } to ? $" to {to:yyyy-MM-dd}" : "");

    private static async Task<List<PricingItem>> ItemsAsync(AppDbContext db, ProgramListings programs, Guid partnerId, DateOnly today, CancellationToken ct) =>
        (await Rows(db.PartnerPricing.AsNoTracking().Where(p => p.PartnerId == partnerId), programs).ToListAsync(ct))
        .Select(r => r.With(today)).OrderByDescending(p => p.ValidFrom).ThenBy(p => p.ProgramName).ToList();

    private static async Task<PricingItem> ItemAsync(AppDbContext db, ProgramListings programs, Guid id, DateOnly today, CancellationToken ct) =>
        (await Rows(db.PartnerPricing.AsNoTracking().Where(p => p.Id == id), programs).FirstAsync(ct)).With(today);

    private static IQueryable<PricingItem> Rows(IQueryable<PartnerPricing> rows, ProgramListings programs) =>
        rows.Select(p => new PricingItem(p.Id, p.PartnerId, p.ProgramId,
            p.ProgramId == null ? null : programs.All().Where(g => g.Id == p.ProgramId).Select(g => g.Name).FirstOrDefault(), p.PricePerChild, p.Currency,
            p.Notes, p.ValidFrom, p.ValidTo, "", p.CreatedAt));

    private static PricingItem With(this PricingItem p, DateOnly today) =>
        p with { State = p.ValidFrom > today ? "upcoming" : p.ValidTo is { } to && to < today ? "ended" : "current" };
}
