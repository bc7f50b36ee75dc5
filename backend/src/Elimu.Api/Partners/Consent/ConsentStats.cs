using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>Who has consented and what is still waiting for a guardian, for one partner.</summary>
public sealed class ConsentStats(AppDbContext db, EnrolmentReader enrolments, ConsentReader gate, ConsentExpiry expiry) : IConsentOptOuts
{
    /// <summary>
    /// "Children with consent": the children whose data the partner may see, counted through the privacy gate
    /// (<see cref="ConsentReader.Visible"/>), so it is the number of rows the children list marks "Consent given".
    /// A child of a completed or cancelled program is not counted, whatever its enrolment status.
    /// </summary>
    public Task<int> ChildrenWithConsentAsync(Guid partnerId, CancellationToken ct) => gate.Visible(partnerId).CountAsync(ct);

    /// <summary>
    /// Names the set of children the partner may see now (a SHA-256 of their sorted ids): anything computed over that set
    /// and stored is stale when it differs, e.g. after a withdrawal. One query.
    /// </summary>
    public async Task<string> VisibleChildrenFingerprintAsync(Guid partnerId, CancellationToken ct)
    {
        var ids = await gate.VisibleChildIds(partnerId).ToListAsync(ct);
        var text = string.Join(',', ids.Order().Select(id => id.ToString("N")));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>"Children awaiting a guardian's answer": children with a request no guardian has answered yet and that has
    /// not expired (a child with two guardians counts once).</summary>
    public Task<int> ChildrenAwaitingAnswerAsync(Guid partnerId, CancellationToken ct)
    {
        var expiredBefore = expiry.ExpiredBefore;
        return (from k in db.SponsorshipConsents
         where k.ConsentGiven == null && k.RevokedAt == null && k.RequestedAt >= expiredBefore
         join c in enrolments.All() on k.SponsoredChildId equals c.Id
         where c.PartnerId == partnerId && c.Status == SponsoredChildStatus.PENDING_CONSENT
         select k.SponsoredChildId).Distinct().CountAsync(ct);
    }

    /// <summary>Guardians' answers recorded in [from, to): given, declined, and withdrawn (for the digest). One query.</summary>
    public async Task<ConsentsAnswered> AnsweredBetweenAsync(Guid partnerId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await (from k in db.SponsorshipConsents
                          where (k.ConsentedAt >= fromUtc && k.ConsentedAt < toUtc) || (k.RevokedAt >= fromUtc && k.RevokedAt < toUtc)
                          join c in enrolments.All() on k.SponsoredChildId equals c.Id
                          where c.PartnerId == partnerId
                          select new { k.ConsentGiven, k.ConsentedAt, k.RevokedAt }).ToListAsync(ct);
        bool In(DateTime? t) => t >= fromUtc && t < toUtc;
        return new ConsentsAnswered(
            Given: rows.Count(r => r.ConsentGiven == true && In(r.ConsentedAt)),
            Declined: rows.Count(r => r.ConsentGiven == false && In(r.ConsentedAt)),
            Withdrawn: rows.Count(r => In(r.RevokedAt)));
    }

    /// <summary>How long a guardian's refusal or withdrawal keeps their child out of every partner's search (docs/adr/0004).</summary>
    public static readonly TimeSpan OptOutPeriod = TimeSpan.FromDays(365);

    /// <summary>
    /// Students a guardian has said no for: any guardian declined, or withdrew, a consent to any partner within
    /// <see cref="OptOutPeriod"/>, and has not since given that partner consent for the child (issue 20: a guardian may
    /// change their mind; their latest answer is the one that counts). Such a child is offered to no partner. A
    /// composable query.
    /// </summary>
    public IQueryable<Guid> OptedOutStudentIds(DateTime now)
    {
        var since = now - OptOutPeriod;
        return from k in db.SponsorshipConsents
               where ((k.ConsentGiven == false && k.ConsentedAt >= since) || k.RevokedAt >= since)
                   && !db.SponsorshipConsents.Any(later => later.SponsoredChildId == k.SponsoredChildId && later.ParentId == k.ParentId
                       && later.ConsentGiven == true && later.RevokedAt == null && later.ConsentedAt > (k.RevokedAt ?? k.ConsentedAt))
               join c in enrolments.All() on k.SponsoredChildId equals c.Id
               select c.StudentId;
    }

    /// <summary>
    /// Every given consent of the partner's children (of one program, or all), with when it was given and withdrawn:
    /// what the cohort history rebuilds past statuses from. One query.
    /// </summary>
    public async Task<ILookup<Guid, ConsentSpan>> GivenSpansAsync(Guid partnerId, Guid? programId, CancellationToken ct) =>
        (await (from s in db.SponsorshipConsents.AsNoTracking()
                where s.ConsentGiven == true && s.ConsentedAt != null
                join c in enrolments.All() on s.SponsoredChildId equals c.Id
                where c.PartnerId == partnerId && (programId == null || c.ProgramId == programId)
                select new ConsentSpan(s.SponsoredChildId, s.ConsentedAt!.Value, s.RevokedAt)).ToListAsync(ct))
        .ToLookup(s => s.ChildId);
}

public sealed record ConsentsAnswered(int Given, int Declined, int Withdrawn)
{
    public int Total => Given + Declined + Withdrawn;
}

/// <summary>A given consent: from <paramref name="ConsentedAt"/> until <paramref name="RevokedAt"/> (if withdrawn).</summary>
public sealed record ConsentSpan(Guid ChildId, DateTime ConsentedAt, DateTime? RevokedAt);
