using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record ProgramListQuery(ProgramStatus? Status, string? Search, int? Page, int? PageSize);

/// <summary>Create, read, list and edit a partner's programs.</summary>
public static class ProgramHandlers
{
    public static async Task<Created<ProgramResponse>> Create(ProgramRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, TimeProvider clock, CancellationToken ct)
    {
        ProgramValidation.Validate(request);
        var program = new SponsorshipProgram { PartnerId = user.UserId(), Status = ProgramStatus.DRAFT };
        ProgramValidation.ApplyTo(program, request);
        program.CreatedAt = program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.SponsorshipPrograms.Add(program);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/partner/sponsorships/programs/{program.Id}", await store.DescribeAsync(program, ct));
    }

    public static async Task<Ok<Paged<ProgramResponse>>> List([AsParameters] ProgramListQuery query, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, CancellationToken ct)
    {
        var partnerId = user.UserId();
        var programs = db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId);
        if (query.Status is { } status) programs = programs.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            programs = programs.Where(p => p.Name.ToLower().Contains(term) || (p.Description != null && p.Description.ToLower().Contains(term)));
        }
        var page = await programs.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToPagedAsync(PageRequest.From(query.Page, query.PageSize), ct);
        var counts = await store.CountsAsync(page.Items.Select(p => p.Id).ToList(), ct);
        return TypedResults.Ok(new Paged<ProgramResponse>(
            page.Items.Select(p => ProgramResponse.From(p, counts[p.Id])).ToList(), page.Page, page.PageSize, page.Total));
    }

    public static async Task<Ok<ProgramResponse>> Get(Guid id, ClaimsPrincipal user, ProgramStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.DescribeAsync(await store.OwnedAsync(user.UserId(), id, ct), ct));

    /// <summary>A draft can change entirely; once submitted, the terms the admin approved (type, billing, price, minimum) are fixed.</summary>
    public static async Task<Ok<ProgramResponse>> Update(Guid id, ProgramRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, TimeProvider clock, CancellationToken ct)
    {
        ProgramValidation.Validate(request);
        var partnerId = user.UserId();
        // Under the program's lock: a lower maximum is checked against a count that a parallel add cannot change.
        return TypedResults.Ok(await ProgramLock.ForProgramAsync(db, partnerId, id, async () =>
        {
            var program = await store.OwnedAsync(partnerId, id, ct);
            if (ProgramLifecycle.IsEnded(program.Status))
                throw DomainException.Conflict("program_ended", $"A {program.Status} program can no longer be edited.");
            if (program.Status != ProgramStatus.DRAFT && ChangesTerms(program, request))
                throw DomainException.Conflict("program_terms_locked",
                    "Program type, billing period, price, currency and minimum children can only change while the program is a draft.");
            if (request.MaxChildren is { } max && max < await store.EnrolledCountAsync(id, ct))
                throw new ValidationFailedException(new Dictionary<string, string[]>
                    { ["maxChildren"] = ["The maximum cannot be below the number of children already enrolled."] });

            ProgramValidation.ApplyTo(program, request);
            program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return await store.DescribeAsync(program, ct);
        }, ct));
    }

    private static bool ChangesTerms(SponsorshipProgram p, ProgramRequest r) =>
        r.ProgramType != p.ProgramType || r.BillingPeriod != p.BillingPeriod || r.PricePerChild != p.PricePerChild
        || !string.Equals(r.Currency ?? "KES", p.Currency, StringComparison.OrdinalIgnoreCase)
        || (r.MinChildren ?? SponsorshipProgram.MinimumChildren) != p.MinChildren;
}
