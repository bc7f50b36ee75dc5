using System.Globalization;
using Elimu.Api.Common;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// When an unanswered request stops being answerable. Expiry is derived, not written: a request made more than
/// <see cref="ConsentRequestOptions.ExpiryDays"/> ago and still unanswered is expired. No job has to run for it to
/// happen, no row is edited (the answer fields of a pending row are written once, by the guardian), and no "expired" row
/// sits beside the request to be kept in step with it: every reader (the gate, the counters, the parent's inbox, the
/// partner's list) applies the one cut-off below, from the injected clock. The reminder job only sends notices.
/// </summary>
public sealed class ConsentExpiry(IOptions<ConsentRequestOptions> options, TimeProvider clock)
{
    public ConsentRequestOptions Options => options.Value;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Requests made before this instant and still unanswered have expired.</summary>
    public DateTime ExpiredBefore => Options.ExpiredBefore(Now);

    public bool IsExpired(SponsorshipConsent request) => request.ConsentGiven is null && request.RevokedAt is null && request.RequestedAt < ExpiredBefore;

    /// <summary>410 consent_request_expired: the guardian can no longer answer it; the partner may ask again.</summary>
    public DomainException Expired(SponsorshipConsent request)
    {
        var error = new DomainException(StatusCodes.Status410Gone, "consent_request_expired", "This consent request has expired.",
            $"This request expired on {Options.ExpiresAt(request.RequestedAt).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} without an answer. The partner may ask you again.");
        error.Extensions["expiredAt"] = Options.ExpiresAt(request.RequestedAt);
        return error;
    }
}
