using Elimu.Api.Common;

namespace Elimu.Api.Partners.Consent;

/// <summary>Ask the guardians of one child, or of every child of a program still waiting for consent.</summary>
public sealed record ConsentRequestBody(Guid? SponsoredChildId, Guid? ProgramId);

/// <param name="Requested">Consent rows created (one per guardian asked).</param>
/// <param name="AlreadyPending">Guardians who already had an open request for that child.</param>
/// <param name="WithoutGuardian">Children with no guardian account to ask.</param>
public sealed record ConsentRequestResult(int Children, int Requested, int AlreadyPending, IReadOnlyList<Guid> WithoutGuardian)
{
    /// <summary>Children whose guardians were asked too recently to be asked again (ConsentRequestOptions.ReaskDays), with the date it becomes possible.</summary>
    public IReadOnlyList<ReaskTooSoon> TooSoon { get; init; } = [];
}

/// <summary>A child not asked again yet: its guardians can be asked from <paramref name="AvailableFrom"/>.</summary>
public sealed record ReaskTooSoon(Guid SponsoredChildId, DateTime AvailableFrom);

/// <param name="Children">Children waiting for consent that the request targets.</param>
/// <param name="ChildrenToAsk">Of those, children with at least one guardian who would be asked now.</param>
/// <param name="GuardiansToAsk">Consent requests the request would create (one per guardian and child).</param>
/// <param name="AlreadyPending">Guardians who already have an open request for that child (not asked again).</param>
/// <param name="SampleText">The consent text as guardians will read it, with the child's and guardian's names as placeholders.</param>
/// <param name="SampleTextSw">The same in Kiswahili: each guardian reads and signs the language they choose.</param>
public sealed record ConsentRequestPreview(int Children, int ChildrenToAsk, int GuardiansToAsk, int AlreadyPending,
    IReadOnlyList<ChildWithoutGuardian> WithoutGuardian, string ConsentTextVersion, string SampleText,
    IReadOnlyList<string> PartnerSees, IReadOnlyList<string> PartnerDoesNotSee, string SampleTextSw);

/// <summary>A child nobody can be asked for: first name and last initial only (no consent yet).</summary>
public sealed record ChildWithoutGuardian(Guid Id, string DisplayName);

/// <summary>
/// The guardian's answer: the checkbox (agree), the typed full name, the version of the text they read and its language
/// (English when left out); the record keeps the language and the hash of the text in it.
/// </summary>
public sealed record ConsentAnswer(bool? Agree, string? SignedName, string? ConsentTextVersion, Language? Language = null);

public sealed record RevokeBody(string? Reason);

/// <summary>
/// One signature for several waiting requests of the same program (one per child): the ids, the ticked box (agree must
/// be true: declining is answered child by child), the typed full name and the version of the text read.
/// </summary>
public sealed record ConsentAnswerTogether(IReadOnlyList<Guid>? RequestIds, bool? Agree, string? SignedName, string? ConsentTextVersion,
    Language? Language = null);

/// <summary>The records written by one signature, one per child, in the order the ids were sent.</summary>
public sealed record ConsentsAnsweredTogether(IReadOnlyList<ParentConsentResponse> Answered);

/// <summary>
/// A consent request as its guardian sees it. Partner name, program name, description, goals and dates are as shown when
/// the guardian was asked (<see cref="ShownAsAsked"/>: false only for requests made before that was recorded).
/// <see cref="CanChangeToConsent"/>: a decline or a withdrawal that the guardian may turn into consent now.
/// <see cref="ConsentText"/> is in <see cref="ConsentTextLanguage"/>: the language asked for while the request waits (English
/// when it has no text in that language), and once answered the language the guardian answered in, so the record shows the
/// words signed. The lists of what the partner sees follow the language asked for. <see cref="ConsentTextLanguages"/>: the
/// languages it can be signed in; <see cref="SignedTextSha256"/>: the hash kept with the answer.
/// </summary>
public sealed record ParentConsentResponse(
    Guid Id,
    ConsentStatus Status,
    string ConsentText,
    string ConsentTextVersion,
    string PartnerName,
    string? PartnerOrganizationType,
    string ProgramName,
    Guid ProgramId,
    string? ProgramDescription,
    IReadOnlyList<string> ProgramGoals,
    DateOnly? ProgramStartDate,
    DateOnly? ProgramEndDate,
    bool ShownAsAsked,
    Guid StudentId,
    string ChildName,
    IReadOnlyList<string> WhatPartnerSees,
    IReadOnlyList<string> WhatPartnerDoesNotSee,
    DateTime RequestedAt,
    DateTime? ConsentedAt,
    string? SignedName,
    DateTime? RevokedAt,
    string? RevocationReason,
    bool CanChangeToConsent,
    Language ConsentTextLanguage,
    IReadOnlyList<Language> ConsentTextLanguages,
    Language? SignedLanguage,
    string? SignedTextSha256)
{
    /// <summary>When an unanswered request expires (or expired: then <see cref="Status"/> is expired); null once answered.</summary>
    public DateTime? ExpiresAt { get; init; }
}

/// <summary>
/// A partner's view of one child's consent: the guardians asked and how they answered; <see cref="SignedLanguages"/>: the
/// languages of the consents that stand (a guardian may sign in Kiswahili).
/// </summary>
public sealed record ChildConsentResponse(
    Guid SponsoredChildId,
    Guid ProgramId,
    string ProgramName,
    string ChildName,
    ChildConsentStatus Status,
    int GuardiansAsked,
    int GuardiansAnswered,
    DateTime? LastRequestedAt,
    DateTime? ConsentedAt,
    DateTime? RevokedAt,
    IReadOnlyList<Language> SignedLanguages)
{
    /// <summary>When the open request expires unanswered; null when none is open.</summary>
    public DateTime? ExpiresAt { get; init; }
    /// <summary>Whole days left before <see cref="ExpiresAt"/> (rounded up): "expires in N days".</summary>
    public int? ExpiresInDays { get; init; }
    /// <summary>"Reminded N times": reminders sent for the latest request.</summary>
    public int RemindersSent { get; init; }
    /// <summary>The request expired, was declined or withdrawn, and the partner may ask again now.</summary>
    public bool CanAskAgain { get; init; }
    /// <summary>When the partner may ask again, while the re-ask window is still closed; null otherwise.</summary>
    public DateTime? AskAgainFrom { get; init; }
}
