using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>
/// Every change to a grant: its fields and status, its allocations, its deadlines and their reports. Field errors are a
/// 400; allocations to another partner's program or beyond the grant's amount are a 422 naming the field; a move the
/// status rules do not allow is a 409 invalid_transition. Nothing is saved when anything is refused.
/// </summary>
public sealed class GrantWorkflow(AppDbContext db, ProgramListings programs, TimeProvider clock)
{
    public async Task<PartnerGrant> CreateAsync(Guid partnerId, SaveGrantRequest body, CancellationToken ct)
    {
        var v = CheckFields(body);
        for (var i = 0; i < (body.Deadlines?.Count ?? 0); i++) CheckDeadline(v, $"deadlines[{i}].", body.Deadlines![i], creating: true);
        v.Check((body.Deadlines?.Count ?? 0) <= GrantLimits.MaxDeadlines, "deadlines", $"At most {GrantLimits.MaxDeadlines} deadlines.").ThrowIfInvalid();
        var allocations = await CheckAllocationsAsync(partnerId, body, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var grant = new PartnerGrant { PartnerId = partnerId, CreatedAt = now, Status = body.Status ?? GrantStatus.applied };
        Apply(grant, body, now);
        grant.Allocations.AddRange(allocations.Select(a => new GrantAllocation { ProgramId = a.Program, Amount = a.Amount }));
        grant.Deadlines.AddRange((body.Deadlines ?? []).Select(d => new GrantDeadline
        {
            DueDate = d!.DueDate!.Value, Title = d.Title!.Trim(), Submitted = d.Submitted ?? false, SubmittedAt = d.Submitted == true ? now : null,
        }));
        db.PartnerGrants.Add(grant);
        await SaveAsync(ct);
        return grant;
    }

    public async Task UpdateAsync(PartnerGrant grant, SaveGrantRequest body, CancellationToken ct)
    {
        CheckFields(body).Check(body.Deadlines is not { Count: > 0 }, "deadlines", "Change deadlines through the grant's deadline routes.").ThrowIfInvalid();
        var allocations = await CheckAllocationsAsync(grant.PartnerId, body, ct);
        if (body.Status is { } to && !GrantStatusRules.CanMove(grant.Status, to))
            throw DomainException.Conflict("invalid_transition", $"A grant that is {grant.Status} cannot become {to}"
                + (GrantStatusRules.NextOf(grant.Status) is { Count: > 0 } next ? $"; it can become {string.Join(" or ", next)}." : "."));

        var now = clock.GetUtcNow().UtcDateTime;
        Apply(grant, body, now);
        if (body.Status is { } status) grant.Status = status;
        var ids = allocations.Select(a => a.Program).ToList();
        db.GrantAllocations.RemoveRange(grant.Allocations.Where(a => !ids.Contains(a.ProgramId)));
        foreach (var (program, amount) in allocations)
        {
            if (grant.Allocations.FirstOrDefault(a => a.ProgramId == program) is { } existing) existing.Amount = amount;
            else grant.Allocations.Add(new GrantAllocation { ProgramId = program, Amount = amount });
        }
        await SaveAsync(ct);
    }

    public async Task<GrantDeadline> AddDeadlineAsync(PartnerGrant grant, DeadlineRequest body, CancellationToken ct)
    {
        var v = new Validation();
        CheckDeadline(v, "", body, creating: true);
        v.Check(grant.Deadlines.Count < GrantLimits.MaxDeadlines, "dueDate", $"A grant has at most {GrantLimits.MaxDeadlines} deadlines.").ThrowIfInvalid();
        var deadline = new GrantDeadline
        {
            GrantId = grant.Id, DueDate = body.DueDate!.Value, Title = body.Title!.Trim(), Submitted = body.Submitted ?? false,
            SubmittedAt = body.Submitted == true ? clock.GetUtcNow().UtcDateTime : null,
        };
        db.GrantDeadlines.Add(deadline);
        grant.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        return deadline;
    }

    public async Task UpdateDeadlineAsync(PartnerGrant grant, Guid deadlineId, DeadlineRequest body, CancellationToken ct)
    {
        var deadline = grant.Deadlines.SingleOrDefault(d => d.Id == deadlineId) ?? throw DomainException.NotFound("Deadline");
        var v = new Validation();
        CheckDeadline(v, "", body, creating: false);
        v.ThrowIfInvalid();
        if (body.DueDate is { } due) deadline.DueDate = due;
        if (body.Title is { } title) deadline.Title = title.Trim();
        if (body.Submitted is { } submitted && submitted != deadline.Submitted)
        {
            deadline.Submitted = submitted;
            deadline.SubmittedAt = submitted ? clock.GetUtcNow().UtcDateTime : null;
        }
        grant.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
    }

    public async Task DeleteDeadlineAsync(PartnerGrant grant, Guid deadlineId, CancellationToken ct)
    {
        var deadline = grant.Deadlines.SingleOrDefault(d => d.Id == deadlineId) ?? throw DomainException.NotFound("Deadline");
        db.GrantDeadlines.Remove(deadline);
        grant.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
    }

    /// <summary>Keeps the report and marks the deadline submitted (a report may be replaced by a newer one: both are kept).</summary>
    public async Task<GrantReport> AddReportAsync(PartnerGrant grant, Guid deadlineId, Guid uploadedBy, TicketFile file, CancellationToken ct)
    {
        var deadline = grant.Deadlines.SingleOrDefault(d => d.Id == deadlineId) ?? throw DomainException.NotFound("Deadline");
        if (grant.Status == GrantStatus.closed) throw DomainException.Conflict("grant_closed", "The grant is closed; it takes no more reports.");
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new GrantReport
        {
            DeadlineId = deadline.Id, UploadedBy = uploadedBy, FileName = file.FileName, ContentType = file.ContentType,
            SizeBytes = file.Content.LongLength, Content = file.Content, CreatedAt = now,
        };
        db.GrantReports.Add(report);
        if (!deadline.Submitted) (deadline.Submitted, deadline.SubmittedAt) = (true, now);
        grant.UpdatedAt = now;
        await SaveAsync(ct);
        return report;
    }

    private static Validation CheckFields(SaveGrantRequest body)
    {
        var v = new Validation()
            .Check(!string.IsNullOrWhiteSpace(body.Funder), "funder", "Name the funder.").Text("funder", body.Funder?.Trim(), GrantLimits.FunderLength)
            .Check(!string.IsNullOrWhiteSpace(body.Reference), "reference", "Enter the funder's reference.").Text("reference", body.Reference?.Trim(), GrantLimits.ReferenceLength)
            .Check(body.Amount is not null, "amount", "Enter the grant's amount.").Money("amount", body.Amount)
            .Check(body.Currency is null || Currencies.IsIso4217(body.Currency), "currency", "Use an ISO 4217 currency code such as KES or USD.")
            .Check(body.StartDate is not null, "startDate", "Choose the start date.").Date("startDate", body.StartDate)
            .Check(body.EndDate is not null, "endDate", "Choose the end date.").Date("endDate", body.EndDate)
            .Check(body.StartDate is null || body.EndDate is null || body.EndDate >= body.StartDate, "endDate", "The grant cannot end before it starts.")
            .Text("notes", body.Notes, GrantLimits.NotesLength)
            .Check((body.Allocations?.Count ?? 0) <= GrantLimits.MaxAllocations, "allocations", $"At most {GrantLimits.MaxAllocations} allocations.")
            .NoNulls("allocations", body.Allocations)
            .NoNulls("deadlines", body.Deadlines);
        var list = body.Allocations ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } a) continue;
            v.Check(a.ProgramId is not null, $"allocations[{i}].programId", "Choose a program.")
                .Check(a.Amount is not null, $"allocations[{i}].amount", "Enter an amount.").Money($"allocations[{i}].amount", a.Amount);
            if (a.ProgramId is { } id && list.Take(i).Any(b => b?.ProgramId == id)) v.Add($"allocations[{i}].programId", "This program is already in the list.");
        }
        return v;
    }

    private static void CheckDeadline(Validation v, string prefix, DeadlineRequest? d, bool creating)
    {
        if (d is null) return;
        v.Check(!creating || d.DueDate is not null, prefix + "dueDate", "Choose the due date.").Date(prefix + "dueDate", d.DueDate)
            .Check(d.Title is null ? !creating : !string.IsNullOrWhiteSpace(d.Title), prefix + "title", "Name the report that is due.")
            .Text(prefix + "title", d.Title?.Trim(), GrantLimits.TitleLength);
    }

    /// <summary>The allocations, once they are known to be the partner's programs and within the grant's amount (else a 422).</summary>
    private async Task<List<(Guid Program, decimal Amount)>> CheckAllocationsAsync(Guid partnerId, SaveGrantRequest body, CancellationToken ct)
    {
        var list = (body.Allocations ?? []).Select(a => (Program: a!.ProgramId!.Value, Amount: a.Amount!.Value)).ToList();
        var ids = list.Select(a => a.Program).ToList();
        var own = await programs.OfPartner(partnerId).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < list.Count; i++)
            if (!own.Contains(list[i].Program)) errors[$"allocations[{i}].programId"] = ["This is not one of your programs."];
        var sum = list.Sum(a => a.Amount);
        if (sum > body.Amount!.Value)
            errors["allocations"] = [$"The allocations add up to {sum.ToString("N2", CultureInfo.InvariantCulture)}, more than the grant's "
                + $"{body.Amount.Value.ToString("N2", CultureInfo.InvariantCulture)}."];
        if (errors.Count == 0) return list;
        var error = new DomainException(StatusCodes.Status422UnprocessableEntity, "grant_allocations_refused", "The allocations cannot be saved as they are.",
            string.Join(" ", errors.Values.SelectMany(m => m)));
        error.Extensions["errors"] = errors;
        throw error;
    }

    private static void Apply(PartnerGrant grant, SaveGrantRequest body, DateTime now)
    {
        grant.Funder = body.Funder!.Trim();
        grant.Reference = body.Reference!.Trim();
        grant.Amount = body.Amount!.Value;
        grant.Currency = (body.Currency ?? grant.Currency).ToUpperInvariant();
        grant.StartDate = body.StartDate!.Value;
        grant.EndDate = body.EndDate!.Value;
        grant.Notes = string.IsNullOrWhiteSpace(body.Notes) ? null : body.Notes.Trim();
        grant.UpdatedAt = now;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            throw DomainException.Conflict("grant_reference_taken", "You already have a grant from this funder with this reference.");
        }
    }
}
