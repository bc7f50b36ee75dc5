using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>
/// Progress letters (issue 19): per program and school term, a PDF for every child whose guardians' consent stands, made
/// in the background by <see cref="ProgressLetterJob"/> (progress pushed on the partner hub, event "progressLetters", and
/// readable for polling), listed, downloaded one by one or as one ZIP. Every member reads them; every role but viewer
/// asks for and cancels them. Downloads are written to the audit log.
/// </summary>
public static class ProgressLetterEndpoints
{
    public const string Letters = AnalyticsApi.Path + "/progress-letters";

    public static IServiceCollection AddProgressLetters(this IServiceCollection services)
    {
        services.AddSingleton<ProgressLetterTerms>();
        services.AddSingleton<ProgressLetterFiles>();
        services.AddSingleton<ProgressLetterQueue>();
        services.AddSingleton<ProgressLetterPush>();
        services.AddScoped<ProgressLetterRunner>();
        services.AddScoped<ProgressLetterReader>();
        services.AddHostedService<ProgressLetterJob>();
        return services;
    }

    public static RouteGroupBuilder MapProgressLetterApi(this RouteGroupBuilder group)
    {
        var letters = group.MapGroup("/progress-letters");
        letters.MapGet("/terms", Terms).WithSummary("The school terms letters can be written for (Billing:Terms that have begun), latest first.");
        letters.MapPost("", Generate).RequireAuthorization(PartnerPolicies.GenerateReports)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask for a program's letters for a school term; 202 with the batch id, written in the background. 409 letters_in_progress while that program and term has a batch running.");
        letters.MapGet("", ProgressLetterReader.List).WithSummary("The partner's letter batches, latest first.");
        letters.MapGet("/{batchId:guid}", ProgressLetterReader.Get).WithSummary("One batch: status, progress (0-100), letters written of how many.");
        letters.MapPost("/{batchId:guid}/cancel", Cancel).RequireAuthorization(PartnerPolicies.GenerateReports)
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Cancel a queued or running batch (409 batch_finished once it has ended); its letters are removed.");
        letters.MapGet("/{batchId:guid}/letters", ProgressLetterReader.Letters)
            .WithSummary("The batch's letters by first name, paginated; a child whose consent has since been withdrawn is no longer listed.");
        letters.MapGet("/{batchId:guid}/letters/{letterId:guid}/pdf", ProgressLetterDownloads.Pdf)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithSummary("One letter as PDF; recorded in the audit log.");
        letters.MapGet("/{batchId:guid}/zip", ProgressLetterDownloads.Zip).Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("All the batch's letters as one ZIP, streamed letter by letter; recorded in the audit log.");
        return group;
    }

    private static Ok<List<LetterTermOption>> Terms(ProgressLetterTerms terms) => TypedResults.Ok(terms.Begun());

    private static async Task<Accepted<LetterBatchAccepted>> Generate(GenerateLettersRequest body, ClaimsPrincipal user, AppDbContext db,
        ProgressLetterTerms terms, SponsorshipStats programs, ProgressLetterQueue queue, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        new Validation().Check(body.ProgramId is not null, "programId", "Choose the program whose children get letters.").ThrowIfInvalid();
        var term = terms.Resolve(body.Term);
        var names = await programs.ProgramNamesAsync(partnerId, ct);
        if (!names.TryGetValue(body.ProgramId!.Value, out var programName)) throw DomainException.NotFound("Program");

        var batch = new ProgressLetterBatch
        {
            PartnerId = partnerId, ProgramId = body.ProgramId.Value, ProgramName = programName, TermName = term.Name, TermStart = term.Start,
            TermEnd = term.End, Status = LetterBatchStatus.queued, ActiveKey = ProgressLetterBatch.KeyOf(body.ProgramId.Value, term.Start),
            Stage = "Waiting to start", RequestedBy = user.UserId(), RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ProgressLetterBatches.Add(batch);
        audit.Record(user.UserId(), "progress_letters.requested", "progress_letter_batch", batch.Id, $"{programName}: {term.Name}", partnerId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            throw DomainException.Conflict("letters_in_progress",
                $"Letters for {programName}, {term.Name} are already being written. Wait for them to finish, or cancel them first.");
        }
        queue.Wake();
        var url = $"{Letters}/{batch.Id}";
        return TypedResults.Accepted(url, new LetterBatchAccepted(batch.Id, batch.Status, 0, url, $"{url}/letters", $"{url}/zip", $"{url}/cancel"));
    }

    /// <summary>
    /// One conditional update (queued or running → cancelled, releasing the program and term for a new batch): a batch that
    /// completes at the same moment is either cancelled or completed, never both. The run stops at once on this instance,
    /// or at its next step on another, which finds the row cancelled; the files written so far are removed.
    /// </summary>
    private static async Task<Ok<LetterBatchProgress>> Cancel(Guid batchId, ClaimsPrincipal user, AppDbContext db, ProgressLetterReader reader,
        ProgressLetterQueue queue, ProgressLetterPush push, ProgressLetterFiles files, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = await db.ProgressLetterBatches
            .Where(b => b.Id == batchId && b.PartnerId == partnerId && (b.Status == LetterBatchStatus.queued || b.Status == LetterBatchStatus.running))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LetterBatchStatus.cancelled).SetProperty(b => b.Stage, "Cancelled")
                .SetProperty(b => b.ActiveKey, (string?)null).SetProperty(b => b.CompletedAt, now), ct);
        var state = await reader.ProgressAsync(partnerId, batchId, ct);
        if (cancelled == 0) throw DomainException.Conflict("batch_finished", $"The batch has already ended ({state.Status}).");
        queue.Cancel(batchId);
        await db.ProgressLetters.Where(l => l.BatchId == batchId).ExecuteDeleteAsync(ct);
        await audit.RecordNowAsync(user.UserId(), "progress_letters.cancelled", "progress_letter_batch", batchId, ct);
        await push.SendAsync(partnerId, state, ct);
        return TypedResults.Ok(state);
    }
}
