using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.ChildData;

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
