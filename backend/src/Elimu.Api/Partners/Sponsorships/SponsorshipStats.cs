using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record ProgramStatusCounts(int Total, int Draft, int PendingApproval, int Active, int Paused, int Completed, int Cancelled);

public sealed record ChildStatusCounts(int Total, int PendingConsent, int Active, int Paused, int Graduated, int Removed, int Left = 0);

/// <summary>Counts of a partner's programs and children, one grouped query each.</summary>
public sealed class SponsorshipStats(AppDbContext db) : IPartnerPrograms
{
    public Task<bool> HasAnyAsync(Guid partnerId, CancellationToken ct) => db.SponsorshipPrograms.AnyAsync(p => p.PartnerId == partnerId, ct);

    public async Task<ProgramStatusCounts> ProgramCountsAsync(Guid partnerId, CancellationToken ct)
    {
        var byStatus = await db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Of(ProgramStatus s) => byStatus.GetValueOrDefault(s);
        return new(byStatus.Values.Sum(), Of(ProgramStatus.DRAFT), Of(ProgramStatus.PENDING_APPROVAL), Of(ProgramStatus.ACTIVE),
            Of(ProgramStatus.PAUSED), Of(ProgramStatus.COMPLETED), Of(ProgramStatus.CANCELLED));
    }

    /// <summary>The names of the partner's programs by id (what the dashboard's highlights call them).</summary>
    public Task<Dictionary<Guid, string>> ProgramNamesAsync(Guid partnerId, CancellationToken ct) =>
        db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

    /// <summary>The names of programs of any partner by id, in one query (the admin's review queue names its page's targets).</summary>
    public Task<Dictionary<Guid, string>> ProgramNamesAsync(IReadOnlyCollection<Guid> programIds, CancellationToken ct) =>
        db.SponsorshipPrograms.Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

    public async Task<ChildStatusCounts> ChildCountsAsync(Guid partnerId, CancellationToken ct)
    {
        var byStatus = await db.SponsoredChildren.Where(c => c.PartnerId == partnerId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Of(SponsoredChildStatus s) => byStatus.GetValueOrDefault(s);
        return new(byStatus.Values.Sum(), Of(SponsoredChildStatus.PENDING_CONSENT), Of(SponsoredChildStatus.ACTIVE),
            Of(SponsoredChildStatus.PAUSED), Of(SponsoredChildStatus.GRADUATED), Of(SponsoredChildStatus.REMOVED), Of(SponsoredChildStatus.LEFT));
    }

    /// <summary>The partner's children (of one program, or all) enrolled before <paramref name="beforeUtc"/> and not removed, whatever their consent.</summary>
    public Task<int> SponsoredCountAsync(Guid partnerId, Guid? programId, DateTime beforeUtc, CancellationToken ct) =>
        db.SponsoredChildren.CountAsync(c => c.PartnerId == partnerId && (programId == null || c.ProgramId == programId)
            && c.EnrolledAt < beforeUtc && c.Status != SponsoredChildStatus.REMOVED, ct);
}
