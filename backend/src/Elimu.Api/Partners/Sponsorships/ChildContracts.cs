using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record AddChildrenRequest(IReadOnlyList<Guid>? StudentIds);

/// <summary>Why one id of a bulk add was refused: not_found, duplicate_in_request, already_in_program, in_another_program, over_max_children.</summary>
public sealed record RefusedStudent(Guid StudentId, string Reason, string Message);

public sealed record AddChildrenResponse(IReadOnlyList<SponsoredChildSummary> Added, ProgramChildCounts Children);

public sealed record SponsoredChildSummary(Guid Id, Guid StudentId, Guid ProgramId, SponsoredChildStatus Status, DateTime EnrolledAt);

/// <summary>
/// Figures shown on a child's card; null until a guardian has consented. Minutes, the alert and engagement follow the
/// learning week (ADR 0005), so they equal the activity view's.
/// </summary>
public sealed record ChildProgressSummary(int MinutesThisWeek, int MinutesLastWeek, string Trend, DateTime? LastActiveAt,
    decimal? AverageScore, bool HasAlert, int Engagement);

/// <summary>
/// A row of GET /children. Before consent (and after revocation) only first name, last initial, grade and county are
/// filled; school, full name and progress stay null.
/// </summary>
public sealed record SponsoredChildResponse(
    Guid Id,
    Guid StudentId,
    Guid ProgramId,
    string ProgramName,
    SponsoredChildStatus Status,
    ChildConsentStatus ConsentStatus,
    string DisplayName,
    string FirstName,
    string LastInitial,
    string? LastName,
    CbcGrade Grade,
    string County,
    string? School,
    DateTime EnrolledAt,
    DateTime? RemovedAt,
    ChildProgressSummary? Progress);
