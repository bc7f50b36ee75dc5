using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// A guardian's e-signature on a sponsorship. Created pending when consent is requested; the answer
/// fields are written once; afterwards only the revocation fields change. A guardian who changes their mind
/// (consents after declining or withdrawing) gets a new row; rows are never rewritten (docs/adr/0004).
/// </summary>
public class SponsorshipConsent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The enrolment asked about; Consent reads it through Sponsorships' <c>EnrolmentReader</c>, not a navigation.</summary>
    public Guid SponsoredChildId { get; set; }
    public Guid ParentId { get; set; }
    public AppUser? Parent { get; set; }
    /// <summary>Null while the request is unanswered.</summary>
    public bool? ConsentGiven { get; set; }
    /// <summary>The exact text the guardian was shown.</summary>
    public string ConsentText { get; set; } = "";
    public string ConsentTextVersion { get; set; } = "";
    /// <summary>The program as shown with the request; null on requests made before snapshots were kept.</summary>
    public ConsentProgramSnapshot? Shown { get; set; }
    /// <summary>When this row changes an earlier answer of the same guardian (a decline or a withdrawal), that row.</summary>
    public Guid? ChangesAnswerId { get; set; }
    /// <summary>The full name the guardian typed as their signature.</summary>
    public string? SignedName { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime RequestedAt { get; set; }
    /// <summary>When the guardian answered (agreed or declined).</summary>
    public DateTime? ConsentedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }

    public ConsentStatus Status => RevokedAt is not null ? ConsentStatus.revoked
        : ConsentGiven switch { true => ConsentStatus.given, false => ConsentStatus.declined, null => ConsentStatus.pending };
}

public enum ConsentStatus { pending, given, declined, revoked }
