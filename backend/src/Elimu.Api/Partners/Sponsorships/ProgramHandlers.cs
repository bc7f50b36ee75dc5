using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record ProgramListQuery(ProgramStatus? Status, string? Search, int? Page, int? PageSize);

/// <summary>Create, read, list and edit a partner's programs.</summary>
public static class ProgramHandlers
{
    public static async Task<Created<ProgramResponse>> Create(ProgramRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        ProgramValidation.Validate(request);
        var program = new SponsorshipProgram { PartnerId = user.PartnerId(), Status = ProgramStatus.DRAFT };
        ProgramValidation.ApplyTo(program, request);
        program.CreatedAt = program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.SponsorshipPrograms.Add(program);
        audit.Record(user.UserId(), "program.create", "sponsorship_program", program.Id, ProgramChanges.Describe(program), program.PartnerId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/partner/sponsorships/programs/{program.Id}", await store.DescribeAsync(program, ct));
    }

    public static async Task<Ok<Paged<ProgramResponse>>> List([AsParameters] ProgramListQuery query, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
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
        TypedResults.Ok(await store.DescribeAsync(await store.OwnedAsync(user.PartnerId(), id, ct), ct));

    /// <summary>
    /// A draft can change entirely. Once submitted, every term is what the admin reviewed (and, once active, what the
    /// guardians were shown): any change is refused with 409 program_terms_locked, naming the fields (docs/adr/0004).
    /// A PUT that changes nothing is accepted. Every accepted change is audited with its before and after values.
    /// </summary>
    public static async Task<Ok<ProgramResponse>> Update(Guid id, ProgramRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        ProgramValidation.Validate(request);
        var partnerId = user.PartnerId();
        // Under the program's lock: a lower maximum is checked against a count that a parallel add cannot change.
        return TypedResults.Ok(await ProgramLock.ForProgramAsync(db, partnerId, id, async () =>
        {
            var program = await store.OwnedAsync(partnerId, id, ct);
            if (ProgramLifecycle.IsEnded(program.Status))
                throw DomainException.Conflict("program_ended", $"A {program.Status} program can no longer be edited.");
            var changes = ProgramChanges.Between(program, request);
            if (program.Status != ProgramStatus.DRAFT && changes.Count > 0)
            {
                var error = DomainException.Conflict("program_terms_locked",
                    $"A {program.Status} program's terms are fixed: they are what the admin approved and the guardians were shown. "
                    + "Cancel it and create a new program to change them.");
                error.Extensions["fields"] = changes.Keys.ToList();
                throw error;
            }
            if (request.MaxChildren is { } max && max < await store.EnrolledCountAsync(id, ct))
                throw new ValidationFailedException(new Dictionary<string, string[]>
                    { ["maxChildren"] = ["The maximum cannot be below the number of children already enrolled."] });

            if (changes.Count == 0) return await store.DescribeAsync(program, ct);
            ProgramValidation.ApplyTo(program, request);
            program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(user.UserId(), "program.update", "sponsorship_program", program.Id, ProgramChanges.Json(changes), program.PartnerId);
            await db.SaveChangesAsync(ct);
            return await store.DescribeAsync(program, ct);
        }, ct));
    }
}
