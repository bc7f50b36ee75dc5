using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>
/// A partner's letter batches and letters; another partner's batch is a 404, never a 403. A letter is listed (and
/// downloaded) only while its child is still one the gate shows: a consent withdrawn after the letters were written takes
/// the child's letter out at once, as it takes the child out of every other view.
/// </summary>
public sealed class ProgressLetterReader(AppDbContext db, ChildLearningGate gate)
{
    public IQueryable<ProgressLetterBatch> Own(Guid partnerId) => db.ProgressLetterBatches.AsNoTracking().Where(b => b.PartnerId == partnerId);

    public async Task<ProgressLetterBatch> BatchAsync(Guid partnerId, Guid batchId, CancellationToken ct) =>
        await Own(partnerId).FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw DomainException.NotFound("Letter batch");

    /// <summary>The batch's letters whose children the gate still shows.</summary>
    public IQueryable<ProgressLetter> Visible(Guid partnerId, Guid batchId)
    {
        var shown = gate.MonitoredChildren(partnerId).Select(c => c.Id);
        return db.ProgressLetters.AsNoTracking().Where(l => l.BatchId == batchId && shown.Contains(l.SponsoredChildId));
    }

    public async Task<LetterBatchProgress> ProgressAsync(Guid partnerId, Guid batchId, CancellationToken ct) =>
        await Own(partnerId).Where(b => b.Id == batchId)
            .Select(b => new LetterBatchProgress(b.Id, b.Status, b.Progress, b.Stage, b.Done, b.Total, b.Error))
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Letter batch");

    public static async Task<Ok<Paged<LetterBatchResponse>>> List([AsParameters] LetterBatchListQuery q, ClaimsPrincipal user, ProgressLetterReader reader,
        CancellationToken ct) =>
        TypedResults.Ok(await reader.Own(user.PartnerId()).Where(b => q.ProgramId == null || b.ProgramId == q.ProgramId)
            .OrderByDescending(b => b.RequestedAt).ThenByDescending(b => b.Id)
            .Select(b => new LetterBatchResponse(b.Id, b.ProgramId, b.ProgramName, b.TermName, b.TermStart, b.TermEnd, b.Status, b.Progress, b.Stage,
                b.Done, b.Total, b.RequestedAt, b.CompletedAt, b.Error))
            .ToPagedAsync(PageRequest.From(q.Page, q.PageSize), ct));

    public static async Task<Ok<LetterBatchResponse>> Get(Guid batchId, ClaimsPrincipal user, ProgressLetterReader reader, CancellationToken ct)
    {
        var b = await reader.BatchAsync(user.PartnerId(), batchId, ct);
        return TypedResults.Ok(new LetterBatchResponse(b.Id, b.ProgramId, b.ProgramName, b.TermName, b.TermStart, b.TermEnd, b.Status, b.Progress, b.Stage,
            b.Done, b.Total, b.RequestedAt, b.CompletedAt, b.Error));
    }

    public static async Task<Ok<Paged<LetterSummary>>> Letters(Guid batchId, [AsParameters] LetterListQuery q, ClaimsPrincipal user,
        ProgressLetterReader reader, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        await reader.BatchAsync(partnerId, batchId, ct);
        new Validation().Text("search", q.Search, InputLimits.QueryText).ThrowIfInvalid();
        var letters = reader.Visible(partnerId, batchId);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            letters = letters.Where(l => l.FirstName.ToLower().Contains(term));
        }
        return TypedResults.Ok(await letters.OrderBy(l => l.FirstName).ThenBy(l => l.Id)
            .Select(l => new LetterSummary(l.Id, l.SponsoredChildId, l.StudentId, l.FirstName, l.Pages, l.SizeBytes, l.Provider, l.Model, l.GeneratedAt))
            .ToPagedAsync(PageRequest.From(q.Page, q.PageSize), ct));
    }
}
