using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Sponsorships' answer to Consent: a child's status follows its guardians' answers, but only Sponsorships writes it.
/// Consent says what the answers allow; this decides the status (docs/adr/0004).
/// </summary>
public sealed class SponsoredChildStatusChanges(AppDbContext db, StatusChangeActor actor)
{
    /// <summary>Statuses in which a child with a standing consent is visible; PENDING_CONSENT and REMOVED never are.</summary>
    public static readonly SponsoredChildStatus[] ShownWithConsent =
        [SponsoredChildStatus.ACTIVE, SponsoredChildStatus.PAUSED, SponsoredChildStatus.GRADUATED];

    /// <summary>Statuses of a child no longer in its program: removed by the partner, or left (issue 20). Nobody is asked about them.</summary>
    public static readonly SponsoredChildStatus[] Departed = [SponsoredChildStatus.REMOVED, SponsoredChildStatus.LEFT];

    /// <summary>
    /// Write-locks the child's row inside the caller's transaction (a no-op update: a row lock on PostgreSQL, the write
    /// lock on SQLite), so changes about one child are taken one at a time.
    /// </summary>
    public Task LockAsync(Guid sponsoredChildId, CancellationToken ct) =>
        db.SponsoredChildren.Where(c => c.Id == sponsoredChildId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, c => c.Status), ct);

    /// <summary>
    /// Moves the child between PENDING_CONSENT and ACTIVE as the guardians' answers now say: to ACTIVE when they allow it
    /// and the program exposes children's data; back to PENDING_CONSENT (from ACTIVE, PAUSED or GRADUATED) when they do not.
    /// </summary>
    public async Task FollowConsentAsync(Guid sponsoredChildId, bool answersAllow, CancellationToken ct)
    {
        var child = db.SponsoredChildren.Local.FirstOrDefault(c => c.Id == sponsoredChildId && c.Program is not null)
            ?? await db.SponsoredChildren.Include(c => c.Program).FirstAsync(c => c.Id == sponsoredChildId, ct);
        if (answersAllow && child.Status == SponsoredChildStatus.PENDING_CONSENT && ProgramLifecycle.ExposesChildData.Contains(child.Program!.Status))
        {
            child.Status = SponsoredChildStatus.ACTIVE;
            actor.Because("A guardian gave consent.");
        }
        // A child who left keeps the status saying so; the gate hides them by the answers alone.
        else if (!answersAllow && ShownWithConsent.Contains(child.Status) && child.LeftAt is null)
        {
            child.Status = SponsoredChildStatus.PENDING_CONSENT;
            actor.Because("A guardian declined or withdrew consent.");
        }
        await db.SaveChangesAsync(ct);
    }
}
