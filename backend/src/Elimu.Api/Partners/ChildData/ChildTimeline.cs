using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.ChildData;

public enum TimelineKind
{
    enrolled, consent_asked, reminded, expired, consent_given, consent_declined, consent_withdrawn,
    active, pending_consent, paused, graduated, left, removed, status_changed,
}

/// <param name="Actor">"you" (the signed-in member), "partner" (the organisation's account), "guardian" (consent answers),
/// a job's name or "system"; "elimu" for anyone else (an admin, a guardian's answer moving the status).</param>
public sealed record ChildTimelineItem(DateTime At, TimelineKind Kind, string? FromStatus, string? ToStatus, string Actor, string? Reason);

/// <summary>
/// GET /children/{id}/timeline: the child's story, newest first and paged: enrolment and status changes (the status
/// history) with the consent requests, reminders, answers, withdrawals and expiries (the consent rows). A consented
/// child's only, through the gate, and audited as a read like the other child views. Four queries.
/// </summary>
public static class ChildTimeline
{
    public static async Task<Ok<Paged<ChildTimelineItem>>> Handle(Guid id, int? page, int? pageSize, ClaimsPrincipal user, ChildAccess access,
        StatusHistoryReader history, ConsentHistory consent, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize);
        var partnerId = user.PartnerId();
        var child = await access.VisibleAsync(partnerId, id, "timeline", ct);
        var me = user.UserId();
        var items = (await history.OfChildAsync(partnerId, child.Id, ct))
            // Moves between waiting and active follow the guardians' answers, which the consent events already show.
            .Where(h => !(h.FromStatus is not null && IsConsentMove(h.FromStatus) && IsConsentMove(h.ToStatus)))
            .Select(h => new ChildTimelineItem(h.At, Kind(h), h.FromStatus, h.ToStatus, Actor(h, me, partnerId), h.Reason))
            .Concat((await consent.OfChildAsync(child.Id, DateTime.MinValue, ct)).Select(e => new ChildTimelineItem(e.At, Kind(e.Kind), null, null,
                e.Kind is ConsentEventKind.consent_given or ConsentEventKind.consent_declined or ConsentEventKind.consent_withdrawn ? "guardian"
                    : e.Kind is ConsentEventKind.consent_asked ? "partner" : StatusChangeActor.System, null)))
            .OrderByDescending(i => i.At).ThenByDescending(i => i.Kind)
            .ToList();
        return TypedResults.Ok(new Paged<ChildTimelineItem>(items.Skip(paging.Skip).Take(paging.PageSize).ToList(), paging.Page, paging.PageSize, items.Count));
    }

    private static bool IsConsentMove(string status) => status is nameof(SponsoredChildStatus.PENDING_CONSENT) or nameof(SponsoredChildStatus.ACTIVE);

    private static TimelineKind Kind(StatusChangeRow h) => h.FromStatus is null ? TimelineKind.enrolled : h.ToStatus switch
    {
        nameof(SponsoredChildStatus.ACTIVE) => TimelineKind.active,
        nameof(SponsoredChildStatus.PENDING_CONSENT) => TimelineKind.pending_consent,
        nameof(SponsoredChildStatus.PAUSED) => TimelineKind.paused,
        nameof(SponsoredChildStatus.GRADUATED) => TimelineKind.graduated,
        nameof(SponsoredChildStatus.REMOVED) => TimelineKind.removed,
        "LEFT" => TimelineKind.left,
        _ => TimelineKind.status_changed,
    };

    private static TimelineKind Kind(ConsentEventKind kind) => kind switch
    {
        ConsentEventKind.consent_asked => TimelineKind.consent_asked,
        ConsentEventKind.reminded => TimelineKind.reminded,
        ConsentEventKind.expired => TimelineKind.expired,
        ConsentEventKind.consent_given => TimelineKind.consent_given,
        ConsentEventKind.consent_declined => TimelineKind.consent_declined,
        _ => TimelineKind.consent_withdrawn,
    };

    private static string Actor(StatusChangeRow h, Guid me, Guid partnerId) =>
        h.ActorUserId is not { } who ? h.Actor : who == me ? "you" : who == partnerId ? "partner" : "elimu";
}
