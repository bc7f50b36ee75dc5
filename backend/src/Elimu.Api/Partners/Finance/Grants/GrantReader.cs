using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>The partner's grants as lists and details; another partner's grant is a 404, never a 403.</summary>
public sealed class GrantReader(AppDbContext db, ProgramListings programs, GrantReminderOptions reminders, TimeProvider clock)
{
    public async Task<Paged<GrantSummary>> ListAsync(Guid partnerId, GrantListQuery q, CancellationToken ct)
    {
        new Validation().Text("funder", q.Funder, GrantLimits.FunderLength).ThrowIfInvalid();
        var grants = db.PartnerGrants.AsNoTracking().Where(g => g.PartnerId == partnerId);
        if (q.Status is { } status) grants = grants.Where(g => g.Status == status);
        if (!string.IsNullOrWhiteSpace(q.Funder))
        {
            var funder = q.Funder.Trim().ToLower();
            grants = grants.Where(g => g.Funder.ToLower().Contains(funder));
        }
        var page = PageRequest.From(q.Page, q.PageSize);
        var total = await grants.CountAsync(ct);
        var rows = await grants.OrderByDescending(g => g.StartDate).ThenByDescending(g => g.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(g => new
            {
                g.Id, g.Funder, g.Reference, g.Amount, g.Currency, g.StartDate, g.EndDate, g.Status,
                Allocations = g.Allocations.Select(a => a.Amount).ToList(),
                Open = g.Deadlines.Where(d => !d.Submitted).Select(d => d.DueDate).ToList(),
            }).ToListAsync(ct);
        return new(rows.Select(g => new GrantSummary(g.Id, g.Funder, g.Reference, g.Amount, g.Currency, g.StartDate, g.EndDate, g.Status,
            g.Allocations.Sum(), g.Open.Count > 0 ? g.Open.Min() : null, g.Open.Count)).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<PartnerGrant> OwnAsync(Guid partnerId, Guid id, CancellationToken ct) =>
        await db.PartnerGrants.Include(g => g.Allocations).Include(g => g.Deadlines)
            .SingleOrDefaultAsync(g => g.Id == id && g.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Grant");

    public async Task<GrantDetail> DetailAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        var g = await db.PartnerGrants.AsNoTracking().AsSplitQuery().Include(x => x.Allocations)
            .Include(x => x.Deadlines).ThenInclude(d => d.Reports)
            .SingleOrDefaultAsync(x => x.Id == id && x.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Grant");
        var programIds = g.Allocations.Select(a => a.ProgramId).ToList();
        var names = await programs.OfPartner(partnerId).Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var today = NairobiTime.Today(clock);
        var allocated = g.Allocations.Sum(a => a.Amount);
        return new GrantDetail(g.Id, g.Funder, g.Reference, g.Amount, g.Currency, g.StartDate, g.EndDate, g.Status, GrantStatusRules.NextOf(g.Status),
            g.Notes, allocated, g.Amount - allocated,
            [.. g.Allocations.Select(a => new GrantAllocationView(a.ProgramId, names.GetValueOrDefault(a.ProgramId, ""), a.Amount)).OrderBy(a => a.ProgramName)],
            [.. g.Deadlines.OrderBy(d => d.DueDate).ThenBy(d => d.Title).Select(d => new GrantDeadlineView(d.Id, d.DueDate, d.Title, d.Submitted, d.SubmittedAt,
                StateOf(d, today), [.. d.Reports.OrderBy(r => r.CreatedAt).Select(r => new GrantReportView(r.Id, r.FileName, r.ContentType, r.SizeBytes, r.CreatedAt))]))],
            g.CreatedAt, g.UpdatedAt);
    }

    private string StateOf(GrantDeadline d, DateOnly today) =>
        d.Submitted ? "submitted" : d.DueDate < today ? "overdue" : d.DueDate.DayNumber - today.DayNumber <= reminders.SoonDays ? "due_soon" : "upcoming";
}
