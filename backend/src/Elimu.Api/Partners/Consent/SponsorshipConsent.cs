using Elimu.Api.Common;
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
    /// <summary>The exact text the guardian was shown, in English.</summary>
    public string ConsentText { get; set; } = "";
    /// <summary>The same text in Kiswahili, rendered with it; null on requests made before the Kiswahili text existed.</summary>
    public string? ConsentTextSw { get; set; }
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
    /// <summary>The language of the text the guardian answered (read and signed, or declined); null while unanswered.</summary>
    public Language? SignedLanguage { get; set; }
    /// <summary><see cref="Consent.ConsentText.Sha256"/> of the text in <see cref="SignedLanguage"/>, taken when answered.</summary>
    public string? SignedTextSha256 { get; set; }

    /// <summary>The languages this request can be read and signed in.</summary>
    public IReadOnlyList<Language> Languages => ConsentTextSw is null ? [Language.en] : [Language.en, Language.sw];

    /// <summary>The stored text in <paramref name="language"/>, or null when this request has none in it.</summary>
    public string? TextIn(Language language) => language == Language.sw ? ConsentTextSw : ConsentText;

    public ConsentStatus Status => RevokedAt is not null ? ConsentStatus.revoked
        : ConsentGiven switch { true => ConsentStatus.given, false => ConsentStatus.declined, null => ConsentStatus.pending };
}

/// <summary>A request's state; <c>expired</c> is derived from the clock (<see cref="ConsentExpiry"/>), never stored.</summary>
public enum ConsentStatus { pending, given, declined, revoked, expired }
