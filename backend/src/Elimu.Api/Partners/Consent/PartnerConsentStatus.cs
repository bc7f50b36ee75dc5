using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// GET /consent/status: every (not removed) child of the partner with where its consent stands, when its open request
/// expires, how many times its guardians were reminded of it, and when the partner may ask again. Four queries a page.
/// </summary>
public static class PartnerConsentStatus
{
    public static async Task<Ok<Paged<ChildConsentResponse>>> Handle(Guid? programId, ChildConsentStatus? status, int? page, int? pageSize,
        ClaimsPrincipal user, AppDbContext db, SponsoredChildReader sponsored, EnrolmentReader enrolments, ConsentReader reader, ConsentExpiry expiry,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var expiredBefore = expiry.ExpiredBefore;
        var children = sponsored.OfPartner(partnerId).Where(c => !SponsoredChildStatusChanges.Departed.Contains(c.Status));
        if (programId is { } pid) children = children.Where(c => c.ProgramId == pid);
        children = status switch
        {
            ChildConsentStatus.given => children.Where(c => reader.Visible(partnerId).Any(v => v.Id == c.Id)),
            ChildConsentStatus.pending => children.Where(c => c.Status == SponsoredChildStatus.PENDING_CONSENT
                && db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && k.ConsentGiven == null && k.RevokedAt == null && k.RequestedAt >= expiredBefore)),
            ChildConsentStatus.expired => children.Where(c => c.Status == SponsoredChildStatus.PENDING_CONSENT
                && db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && k.ConsentGiven == null && k.RequestedAt < expiredBefore)
                && !db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && (k.ConsentGiven != null || k.RequestedAt >= expiredBefore))),
            ChildConsentStatus.not_requested => children.Where(c => !db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id)),
            ChildConsentStatus.revoked => children.Where(c => c.Status == SponsoredChildStatus.PENDING_CONSENT
                && db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && k.RevokedAt != null)),
            ChildConsentStatus.declined => children.Where(c => c.Status == SponsoredChildStatus.PENDING_CONSENT
                && db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && k.ConsentGiven == false)),
            ChildConsentStatus.program_not_active => children.Where(c => enrolments.OfPartner(partnerId)
                    .Any(e => e.Id == c.Id && !ProgramLifecycle.ExposesChildData.Contains(e.ProgramStatus))
                && db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && k.ConsentGiven == true && k.RevokedAt == null)),
            _ => children,
        };

        var paged = await children.OrderBy(c => c.FirstName).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ProgramId, c.ProgramName, c.Status, c.FirstName, c.LastName })
            .ToPagedAsync(PageRequest.From(page, pageSize), ct);
        var ids = paged.Items.Select(c => c.Id).ToList();
        var statuses = await reader.StatusesAsync(partnerId, ids, "consent-status", ct);
        var rows = await db.SponsorshipConsents.Where(k => ids.Contains(k.SponsoredChildId))
            .Select(k => new { k.SponsoredChildId, k.ConsentGiven, k.RequestedAt, k.ConsentedAt, k.RevokedAt, k.SignedLanguage }).ToListAsync(ct);
        var reminders = await (from r in db.ConsentReminders
                               join k in db.SponsorshipConsents on r.ConsentId equals k.Id
                               where ids.Contains(k.SponsoredChildId)
                               select new { k.SponsoredChildId, k.RequestedAt, r.Day }).ToListAsync(ct);
        var o = expiry.Options;
        var now = expiry.Now;

        var items = paged.Items.Select(c =>
        {
            var mine = rows.Where(r => r.SponsoredChildId == c.Id).ToList();
            var visible = statuses[c.Id] == ChildConsentStatus.given;
            var lastAsked = mine.Max(r => (DateTime?)r.RequestedAt);
            // The open request's expiry (the earliest, with two guardians asked at different times).
            var expiresAt = mine.Where(r => r.ConsentGiven == null && r.RevokedAt == null && r.RequestedAt >= expiredBefore)
                .Min(r => (DateTime?)o.ExpiresAt(r.RequestedAt));
            // "Reminded N times": the reminder days sent for the latest round of requests (two guardians reminded the same day count once).
            var reminded = lastAsked is { } last ? reminders.Where(r => r.SponsoredChildId == c.Id && r.RequestedAt == last).Select(r => r.Day).Distinct().Count() : 0;
            var mayReask = statuses[c.Id] is ChildConsentStatus.expired or ChildConsentStatus.declined or ChildConsentStatus.revoked;
            var askAgainFrom = mayReask && lastAsked is { } l ? l + o.Reask : (DateTime?)null;
            return new ChildConsentResponse(c.Id, c.ProgramId, c.ProgramName,
                StudentDirectory.NameFor(c.FirstName, c.LastName, visible),
                statuses[c.Id], mine.Count, mine.Count(r => r.ConsentGiven is not null),
                mine.Max(r => (DateTime?)r.RequestedAt),
                mine.Where(r => r.ConsentGiven == true).Max(r => r.ConsentedAt),
                mine.Max(r => r.RevokedAt),
                mine.Where(r => r.ConsentGiven == true && r.RevokedAt == null && r.SignedLanguage != null)
                    .Select(r => r.SignedLanguage!.Value).Distinct().Order().ToList())
            {
                ExpiresAt = expiresAt,
                ExpiresInDays = expiresAt is { } e ? Math.Max(0, (int)Math.Ceiling((e - now).TotalDays)) : null,
                RemindersSent = reminded,
                CanAskAgain = mayReask && askAgainFrom <= now,
                AskAgainFrom = askAgainFrom > now ? askAgainFrom : null,
            };
        }).ToList();
        return TypedResults.Ok(new Paged<ChildConsentResponse>(items, paged.Page, paged.PageSize, paged.Total));
    }
}
