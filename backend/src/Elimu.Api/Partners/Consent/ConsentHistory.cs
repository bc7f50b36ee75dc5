using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

public enum ConsentEventKind { consent_asked, reminded, expired, consent_given, consent_declined, consent_withdrawn }

/// <summary>One moment of a child's consent: a guardian asked, reminded, or answering; or a request left to expire.</summary>
public sealed record ConsentEvent(DateTime At, ConsentEventKind Kind);

/// <summary>
/// Consent's part of a child's timeline, from the consent rows (never edited, so their times are the events) and the
/// reminders sent; an expiry is the request's time plus the expiry period, for a request still unanswered then. The
/// caller has let the partner see the child through the gate. Two queries.
/// </summary>
public sealed class ConsentHistory(AppDbContext db, ConsentExpiry expiry)
{
    public async Task<List<ConsentEvent>> OfChildAsync(Guid sponsoredChildId, DateTime since, CancellationToken ct)
    {
        var rows = await db.SponsorshipConsents.AsNoTracking().Where(k => k.SponsoredChildId == sponsoredChildId && k.RequestedAt >= since)
            .Select(k => new { k.Id, k.ConsentGiven, k.RequestedAt, k.ConsentedAt, k.RevokedAt, k.ChangesAnswerId }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var reminders = await db.ConsentReminders.AsNoTracking().Where(r => ids.Contains(r.ConsentId)).Select(r => r.SentAt).ToListAsync(ct);
        var events = new List<ConsentEvent>();
        // Guardians asked in one call share the time: one "asked" event per call, however many guardians.
        events.AddRange(rows.Where(r => r.ChangesAnswerId is null).Select(r => r.RequestedAt).Distinct()
            .Select(at => new ConsentEvent(at, ConsentEventKind.consent_asked)));
        events.AddRange(reminders.Distinct().Select(at => new ConsentEvent(at, ConsentEventKind.reminded)));
        var expiredBefore = expiry.ExpiredBefore;
        events.AddRange(rows.Where(r => r.ConsentGiven is null && r.RequestedAt < expiredBefore).Select(r => expiry.Options.ExpiresAt(r.RequestedAt))
            .Distinct().Select(at => new ConsentEvent(at, ConsentEventKind.expired)));
        foreach (var r in rows.Where(r => r.ConsentedAt is not null))
            events.Add(new ConsentEvent(r.ConsentedAt!.Value, r.ConsentGiven == true ? ConsentEventKind.consent_given : ConsentEventKind.consent_declined));
        events.AddRange(rows.Where(r => r.RevokedAt is not null).Select(r => new ConsentEvent(r.RevokedAt!.Value, ConsentEventKind.consent_withdrawn)));
        return events;
    }
}
