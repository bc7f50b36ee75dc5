using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record AcceptSubstituteRequest(Guid? StudentId);

/// <param name="ConsentRequests">How many of the substitute's guardians were asked for consent.</param>
public sealed record SubstituteAccepted(SponsoredChildSummary Child, int ConsentRequests, SubstituteOffer Offer);

/// <summary>The substitute offer of a program that children left: read it, take one substitute, or decline.</summary>
public static class SubstituteHandlers
{
    public static async Task<Ok<SubstituteOffer>> Get(Guid id, ClaimsPrincipal user, ProgramStore store, Substitutes substitutes, CancellationToken ct) =>
        TypedResults.Ok(await substitutes.OfferAsync(await store.OwnedAsync(user.PartnerId(), id, ct), ct));

    /// <summary>
    /// Adds the student through POST /programs/{id}/children (its planner, lock and audit), then asks the guardians through
    /// POST /consent/request. A student someone took meanwhile (the same offer accepted twice at once) is a 409.
    /// </summary>
    public static async Task<Ok<SubstituteAccepted>> Accept(Guid id, AcceptSubstituteRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, IConsentOptOuts optOuts, AuditTrail audit, Substitutes substitutes, IConsentRequests consents,
        IPartnerCountersChanged counters, TimeProvider clock, CancellationToken ct)
    {
        new Validation().Check(request.StudentId is not null, "studentId", "Choose the substitute.").ThrowIfInvalid();
        var partnerId = user.PartnerId();
        var program = await store.OwnedAsync(partnerId, id, ct);
        if (program.Status != ProgramStatus.ACTIVE)
            throw DomainException.Conflict("program_not_active", $"Substitutes join an ACTIVE program; this one is {program.Status}.");

        AddChildrenResponse added;
        try
        {
            added = (await AddChildren.Handle(id, new AddChildrenRequest([request.StudentId!.Value]), user, db, store, optOuts, audit, clock, ct)).Value!;
        }
        catch (DomainException e) when (e.Code == "children_refused" && e.Extensions["refused"] is List<RefusedStudent> refused
            && refused.Any(r => r.Reason is "already_in_program" or "in_another_program"))
        {
            throw DomainException.Conflict("substitute_taken", "This child has just been added to one of your programs; choose another substitute.");
        }
        // (A parallel accept of the same child for another of the partner's programs meets the unique index of held
        // places instead: a 409 from the exception handler.)
        // One statement, so two substitutes accepted at once both count.
        await db.SponsorshipPrograms.Where(p => p.Id == id && p.SubstitutesOffered > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SubstitutesOffered, p => p.SubstitutesOffered - 1), ct);
        await db.Entry(program).ReloadAsync(ct);
        var child = added.Added[0];
        var asked = await consents.RequestForChildAsync(user, child.Id, ct);
        await counters.CountersChangedAsync(partnerId, ct);
        return TypedResults.Ok(new SubstituteAccepted(child, asked, await substitutes.OfferAsync(program, ct)));
    }

    public static async Task<Ok<SubstituteOffer>> Decline(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramStore store,
        Substitutes substitutes, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var program = await store.OwnedAsync(partnerId, id, ct);
        if (program.SubstitutesOffered > 0)
        {
            program.SubstitutesOffered = 0;
            program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(user.UserId(), "program.substitutes.decline", "sponsorship_program", program.Id, partnerId: partnerId);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(await substitutes.OfferAsync(program, ct));
    }
}
