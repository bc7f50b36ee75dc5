using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>A program as other sections name it: what an import matches rows against and a cohort chart is labelled with.</summary>
public sealed record ProgramRef(Guid Id, string Name, ProgramStatus Status, int? MaxChildren);

/// <summary>Loads a partner's programs (another partner's are "not found") and counts their children.</summary>
public sealed class ProgramStore(AppDbContext db)
{
    /// <summary>
    /// The partner's programs (one, when <paramref name="programId"/> is given), oldest first. Tracked, so an
    /// <see cref="EnrollmentPlanner"/> of the same request finds them without another query.
    /// </summary>
    public async Task<List<ProgramRef>> OfPartnerAsync(Guid partnerId, CancellationToken ct, Guid? programId = null) =>
        (await db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId && (programId == null || p.Id == programId))
            .OrderBy(p => p.CreatedAt).ToListAsync(ct))
        .Select(p => new ProgramRef(p.Id, p.Name, p.Status, p.MaxChildren)).ToList();

    /// <summary>The name of the partner's oldest program still taking children, if any.</summary>
    public Task<string?> FirstOpenProgramNameAsync(Guid partnerId, CancellationToken ct) =>
        db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId && !SponsorshipHolds.Ended.Contains(p.Status))
            .OrderBy(p => p.CreatedAt).Select(p => p.Name).FirstOrDefaultAsync(ct);

    /// <summary>The terms of the partner's program (404 for an unknown id or another partner's program).</summary>
    public async Task<ProgramTerms> TermsOwnedAsync(Guid partnerId, Guid programId, CancellationToken ct) =>
        ProgramTerms.Of(await db.SponsorshipPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId && p.PartnerId == partnerId, ct)
            ?? throw DomainException.NotFound("Sponsorship program"));

    /// <summary>The terms of several programs, whoever's they are, in one query (the caller has checked who may read them).</summary>
    public async Task<Dictionary<Guid, ProgramTerms>> TermsAsync(IReadOnlyCollection<Guid> programIds, CancellationToken ct) =>
        programIds.Count == 0 ? [] : (await db.SponsorshipPrograms.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToListAsync(ct))
            .ToDictionary(p => p.Id, ProgramTerms.Of);

    public async Task<SponsorshipProgram> OwnedAsync(Guid partnerId, Guid programId, CancellationToken ct) =>
        await db.SponsorshipPrograms.FirstOrDefaultAsync(p => p.Id == programId && p.PartnerId == partnerId, ct)
        ?? throw DomainException.NotFound("Sponsorship program");

    /// <summary>Child counts for many programs in one grouped query.</summary>
    public async Task<Dictionary<Guid, ProgramChildCounts>> CountsAsync(IReadOnlyCollection<Guid> programIds, CancellationToken ct)
    {
        var rows = await db.SponsoredChildren.Where(c => programIds.Contains(c.ProgramId))
            .GroupBy(c => new { c.ProgramId, c.Status, Left = c.LeftAt != null })
            .Select(g => new { g.Key.ProgramId, g.Key.Status, g.Key.Left, Count = g.Count() })
            .ToListAsync(ct);
        return programIds.ToDictionary(id => id, id =>
        {
            int Of(SponsoredChildStatus s) => rows.Where(r => r.ProgramId == id && r.Status == s).Sum(r => r.Count);
            var removed = Of(SponsoredChildStatus.REMOVED);
            // Children who left (LEFT, or GRADUATED by leaving) stay on the record but no longer count as enrolled.
            var left = rows.Where(r => r.ProgramId == id && r.Left && r.Status != SponsoredChildStatus.REMOVED).Sum(r => r.Count);
            var all = rows.Where(r => r.ProgramId == id).Sum(r => r.Count);
            return new ProgramChildCounts(all - removed - left, Of(SponsoredChildStatus.ACTIVE), Of(SponsoredChildStatus.PENDING_CONSENT),
                Of(SponsoredChildStatus.PAUSED), Of(SponsoredChildStatus.GRADUATED), removed, Of(SponsoredChildStatus.LEFT));
        });
    }

    public async Task<ProgramResponse> DescribeAsync(SponsorshipProgram program, CancellationToken ct) =>
        ProgramResponse.From(program, (await CountsAsync([program.Id], ct))[program.Id]);

    /// <summary>Children enrolled, not removed and not gone (left or graduated out): what the minimum-of-ten rule counts.</summary>
    public Task<int> EnrolledCountAsync(Guid programId, CancellationToken ct) =>
        db.SponsoredChildren.CountAsync(c => c.ProgramId == programId && c.Status != SponsoredChildStatus.REMOVED && c.LeftAt == null, ct);

    /// <summary>
    /// Children enrolled and not removed, those who left included: the minimum a consent request needs. An approved
    /// program that children left keeps asking guardians (of substitutes above all) while it is below its minimum (issue 20).
    /// </summary>
    public Task<int> EnrolledOrLeftCountAsync(Guid programId, CancellationToken ct) =>
        db.SponsoredChildren.CountAsync(c => c.ProgramId == programId && c.Status != SponsoredChildStatus.REMOVED, ct);
}
